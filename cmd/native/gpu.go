//go:build !nogui

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/compute/gpu"
)

// oneShot is a game whose first Update runs work and ends the loop: GPU
// work has to happen inside Ebitengine's loop.
type oneShot struct {
	work func()
}

func (o *oneShot) Update() error {
	o.work()
	return ebiten.Termination
}

func (*oneShot) Draw(*ebiten.Image) {}

func (*oneShot) Layout(int, int) (int, int) { return 16, 16 }

// executeOnGPU builds cfg on the GPU backend and runs it inside a hidden
// Ebitengine loop. When the GPU backend cannot start it says why on stderr
// and returns nil, so that the caller runs on the CPU. attach is called with
// the run inside the loop, before its first step, so that nothing is
// written when the loop cannot start.
func executeOnGPU(cfg compute.Config, stderr io.Writer, attach func(*compute.Run)) (*compute.Run, compute.StopReason, error) {
	fallback := func(why error) (*compute.Run, compute.StopReason, error) {
		fmt.Fprintf(stderr, "descent run: the GPU backend cannot start (%v); using the CPU backend\n", why)
		return nil, "", nil
	}
	if runtime.GOOS == "linux" && os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return fallback(fmt.Errorf("no display: Ebitengine needs one, e.g. xvfb-run"))
	}
	b, err := gpu.NewBackend()
	if err != nil {
		return fallback(err)
	}
	run, err := cfg.Build(b)
	if err != nil {
		return nil, "", err
	}
	var reason compute.StopReason
	ebiten.SetWindowVisible(false)
	ebiten.SetWindowSize(16, 16)
	if err := runGame(&oneShot{work: func() {
		attach(run)
		reason = run.Execute(context.Background())
	}}); err != nil {
		return fallback(err)
	}
	return run, reason, nil
}

// runGame runs g, turning a panic of a loop that cannot start into an
// error.
func runGame(g ebiten.Game) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return ebiten.RunGame(g)
}
