//go:build !js

package playground

import (
	"context"

	"github.com/descent-playground/descent/tune"
)

// run runs the sweep in a goroutine, one racer's sweep after another, each
// on every core (tune.Run); the frame never waits for it.
func (a *appSweep) run(ctx context.Context, gen int) {
	a.mu.Lock()
	runs := a.runs
	a.mu.Unlock()
	go func() {
		for i, r := range runs {
			err := tune.Run(ctx, r.sweep, 0, func(p tune.Progress) { a.report(gen, i, p.Trial) })
			if err != nil {
				a.finish(gen, err)
				return
			}
		}
		a.finish(gen, nil)
	}()
}

// tick has nothing to do natively: the goroutine runs the trials.
func (a *appSweep) tick() {}
