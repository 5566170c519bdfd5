package compute

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// mathUnfused (math_unfused_test.go, math_fused_test.go) says that package
// math's pure-Go functions run here exactly as written, no multiply-add
// fused by the compiler (js/wasm, and amd64 below GOAMD64=v3), so that the
// portable versions, which are the same code, must give exactly their
// bits. mathLogPureGo says that math.Log is that pure-Go code too (amd64
// has it in assembly).
var mathLogPureGo = runtime.GOARCH == "wasm"

// ulpDiff returns how many float64 steps apart a and b are (0 when both
// are the same NaN or equal).
func ulpDiff(a, b float64) uint64 {
	if a == b || (a != a && b != b) {
		return 0
	}
	if math.Signbit(a) != math.Signbit(b) {
		return math.MaxUint64
	}
	ua, ub := math.Float64bits(math.Abs(a)), math.Float64bits(math.Abs(b))
	if ua > ub {
		return ua - ub
	}
	return ub - ua
}

// portableCase compares a portable function with math's over inputs.
type portableCase struct {
	name      string
	got, want func(float64) float64
	exact     bool    // the same bits as math's are required
	tol       float64 // otherwise |got-want| ≤ tol·max(1, |want|)
	inputs    []float64
}

// testInputs returns n inputs drawn log-uniformly in magnitude from
// [lo, hi] (0 < lo < hi), both signs when signed, from a fixed seed.
func testInputs(seed uint64, n int, lo, hi float64, signed bool) []float64 {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]float64, n)
	a, b := math.Log(lo), math.Log(hi)
	for i := range out {
		out[i] = math.Exp(a + (b-a)*r.Float64())
		if signed && r.IntN(2) == 0 {
			out[i] = -out[i]
		}
	}
	return out
}

// TestPortableMath checks the core's own elementary functions against
// package math (the reference: they are its code): the same bits where
// math runs that code unfused, within a few units of round-off
// elsewhere, and math's special cases.
func TestPortableMath(t *testing.T) {
	special := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, math.Inf(1), math.Inf(-1), math.NaN(),
		math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64, 1e-300, 1 << 29, 1 << 60, math.Pi}
	trig := append(testInputs(1, 20000, 1e-10, 1e3, true), testInputs(2, 2000, 1e3, 1e300, true)...)
	logs := append(testInputs(3, 20000, 1e-300, 1e300, false), testInputs(4, 5000, 0.5, 2, false)...)
	log1ps := append(testInputs(5, 20000, 1e-20, 1e20, false), testInputs(6, 5000, 1e-20, 0.999, false)...)
	for i := range 5000 {
		log1ps[i] = -log1ps[i] / (1 + log1ps[i]) // in (-1, 0)
	}
	cases := []portableCase{
		{name: "sin", got: portableSin, want: math.Sin, exact: mathUnfused, tol: 2e-16, inputs: trig},
		{name: "cos", got: portableCos, want: math.Cos, exact: mathUnfused, tol: 2e-16, inputs: trig},
		{name: "log", got: portableLog, want: math.Log, exact: mathLogPureGo, tol: 2.3e-16, inputs: logs},
		{name: "log1p", got: portableLog1p, want: math.Log1p, exact: mathUnfused, tol: 2.3e-16, inputs: log1ps},
	}
	for _, c := range cases {
		worst := 0.0
		for _, x := range append(c.inputs, special...) {
			if c.name == "log" && !mathLogPureGo && x > 0 && x < 0x1p-1022 {
				continue // amd64's assembly math.Log is wrong for subnormals: see below
			}
			got, want := c.got(x), c.want(x)
			if math.IsNaN(want) || math.IsInf(want, 0) || want == 0 || c.exact {
				if math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
					t.Errorf("%s(%v) = %v, math: %v", c.name, x, got, want)
				}
				continue
			}
			d := math.Abs(got-want) / max(1, math.Abs(want))
			worst = max(worst, d)
			if d > c.tol {
				t.Errorf("%s(%v) = %v, math: %v (%.3g relative)", c.name, x, got, want, d)
			}
		}
		t.Logf("%s: largest difference from math %.3g (exact required: %v)", c.name, worst, c.exact)
	}
	// ln(2⁻¹⁰⁷⁴) = -744.44007192138126…; amd64's math.Log returns -709.09.
	if got := portableLog(math.SmallestNonzeroFloat64); got != -744.4400719213812 {
		t.Errorf("log(2⁻¹⁰⁷⁴) = %v, want -744.4400719213812", got)
	}
}

// TestPortablePow checks portablePow against math.Pow: the same bits for
// integer exponents where math multiplies unfused (they only multiply),
// within a few ulp for fractional ones (the exponential is expFast, within
// 2 ulp of math.Exp), and math's special cases.
func TestPortablePow(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	special := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 2, -2, 3, -3, 0.96, 1 << 53, 1 << 63,
		math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64, math.MaxFloat64}
	check := func(x, y float64, exact bool) {
		if !mathLogPureGo && x > 0 && x < 0x1p-1022 && y != math.Trunc(y) {
			return // math.Pow takes amd64's math.Log, wrong for subnormals
		}
		got, want := portablePow(x, y), math.Pow(x, y)
		switch {
		case got != got && want != want:
		case exact || math.IsInf(want, 0) || want == 0:
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("Pow(%v, %v) = %v, math: %v", x, y, got, want)
			}
		case ulpDiff(got, want) > 4:
			t.Errorf("Pow(%v, %v) = %v, math: %v (%d ulp)", x, y, got, want, ulpDiff(got, want))
		}
	}
	for _, x := range special {
		for _, y := range special {
			check(x, y, false)
		}
	}
	for range 20000 {
		x := 2 * r.Float64()
		check(x, float64(r.IntN(20001)-10000), mathUnfused)
		check(x, 100*(r.Float64()-0.5), false)
		check(0.96, 4e-3*float64(r.IntN(100000)), false) // NAdam's μₜ
	}
}

// TestNormalMatchesRand checks that normal draws what math/rand/v2's
// NormFloat64 draws from the same source (the same ziggurat and tables):
// the same numbers, to the last bit but for the rare draws from the tail,
// which take a logarithm (math's is assembly on amd64).
func TestNormalMatchesRand(t *testing.T) {
	a := rand.New(rand.NewPCG(1, 2))
	b := rand.New(rand.NewPCG(1, 2))
	differ := 0
	for i := range 200_000 {
		got, want := normal(a), b.NormFloat64()
		if got != want {
			differ++
			if math.Abs(got-want) > 1e-15*math.Abs(want) {
				t.Fatalf("draw %d: %v, NormFloat64: %v", i, got, want)
			}
		}
	}
	if differ > 20 {
		t.Errorf("%d of 200000 draws differ in the last bits from NormFloat64", differ)
	}
}
