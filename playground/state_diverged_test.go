package playground

import "testing"

// TestLinkOfDivergedRaceDiverges plays gradient descent at rate 0.09 on
// the classic five points until its run diverges (the trainer stops it
// at step 102, when the next step's loss passes compute.DivergenceLimit:
// descent run --lr 0.09 says "stopped after 102 steps: diverged"), then
// opens the race's link in a new world: there too the racer has
// diverged at that step (the cross is drawn), and the link is the same.
func TestLinkOfDivergedRaceDiverges(t *testing.T) {
	st, err := DecodeLink("#s=classic&o=sgd&sgd.lr=0.09")
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWorld("classic")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetState(st); err != nil {
		t.Fatal(err)
	}
	for w.Advance(1) > 0 && w.Steps() < 1000 {
	}
	r := w.Racers[0]
	if !r.Diverged() || r.DivergedAt() != 102 {
		t.Fatalf("the played race: diverged %v at step %d, want step 102", r.Diverged(), r.DivergedAt())
	}
	link := EncodeLink(w.State())
	st2, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := NewWorld("classic")
	if err != nil {
		t.Fatal(err)
	}
	if err := w2.SetState(st2); err != nil {
		t.Fatal(err)
	}
	if r2 := w2.Racers[0]; !r2.Diverged() || r2.DivergedAt() != 102 || w2.Steps() != 102 {
		t.Errorf("opened from %s: diverged %v at step %d after %d steps, want diverged at step 102", link, r2.Diverged(), r2.DivergedAt(), w2.Steps())
	}
	if again := EncodeLink(w2.State()); again != link {
		t.Errorf("the opened race's link %s, want the same as %s", again, link)
	}
}

// TestHistoryLinkOfDivergedRun records a race whose one racer diverges
// (gradient descent at 0.15 on the bowl: 1 − 0.15·20 = −2) and opens the
// history entry's link: the racer has diverged at the same step at once,
// without a further step.
func TestHistoryLinkOfDivergedRun(t *testing.T) {
	var got []HistoryEntry
	w := recordingWorld(t, "bowl", &got)
	onlyRacer(w, "sgd", 0.15)
	for range 200 {
		w.Advance(1)
	}
	if len(got) != 1 || got[0].Racers[0].Stop != "diverged" {
		t.Fatalf("want one entry of a diverged run, got %+v", got)
	}
	at := w.Racers[racerIndex(w, "sgd")].DivergedAt()
	st, err := DecodeLink(got[0].Link)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := NewWorld("bowl")
	if err != nil {
		t.Fatal(err)
	}
	if err := w2.SetState(st); err != nil {
		t.Fatal(err)
	}
	if r := w2.Racers[racerIndex(w2, "sgd")]; !r.Diverged() || r.DivergedAt() != at || w2.Steps() != got[0].Steps {
		t.Errorf("the entry's link %s opens: diverged %v at step %d after %d steps, want diverged at %d after %d", got[0].Link, r.Diverged(), r.DivergedAt(), w2.Steps(), at, got[0].Steps)
	}
}

// TestLinkOfRaceWithOneDivergedRacer races gradient descent at 0.15 on
// the bowl (diverges: 1 − 0.15·20 = −2) beside Adam, pausing just after
// the first stopped: the link holds the steps taken, and opening it puts
// both racers where they were, the one diverged, the other at that step.
func TestLinkOfRaceWithOneDivergedRacer(t *testing.T) {
	st, err := DecodeLink("#s=bowl&o=sgd,adam&sgd.lr=0.15")
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWorld("bowl")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetState(st); err != nil {
		t.Fatal(err)
	}
	sgd, adam := w.Racers[racerIndex(w, "sgd")], w.Racers[racerIndex(w, "adam")]
	for !sgd.Diverged() && w.Steps() < 1000 {
		w.Advance(1)
	}
	link := EncodeLink(w.State())
	st2, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	w2, err := NewWorld("bowl")
	if err != nil {
		t.Fatal(err)
	}
	if err := w2.SetState(st2); err != nil {
		t.Fatal(err)
	}
	sgd2, adam2 := w2.Racers[racerIndex(w2, "sgd")], w2.Racers[racerIndex(w2, "adam")]
	if !sgd2.Diverged() || sgd2.DivergedAt() != sgd.DivergedAt() || adam2.Trainer().Steps() != adam.Trainer().Steps() {
		t.Errorf("opened from %s: SGD diverged %v at %d, Adam at step %d; want diverged at %d, Adam at %d",
			link, sgd2.Diverged(), sgd2.DivergedAt(), adam2.Trainer().Steps(), sgd.DivergedAt(), adam.Trainer().Steps())
	}
}
