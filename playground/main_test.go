package playground

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// The tests run while a real Ebitengine loop runs on the main thread, so
// that every frame they ask for is a real frame that ends (and flushes its
// drawing) like a frame of the app. TestMain starts the loop; the tests
// run in another goroutine and hand frames to the loop through jobs.

// frameJob is one frame: update runs in Update, draw in Draw.
type frameJob struct {
	update func() error
	draw   func(screen *ebiten.Image)
	done   chan error
}

var jobs = make(chan *frameJob)

// harness is the game that runs the tests and their frames.
type harness struct {
	m       *testing.M
	once    sync.Once
	code    int
	ended   chan struct{}
	current *frameJob
	err     error
}

func (h *harness) Update() error {
	h.once.Do(func() {
		go func() {
			h.code = h.m.Run()
			close(h.ended)
		}()
	})
	select {
	case <-h.ended:
		return ebiten.Termination
	case h.current = <-jobs:
		h.err = h.current.update()
	case <-time.After(5 * time.Millisecond):
	}
	return nil
}

func (h *harness) Draw(screen *ebiten.Image) {
	if h.current == nil {
		return
	}
	if h.err == nil {
		h.current.draw(screen)
	}
	h.current.done <- h.err
	h.current = nil
}

func (*harness) Layout(int, int) (int, int) { return 320, 240 }

func TestMain(m *testing.M) {
	ebiten.SetWindowSize(320, 240)
	ebiten.SetVsyncEnabled(false)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	h := &harness{m: m, ended: make(chan struct{})}
	if err := ebiten.RunGame(h); err != nil {
		fmt.Fprintf(os.Stderr, "ebiten: %v (graphics tests need a display: run them under xvfb-run, as make test does)\n", err)
		os.Exit(1)
	}
	os.Exit(h.code)
}

// onFrame runs update and draw in the next real frame and waits for it.
func onFrame(update func() error, draw func(screen *ebiten.Image)) error {
	j := &frameJob{update: update, draw: draw, done: make(chan error, 1)}
	jobs <- j
	return <-j.done
}
