//go:build js

package playground

import (
	"context"
	"time"
)

// sweepSlice is how long the page's frame spends on trials.
const sweepSlice = 8 * time.Millisecond

// run keeps ctx for tick: the page has one thread, so its trials run a
// few per frame.
func (a *appSweep) run(ctx context.Context, _ int) { a.ctx = ctx }

// tick runs trials for about sweepSlice of this frame (at least one).
func (a *appSweep) tick() { a.runSlice(a.ctx, sweepSlice) }
