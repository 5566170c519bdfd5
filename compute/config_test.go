package compute

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
)

// TestConfigDefaultsAreTorchDefaults checks that unset hyperparameters take
// PyTorch 1.13's defaults for each optimizer (typed here from PyTorch's
// documentation, an independent reference for the registry), and the
// project's defaults for momentum, nesterov and SGD's learning rate.
func TestConfigDefaultsAreTorchDefaults(t *testing.T) {
	cases := []struct {
		optimizer string
		want      Optimizer
	}{
		{"sgd", &SGD{Rate: 0.01}},
		{"momentum", &SGD{Rate: 0.01, Momentum: 0.9}},
		{"nesterov", &SGD{Rate: 0.01, Momentum: 0.9, Nesterov: true}},
		{"adagrad", &Adagrad{Rate: 0.01, Eps: 1e-10}},
		{"rmsprop", &RMSprop{Rate: 0.01, Alpha: 0.99, Eps: 1e-8}},
		{"adam", &Adam{Rate: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}},
		{"adamw", &Adam{Rate: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.01, Decoupled: true}},
		{"adadelta", &Adadelta{Rate: 1, Rho: 0.9, Eps: 1e-6}},
		{"adamax", &Adamax{Rate: 0.002, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}},
		{"nadam", &NAdam{Rate: 0.002, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, MomentumDecay: 4e-3}},
		{"radam", &RAdam{Rate: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}},
		{"rprop", &Rprop{Rate: 0.01, EtaMinus: 0.5, EtaPlus: 1.2, StepMin: 1e-6, StepMax: 50}},
	}
	if len(cases) != len(Optimizers()) {
		t.Errorf("%d optimizers checked, %d registered: add the new one's PyTorch defaults here", len(cases), len(Optimizers()))
	}
	for _, c := range cases {
		r, err := Config{Model: "surface", Optimizer: c.optimizer}.Build(nil)
		if err != nil {
			t.Fatalf("%s: %v", c.optimizer, err)
		}
		if got := r.Trainer.Optimizer(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: built %+v, want %+v", c.optimizer, got, c.want)
		}
	}
}

// TestConfigValidationNamesTheField checks that each bad value is refused
// with an error naming the field, and that nothing is built.
func TestConfigValidationNamesTheField(t *testing.T) {
	cases := []struct {
		cfg   Config
		field string
	}{
		{Config{Model: "tree"}, "model"},
		{Config{Model: "surface", Surface: "moon"}, "surface"},
		{Config{Optimizer: "lbfgs"}, "optimizer"},
		{Config{Hyper: Hypers{"lr": -1}}, "lr"},
		{Config{Optimizer: "adam", Hyper: Hypers{"beta1": 1}}, "beta1"},
		{Config{Optimizer: "sgd", Hyper: Hypers{"beta1": 0.5}}, "beta1"},
		{Config{Optimizer: "nesterov", Hyper: Hypers{"dampening": 0.5}}, "dampening"},
		{Config{Optimizer: "nesterov", Hyper: Hypers{"momentum": 0}}, "momentum"},
		{Config{Optimizer: "rmsprop", Hyper: Hypers{"alpha": 1.5}}, "alpha"},
		{Config{Optimizer: "adam", Hyper: Hypers{"amsgrad": 0.5}}, "amsgrad"},
		{Config{LRScales: []float64{1, 0}}, "lr_scales"},
		{Config{LRScales: []float64{1, 2, 3}}, "lr_scales"},
		{Config{FullLoss: "sometimes"}, "full_loss"},
		{Config{FullLoss: "0"}, "full_loss"},
		{Config{RecordEvery: -2}, "record_every"},
		{Config{Variant: "full"}, "variant"},
		{Config{Variant: "batch", BatchSize: 4}, "batch_size"},
		{Config{Steps: 5, Epochs: 5}, "steps"},
		{Config{Schedule: "linear"}, "schedule"},
		{Config{Schedule: "step", Gamma: ptr(2)}, "gamma"},
		{Config{Data: "linear", N: -3}, "n"},
		{Config{Data: "table.txt"}, "data"},
		{Config{L1: -1}, "l1"},
		{Config{Start: []float64{1, 2, 3}}, "start"},
		{Config{Model: "logreg", Data: "classic"}, "data"},
	}
	for _, c := range cases {
		r, err := c.cfg.Build(nil)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%+v: error %v, want one naming %q", c.cfg, err, c.field)
		}
		if r != nil {
			t.Errorf("%+v: built a run despite the error", c.cfg)
		}
		if err != nil && !strings.Contains(err.Error(), c.field) {
			t.Errorf("message %q does not name %q", err, c.field)
		}
	}
}

// TestConfigJSONRoundTrip checks that a Config survives JSON unchanged and
// builds the same run.
func TestConfigJSONRoundTrip(t *testing.T) {
	in := Config{
		Model: "linreg", Data: "linear", N: 64, Features: 2, Noise: ptr(0.5), Seed: 7,
		Optimizer: "rmsprop", Hyper: Hypers{"lr": 0.02, "momentum": 0.3, "centered": 1},
		Schedule: "cosine", TMax: 10, EtaMin: 0.001, Variant: "minibatch", BatchSize: 8, Shuffle: true,
		L2: 0.1, Start: []float64{0.5, -0.5, 1}, Epochs: 3, RecordEvery: 2, FullLoss: "5",
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Config
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Fatalf("round trip changed the config:\n in %+v\nout %+v", in, out)
	}
	a, errA := in.Build(nil)
	b, errB := out.Build(nil)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	a.Execute(t.Context())
	b.Execute(t.Context())
	if !reflect.DeepEqual(a.Trainer.Params(), b.Trainer.Params()) {
		t.Errorf("runs differ: %v vs %v", a.Trainer.Params(), b.Trainer.Params())
	}
}

func ptr(v float64) *float64 { return &v }

// TestConfigJSONRefusesUnknownKeysAndBatchSizeZero checks the JSON
// decoder's strictness: a key that is neither a field nor a registered
// hyperparameter, and an explicit batch_size of 0, are errors.
func TestConfigJSONRefusesUnknownKeysAndBatchSizeZero(t *testing.T) {
	for _, in := range []string{`{"lerning_rate":0.1}`, `{"variant":"minibatch","batch_size":0}`,
		`{"variant":"minibatch","batch_size":-0}`, `{"amsgrad":1}`, `{"lr":null}`,
		`{"MODEL":"linreg"}`, `{"Lr":0.1}`, `{"lr":0.1,"lr":0.2}`, `{"model":"linreg"} {"model":"surface"}`, `{"model":"linreg"}x`} {
		var c Config
		if err := json.Unmarshal([]byte(in), &c); err == nil {
			t.Errorf("%s: decoded %+v, want an error", in, c)
		}
	}
	var c Config
	if err := json.Unmarshal([]byte(`{"optimizer":"adam","lr":0.1,"amsgrad":true,"beta2":0.99}`), &c); err != nil {
		t.Fatal(err)
	}
	if want := (Hypers{"lr": 0.1, "amsgrad": 1, "beta2": 0.99}); !reflect.DeepEqual(c.Hyper, want) {
		t.Errorf("hyper %v, want %v", c.Hyper, want)
	}
}

// TestFieldErrorQuotesAtMost80Characters checks that a huge or unprintable
// value is cut and quoted in the message.
func TestFieldErrorQuotesAtMost80Characters(t *testing.T) {
	_, err := Config{Data: strings.Repeat("x", 1000) + ".txt"}.Build(nil)
	if err == nil || len(err.Error()) > 200 || !strings.Contains(err.Error(), "…") {
		t.Errorf("message of %d bytes: %.300v", len(err.Error()), err)
	}
	_, err = Config{Optimizer: "ad\nam"}.Build(nil)
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("a newline reached the message: %q", err)
	}
}

// TestDefaultsConverge runs each model with every default and checks that
// it converges: it finishes, the loss falls, and the gradient at the end is
// under a tenth of the gradient at the start (on a surface, the end is at
// one of its known minima).
func TestDefaultsConverge(t *testing.T) {
	for _, model := range ModelNames {
		r, err := Config{Model: model}.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		if stop := r.Execute(t.Context()); stop != Finished {
			t.Errorf("%s: stopped %s", model, stop)
			continue
		}
		losses := r.Losses.Points()
		first, last := float64(losses[0].Loss), float64(losses[len(losses)-1].Loss)
		norm := func(x []float64) float64 {
			g := make([]float64, r.Objective.Dim())
			r.Objective.Grad(g, x)
			return math.Sqrt(floats.Dot(g, g))
		}
		g0, g1 := norm(r.Config.Start), norm(r.Trainer.Params())
		t.Logf("%s: loss %.4g → %.4g, gradient norm %.3g → %.3g", model, first, last, g0, g1)
		if !(last < first) || !(g1 < g0/10) {
			t.Errorf("%s: loss %g → %g, gradient norm %g → %g", model, first, last, g0, g1)
		}
		if r.Surface != nil && NearestMinimum(r.Surface, r.Trainer.Params()[0], r.Trainer.Params()[1]) < 0 {
			t.Errorf("%s: ended at %v, near no minimum of %s", model, r.Trainer.Params(), r.Surface.Name)
		}
	}
}

// TestConfigNamesIgnoreCase checks that built-in data and surface names
// match in any case and come out of the built run in lower case, and that
// a CSV path keeps its case.
func TestConfigNamesIgnoreCase(t *testing.T) {
	cases := []struct {
		in            Config
		data, surface string
	}{
		{Config{Data: "Classic"}, "classic", ""},
		{Config{Model: "logreg", Data: "BLOBS"}, "blobs", ""},
		{Config{Model: "surface", Surface: "Rosenbrock"}, "", "rosenbrock"},
	}
	for _, c := range cases {
		r, err := c.in.Build(nil)
		if err != nil {
			t.Errorf("%+v: %v", c.in, err)
			continue
		}
		if r.Config.Data != c.data || r.Config.Surface != c.surface {
			t.Errorf("%+v: built with data %q, surface %q; want %q, %q", c.in, r.Config.Data, r.Config.Surface, c.data, c.surface)
		}
	}
	if got := (Config{Data: "Table.CSV"}).WithDefaults().Data; got != "Table.CSV" {
		t.Errorf("a CSV path became %q", got)
	}
}
