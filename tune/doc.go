// Package tune searches hyperparameters: it runs many ordinary
// compute.Config runs that differ in a few fields and ranks them by final
// loss.
//
// A Space is a list of Params, each parsed from a spec such as
// "lr=1e-4:1" (a range, on a log scale where the optimizer registry says
// so), "momentum=0,0.5,0.9" (a list) or "batch_size=8:256" (whole
// numbers). A Param names any registered hyperparameter (compute.HyperByKey)
// or one of the run's schedule, batch and penalty fields (RunFields).
// Options chooses the method: Grid (every combination of GridPoints points
// per range), Random (seeded, reproducible samples) or Halving (successive
// halving: many trials on a small budget, the best third kept with three
// times the budget, until one is left or the full budget is reached).
//
// A Sweep hands out trials and takes back their results in any order, so
// that the same sweep runs on a pool of goroutines (Run, results identical
// whatever GOMAXPROCS) or a few trials per frame in a page (Next, Execute,
// Report). Each trial is the Config that "descent run" would run, built with
// Config.Build and carried out with Run.Execute.
package tune
