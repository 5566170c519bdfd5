package render

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// update rewrites the golden images: go test ./render -update.
var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// Golden comparison tolerances: the mean difference over all channels, in
// 8-bit levels, and the share of pixels that may differ by more than
// goldenPixelTol in some channel (anti-aliasing on another rasterizer).
const (
	goldenMeanTol  = 3.0
	goldenPixelTol = 24
	goldenShareTol = 0.01
)

// backgroundColor is the canvas colour of the drawing tests.
var backgroundColor = color.RGBA{0x20, 0x20, 0x28, 0xff}

// newCanvas returns a w×h image filled with backgroundColor.
func newCanvas(w, h int) *ebiten.Image {
	img := ebiten.NewImage(w, h)
	img.Fill(backgroundColor)
	return img
}

// readImage reads img's pixels back from the GPU.
func readImage(img *ebiten.Image) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	img.ReadPixels(out.Pix)
	return out
}

// pixel returns the colour of got at (x, y).
func pixel(got *image.RGBA, x, y int) color.RGBA {
	return got.RGBAAt(x, y)
}

// checkGolden compares got with testdata/name within the golden tolerances,
// or rewrites the file with -update. On a mismatch it writes got to a
// temporary file for inspection.
func checkGolden(t *testing.T, name string, got *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		writePNG(t, path, got)
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run go test ./render -update to create it)", name, err)
	}
	defer f.Close()
	decoded, err := png.Decode(f)
	if err != nil {
		t.Fatalf("golden %s: %v", name, err)
	}
	want := image.NewRGBA(decoded.Bounds())
	for y := want.Rect.Min.Y; y < want.Rect.Max.Y; y++ {
		for x := want.Rect.Min.X; x < want.Rect.Max.X; x++ {
			want.Set(x, y, decoded.At(x, y))
		}
	}
	if want.Rect != got.Rect {
		t.Fatalf("golden %s: size %v, want %v", name, got.Rect, want.Rect)
	}
	sum, off := 0, 0
	for i := 0; i < len(got.Pix); i += 4 {
		worst := 0
		for c := range 4 {
			d := int(got.Pix[i+c]) - int(want.Pix[i+c])
			d = max(d, -d)
			sum += d
			worst = max(worst, d)
		}
		if worst > goldenPixelTol {
			off++
		}
	}
	mean := float64(sum) / float64(len(got.Pix))
	share := float64(off) / float64(len(got.Pix)/4)
	if mean > goldenMeanTol || share > goldenShareTol {
		failed := filepath.Join(os.TempDir(), "render-golden-"+name)
		writePNG(t, failed, got)
		t.Errorf("golden %s: mean difference %.2f levels (max %.1f), %.2f%% pixels off by more than %d (max %.0f%%); got written to %s",
			name, mean, goldenMeanTol, 100*share, goldenPixelTol, 100*goldenShareTol, failed)
	}
}

// writePNG writes img to path.
func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
