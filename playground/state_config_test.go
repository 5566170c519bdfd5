package playground

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestStateFromConfigRunsTheConfig opens the state of a Config for every
// registered optimizer on a surface, both regressions' data and the
// mini-batch variant, and holds the playground to the run: after the
// state's replay, the one racing optimizer stands exactly where
// compute's own run of the Config ends (the reference: Config.Build and
// Execute, what "descent run" does).
func TestStateFromConfigRunsTheConfig(t *testing.T) {
	models := []struct {
		name string
		base compute.Config
	}{
		{"rosenbrock", compute.Config{Model: "surface", Surface: "rosenbrock", Start: []float64{-1, 1.5}, Steps: 300}},
		{"classic", compute.Config{Model: "linreg", Data: "classic", Epochs: 200, L2: 0.1}},
		{"linear minibatch", compute.Config{Model: "linreg", Data: "linear", N: 200, Variant: "minibatch", BatchSize: 16, Shuffle: true, Seed: 3, Epochs: 5, Schedule: "exponential"}},
		{"blobs sgd", compute.Config{Model: "logreg", Data: "blobs", N: 200, Variant: "sgd", Epochs: 1, Start: []float64{-1, 1, 0.5}}},
	}
	for _, spec := range compute.Optimizers() {
		for _, m := range models {
			t.Run(spec.Name+"/"+m.name, func(t *testing.T) {
				c := m.base
				c.Optimizer = spec.Name
				c.Hyper = compute.Hypers{"lr": spec.Defaults()["lr"] * 0.5}
				st, err := StateFromConfig(c)
				if err != nil {
					t.Fatalf("StateFromConfig: %v", err)
				}
				if got := enabledRacers(&st); !slices.Equal(got, []string{spec.Name}) {
					t.Fatalf("racers %v, want [%s]", got, spec.Name)
				}
				run, err := c.Build(nil)
				if err != nil {
					t.Fatal(err)
				}
				run.Execute(context.Background())
				w, _ := NewWorld(DefaultScenario)
				if err := w.SetState(st); err != nil {
					t.Fatalf("SetState: %v", err)
				}
				for w.CatchUp() {
				}
				var racer *Racer
				for _, r := range w.Racers {
					if r.Enabled {
						racer = r
					}
				}
				tr := racer.Trainer()
				if tr.Steps() != run.Trainer.Steps() || !slices.Equal(tr.Params(), run.Trainer.Params()) {
					t.Errorf("playground at step %d: %v; the run at step %d: %v", tr.Steps(), tr.Params(), run.Trainer.Steps(), run.Trainer.Params())
				}
			})
		}
	}
}

// TestStateFromConfigReports holds each thing a state cannot express to
// one line of the error, beside a usable state; a Config that is not
// valid is an error alone.
func TestStateFromConfigReports(t *testing.T) {
	cases := []struct {
		json, scenario string
		want           []string // in the error, in order; none: no error
	}{
		{`{}`, "classic", nil},
		{`{"model":"surface","surface":"beale","optimizer":"adam","lr":0.05,"amsgrad":true}`, "beale", nil},
		{`{"data":"linear","n":10000,"epochs":2}`, "linear", []string{"n=10000: the playground's linear has 200"}},
		{`{"data":"linear","noise":0.5,"n":200}`, "linear", []string{"noise=0.5: the playground's linear has 1"}},
		{`{"data":"runs.csv","target":"y"}`, "classic", []string{`data="runs.csv"`, `target="y"`}},
		{`{"model":"logreg","n":200,"schedule":"step","gamma":0.3}`, "blobs", []string{"schedule=", "Gamma:0.3"}},
		{`{"data":"linear","n":200,"variant":"minibatch","batch_size":100}`, "linear", []string{"batch_size=100: want 1 to 64"}},
		{`{"model":"surface","surface":"booth","steps":200000}`, "booth", []string{"200000 steps: the race stops at 100000"}},
		{`{"model":"surface","surface":"booth","start":[1,2,3]}`, "booth", []string{"start=1,2,3: want 2 numbers"}},
	}
	for _, tc := range cases {
		var c compute.Config
		if err := c.UnmarshalJSON([]byte(tc.json)); err != nil {
			t.Fatalf("%s: %v", tc.json, err)
		}
		st, err := StateFromConfig(c)
		if st.Scenario != tc.scenario {
			t.Errorf("%s: scenario %q, want %q", tc.json, st.Scenario, tc.scenario)
		}
		if cerr := st.Check(); cerr != nil {
			t.Errorf("%s: the state is not usable: %v", tc.json, cerr)
		}
		switch {
		case tc.want == nil && err != nil:
			t.Errorf("%s: %v, want no error", tc.json, err)
		case tc.want != nil && err == nil:
			t.Errorf("%s: no error, want %q", tc.json, tc.want)
		case err != nil:
			msg, at := err.Error(), 0
			if strings.Count(msg, "\n") > 0 {
				t.Errorf("%s: error of several lines: %q", tc.json, msg)
			}
			for _, w := range tc.want {
				i := strings.Index(msg[at:], w)
				if i < 0 {
					t.Errorf("%s: error %q lacks %q", tc.json, msg, w)
					break
				}
				at += i + len(w)
			}
		}
	}
	if _, err := StateFromConfig(compute.Config{Optimizer: "adam", Hyper: compute.Hypers{"lr": -1}}); err == nil {
		t.Error("a Config with lr -1 gave a state")
	}
}

// TestConfigLink reads "#config=" links: the Config's state with the
// link's other keys over it, one message for a config that is not valid
// JSON or not a valid Config (the rest of the link still applies), and the
// state's own link afterwards, which holds no config.
func TestConfigLink(t *testing.T) {
	cfg := `{"model":"surface","surface":"himmelblau","optimizer":"rmsprop","lr":0.02,"alpha":0.9,"steps":40}`
	st, err := DecodeLink("http://x/index.html#config=" + url.QueryEscape(cfg) + "&embed=1&3d=1")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := DefaultState("himmelblau")
	for i := range want.Racers {
		want.Racers[i].Enabled = want.Racers[i].Optimizer == "rmsprop"
		if want.Racers[i].Enabled {
			spec, _ := compute.OptimizerByName("rmsprop")
			want.Racers[i].Hyper, _ = spec.Resolve(compute.Hypers{"lr": 0.02, "alpha": 0.9})
		}
	}
	want.Start, want.Steps, want.Display.Embed, want.Show3D = []float64{0, 0}, 40, true, true
	if got, w := EncodeLink(st), EncodeLink(want); got != w {
		t.Errorf("config link opens %s, want %s", got, w)
	}
	if strings.Contains(EncodeLink(st), "config") {
		t.Errorf("the state's link still holds the config: %s", EncodeLink(st))
	}
	for _, bad := range []string{`{"optimizer":"adam"`, `{"optimiser":"adam"}`, `{"lr":0}`} {
		st, err := DecodeLink("#config=" + url.QueryEscape(bad) + "&s=beale")
		if err == nil || !strings.Contains(err.Error(), "config") || st.Scenario != "beale" {
			t.Errorf("config %s: state on %s, error %v; want beale and a message naming the config", bad, st.Scenario, err)
		}
	}
}

// TestEmbedKey holds the embed switch to the link and the state JSON.
func TestEmbedKey(t *testing.T) {
	st, err := DecodeLink("#s=bowl&embed=1")
	if err != nil || !st.Display.Embed {
		t.Fatalf("embed=1: %v, %v", st.Display.Embed, err)
	}
	if link := EncodeLink(st); link != "s=bowl&embed=1" {
		t.Errorf("link %s", link)
	}
	w, _ := NewWorld("bowl")
	if err := w.SetState(st); err != nil || !w.State().Display.Embed {
		t.Errorf("the world dropped embed: %v", err)
	}
	data, _ := st.MarshalJSON()
	if !strings.Contains(string(data), `"embed":true`) {
		t.Errorf("state JSON lacks embed: %s", data)
	}
}
