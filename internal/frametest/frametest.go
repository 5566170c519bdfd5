// Package frametest runs a package's tests while a real Ebitengine loop runs
// on the main thread, so that every frame a test asks for is a real frame
// that ends (and flushes its drawing) like a frame of the app.
//
// Use it from TestMain:
//
//	func TestMain(m *testing.M) { frametest.Main(m) }
//
// and run work that needs the graphics loop (drawing, shaders, ReadPixels)
// with OnFrame. The tests need a display: make test runs them under Xvfb.
package frametest

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// job is one frame: update runs in Update, draw in Draw.
type job struct {
	update func() error
	draw   func(screen *ebiten.Image)
	done   chan error
}

var jobs = make(chan *job)

// harness is the game that runs the tests and their frames.
type harness struct {
	m       *testing.M
	once    sync.Once
	code    int
	ended   chan struct{}
	current *job
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

// Main runs m's tests beside a running Ebitengine loop (vsync off, one
// tick per frame) and exits with their status. It reports a loop that
// cannot start, such as when there is no display, and exits 1.
func Main(m *testing.M) {
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

// OnFrame runs update in the next real frame's Update and draw in its Draw,
// and waits for them; draw is skipped when update fails.
func OnFrame(update func() error, draw func(screen *ebiten.Image)) error {
	j := &job{update: update, draw: draw, done: make(chan error, 1)}
	jobs <- j
	return <-j.done
}

// Do runs f in the next frame's Update and returns its error.
func Do(f func() error) error {
	return OnFrame(f, func(*ebiten.Image) {})
}
