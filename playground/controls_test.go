package playground

import (
	"encoding/json"
	"strings"
	"testing"
)

// controlsGame returns a game on scenario with every control flattened by
// its key (a racer's switch by "racers:OPTIMIZER").
func controlsGame(t *testing.T, scenario string) (*Game, func() map[string]Control) {
	t.Helper()
	g, err := NewGame(Options{Scenario: scenario})
	if err != nil {
		t.Fatal(err)
	}
	flat := func() map[string]Control {
		out := map[string]Control{}
		var walk func([]Control)
		walk = func(cs []Control) {
			for _, c := range cs {
				key := c.Key
				if c.Member != "" {
					key += ":" + c.Member
				}
				out[key] = c
				walk(c.Controls)
			}
		}
		for _, s := range g.Controls() {
			walk(s.Controls)
		}
		return out
	}
	return g, flat
}

func set(t *testing.T, g *Game, key string, value any, via string) error {
	t.Helper()
	data, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	return g.SetControl(key, data, via)
}

// TestControlsComeFromTheTable checks the page's panel against its
// sources: every control that sets a setting names a field of the state
// table and shows the table's value and help; every racer has a switch in
// its colour; every hyperparameter of a racing optimizer has a control
// labelled with its symbol and key (η lr) of the kind hyperControls gives;
// and the sections are the native panel's.
func TestControlsComeFromTheTable(t *testing.T) {
	for _, scenario := range []string{"rosenbrock", "blobs"} {
		g, flat := controlsGame(t, scenario)
		for _, r := range g.World().Racers {
			r.Enabled = true
		}
		g.World().Reset()
		st := g.World().State()
		var titles []string
		for _, s := range g.Controls() {
			titles = append(titles, s.Title)
		}
		want := "Scenario Run View Optimizers Settings Sweep"
		if scenario == "blobs" {
			want = "Scenario Run Optimizers Settings Sweep"
		}
		if got := strings.Join(titles, " "); got != want {
			t.Errorf("%s: sections %q, want %q", scenario, got, want)
		}
		controls := flat()
		for key, c := range controls {
			if c.Kind == ButtonControl || c.Key == "gpu" || strings.HasPrefix(c.Key, "sweep_") { // the sweep's are not state
				continue
			}
			f, ok := stateFieldByName(stateFields(), c.Key)
			if !ok || f.Key != c.Key {
				t.Errorf("%s: control %q is not a field of the state table", scenario, key)
				continue
			}
			if c.Kind == RacerControl {
				continue
			}
			if c.Help == "" {
				t.Errorf("%s: control %q has no help", scenario, key)
			}
			wantValue, _ := json.Marshal(f.jsonOut(&st))
			gotValue, _ := json.Marshal(c.Value)
			if c.Key != "map_optimizer" && string(gotValue) != string(wantValue) {
				t.Errorf("%s: control %q shows %s, the state has %s", scenario, key, gotValue, wantValue)
			}
		}
		for _, r := range g.World().Racers {
			sw, ok := controls["racers:"+r.Spec.Name]
			if !ok || sw.Kind != RacerControl || sw.Color != hexColor(r.Color) || sw.Value != true {
				t.Errorf("%s: %s's switch is %+v", scenario, r.Spec.Name, sw)
			}
			for _, hc := range hyperControls(r.Spec) {
				c, ok := controls[r.Spec.Name+"."+hc.Hyper.Key]
				if !ok {
					t.Errorf("%s: no control for %s.%s", scenario, r.Spec.Name, hc.Hyper.Key)
					continue
				}
				if c.Label != hc.Label {
					t.Errorf("%s.%s: label %q, want %q", r.Spec.Name, hc.Hyper.Key, c.Label, hc.Label)
				}
				kind := map[controlKind]string{checkControl: CheckboxControl, sliderControl: SliderControl,
					logSliderControl: SliderControl, numberControl: NumberControl}[hc.Kind]
				if c.Kind != kind || (hc.Kind == logSliderControl) != c.Log {
					t.Errorf("%s.%s: kind %s (log %v), want %s", r.Spec.Name, hc.Hyper.Key, c.Kind, c.Log, kind)
				}
				if c.Kind != CheckboxControl && c.Text != formatNumber(r.Hyper[hc.Hyper.Key]) {
					t.Errorf("%s.%s: shows %q, want %q", r.Spec.Name, hc.Hyper.Key, c.Text, formatNumber(r.Hyper[hc.Hyper.Key]))
				}
			}
		}
		if lr := controls["adam.lr"]; lr.Label != "η lr" {
			t.Errorf("Adam's learning rate is labelled %q, want η lr", lr.Label)
		}
		if b1 := controls["adam.beta1"]; b1.Label != "β₁ beta1" {
			t.Errorf("Adam's β₁ is labelled %q, want β₁ beta1", b1.Label)
		}
	}
}

// TestTypedControl types into the page's number fields: a decimal comma
// is read and shown back exactly; an entry that does not parse, or that
// the table refuses, keeps the value and shows an error beside the field
// naming the field, the entry and the kept value, until a value is
// accepted.
func TestTypedControl(t *testing.T) {
	g, flat := controlsGame(t, "rosenbrock")
	sgd := racerFor(t, g.World(), "sgd")
	if err := set(t, g, "sgd.lr", "0,025", ViaText); err != nil || sgd.Hyper["lr"] != 0.025 {
		t.Fatalf("typed 0,025: lr %v, error %v", sgd.Hyper["lr"], err)
	}
	if c := flat()["sgd.lr"]; c.Text != "0.025" || c.Error != "" {
		t.Errorf("after 0,025 the field shows %q with error %q", c.Text, c.Error)
	}
	for _, bad := range []string{"abc", "0,0,1", "-1", "0", "1,000"} {
		err := set(t, g, "sgd.lr", bad, ViaText)
		c := flat()["sgd.lr"]
		if err == nil || sgd.Hyper["lr"] != 0.025 || c.Text != "0.025" {
			t.Errorf("typed %q: lr %v, field %q, error %v; want 0.025 kept and an error", bad, sgd.Hyper["lr"], c.Text, err)
			continue
		}
		if !strings.Contains(c.Error, "η lr") || !strings.Contains(c.Error, "kept 0.025") || c.Error != err.Error() {
			t.Errorf("typed %q: the field's error is %q (returned %v)", bad, c.Error, err)
		}
	}
	if !strings.Contains(flat()["sgd.lr"].Error, "1,000") {
		t.Errorf("the error does not quote the entry: %q", flat()["sgd.lr"].Error)
	}
	if err := set(t, g, "sgd.lr", "2,5e-3", ViaText); err != nil || sgd.Hyper["lr"] != 2.5e-3 || flat()["sgd.lr"].Error != "" {
		t.Errorf("typed 2,5e-3: lr %v, error %v, field error %q", sgd.Hyper["lr"], err, flat()["sgd.lr"].Error)
	}
	// Whole-number and penalty fields are checked by the state table.
	g2, flat2 := controlsGame(t, "blobs")
	if err := set(t, g2, "batch_size", "65", ViaText); err == nil || g2.World().Settings.BatchSize != 8 ||
		!strings.Contains(flat2()["batch_size"].Error, "kept 8") {
		t.Errorf("batch size 65: %v, batch size %d", err, g2.World().Settings.BatchSize)
	}
	if err := set(t, g2, "seed", "2,5", ViaText); err == nil || g2.World().Settings.Seed != 1 {
		t.Errorf("seed 2,5: %v, seed %d", err, g2.World().Settings.Seed)
	}
	if err := set(t, g2, "l2", "0,5", ViaText); err != nil || g2.World().Settings.L2 != 0.5 {
		t.Errorf("L2 0,5: %v, L2 %v", err, g2.World().Settings.L2)
	}
	if err := set(t, g2, "l1", "-1", ViaText); err == nil || g2.World().Settings.L1 != 0 {
		t.Errorf("L1 -1: %v, L1 %v", err, g2.World().Settings.L1)
	}
}

// TestSliderAndNudgeControls moves sliders and −/+ buttons as the native
// panel does: a log slider's position is a power of ten rounded to three
// significant digits, a linear slider's value is rounded to its step and
// clamped inside an open bound, a nudge moves by the step.
func TestSliderAndNudgeControls(t *testing.T) {
	g, flat := controlsGame(t, "rosenbrock")
	adam := racerFor(t, g.World(), "adam")
	lr := flat()["adam.lr"]
	if !lr.Log || lr.Kind != SliderControl || lr.Min >= lr.Position || lr.Position >= lr.Max {
		t.Fatalf("Adam's lr slider: %+v", lr)
	}
	if err := set(t, g, "adam.lr", -3.3, ViaSlider); err != nil || adam.Hyper["lr"] != 0.000501 {
		t.Errorf("log slider at -3.3: lr %v (%v), want 0.000501", adam.Hyper["lr"], err)
	}
	if err := set(t, g, "adam.beta1", 1.5, ViaSlider); err != nil || !(adam.Hyper["beta1"] < 1) {
		t.Errorf("β₁ slider past 1: β₁ %v (%v), want clamped below 1", adam.Hyper["beta1"], err)
	}
	var nudgeKey string
	var nudge hyperControl
	for _, r := range g.World().Racers {
		for _, c := range hyperControls(r.Spec) {
			if c.Kind == numberControl && nudgeKey == "" {
				nudgeKey, nudge = r.Spec.Name+"."+c.Hyper.Key, c
				r.Enabled = true
			}
		}
	}
	if nudgeKey == "" {
		t.Skip("no hyperparameter with −/+ buttons")
	}
	g.World().Reset()
	name, key, _ := strings.Cut(nudgeKey, ".")
	r := racerFor(t, g.World(), name)
	before := r.Hyper[key]
	if c := flat()[nudgeKey]; c.Nudge != nudge.Step {
		t.Errorf("%s: nudge %v, want %v", nudgeKey, c.Nudge, nudge.Step)
	}
	if err := set(t, g, nudgeKey, 1, ViaNudge); err != nil || r.Hyper[key] != roundDecimals(before+nudge.Step, nudge.Digits) {
		t.Errorf("%s +: %v → %v (%v)", nudgeKey, before, r.Hyper[key], err)
	}
}

// TestControlsApplyInPlace checks what a change restarts: a view option
// (3-D, log colours, speed) leaves the race where it is; a hyperparameter,
// a racer switch or a setting restarts it; the scenario opens with its
// defaults; buttons play, pause and step.
func TestControlsApplyInPlace(t *testing.T) {
	g, flat := controlsGame(t, "rosenbrock")
	w := g.World()
	if err := g.Press("play"); err != nil || !w.Playing || flat()["play"].Label != "Pause" {
		t.Fatalf("play: playing %v, button %q (%v)", w.Playing, flat()["play"].Label, err)
	}
	w.Advance(20)
	for key, v := range map[string]any{"log": false, "speed": 50, "view": "race"} {
		if err := set(t, g, key, v, ""); err != nil {
			t.Errorf("%s = %v: %v", key, v, err)
		}
	}
	if err := g.Press("3d"); err != nil || !w.Show3D || flat()["3d"].Value != true {
		t.Errorf("3-D: %v (%v)", w.Show3D, err)
	}
	if w.Steps() != 20 || !w.Playing || w.Speed != 50 || w.LogScale {
		t.Errorf("view options restarted or stopped the race: step %d, playing %v, speed %d, log %v", w.Steps(), w.Playing, w.Speed, w.LogScale)
	}
	if err := set(t, g, "speed", 7, ""); err == nil || w.Speed != 50 {
		t.Errorf("speed 7 (not a choice): %v, speed %d", err, w.Speed)
	}
	if err := set(t, g, "racers", []string{"sgd", "adam"}, ""); err != nil || w.Steps() != 0 {
		t.Errorf("racers sgd, adam: %v, step %d", err, w.Steps())
	}
	var on []string
	for _, r := range w.Racers {
		if r.Enabled {
			on = append(on, r.Spec.Name)
		}
	}
	if strings.Join(on, ",") != "sgd,adam" {
		t.Errorf("racing %v, want sgd, adam", on)
	}
	if _, ok := flat()["adam.beta1"]; !ok {
		t.Error("a racing optimizer's controls are not shown")
	}
	if _, ok := flat()["rmsprop.alpha"]; ok {
		t.Error("a switched-off optimizer's controls are shown")
	}
	w.Advance(5)
	if err := g.Press("step"); err != nil || w.Playing || w.Steps() != 6 {
		t.Errorf("step: playing %v, step %d (%v)", w.Playing, w.Steps(), err)
	}
	if err := set(t, g, "scenario", "blobs", ""); err != nil || w.Scenario().Name != "blobs" || w.Steps() != 0 {
		t.Fatalf("scenario blobs: %v, %s", err, w.Scenario().Name)
	}
	if _, ok := flat()["batch_size"]; !ok {
		t.Error("the blobs have no batch size control")
	}
	if err := set(t, g, "variant", "minibatch", ""); err != nil || w.Settings.Variant != "minibatch" {
		t.Errorf("variant minibatch: %v, %s", err, w.Settings.Variant)
	}
	if err := set(t, g, "nonesuch", 1, ""); err == nil {
		t.Error("an unknown control was accepted")
	}
	if err := g.Press("nonesuch"); err == nil {
		t.Error("an unknown button was accepted")
	}
}

// TestControlsMapView shows the map's controls in a map view and applies
// them: the optimizer, the axes, the steps.
func TestControlsMapView(t *testing.T) {
	g, flat := controlsGame(t, "rosenbrock")
	if err := set(t, g, "view", "trainability", ""); err != nil {
		t.Fatal(err)
	}
	c := flat()
	for _, key := range []string{"map_optimizer", "map_steps", "reset_zoom"} {
		if _, ok := c[key]; !ok {
			t.Errorf("the trainability map has no %s control", key)
		}
	}
	if err := set(t, g, "map_optimizer", "momentum", ""); err != nil || g.World().mapRacer().Spec.Name != "momentum" {
		t.Fatalf("map optimizer momentum: %v", err)
	}
	if _, ok := flat()["map_axes"]; !ok {
		t.Error("a map of Momentum has no axes control")
	}
	if err := set(t, g, "map_steps", 333.4, ViaSlider); err != nil || g.World().MapSteps != 333 {
		t.Errorf("map steps slider at 333.4: %d (%v)", g.World().MapSteps, err)
	}
	if err := set(t, g, "map_steps", "10", ViaText); err == nil || g.World().MapSteps != 333 {
		t.Errorf("map steps 10: %d (%v)", g.World().MapSteps, err)
	}
}
