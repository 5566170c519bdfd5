package playground

import (
	"runtime"
	"testing"
	"time"
)

// recordingWorld returns a world on scenario whose ended runs are
// appended to *got.
func recordingWorld(t *testing.T, scenario string, got *[]HistoryEntry) *World {
	t.Helper()
	w, err := NewWorld(scenario)
	if err != nil {
		t.Fatal(err)
	}
	w.OnRunEnd(func(e HistoryEntry) { *got = append(*got, e) })
	return w
}

// onlyRacer enables only the named racer, at learning rate lr.
func onlyRacer(w *World, name string, lr float64) {
	for _, r := range w.Racers {
		r.Enabled = r.Spec.Name == name
		if r.Enabled {
			r.Hyper["lr"] = lr
		}
	}
	w.Reset()
}

// TestRunRecordedOnce checks when a run is recorded: once when it is
// reset after a step (not again on a second reset, not for a run with no
// step), once when another scenario opens, once when every racer stopped
// (and not again when it is then reset), and not by a restored state's
// replay, which is recorded when it is reset. The entry's link opens the
// same race.
func TestRunRecordedOnce(t *testing.T) {
	var got []HistoryEntry
	w := recordingWorld(t, "bowl", &got)
	w.Reset()
	w.Advance(10)
	w.Reset()
	w.Reset()
	if len(got) != 1 || got[0].End != "reset" || got[0].Steps != 10 {
		t.Fatalf("after a run of 10 steps and two resets: %d entries %+v, want one reset run of 10 steps", len(got), got)
	}
	w.Advance(5)
	if err := w.SetScenario("rosenbrock"); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].End != "scenario" || got[1].Scenario != "bowl" || got[1].Steps != 5 {
		t.Fatalf("after a scenario change: %+v", got[1:])
	}
	if err := w.SetScenario("bowl"); err != nil {
		t.Fatal(err)
	}
	onlyRacer(w, "sgd", 0.15) // diverges: 1 − 0.15·20 = −2
	for range 200 {
		w.Advance(1)
	}
	if len(got) != 3 || got[2].End != "finished" || got[2].Racers[0].Stop != "diverged" {
		t.Fatalf("after a race whose racers all stopped: %d entries, last %+v", len(got), got[len(got)-1])
	}
	finished := got[2]
	w.Reset()
	if len(got) != 3 {
		t.Fatalf("a finished run was recorded again when reset")
	}
	st, err := DecodeLink(finished.Link)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetState(st); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("replaying a restored state recorded a run")
	}
	// The link holds one step more than the run took: the step that finds
	// the divergence (replaySteps).
	if sgd := w.Racers[racerIndex(w, "sgd")].Run(); w.Steps() != finished.Steps || sgd.Losses.Last() != float64(finished.Racers[0].FinalLoss) {
		t.Errorf("the entry's link opens a race of %d steps (final loss %g), want %d (%g)", w.Steps(), sgd.Losses.Last(), finished.Steps, float64(finished.Racers[0].FinalLoss))
	}
	w.Reset()
	if len(got) != 4 || got[3].WallSeconds != 0 || got[3].Steps != finished.Steps {
		t.Errorf("resetting a restored race: %d entries; want it recorded once with no wall time", len(got))
	}
}

// racerIndex is the position of the named racer.
func racerIndex(w *World, name string) int {
	for i, r := range w.Racers {
		if r.Spec.Name == name {
			return i
		}
	}
	return -1
}

// TestHistoryEntryBounded records a long race of every optimizer and
// checks the entry's bounds: at most MaxHistoryPoints losses per racer,
// the first and the recorder's last among them, its JSON under 40 kB per racer,
// and building it costs under 1 MiB of heap per racer.
func TestHistoryEntryBounded(t *testing.T) {
	var got []HistoryEntry
	w := recordingWorld(t, "bowl", &got)
	for _, r := range w.Racers {
		r.Enabled = true
	}
	w.Reset()
	const steps = 5000
	w.Advance(steps)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	w.Reset()
	runtime.ReadMemStats(&after)
	if len(got) != 1 {
		t.Fatalf("%d entries, want 1", len(got))
	}
	e := got[0]
	n := len(e.Racers)
	if n != len(w.Racers) {
		t.Fatalf("%d racers recorded, want %d", n, len(w.Racers))
	}
	for _, r := range e.Racers {
		k := len(r.Losses)
		if k > MaxHistoryPoints || k < 2 || r.LossSteps[0] != 0 || r.LossSteps[k-1] < r.Steps-1 || r.Losses[k-1] != r.FinalLoss {
			t.Errorf("%s: %d losses from step %d to %d, want at most %d from 0 to the last (step %d)", r.Optimizer, k, r.LossSteps[0], r.LossSteps[k-1], MaxHistoryPoints, r.Steps)
		}
	}
	data, err := EncodeHistory(got)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > n*40_000 {
		t.Errorf("entry of %d racers is %d bytes of JSON, want at most %d", n, len(data), n*40_000)
	}
	// Reset also builds the new runs; the bound holds for both.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(n)<<20 {
		t.Errorf("recording allocated %d bytes, want at most %d", alloc, n<<20)
	}
	t.Logf("%d racers × %d steps: %d bytes of JSON, %d bytes allocated by Reset", n, steps, len(data), after.TotalAlloc-before.TotalAlloc)
}

// TestRunWallTime steps a race with a short gap (a frame, counted) and a
// long one (a pause, left out) and checks the recorded wall time.
func TestRunWallTime(t *testing.T) {
	var got []HistoryEntry
	w := recordingWorld(t, "bowl", &got)
	w.Advance(1)
	time.Sleep(100 * time.Millisecond)
	w.Advance(1)
	time.Sleep(maxStepGap + 200*time.Millisecond)
	w.Advance(1)
	w.Reset()
	if len(got) != 1 || got[0].WallSeconds < 0.1 || got[0].WallSeconds > 0.1+maxStepGap.Seconds() {
		t.Errorf("wall time %+v, want about 0.1 s: the frame's gap counted, the pause's not", got)
	}
}
