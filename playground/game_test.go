package playground

import (
	"image"
	"image/color"
	"runtime"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/internal/frametest"
)

const screenW, screenH = 1280, 800

// frame runs one Update and one Draw of g into screen, in a real frame.
func frame(t testing.TB, g *Game, screen *ebiten.Image) {
	t.Helper()
	err := frametest.OnFrame(g.Update, func(*ebiten.Image) {
		screen.Clear()
		g.Draw(screen)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// pixelsOf reads screen back in a frame of its own.
func pixelsOf(screen *ebiten.Image) *image.RGBA {
	img := image.NewRGBA(screen.Bounds())
	frametest.OnFrame(func() error { return nil }, func(*ebiten.Image) { screen.ReadPixels(img.Pix) })
	return img
}

// TestFrameShowsSurfaceAndPaths draws the playground after a short race and
// checks that the surface region is a picture (many colours) and that each
// racer's colour appears on it.
func TestFrameShowsSurfaceAndPaths(t *testing.T) {
	g, err := NewGame(Options{Scenario: "himmelblau", Play: true})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	for range 40 {
		frame(t, g, screen)
	}
	if g.World().Steps() < 30 {
		t.Fatalf("only %d steps after 40 playing frames", g.World().Steps())
	}
	img := pixelsOf(screen)
	rg := g.regions()
	colours := map[color.RGBA]int{}
	for y := rg.surface.Min.Y; y < rg.surface.Max.Y; y += 3 {
		for x := rg.surface.Min.X; x < rg.surface.Max.X; x += 3 {
			colours[img.RGBAAt(x, y)]++
		}
	}
	if len(colours) < 200 {
		t.Errorf("the surface region has %d colours, want a heatmap", len(colours))
	}
	for _, r := range g.World().Racers {
		if !hasNear(img, rg.surface, r.Kind.Color) {
			t.Errorf("%s's colour %v is not drawn on the surface", r.Name(), r.Kind.Color)
		}
	}
}

// TestThreeDViewDiffers draws the 3-D view and checks it differs from
// the 2-D view.
func TestThreeDViewDiffers(t *testing.T) {
	g, _ := NewGame(Options{Scenario: "rosenbrock"})
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	frame(t, g, screen)
	frame(t, g, screen)
	flat := pixelsOf(screen)
	g.World().Show3D = true
	frame(t, g, screen)
	mesh := pixelsOf(screen)
	diff := 0
	for i := range flat.Pix {
		if flat.Pix[i] != mesh.Pix[i] {
			diff++
		}
	}
	if diff < len(flat.Pix)/20 {
		t.Errorf("3-D view differs from 2-D in only %d of %d bytes", diff, len(flat.Pix))
	}
}

// hasNear reports whether some pixel in r is within 24 of c per channel.
func hasNear(img *image.RGBA, r image.Rectangle, c color.RGBA) bool {
	near := func(a, b uint8) bool { return int(a)-int(b) < 24 && int(b)-int(a) < 24 }
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			p := img.RGBAAt(x, y)
			if near(p.R, c.R) && near(p.G, c.G) && near(p.B, c.B) {
				return true
			}
		}
	}
	return false
}

// BenchmarkFrame1280x800 is one Update+Draw at 1280×800 with six racing
// paths of 1,000 steps, a 256² heatmap and contours, drawn into an
// offscreen image in real frames. It reports cpu-ms/frame (on Linux only),
// the CPU time of the thread running Update and of the one running Draw
// during those calls (the GPU's work, here Mesa's software renderer on its
// own threads, is not counted), and wall-ms/frame,
// the wall-clock time of the same calls, which on two cores also waits for
// the renderer's threads.
func BenchmarkFrame1280x800(b *testing.B) {
	g, _ := NewGame(Options{Scenario: "rosenbrock"})
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	frame(b, g, screen)
	g.World().Advance(1000)
	frame(b, g, screen)
	var cpu, wall time.Duration
	b.ResetTimer()
	for range b.N {
		frametest.OnFrame(func() error {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			t0, c0 := time.Now(), threadCPU()
			err := g.Update()
			cpu += threadCPU() - c0
			wall += time.Since(t0)
			return err
		}, func(*ebiten.Image) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			t0, c0 := time.Now(), threadCPU()
			screen.Clear()
			g.Draw(screen)
			cpu += threadCPU() - c0
			wall += time.Since(t0)
		})
	}
	if threadCPUKnown {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/frame")
	}
	b.ReportMetric(float64(wall.Microseconds())/1000/float64(b.N), "wall-ms/frame")
}

// TestMapViewDrawsOnGPU opens the convergence map on the GPU backend, lets
// it finish and checks the picture holds the four basins' colours.
func TestMapViewDrawsOnGPU(t *testing.T) {
	g, err := NewGame(Options{Scenario: "himmelblau", View: ConvergenceView, GPU: true})
	if err != nil {
		t.Fatal(err)
	}
	if g.World().Backend().Name() != "gpu" {
		t.Fatalf("backend %s, want gpu (%v)", g.World().Backend().Name(), g.World().Err)
	}
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	for i := 0; i < 40 && g.mapProgress < 1; i++ {
		frame(t, g, screen)
	}
	frame(t, g, screen)
	if g.mapProgress < 1 {
		t.Fatalf("map only %.0f%% done after 40 frames", 100*g.mapProgress)
	}
	img := pixelsOf(screen)
	rg := g.regions()
	for i, c := range minimumColors {
		if !hasNear(img, rg.surface, c) {
			t.Errorf("basin %d's colour %v is missing", i+1, c)
		}
	}
}
