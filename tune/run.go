package tune

import (
	"context"
	"runtime"
)

// Progress is a sweep's progress, reported after each trial.
type Progress struct {
	// Done of Total trials have run.
	Done, Total int
	// Trial is the trial that has just run.
	Trial *Trial
	// Best is the best trial so far (see Sweep.Best).
	Best *Trial
}

// Run runs the sweep's trials on workers goroutines (GOMAXPROCS when
// workers < 1), each trial an independent run, and calls progress (when
// not nil) after each trial from the calling goroutine. The outcome does
// not depend on the number of workers: each trial's run is the same, and
// rounds are planned from complete rankings. When ctx is done Run stops
// handing out trials, lets the running ones stop (as cancelled) and
// returns ctx's error.
func Run(ctx context.Context, s *Sweep, workers int, progress func(Progress)) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan *Trial)
	results := make(chan *Trial)
	for range workers {
		go func() {
			for t := range jobs {
				t.Execute(ctx)
				results <- t
			}
		}()
	}
	defer close(jobs)
	done, running := 0, 0
	for {
		if ctx.Err() == nil {
			for running < workers {
				t, ok := s.Next()
				if !ok {
					break
				}
				jobs <- t
				running++
			}
		}
		if running == 0 {
			return ctx.Err()
		}
		t := <-results
		running--
		s.Report(t)
		done++
		if progress != nil {
			progress(Progress{Done: done, Total: s.Total(), Trial: t, Best: s.Best()})
		}
	}
}
