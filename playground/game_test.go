package playground

import (
	"image"
	"image/color"
	"maps"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
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
// racer's path is drawn: at the points of its path where no other mark can
// be (see clearPathPoints), the screen has the racer's colour. The legend
// holds the same colours, so the test looks only where the path can be.
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
	// Later paths cover earlier ones where they run together, so some
	// racers may have no stretch of their own here; TestEachPathIsDrawn
	// checks every racer alone.
	checked := 0
	for i, r := range g.World().Racers {
		pts := clearPathPoints(g, rg, i)
		if len(pts) < 10 {
			continue
		}
		checked++
		if hits := pathHits(img, pts, r.Color); hits < len(pts)*9/10 {
			t.Errorf("%s's colour %v is at only %d of the %d points of its path where nothing else is drawn", r.Name(), r.Color, hits, len(pts))
		}
	}
	if checked < 3 {
		t.Errorf("only %d racers' paths lie clear of other marks; the race no longer separates the paths enough for this test", checked)
	}
}

// TestEachPathIsDrawn races alone each racer the scenario races, and two
// optimizers it does not race (AdamW and RAdam, given Adam's tuned rate so
// that they move about as far; at their default rates they barely leave
// their rings), and checks that the racer's colour is along its path, away
// from its ring, arrows, the legend and the stars.
func TestEachPathIsDrawn(t *testing.T) {
	g, err := NewGame(Options{Scenario: "himmelblau"})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(screenW, screenH)
	screen := ebiten.NewImage(screenW, screenH)
	w := g.World()
	adamLR, ok := w.Scenario().Rates["adam"]
	if !ok {
		t.Fatal("himmelblau has no rate tuned for Adam")
	}
	type solo struct {
		i  int
		lr float64 // 0: the racer's own rate
	}
	var solos []solo
	extras := map[string]bool{"adamw": true, "radam": true}
	for i, r := range w.Racers {
		switch {
		case r.Enabled:
			solos = append(solos, solo{i: i})
		case extras[r.Spec.Name]:
			solos = append(solos, solo{i: i, lr: adamLR})
			delete(extras, r.Spec.Name)
		}
	}
	if len(solos) < 5 || len(extras) > 0 {
		t.Fatalf("%d racers to check, and %v not found among the racers himmelblau does not race; want at least 3 raced ones, and AdamW and RAdam unraced", len(solos), slices.Sorted(maps.Keys(extras)))
	}
	for _, c := range solos {
		r := w.Racers[c.i]
		for j, o := range w.Racers {
			o.Enabled = j == c.i
		}
		if c.lr != 0 {
			r.Hyper["lr"] = c.lr
		}
		w.Reset()
		w.Advance(150)
		frame(t, g, screen)
		frame(t, g, screen)
		img := pixelsOf(screen)
		rg := g.regions() // the status table, and so the layout, follows the racers
		pts := clearPathPoints(g, rg, c.i)
		if len(pts) < 20 {
			t.Errorf("%s (lr %g): only %d points of its path lie clear of its ring and arrows, the legend and the stars", r.Name(), r.Hyper["lr"], len(pts))
			continue
		}
		if hits := pathHits(img, pts, r.Color); hits < len(pts)*9/10 {
			t.Errorf("%s racing alone (lr %g): its colour %v is at only %d of the %d points of its path where nothing else is drawn", r.Name(), r.Hyper["lr"], r.Color, hits, len(pts))
		} else {
			t.Logf("%s racing alone (lr %g): its colour is at %d of the %d clear points of its path", r.Name(), r.Hyper["lr"], hits, len(pts))
		}
	}
}

// pathHits counts the points of pts with c on them or next to them.
func pathHits(img *image.RGBA, pts []image.Point, c color.RGBA) int {
	n := 0
	for _, p := range pts {
		if hasNear(img, image.Rect(p.X-1, p.Y-1, p.X+2, p.Y+2), c) {
			n++
		}
	}
	return n
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
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if within(img.RGBAAt(x, y), c, 24) {
				return true
			}
		}
	}
	return false
}

// within reports whether p is less than tol from c in each of R, G and B.
func within(p, c color.RGBA, tol int) bool {
	near := func(a, b uint8) bool { return int(a)-int(b) < tol && int(b)-int(a) < tol }
	return near(p.R, c.R) && near(p.G, c.G) && near(p.B, c.B)
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
// it finish and checks the cells: at the centre of every fourth cell, away
// from the frame, the stars and the legend (which holds the same colours),
// the screen has that cell's colour, and each of the four basins shows.
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
	m, _ := g.World().Map()
	v, _, _ := mapViewport(m.Spec, rg.surface)
	legend := mapLegendBox(g, rg, m).Inset(-2)
	stars := minimaOnScreen(g, v)
	inside := rg.surface.Inset(2)
	sx := float64(rg.surface.Dx()) / float64(m.Spec.Cols)
	sy := float64(rg.surface.Dy()) / float64(m.Spec.Rows)
	samples, wrong := 0, 0
	basins := make([]int, len(minimumColors))
	for r := 0; r < m.Spec.Rows; r += 4 {
		for c := 0; c < m.Spec.Cols; c += 4 {
			x := float64(rg.surface.Min.X) + (float64(c)+0.5)*sx
			y := float64(rg.surface.Max.Y) - (float64(r)+0.5)*sy
			px := image.Pt(int(x), int(y))
			if !px.In(inside) || px.In(legend) || nearAny([2]float64{x, y}, stars, 12) {
				continue
			}
			cell := m.Cells[r*m.Spec.Cols+c]
			want := cellColor(cell, m.Spec.Steps, m.Spec.Vary == compute.VaryStart, true)
			samples++
			if got := img.RGBAAt(px.X, px.Y); !within(got, want, 4) {
				if wrong < 5 {
					t.Errorf("cell (%d, %d) at %v is %v, want %v", c, r, px, got, want)
				}
				wrong++
				continue
			}
			if cell.Status == compute.RunConverged && cell.Minimum >= 0 {
				basins[cell.Minimum%len(basins)]++
			}
		}
	}
	if samples < 1000 || wrong > 0 {
		t.Errorf("%d of %d sampled cells have the wrong colour", wrong, samples)
	}
	for i, n := range basins {
		if n == 0 {
			t.Errorf("no sampled cell shows basin %d's colour %v", i+1, minimumColors[i])
		}
	}
}
