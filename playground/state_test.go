package playground

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// changedState returns a state of the beale scenario in which every field
// of State (and of Settings) differs from the default, as a person could
// leave it: rates changed, a racer added and one with per-parameter rates,
// the settings, the 3-D view with a turned camera, a moved start, maps
// zoomed, and 40 steps raced.
func changedState(t *testing.T) State {
	t.Helper()
	w, err := NewWorld("beale")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range w.Racers {
		switch r.Spec.Name {
		case "sgd":
			r.Hyper["lr"] = 0.0007
		case "adam":
			r.Hyper["lr"], r.Hyper["beta1"], r.Hyper["amsgrad"] = 0.03, 0.8, 1
		case "rmsprop":
			r.Enabled = false
		case "radam":
			r.Enabled, r.Hyper["lr"], r.Scales = true, 1, []float64{0.002, 0.001}
		}
	}
	w.Settings.Schedule, w.Settings.L1, w.Settings.L2 = "cosine", 0.01, 0.02
	w.Settings.BatchSize, w.Settings.Shuffle, w.Settings.Seed = 16, true, 7
	w.View, w.TrainAxes, w.MapOptimizer, w.MapSteps = TrainabilityView, 1, "momentum", 300
	w.ZoomMap(10, 20, 0.5)
	w.TrainAxes = 0
	w.ZoomMap(100, 50, 0.5)
	w.View, w.TrainAxes = ConvergenceView, 1
	w.ZoomMap(30, 40, 0.25)
	w.Show3D, w.LogScale, w.ShowBatch = true, false, true
	w.Camera = w.Camera.Orbit(40, -12).Zoom(2)
	w.Speed = 50
	w.Display = Display{TextStep: 2, Theme: "light", GradLength: true}
	w.SetStart(1.25, -0.5)
	w.Advance(40)
	w.Playing = true
	return w.State()
}

// TestChangedStateChangesEveryField guards the tests that use
// changedState: each field of State and of Settings differs from the
// default, so that a field the table forgets is lost in their round trips.
func TestChangedStateChangesEveryField(t *testing.T) {
	s := changedState(t)
	def, _ := DefaultState("beale")
	for _, v := range []struct{ got, def reflect.Value }{{reflect.ValueOf(s), reflect.ValueOf(def)}, {reflect.ValueOf(s.Settings), reflect.ValueOf(def.Settings)}} {
		for i := range v.got.NumField() {
			name := v.got.Type().Field(i).Name
			if name == "Scenario" || name == "Variant" {
				continue // a surface's variant is always batch
			}
			if reflect.DeepEqual(v.got.Field(i).Interface(), v.def.Field(i).Interface()) {
				t.Errorf("changedState leaves %s at its default", name)
			}
		}
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
}

// TestDefaultStateIsNewWorld checks that a new world on each scenario is in
// that scenario's default state, which the link of one writes as the
// scenario alone.
func TestDefaultStateIsNewWorld(t *testing.T) {
	for _, sc := range Scenarios() {
		w, err := NewWorld(sc.Name)
		if err != nil {
			t.Fatal(err)
		}
		def, _ := DefaultState(strings.ToUpper(sc.Name))
		if got := w.State(); !reflect.DeepEqual(got, def) {
			t.Errorf("%s: a new world's state\n%+v\nwant the default\n%+v", sc.Name, got, def)
		}
		if link := EncodeLink(def); link != "s="+sc.Name {
			t.Errorf("%s: default link %q, want the scenario alone", sc.Name, link)
		}
	}
}

// TestStateRoundTrips checks that a changed state survives its link and
// its JSON identically, and that a world given it shows the same numbers
// and the same loss surface as the world it was read from.
func TestStateRoundTrips(t *testing.T) {
	s := changedState(t)
	link := EncodeLink(s)
	t.Logf("link: %s", link)
	fromLink, err := DecodeLink("https://example.org/descent/#" + link)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromLink, s) {
		t.Errorf("link round trip changed the state:\n got %+v\nwant %+v", fromLink, s)
	}
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := DecodeStateJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromJSON, s) {
		t.Errorf("JSON round trip changed the state:\n got %+v\nwant %+v\nJSON %s", fromJSON, s, data)
	}
	var viaUnmarshal State
	if err := json.Unmarshal(data, &viaUnmarshal); err != nil || !reflect.DeepEqual(viaUnmarshal, s) {
		t.Errorf("json.Unmarshal: %v, state equal: %v", err, reflect.DeepEqual(viaUnmarshal, s))
	}

	// A world given the decoded state races the same numbers.
	a, _ := NewWorld("rosenbrock")
	if err := a.SetState(s); err != nil {
		t.Fatal(err)
	}
	b, _ := NewWorld("booth")
	if err := b.SetState(fromLink); err != nil {
		t.Fatal(err)
	}
	if got := b.State(); !reflect.DeepEqual(got, s) {
		t.Errorf("SetState then State changed the state:\n got %+v\nwant %+v", got, s)
	}
	a.Advance(25)
	b.Advance(25)
	for i, ra := range a.Racers {
		rb := b.Racers[i]
		if (ra.Trainer() == nil) != (rb.Trainer() == nil) {
			t.Fatalf("%s: runs in one world only", ra.Name())
		}
		if ra.Trainer() == nil {
			continue
		}
		if !slices.Equal(ra.Trainer().Params(), rb.Trainer().Params()) || !slices.Equal(ra.Losses(), rb.Losses()) {
			t.Errorf("%s: params %v vs %v", ra.Name(), ra.Trainer().Params(), rb.Trainer().Params())
		}
	}
	if !reflect.DeepEqual(a.Field(), b.Field()) {
		t.Error("the loss surfaces differ")
	}
}

// TestRestoredRaceMatchesPlayedRace checks that restoring a state replays
// its steps: the racers stand where the racers of the world it was read
// from stand, with the same recorded paths and losses.
func TestRestoredRaceMatchesPlayedRace(t *testing.T) {
	for _, name := range []string{"himmelblau", "blobs", "linear"} {
		w, _ := NewWorld(name)
		w.Settings.Variant, w.Settings.Shuffle = "minibatch", true
		if !w.Scenario().Regression() {
			w.Settings.Variant = "batch"
		}
		w.Reset()
		for range 7 {
			w.Advance(5)
		}
		restored, err := DecodeLink(EncodeLink(w.State()))
		if err != nil {
			t.Fatal(err)
		}
		r, _ := NewWorld(DefaultScenario)
		if err := r.SetState(restored); err != nil {
			t.Fatal(err)
		}
		for i, a := range w.Racers {
			b := r.Racers[i]
			if a.Trainer() == nil {
				continue
			}
			if !reflect.DeepEqual(a.Path(), b.Path()) || !slices.Equal(a.Losses(), b.Losses()) {
				t.Errorf("%s/%s: the restored race differs: at %v, want %v", name, a.Name(), b.Trainer().Params(), a.Trainer().Params())
			}
		}
	}
}

// TestDecodeLinkReportsBadKeys checks that unknown keys and values that are
// not allowed are left at their defaults and named in one message, while
// the rest of the link applies; names match in any case.
func TestDecodeLinkReportsBadKeys(t *testing.T) {
	s, err := DecodeLink("#S=Beale&ADAM.lr=-1&bogus=3&x0=0.5,0.5&3d=1&o=Adam,SGD&v=Convergence&sgd.lr=0.25&x0=0.5,0.75")
	var se *StateError
	if !errors.As(err, &se) || len(se.Problems) != 2 {
		t.Fatalf("error %v, want two problems", err)
	}
	msg := err.Error()
	for _, want := range []string{"link: 2 settings left at the default", `ADAM.lr=-1: want a number > 0`, `"bogus" is not a setting`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	def, _ := DefaultState("beale")
	switch {
	case s.Scenario != "beale" || !s.Show3D || s.View != ConvergenceView:
		t.Errorf("scenario %q, 3-D %v, view %v", s.Scenario, s.Show3D, s.View)
	case !slices.Equal(s.Start, []float64{0.5, 0.75}):
		t.Errorf("start %v, want the last value given", s.Start)
	case !slices.Equal(enabledRacers(&s), []string{"sgd", "adam"}):
		t.Errorf("racers %v", enabledRacers(&s))
	case s.Racers[0].Hyper["lr"] != 0.25:
		t.Errorf("sgd lr %g", s.Racers[0].Hyper["lr"])
	}
	adam := slices.IndexFunc(s.Racers, func(r RacerState) bool { return r.Optimizer == "adam" })
	if got, want := s.Racers[adam].Hyper["lr"], def.Racers[adam].Hyper["lr"]; got != want {
		t.Errorf("adam lr %g, want the default %g", got, want)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}

// TestDecodeLinkProblems lists links with one problem each and what the
// message must say.
func TestDecodeLinkProblems(t *testing.T) {
	cases := []struct{ link, want string }{
		{"s=himalaya", `s=himalaya: want one of rosenbrock`},
		{"s=classic&v=convergence", "maps are of test surfaces"},
		{"s=beale&var=sgd", "only batch applies"},
		{"x0=1,2,3", "want 2 numbers"},
		{"cam=0,3,4", "want pitch from"},
		{"cw=1,0,0,1", "xmin < xmax"},
		{"lw=0,1,0.1,1", "log axis"},
		{"sp=7", "want one of 1, 2, 5"},
		{"bs=0", "want 1 to 64"},
		{"adam.ams=2", "want 1 or 0"},
		{"rprop.smax=1e-9", "rprop.step_max=1e-09: want at least step_min"},
		{"adam.lrs=1", "want 2 numbers"},
		{"t=1e9", "want a whole number"},
		{"l2=NaN", "want a finite number"},
		{"o=sgd,lbfgs", `"lbfgs": want one of sgd`},
		{"x0=%zz", "not a valid URL escape"},
		{"mo=lbfgs", "want one of nothing, sgd,"},
	}
	for _, c := range cases {
		s, err := DecodeLink(c.link)
		var se *StateError
		if !errors.As(err, &se) || len(se.Problems) != 1 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one problem saying %q", c.link, err, c.want)
		}
		if err := s.Check(); err != nil {
			t.Errorf("%s: the decoded state is not valid: %v", c.link, err)
		}
	}
}

// TestDecodeLinkReadsTheOlderQuery checks the links the page took before
// the state was one value: ?scenario=NAME&play=1, and that the fragment
// wins over the query.
func TestDecodeLinkReadsTheOlderQuery(t *testing.T) {
	s, err := DecodeLink("http://127.0.0.1:8080/?scenario=Blobs&play=1")
	if err != nil || s.Scenario != "blobs" || !s.Playing {
		t.Errorf("scenario %q, playing %v, error %v", s.Scenario, s.Playing, err)
	}
	s, err = DecodeLink("/?scenario=blobs#s=booth")
	if err != nil || s.Scenario != "booth" {
		t.Errorf("scenario %q, error %v; want the fragment's", s.Scenario, err)
	}
}

// TestDecodeStateJSONReportsBadKeys checks a state file with an unknown
// key, a bad value and a good one.
func TestDecodeStateJSONReportsBadKeys(t *testing.T) {
	s, err := DecodeStateJSON([]byte(`{"scenario":"Booth","speed":3,"colour":"red","3d":true,
		"optimizers":{"adam":{"lr":0.5,"beta9":1},"nadam":{"lr":-2}}}`))
	if err == nil || len(err.(*StateError).Problems) != 4 {
		t.Fatalf("error %v, want four problems", err)
	}
	for _, want := range []string{"speed=3", `"colour" is not a setting`, `"adam.beta9" is not a setting`, "nadam.lr=-2"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not say %q", err, want)
		}
	}
	adam := slices.IndexFunc(s.Racers, func(r RacerState) bool { return r.Optimizer == "adam" })
	if s.Scenario != "booth" || !s.Show3D || s.Speed != 5 || s.Racers[adam].Hyper["lr"] != 0.5 {
		t.Errorf("state %+v", s)
	}
	if _, err := DecodeStateJSON([]byte(`[1,2]`)); err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Errorf("an array: %v", err)
	}
}

// TestSetStateRefusesBadState checks that SetState changes nothing when a
// field is not allowed.
func TestSetStateRefusesBadState(t *testing.T) {
	w, _ := NewWorld("himmelblau")
	before := w.State()
	bad := []func(s *State){
		func(s *State) { s.Scenario = "nowhere" },
		func(s *State) { s.Start = []float64{1} },
		func(s *State) { s.Racers = s.Racers[1:] },
		func(s *State) { s.Racers[0].Hyper["lr"] = -1 },
		func(s *State) { delete(s.Racers[0].Hyper, "momentum") },
		func(s *State) { s.Settings.Schedule = "Cosine" },
		func(s *State) { s.View = 9 },
		func(s *State) { s.Camera.Distance = 100 },
	}
	for i, change := range bad {
		s := w.State()
		change(&s)
		if err := w.SetState(s); err == nil {
			t.Errorf("case %d: SetState accepted %+v", i, s)
		}
		if !reflect.DeepEqual(w.State(), before) {
			t.Fatalf("case %d: the refused state changed the world", i)
		}
	}
}

// TestStateFieldsAreDistinct checks the table: every key and short key
// names one field, each registered hyperparameter has its field, and the
// scenario comes first.
func TestStateFieldsAreDistinct(t *testing.T) {
	fields := StateFields()
	if fields[0].Key != "scenario" {
		t.Errorf("first field %q, want the scenario", fields[0].Key)
	}
	seen := map[string]string{}
	for _, f := range fields {
		for _, name := range []string{strings.ToLower(f.Key), strings.ToLower(f.Short)} {
			if other, ok := seen[name]; ok && other != f.Key {
				t.Errorf("%q names both %s and %s", name, other, f.Key)
			}
			seen[name] = f.Key
		}
		if f.Help == "" {
			t.Errorf("%s has no help", f.Key)
		}
	}
	for _, spec := range compute.Optimizers() {
		for _, h := range spec.Hypers {
			if seen[spec.Name+"."+h.Short] != spec.Name+"."+h.Key {
				t.Errorf("no field %s.%s for %s's %s", spec.Name, h.Short, spec.Name, h.Key)
			}
		}
	}
}

// TestLongReplayCatchesUp checks that a state of a long race opens at once
// and replays the rest over frames, ending where the race ended.
func TestLongReplayCatchesUp(t *testing.T) {
	w, _ := NewWorld("bowl")
	w.Advance(replayNow + 3*replayChunk/2)
	want := w.State()
	r, _ := NewWorld(DefaultScenario)
	if err := r.SetState(want); err != nil {
		t.Fatal(err)
	}
	if r.Steps() != replayNow || !reflect.DeepEqual(r.State(), want) {
		t.Fatalf("after SetState: %d steps taken, state equal %v; want %d taken and the target reported", r.Steps(), reflect.DeepEqual(r.State(), want), replayNow)
	}
	frames := 0
	for r.CatchUp() {
		frames++
	}
	if frames != 2 || r.Steps() != want.Steps {
		t.Errorf("caught up in %d frames to step %d, want 2 frames and step %d", frames, r.Steps(), want.Steps)
	}
	for i, a := range w.Racers {
		if a.Trainer() != nil && !slices.Equal(a.Trainer().Params(), r.Racers[i].Trainer().Params()) {
			t.Errorf("%s: replayed to %v, the race reached %v", a.Name(), r.Racers[i].Trainer().Params(), a.Trainer().Params())
		}
	}
}
