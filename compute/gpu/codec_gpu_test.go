package gpu

import (
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/internal/frametest"
)

// TestShaderCodecRoundTrip decodes values on the GPU, doubles them and
// encodes them again, and checks them against the CPU within the codec's
// float32 precision (2^-22 relative: one truncation each way).
func TestShaderCodecRoundTrip(t *testing.T) {
	src, err := os.ReadFile("testdata/roundtrip.kage")
	if err != nil {
		t.Fatal(err)
	}
	sh, err := compile("roundtrip.kage", src)
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 64, 32
	rng := rand.New(rand.NewPCG(3, 4))
	values := make([]float64, w*h)
	in := make([]byte, 4*w*h)
	for i := range values {
		v := math.Ldexp(rng.Float64()+0.5, rng.IntN(120)-60)
		if i%3 == 0 {
			v = -v
		}
		if i%97 == 0 {
			v = 0
		}
		values[i] = v
		EncodeFloat(in[4*i:], v)
	}
	out := make([]byte, 4*w*h)
	err = frametest.Do(func() error {
		srcImg := ebiten.NewImage(w, h)
		srcImg.WritePixels(in)
		dst := ebiten.NewImage(w, h)
		drawCells(dst, sh, map[string]any{"Factor": float32(2)}, srcImg)
		dst.ReadPixels(out)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range values {
		got := DecodeFloat(out[4*i:])
		if math.Abs(got-2*v) > math.Abs(2*v)*0x1p-22 {
			t.Fatalf("value %d: %g doubled on the GPU is %g", i, v, got)
		}
	}
}
