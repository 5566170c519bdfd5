package compute

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// The reference for expFast is math.Exp. The sweep tests compare the two
// bit for bit, counting the distance in units in the last place (ulp).
// math.Exp has errors of its own (its amd64 assembly is off by up to about
// 1.8 ulp), so TestExpFastAccuracy also measures both against a 256-bit
// reference computed with math/big.

const (
	// expFastMaxULPVsMathExp is the largest distance, in ulp, allowed between
	// expFast and math.Exp.
	expFastMaxULPVsMathExp = 2
	// expFastMaxULPVsExact is the largest error, in ulp of the exact value,
	// allowed against the 256-bit reference; 0.546 was measured.
	expFastMaxULPVsExact = 0.56

	expFastOverflow  = 709.782712893384   // largest x with a finite e^x
	expFastUnderflow = -745.1332191019411 // smallest x with a nonzero e^x
	expFastSubnormal = -708.3964185322641 // e^x < 2^-1022 below about here
)

// expFastReference returns math.Exp(x), except where math.Exp is known to
// be wrong: its amd64 assembly returns +Inf for x above 1023.5·ln2 ≈ 709.436
// although e^x is finite up to expFastOverflow. There it returns e^x
// correctly rounded from the 256-bit reference.
func expFastReference(x float64) float64 {
	want := math.Exp(x)
	if math.IsInf(want, 1) && x <= expFastOverflow {
		want, _ = expFastBigExp(x, 256).Float64()
	}
	return want
}

// expFastULPDist returns the number of float64 values between a and b, which
// must be non-negative and not NaN; equal values, infinities included, give
// 0.
func expFastULPDist(a, b float64) uint64 {
	ua, ub := math.Float64bits(a), math.Float64bits(b)
	if ua > ub {
		return ua - ub
	}
	return ub - ua
}

// expFastCheckRange compares expFast with math.Exp at n points evenly spaced
// over [lo, hi] and returns the largest distance in ulp and the x where it
// happened.
func expFastCheckRange(lo, hi float64, n int) (worst uint64, at float64) {
	step := (hi - lo) / float64(n-1)
	for i := range n {
		x := lo + float64(i)*step
		if d := expFastULPDist(expFast(x), expFastReference(x)); d > worst {
			worst, at = d, x
		}
	}
	return worst, at
}

func TestExpFastMatchesMathExp(t *testing.T) {
	scale := 1
	if testing.Short() {
		scale = 10
	}
	tests := []struct {
		name   string
		lo, hi float64
		n      int
	}{
		{"full range", expFastUnderflow, expFastOverflow, 10_000_000 / scale},
		{"[-1, 1]", -1, 1, 2_000_001 / scale},
		{"[-20, 20], the sigmoid range", -20, 20, 1_000_001 / scale},
		{"subnormal results", expFastUnderflow - 1e-9, expFastSubnormal, 200_001 / scale},
		{"near overflow", 700, expFastOverflow, 100_001 / scale},
		{"tiny, around the 2^-54 cutoff", -0x1p-50, 0x1p-50, 100_001 / scale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			worst, at := expFastCheckRange(tt.lo, tt.hi, tt.n)
			if worst > expFastMaxULPVsMathExp {
				t.Errorf("expFast(%v) = %v, math.Exp = %v: %d ulp apart, want ≤ %d",
					at, expFast(at), expFastReference(at), worst, expFastMaxULPVsMathExp)
			}
			t.Logf("max distance from math.Exp: %d ulp over %d points", worst, tt.n)
		})
	}
}

func TestExpFastRandomMatchesMathExp(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n /= 10
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var worst uint64
	for i := range n {
		var x float64
		switch i % 3 {
		case 0: // uniform over the finite, nonzero range
			x = expFastUnderflow + rng.Float64()*(expFastOverflow-expFastUnderflow)
		case 1: // random bit patterns with |x| < 1024, every magnitude
			x = math.Float64frombits(rng.Uint64()&^(0x7ff<<52) | (rng.Uint64N(0x409) << 52))
		default: // uniform over the sigmoid range
			x = -20 + 40*rng.Float64()
		}
		got, want := expFast(x), expFastReference(x)
		if d := expFastULPDist(got, want); d > worst {
			worst = d
			if d > expFastMaxULPVsMathExp {
				t.Errorf("expFast(%v) = %v, math.Exp = %v: %d ulp apart", x, got, want, d)
			}
		}
	}
	t.Logf("max distance from math.Exp: %d ulp over %d random points", worst, n)
}

// expFastBigExp returns e^x with prec bits of precision: a Taylor series for
// e^(x/2^m) with |x/2^m| < 2^-8, squared m times.
func expFastBigExp(x float64, prec uint) *big.Float {
	const wprec = 320
	y := new(big.Float).SetPrec(wprec).SetFloat64(x)
	m := 0
	if _, e := math.Frexp(x); e > -8 {
		m = e + 8
		y.SetMantExp(y, -m)
	}
	sum := new(big.Float).SetPrec(wprec).SetInt64(1)
	term := new(big.Float).SetPrec(wprec).SetInt64(1)
	eps := new(big.Float).SetMantExp(big.NewFloat(1), -wprec)
	for n := int64(1); ; n++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for range m {
		sum.Mul(sum, sum)
	}
	return sum.SetPrec(prec)
}

// expFastULPErr returns |got − exact| in ulp of exact, where the ulp of a
// subnormal (or smaller) value is 2^-1074.
func expFastULPErr(got float64, exact *big.Float) float64 {
	exp := exact.MantExp(nil) - 53 // exact = m·2^exp with 2^52 ≤ m < 2^53
	exp = max(exp, -1074)
	d := new(big.Float).SetPrec(exact.Prec()).SetFloat64(got)
	d.Sub(d, exact)
	d.SetMantExp(d, -exp)
	f, _ := d.Float64()
	return math.Abs(f)
}

func TestExpFastAccuracy(t *testing.T) {
	n := 20_000
	if testing.Short() {
		n /= 10
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var worstFast, worstMath float64
	var atFast float64
	for i := range n {
		var x float64
		switch i % 4 {
		case 0:
			x = expFastUnderflow + rng.Float64()*(expFastOverflow-expFastUnderflow)
		case 1:
			x = -1 + 2*rng.Float64()
		case 2:
			x = expFastUnderflow + rng.Float64()*(expFastSubnormal-expFastUnderflow)
		default:
			x = -20 + 40*rng.Float64()
		}
		exact := expFastBigExp(x, 256)
		if e := expFastULPErr(expFast(x), exact); e > worstFast {
			worstFast, atFast = e, x
		}
		if y := math.Exp(x); !math.IsInf(y, 1) {
			worstMath = max(worstMath, expFastULPErr(y, exact))
		}
	}
	if worstFast > expFastMaxULPVsExact {
		t.Errorf("expFast(%v) = %v is %.3f ulp from e^x = %v, want ≤ %v",
			atFast, expFast(atFast), worstFast, expFastBigExp(atFast, 256), expFastMaxULPVsExact)
	}
	t.Logf("max error against a 256-bit reference over %d points: expFast %.3f ulp, math.Exp %.3f ulp (where finite)",
		n, worstFast, worstMath)
}

// expFastRounded returns e^x correctly rounded, from the 256-bit reference.
func expFastRounded(x float64) float64 {
	y, _ := expFastBigExp(x, 256).Float64()
	return y
}

func TestExpFastSpecialCases(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		want float64
	}{
		{"NaN", math.NaN(), math.NaN()},
		{"+Inf", math.Inf(1), math.Inf(1)},
		{"-Inf", math.Inf(-1), 0},
		{"+0", 0, 1},
		{"-0", math.Copysign(0, -1), 1},
		{"smallest subnormal x", 5e-324, 1},
		{"2^-60", 0x1p-60, 1},
		{"-2^-60", -0x1p-60, 1},
		{"1", 1, math.E},
		{"-1", -1, 1 / math.E},
		{"ln 2", math.Ln2, 2},
		{"-ln 2", -math.Ln2, 0.5},
		{"10·ln 2", 10 * math.Ln2, 1024},
		{"largest finite result", expFastOverflow, 0x1.fffffffffff2ap1023},
		{"just past overflow", math.Nextafter(expFastOverflow, 1000), math.Inf(1)},
		{"710", 710, math.Inf(1)},
		{"1000", 1000, math.Inf(1)},
		{"1024", 1024, math.Inf(1)},
		{"MaxFloat64", math.MaxFloat64, math.Inf(1)},
		{"smallest nonzero result", expFastUnderflow, 5e-324},
		{"just past underflow", math.Nextafter(expFastUnderflow, -1000), 0},
		{"-746", -746, 0},
		{"-1000", -1000, 0},
		{"-1024", -1024, 0},
		{"-MaxFloat64", -math.MaxFloat64, 0},
		{"smallest normal result", expFastSubnormal, expFastRounded(expFastSubnormal)},
		{"subnormal -720", -720, expFastRounded(-720)},
		{"subnormal -740", -740, expFastRounded(-740)},
		{"subnormal -745", -745, expFastRounded(-745)},
		{"-512", -512, expFastRounded(-512)},
		{"512", 512, expFastRounded(512)},
		{"700", 700, expFastRounded(700)},
		{"-20", -20, expFastRounded(-20)},
		{"20", 20, expFastRounded(20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := expFast(tt.x)
			switch {
			case math.IsNaN(tt.want):
				if !math.IsNaN(got) {
					t.Errorf("expFast(%v) = %v, want NaN", tt.x, got)
				}
			case got != tt.want || math.Signbit(got):
				t.Errorf("expFast(%v) = %v (%#x), want %v (%#x)",
					tt.x, got, math.Float64bits(got), tt.want, math.Float64bits(tt.want))
			}
		})
	}
}

func TestExpFastMonotonic(t *testing.T) {
	// Walk consecutive float64 values from several starting points: around
	// 0, around the slow-path thresholds, across table boundaries (where k
	// changes, at odd multiples of ln2/512) and in the subnormal range.
	starts := []float64{
		-0x1p-53, 0x1p-55, -0x1p-40, 1e-300,
		-1, 1, -20, 20, 0.5, -0.5,
		511.99999999999, -512.00000000001,
		math.Ln2 / 512, -math.Ln2 / 512, 3 * math.Ln2 / 512, 255 * math.Ln2 / 512,
		-511 * math.Ln2 / 512, 1001 * math.Ln2 / 512,
		expFastOverflow - 1e-12, expFastUnderflow - 1e-12,
		expFastSubnormal - 1e-12, -740,
	}
	const steps = 20_000
	for _, start := range starts {
		x := math.Nextafter(start, math.Inf(-1))
		prev := expFast(x)
		for range steps {
			x = math.Nextafter(x, math.Inf(1))
			y := expFast(x)
			if y < prev {
				t.Fatalf("not monotonic: expFast(%v) = %v < expFast(previous float64) = %v", x, y, prev)
			}
			prev = y
		}
	}
	// Coarser check over the whole range.
	prev := 0.0
	for x := -760.0; x <= 720; x += 1e-3 {
		y := expFast(x)
		if y < prev {
			t.Fatalf("not monotonic: expFast(%v) = %v < %v", x, y, prev)
		}
		prev = y
	}
}

// TestExpFastTable recomputes the table: 2^(j/256) at 400 bits from
// repeated square roots and powers, rounded to hi, and the relative tail.
func TestExpFastTable(t *testing.T) {
	const prec = 400
	root := new(big.Float).SetPrec(prec).SetInt64(2)
	for range expFastTableBits {
		root.Sqrt(root)
	}
	p := new(big.Float).SetPrec(prec).SetInt64(1)
	for j := range expFastN {
		hi, _ := p.Float64()
		d := new(big.Float).SetPrec(prec).SetFloat64(hi)
		d.Sub(p, d)
		d.Quo(d, new(big.Float).SetFloat64(hi))
		tail, _ := d.Float64()
		want := expFastEntry{
			tail:  math.Float64bits(tail),
			sbits: math.Float64bits(hi) - uint64(j)<<(52-expFastTableBits),
		}
		if got := expFastTab[j]; got != want {
			t.Errorf("expFastTab[%d] = {%#016x, %#016x}, want {%#016x, %#016x}",
				j, got.tail, got.sbits, want.tail, want.sbits)
		}
		p.Mul(p, root)
	}
}

// expFastBenchInputs returns 4096 values uniform in [-20, 20].
func expFastBenchInputs() []float64 {
	rng := rand.New(rand.NewPCG(5, 6))
	xs := make([]float64, 4096)
	for i := range xs {
		xs[i] = -20 + 40*rng.Float64()
	}
	return xs
}

// expFastSink keeps the benchmark results alive.
var expFastSink float64

func BenchmarkExpFast(b *testing.B) {
	xs := expFastBenchInputs()
	b.SetBytes(int64(8 * len(xs)))
	var s float64
	for b.Loop() {
		for _, x := range xs {
			s += expFast(x)
		}
	}
	expFastSink = s
}

func BenchmarkMathExp(b *testing.B) {
	xs := expFastBenchInputs()
	b.SetBytes(int64(8 * len(xs)))
	var s float64
	for b.Loop() {
		for _, x := range xs {
			s += math.Exp(x)
		}
	}
	expFastSink = s
}

func BenchmarkSigmoidFast(b *testing.B) {
	zs := expFastBenchInputs()
	b.SetBytes(int64(8 * len(zs)))
	var s float64
	for b.Loop() {
		for _, z := range zs {
			s += 1 / (1 + expFast(-z))
		}
	}
	expFastSink = s
}

func BenchmarkSigmoidMathExp(b *testing.B) {
	zs := expFastBenchInputs()
	b.SetBytes(int64(8 * len(zs)))
	var s float64
	for b.Loop() {
		for _, z := range zs {
			s += 1 / (1 + math.Exp(-z))
		}
	}
	expFastSink = s
}
