package gpu

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCodecRoundTrip checks the CPU side of the codec: every finite value in
// range comes back within 2^-23 relative, and the reserved codes hold.
func TestCodecRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	px := make([]byte, 4)
	for range 200_000 {
		v := math.Ldexp(rng.Float64()+0.5, rng.IntN(250)-125)
		if rng.IntN(2) == 0 {
			v = -v
		}
		EncodeFloat(px, v)
		if got := DecodeFloat(px); math.Abs(got-v) > math.Abs(v)*0x1p-23 {
			t.Fatalf("%g came back as %g", v, got)
		}
	}
	for _, c := range []struct{ in, want float64 }{
		{0, 0}, {1e-40, 0}, {1e39, math.Inf(1)}, {-1e39, math.Inf(-1)}, {math.Inf(-1), math.Inf(-1)},
		{1, 1}, {-0.75, -0.75}, {0.5, 0.5},
	} {
		EncodeFloat(px, c.in)
		if got := DecodeFloat(px); got != c.want {
			t.Errorf("%g came back as %g, want %g", c.in, got, c.want)
		}
	}
	EncodeFloat(px, math.NaN())
	if !math.IsNaN(DecodeFloat(px)) {
		t.Error("NaN did not survive")
	}
}
