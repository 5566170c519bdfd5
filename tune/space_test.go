package tune

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

var sgd = compute.Config{Optimizer: "sgd"}

func TestParseParam(t *testing.T) {
	mini := compute.Config{Optimizer: "sgd", Data: "linear", Variant: "minibatch"}
	step := compute.Config{Optimizer: "sgd", Schedule: "step"}
	cases := []struct {
		spec string
		base compute.Config
		want Param
	}{
		// lr is log-scaled in the registry, momentum is not.
		{"lr=1e-4:1", sgd, Param{Key: "lr", Min: 1e-4, Max: 1, Log: true}},
		{"lr=0.01:0.5:lin", sgd, Param{Key: "lr", Min: 0.01, Max: 0.5}},
		{"momentum=0:0.9", sgd, Param{Key: "momentum", Max: 0.9}},
		{"momentum=0.1:0.9:log", sgd, Param{Key: "momentum", Min: 0.1, Max: 0.9, Log: true}},
		{"momentum=0,0.5,0.9", sgd, Param{Key: "momentum", Values: []float64{0, 0.5, 0.9}}},
		{"amsgrad", compute.Config{Optimizer: "adam"}, Param{Key: "amsgrad", Bool: true, Values: []float64{0, 1}}},
		{"amsgrad=true", compute.Config{Optimizer: "adam"}, Param{Key: "amsgrad", Bool: true, Values: []float64{1}}},
		{"batch-size=8:256", mini, Param{Key: "batch_size", Min: 8, Max: 256, Int: true}},
		{"gamma=0.1,0.5", step, Param{Key: "gamma", Values: []float64{0.1, 0.5}}},
		{"l2=0:0.1", sgd, Param{Key: "l2", Max: 0.1}},
	}
	for _, c := range cases {
		got, err := ParseParam(c.spec, c.base)
		if err != nil {
			t.Errorf("%s: %v", c.spec, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s = %+v, want %+v", c.spec, got, c.want)
		}
	}
}

func TestParseParamErrors(t *testing.T) {
	cases := []struct {
		spec string
		base compute.Config
		want string
	}{
		{"beta1=0.8:0.99", sgd, "sgd with linreg can sweep lr, momentum, dampening, weight_decay, l1, l2)"},
		{"lrr=1:2", compute.Config{Optimizer: "adam"}, "can sweep lr, beta1, beta2"},
		{"batch_size=8:64", sgd, "not a parameter of this run"}, // batch variant
		{"gamma=0.1:0.9", sgd, "not a parameter of this run"},   // constant schedule
		{"lr=0:1", sgd, "a log scale needs MIN > 0"},
		{"lr=0:1:lin", sgd, "param lr = 0: want a number > 0"},
		{"lr=1:0.1", sgd, "want MIN < MAX"},
		{"momentum=0:0.9:log", sgd, "a log scale needs MIN > 0"},
		{"lr=1e-3:1:cubic", sgd, `scale "cubic": want log or lin`},
		{"lr=a,b", sgd, `"a": want a number`},
		{"lr", sgd, "want lr=MIN:MAX or lr=V1,V2"},
		{"step_size=1.5,3", compute.Config{Optimizer: "sgd", Schedule: "step"}, "want a whole number"},
		{"batch_size=0,8", compute.Config{Optimizer: "sgd", Data: "linear", Variant: "minibatch"}, `"0": want a whole number ≥ 1`},
		{"amsgrad=0:1", compute.Config{Optimizer: "adam"}, "want MIN:MAX"},
	}
	for _, c := range cases {
		_, err := ParseParam(c.spec, c.base)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.spec, err, c.want)
		} else if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error on more than one line: %q", c.spec, err)
		}
	}
	if _, err := ParseSpace([]string{"lr=0.1:1", "lr=0.2,0.3"}, sgd); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("repeated key: %v", err)
	}
}

// TestRunFieldsAreConfigKeys checks each run field against the Config's
// JSON keys, and that setting it reaches the field of that key.
func TestRunFieldsAreConfigKeys(t *testing.T) {
	typ := reflect.TypeFor[compute.Config]()
	for _, f := range RunFields() {
		i := slices.IndexFunc(reflect.VisibleFields(typ), func(sf reflect.StructField) bool {
			return strings.Split(sf.Tag.Get("json"), ",")[0] == f.Key
		})
		if i < 0 {
			t.Errorf("%s is not a JSON key of compute.Config", f.Key)
			continue
		}
		c := Apply(compute.Config{}, f.Key, 3)
		v := reflect.ValueOf(c).Field(i)
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if !v.IsValid() || !v.CanFloat() && !v.CanInt() || v.CanFloat() && v.Float() != 3 || v.CanInt() && v.Int() != 3 {
			t.Errorf("Apply(%s, 3) set %v", f.Key, v)
		}
	}
}

func TestApplyCopiesHypers(t *testing.T) {
	base := compute.Config{Hyper: compute.Hypers{"lr": 0.1}}
	c := Apply(base, "lr", 0.5)
	if base.Hyper["lr"] != 0.1 || c.Hyper["lr"] != 0.5 {
		t.Fatalf("base lr %g, trial lr %g", base.Hyper["lr"], c.Hyper["lr"])
	}
}

func TestGridPointsExact(t *testing.T) {
	cases := []struct {
		p    Param
		n    int
		want []float64
	}{
		{Param{Min: 1e-4, Max: 1, Log: true}, 5, []float64{1e-4, 1e-3, 1e-2, 0.1, 1}},
		{Param{Min: 0.001, Max: 10, Log: true}, 3, []float64{0.001, 0.1, 10}},
		{Param{Min: 0, Max: 0.9}, 4, []float64{0, 0.3, 0.6, 0.9}},
		{Param{Min: 8, Max: 256, Log: true, Int: true}, 6, []float64{8, 16, 32, 64, 128, 256}},
		{Param{Min: 1, Max: 3, Int: true}, 5, []float64{1, 2, 3}}, // repeats dropped
		{Param{Min: 0.5, Max: 2}, 1, []float64{0.5}},
		{Param{Values: []float64{0.9, 0}}, 7, []float64{0.9, 0}},
	}
	for _, c := range cases {
		if got := c.p.Points(c.n); !slices.Equal(got, c.want) {
			t.Errorf("%+v.Points(%d) = %v, want %v", c.p, c.n, got, c.want)
		}
	}
}

// TestLogSpacing checks that a log range's grid has a constant ratio
// between neighbours and a linear one a constant difference.
func TestLogSpacing(t *testing.T) {
	pts := Param{Min: 3e-5, Max: 0.7, Log: true}.Points(9)
	ratio := math.Pow(0.7/3e-5, 1.0/8)
	for i := 1; i < len(pts); i++ {
		if r := pts[i] / pts[i-1]; math.Abs(r/ratio-1) > 1e-5 {
			t.Errorf("ratio %d = %g, want %g", i, r, ratio)
		}
	}
	pts = Param{Min: -1, Max: 2}.Points(7)
	for i := 1; i < len(pts); i++ {
		if d := pts[i] - pts[i-1]; math.Abs(d-0.5) > 1e-12 {
			t.Errorf("step %d = %g, want 0.5", i, d)
		}
	}
}

func TestSampleInRangeAndOnScale(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	p := Param{Min: 1e-4, Max: 1, Log: true}
	below := 0 // a log-uniform draw is below 1e-2 half the time
	for range 4000 {
		v := p.Sample(r)
		if v < p.Min || v > p.Max {
			t.Fatalf("sample %g outside [%g, %g]", v, p.Min, p.Max)
		}
		if v < 1e-2 {
			below++
		}
	}
	if below < 1800 || below > 2200 {
		t.Errorf("%d of 4000 log-uniform samples below the middle decade, want about 2000", below)
	}
	q := Param{Min: 2, Max: 4, Int: true}
	seen := map[float64]bool{}
	for range 200 {
		seen[q.Sample(r)] = true
	}
	if len(seen) != 3 || !seen[2] || !seen[3] || !seen[4] {
		t.Errorf("whole-number samples %v, want 2, 3 and 4", seen)
	}
}
