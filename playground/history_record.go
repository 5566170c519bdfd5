package playground

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/descent-playground/descent/compute"
)

// A run is recorded once, when it ends: when every racer has stopped
// (World.Advance finds none running), or when the race starts over with
// at least one step taken (World.Reset: the Reset button, any change to
// what the racers run, another scenario, a restored state). Replays of a
// restored state add no wall time and record nothing by finishing; the
// restored race is recorded when it is reset. A run with no step is not
// recorded. Its wall time is the time spent racing: the steps' own time
// and the frames between them, pauses (gaps over maxStepGap) left out.

// runLog is what the World keeps of the current run for the history.
type runLog struct {
	// ended, when set, receives each run as it ends.
	ended func(HistoryEntry)
	// state is the world's state when the run began; racers its runs.
	state  State
	racers []loggedRacer
	// wall is the time spent racing, last when the latest step ended;
	// done says the run was recorded.
	wall time.Duration
	last time.Time
	done bool
	// replaying is set while a restored state's steps are replayed.
	replaying bool
}

// loggedRacer is one racer of the current run.
type loggedRacer struct {
	spec *compute.OptimizerSpec
	run  *compute.Run
}

// OnRunEnd makes the world hand each run to f as it ends (nil: to no
// one); see the comment above runLog for when that is.
func (w *World) OnRunEnd(f func(HistoryEntry)) { w.log.ended = f }

// beginRun notes the run that Reset has just built.
func (w *World) beginRun() {
	w.log.state, w.log.racers, w.log.wall, w.log.last, w.log.done = w.State(), nil, 0, time.Time{}, false
	for _, r := range w.Racers {
		if r.run != nil {
			w.log.racers = append(w.log.racers, loggedRacer{spec: r.Spec, run: r.run})
		}
	}
}

// endRun records the current run, once, if it took a step.
func (w *World) endRun(end string) {
	l := &w.log
	if l.ended == nil || l.done || l.steps() == 0 {
		return
	}
	l.done = true
	l.ended(l.entry(end, time.Now()))
}

// replay advances a restored state's race by steps without timing it.
func (w *World) replay(steps int) int {
	w.log.replaying = true
	defer func() { w.log.replaying = false }()
	return w.Advance(steps)
}

// maxStepGap is the longest time between two Advance calls that counts
// as racing; a longer one is a pause.
const maxStepGap = 250 * time.Millisecond

// noteAdvance counts the time of an Advance call that began at t0 and,
// when the previous call ended less than maxStepGap before, the time
// since (the frame between them), and records the run when no racer is
// left running.
func (w *World) noteAdvance(t0 time.Time, running int) {
	l := &w.log
	if l.replaying {
		return
	}
	now := time.Now()
	if gap := now.Sub(l.last); !l.last.IsZero() && gap < maxStepGap+now.Sub(t0) {
		l.wall += gap
	} else {
		l.wall += now.Sub(t0)
	}
	l.last = now
	if running == 0 {
		w.endRun("finished")
	}
}

// resetEnd is why Reset ends the current run: another scenario, or a reset.
func (w *World) resetEnd() string {
	if w.scenario != nil && w.log.state.Scenario != w.scenario.Name {
		return "scenario"
	}
	return "reset"
}

// steps is the length of the run: its longest racer's.
func (l *runLog) steps() int {
	n := 0
	for _, r := range l.racers {
		n = max(n, r.run.Trainer.Steps())
	}
	return n
}

// entry describes the run as a history entry, recorded at now.
func (l *runLog) entry(end string, now time.Time) HistoryEntry {
	st := l.state.clone()
	var trainers []*compute.Trainer
	for _, r := range l.racers {
		trainers = append(trainers, r.run.Trainer)
	}
	st.Steps, st.Playing = replaySteps(l.steps(), trainers), false
	e := HistoryEntry{
		Created: now.UTC(), Scenario: st.Scenario, Link: "#" + EncodeLink(st),
		Steps: l.steps(), WallSeconds: l.wall.Seconds(), End: end,
	}
	var titles []string
	for _, r := range l.racers {
		e.Racers = append(e.Racers, historyRacer(r))
		titles = append(titles, r.spec.Title)
	}
	title := st.Scenario
	if sc, err := ScenarioByName(st.Scenario); err == nil {
		title = sc.Title
	}
	e.Name = clipName(title + ": " + strings.Join(titles, ", "))
	return e
}

// clipName shortens a name to MaxHistoryNameRunes characters.
func clipName(name string) string {
	if r := []rune(name); len(r) > MaxHistoryNameRunes {
		return string(r[:MaxHistoryNameRunes-3]) + "..."
	}
	return name
}

// historyRacer describes one racer's run, its loss curve thinned.
func historyRacer(r loggedRacer) HistoryRacer {
	tr := r.run.Trainer
	h := HistoryRacer{
		Optimizer: r.spec.Name, Title: r.spec.Title,
		Hyper: maps.Clone(map[string]float64(r.run.Config.Hyper)), LRScales: slices.Clone(r.run.Config.LRScales),
		Steps: tr.Steps(), Stop: string(tr.Stopped()), FinalLoss: historyNumber(r.run.Losses.Last()),
	}
	if h.Stop == "" && tr.Steps() >= MaxSteps {
		h.Stop = "max steps"
	}
	for _, p := range tr.Params() {
		h.FinalParams = append(h.FinalParams, historyNumber(p))
	}
	pts := r.run.Losses.Points()
	for _, i := range thinIndices(len(pts), MaxHistoryPoints) {
		h.LossSteps = append(h.LossSteps, pts[i].Step)
		h.Losses = append(h.Losses, historyNumber(pts[i].Loss))
	}
	return h
}

// thinIndices returns at most limit indices of n items, evenly spread,
// the first and the last among them.
func thinIndices(n, limit int) []int {
	if n <= limit {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	out := make([]int, limit)
	for k := range out {
		out[k] = int((int64(k)*int64(n-1) + int64(limit-1)/2) / int64(limit-1))
	}
	return out
}
