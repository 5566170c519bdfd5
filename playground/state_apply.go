package playground

import (
	"maps"
	"reflect"
	"slices"
)

// Apply changes the world to s the way a panel changes it, one setting at
// a time, without replaying the race as SetState does. A new scenario
// opens with its defaults, as SetScenario does, and s's other fields are
// ignored. Otherwise s is checked first (nothing changes when a field is
// not allowed), every field takes s's value in place, the race restarts from the start when what the racers
// run changed (which race, their hyperparameters, the shared settings, the
// start), a map starts again when what it runs changed (StepMap compares
// its description), and the view options (3-D, colours, camera, speed, play) change nothing else. A
// change of the step count alone replays the race to it.
func (w *World) Apply(s State) error {
	if s.Scenario != w.scenario.Name {
		return w.SetScenario(s.Scenario)
	}
	if err := s.Check(); err != nil {
		return err
	}
	old := w.State()
	for i, r := range w.Racers {
		rs := s.Racers[i]
		r.Enabled, r.Hyper, r.Scales = rs.Enabled, maps.Clone(rs.Hyper), slices.Clone(rs.LRScales)
	}
	w.Settings = s.Settings
	w.start = slices.Clone(s.Start)
	w.View, w.Show3D, w.LogScale, w.ShowBatch = s.View, s.Show3D, s.LogScale, s.ShowBatch
	w.Camera, w.Speed = s.Camera, s.Speed
	w.MapSteps, w.TrainAxes, w.MapOptimizer = s.MapSteps, s.TrainAxes, s.MapOptimizer
	for _, k := range windowKeys {
		if rg := *s.window(k); rg != nil {
			w.ranges[k] = [4]float64(rg)
		} else {
			delete(w.ranges, k)
		}
	}
	raced := !reflect.DeepEqual(old.Racers, s.Racers) || old.Settings != s.Settings || !slices.Equal(old.Start, s.Start)
	switch {
	case raced:
		w.Reset()
	case s.Steps != old.Steps:
		w.Reset()
		w.replay(s.Steps)
	}
	w.Playing = s.Playing
	return nil
}
