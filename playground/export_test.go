package playground

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
)

// raced returns a game on scenario laid out at w×h, after frames playing
// frames, paused.
func raced(t *testing.T, scenario string, w, h, frames int) (*Game, *ebiten.Image) {
	t.Helper()
	g, err := NewGame(Options{Scenario: scenario, Play: true})
	if err != nil {
		t.Fatal(err)
	}
	g.layoutAt(w, h, 1)
	screen := ebiten.NewImage(w, h)
	for range frames {
		frame(t, g, screen)
	}
	g.World().Playing = false
	frame(t, g, screen)
	return g, screen
}

// export runs the export name of g over frames until it is done.
func export(t *testing.T, g *Game, screen *ebiten.Image, name string, frames int) []byte {
	t.Helper()
	var out []byte
	var outErr error
	done := false
	if err := g.StartExport(ExportRequest{Name: name, Frames: frames, Done: func(b []byte, err error) { out, outErr, done = b, err, true }}); err != nil {
		t.Fatal(err)
	}
	for n := 0; !done; n++ {
		if n > 400 {
			t.Fatalf("export %s: not done after %d frames", name, n)
		}
		frame(t, g, screen)
	}
	if outErr != nil {
		t.Fatal(outErr)
	}
	return out
}

// TestExportPNGIsTheScreen saves the view after a short race: the PNG has
// the screen's size and each racer's colour along its path.
func TestExportPNGIsTheScreen(t *testing.T) {
	g, screen := raced(t, "himmelblau", screenW, screenH, 40)
	data := export(t, g, screen, "png", 0)
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != screenW || b.Dy() != screenH {
		t.Fatalf("the PNG is %v, want the screen's %d×%d", b, screenW, screenH)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := range screenH {
		for x := range screenW {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	checkPathColours(t, g, func(p image.Point, c color.RGBA) bool { return within(rgba.RGBAAt(p.X, p.Y), c, 40) })
}

// checkPathColours checks that at least three racers have their colour
// at 90% of the points of their path where nothing else is drawn.
func checkPathColours(t *testing.T, g *Game, has func(image.Point, color.RGBA) bool) {
	t.Helper()
	rg := g.regions()
	checked := 0
	for i, r := range g.World().Racers {
		pts := clearPathPoints(g, rg, i)
		if len(pts) < 10 {
			continue
		}
		checked++
		hits := 0
		for _, p := range pts {
			// A path is a few pixels wide: look beside the point too.
			for _, d := range []image.Point{{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				if has(p.Add(d), g.accent(r.Color)) {
					hits++
					break
				}
			}
		}
		if hits < len(pts)*9/10 {
			t.Errorf("%s's colour is at %d of the %d points of its path where nothing else is drawn", r.Name(), hits, len(pts))
		}
	}
	if checked < 3 {
		t.Errorf("only %d racers' paths lie clear of other marks", checked)
	}
}

// composed returns the GIF's frames as whole pictures (each frame after
// the first is the rectangle that changed, over the one before, where
// its transparent pixels show the one before).
func composed(t *testing.T, a *gif.GIF) []*image.Paletted {
	t.Helper()
	var out []*image.Paletted
	cur := image.NewPaletted(image.Rect(0, 0, a.Config.Width, a.Config.Height), a.Image[0].Palette)
	for i, f := range a.Image {
		if a.Disposal[i] != gif.DisposalNone {
			t.Fatalf("frame %d: disposal %d, want none (the frames build on each other)", i, a.Disposal[i])
		}
		next := image.NewPaletted(cur.Rect, cur.Palette)
		copy(next.Pix, cur.Pix)
		for y := f.Rect.Min.Y; y < f.Rect.Max.Y; y++ {
			for x := f.Rect.Min.X; x < f.Rect.Max.X; x++ {
				if _, _, _, a := f.At(x, y).RGBA(); a != 0 {
					next.SetColorIndex(x, y, f.ColorIndexAt(x, y))
				}
			}
		}
		cur = next
		out = append(out, cur)
	}
	return out
}

// TestExportGIFReplaysTheRace makes the race's GIF twice: the same bytes
// both times, the frames asked for, a frame delay for a loop of a few
// seconds, the first frame at the start and the last one the picture a
// game opened on the same state shows (mapped to the GIF's palette), with
// every racer's colour along its path.
func TestExportGIFReplaysTheRace(t *testing.T) {
	const w, h, frames = 900, 560, 12
	g, screen := raced(t, "himmelblau", w, h, 30)
	steps := g.World().Steps()
	t0 := time.Now()
	data := export(t, g, screen, "gif", frames)
	took := time.Since(t0)
	if again := export(t, g, screen, "gif", frames); !bytes.Equal(data, again) {
		t.Errorf("two GIFs of one state differ (%d and %d bytes)", len(data), len(again))
	}
	a, err := gif.DecodeAll(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Image) != frames || a.Config.Width != w || a.Config.Height != h {
		t.Fatalf("the GIF has %d frames of %d×%d, want %d of %d×%d", len(a.Image), a.Config.Width, a.Config.Height, frames, w, h)
	}
	total := 0
	for i, d := range a.Delay {
		if d < 2 {
			t.Errorf("frame %d: delay %d/100 s, want at least 2", i, d)
		}
		total += d
	}
	if a.LoopCount != 0 {
		t.Errorf("loop count %d, want 0 (for ever)", a.LoopCount)
	}
	if total < 500 || total > 1000 {
		t.Errorf("the loop lasts %d/100 s, want 5 to 10 s", total)
	}
	t.Logf("%d steps in %d frames, %d bytes, a loop of %.1f s, made in %v", steps, len(a.Image), len(data), float64(total)/100, took.Round(time.Millisecond))
	pics := composed(t, a)

	// The same state opened in a game of its own, drawn as exports draw.
	st := g.World().State()
	shot, err := NewGame(Options{State: &st})
	if err != nil {
		t.Fatal(err)
	}
	shot.exportView = true
	shot.layoutAt(w, h, 1)
	shotScreen := ebiten.NewImage(w, h)
	for range 3 {
		frame(t, shot, shotScreen)
	}
	if shot.World().Steps() != steps {
		t.Fatalf("the opened state is at step %d, want %d", shot.World().Steps(), steps)
	}
	// Within the palette's error: the two draw antialiased edges over
	// the heatmap a unit of colour apart here and there, which can tip a
	// pixel to the next palette entry; every pixel must map as a colour
	// within 2 units of the picture's does, and few may differ at all.
	q := newQuantizer(a.Image[0].Palette)
	img := pixelsOf(shotScreen)
	want := q.paletted(img)
	last := pics[len(pics)-1]
	differ := 0
	for i := range want.Pix {
		if want.Pix[i] == last.Pix[i] {
			continue
		}
		differ++
		if !nearbyMapsTo(q, img.Pix[4*i:4*i+3], last.Pix[i]) {
			t.Errorf("pixel %d,%d: the last frame has %v, the opened state's picture %v", i%w, i/w, last.Palette[last.Pix[i]], img.Pix[4*i:4*i+3])
		}
	}
	t.Logf("the last frame and the opened state's picture map to other palette entries at %d of %d pixels", differ, len(want.Pix))
	if differ > len(want.Pix)/1000 {
		t.Errorf("the last frame differs from the opened state's picture at %d of %d pixels", differ, len(want.Pix))
	}
	if bytes.Equal(pics[0].Pix, last.Pix) {
		t.Error("the first and last frames are the same picture")
	}
	checkPathColours(t, shot, func(p image.Point, c color.RGBA) bool {
		return last.Palette[last.ColorIndexAt(p.X, p.Y)] == last.Palette[q.index(c.R, c.G, c.B)]
	})
	// A race of N racers shows N colours of its own.
	count := map[uint8]int{}
	for _, i := range last.Pix {
		count[i]++
	}
	racers, running := map[uint8]bool{}, 0
	for _, r := range shot.World().Racers {
		if r.Run() == nil {
			continue
		}
		running++
		c := shot.accent(r.Color)
		i := q.index(c.R, c.G, c.B)
		if last.Palette[i] != color.Color(c) || count[i] < 50 {
			t.Errorf("%s: its colour %v is palette entry %v, on %d pixels of the last frame", r.Name(), c, last.Palette[i], count[i])
		}
		racers[i] = true
	}
	if len(racers) != running || running < 3 {
		t.Errorf("%d racers show %d colours", running, len(racers))
	}
}

// nearbyMapsTo reports whether a colour within 2 units of rgb on each
// channel maps to index.
func nearbyMapsTo(q *quantizer, rgb []uint8, index uint8) bool {
	for dr := -2; dr <= 2; dr++ {
		for dg := -2; dg <= 2; dg++ {
			for db := -2; db <= 2; db++ {
				c := func(v uint8, d int) uint8 { return uint8(min(max(int(v)+d, 0), 255)) }
				if q.index(c(rgb[0], dr), c(rgb[1], dg), c(rgb[2], db)) == index {
					return true
				}
			}
		}
	}
	return false
}

// TestGIFSteps checks which steps a GIF's frames show.
func TestGIFSteps(t *testing.T) {
	for _, c := range []struct {
		total, frames int
		want          []int
	}{
		{0, 60, []int{0}},
		{3, 60, []int{0, 1, 2, 3}},
		{100, 5, []int{0, 25, 50, 75, 100}},
		{10, 4, []int{0, 3, 7, 10}},
	} {
		if got := gifSteps(c.total, c.frames); !slices.Equal(got, c.want) {
			t.Errorf("gifSteps(%d, %d) = %v, want %v", c.total, c.frames, got, c.want)
		}
	}
}

// TestExportRunReadsBack saves the run as JSON and CSV after a race on
// the classic regression (data: batch losses, an epoch) and reads both
// back: every running racer, its every recorded point, equal to the
// racer's own record.
func TestExportRunReadsBack(t *testing.T) {
	g, screen := raced(t, "classic", 800, 500, 20)
	w := g.World()
	var running []*Racer
	for _, r := range w.Racers {
		if r.Run() != nil {
			running = append(running, r)
		}
	}
	if len(running) < 3 || w.Steps() < 10 {
		t.Fatalf("%d racers ran %d steps; want a race", len(running), w.Steps())
	}

	var race RaceExport
	if err := json.Unmarshal(export(t, g, screen, "json", 0), &race); err != nil {
		t.Fatal(err)
	}
	if race.Schema != RaceSchema || race.Scenario != "classic" || race.Steps != w.Steps() || len(race.Racers) != len(running) {
		t.Fatalf("JSON: schema %q, scenario %q, %d steps, %d racers; want %q, classic, %d, %d", race.Schema, race.Scenario, race.Steps, len(race.Racers), RaceSchema, w.Steps(), len(running))
	}
	if st, err := DecodeLink(race.Link); err != nil || EncodeLink(st) != EncodeLink(w.State()) {
		t.Errorf("JSON: the link %q does not open the race's state (%v)", race.Link, err)
	}
	for i, r := range running {
		got := race.Racers[i]
		res := got.Result
		if got.Optimizer != r.Spec.Name || res.Schema != compute.ResultSchema || res.Steps != r.Trainer().Steps() {
			t.Errorf("JSON racer %d: %s, schema %q, %d steps; want %s, %q, %d", i, got.Optimizer, res.Schema, res.Steps, r.Spec.Name, compute.ResultSchema, r.Trainer().Steps())
		}
		path := r.Path()
		if len(res.Path) != len(path) {
			t.Fatalf("JSON %s: %d path points, want %d", r.Name(), len(res.Path), len(path))
		}
		for k, p := range res.Path {
			if !slices.Equal([]float64(p.Params), path[k]) {
				t.Errorf("JSON %s point %d: %v, want %v", r.Name(), k, p.Params, path[k])
				break
			}
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(export(t, g, screen, "csv", 0))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names := running[0].Run().ParamNames()
	wantHeader := append(append([]string{"optimizer", "step", "epoch", "lr"}, names...), "batch_loss", "loss")
	if !slices.Equal(rows[0], wantHeader) {
		t.Fatalf("CSV header %v, want %v", rows[0], wantHeader)
	}
	byRacer := map[string][][]string{}
	for _, row := range rows[1:] {
		byRacer[row[0]] = append(byRacer[row[0]], row)
	}
	num := func(s string) float64 {
		if s == "" {
			return math.NaN()
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("CSV: %q is not a number", s)
		}
		return v
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	for _, r := range running {
		got, points := byRacer[r.Spec.Name], r.Run().Path.Points()
		if len(got) != len(points) {
			t.Fatalf("CSV %s: %d rows, want %d", r.Name(), len(got), len(points))
		}
		for k, p := range points {
			row := got[k]
			step, _ := strconv.Atoi(row[1])
			params := make([]float64, len(names))
			for j := range names {
				params[j] = num(row[4+j])
			}
			bl, loss := num(row[4+len(names)]), num(row[5+len(names)])
			if step != p.Step || !slices.Equal(params, []float64(p.Params)) || !same(bl, float64(p.BatchLoss)) || !same(loss, float64(p.Loss)) {
				t.Fatalf("CSV %s row %d: %v, want step %d, params %v, batch loss %v, loss %v", r.Name(), k, row, p.Step, p.Params, p.BatchLoss, p.Loss)
			}
		}
		// The losses the racer's loss curve holds are the CSV's.
		lossAt := map[int]float64{}
		for _, row := range got {
			step, _ := strconv.Atoi(row[1])
			lossAt[step] = num(row[5+len(names)])
		}
		for _, l := range r.Run().Losses.Points() {
			if v, ok := lossAt[l.Step]; !ok || v != float64(l.Loss) {
				t.Fatalf("CSV %s: the loss at step %d is %v, the racer's loss curve has %v", r.Name(), l.Step, v, l.Loss)
			}
		}
	}
}

// TestExportNames checks the table's names, a file's export by its
// extension, and the refusals.
func TestExportNames(t *testing.T) {
	var names []string
	for _, e := range Exports() {
		names = append(names, e.Name)
		if e.Ext == "" || !strings.Contains(e.MIME, "/") || e.Title == "" {
			t.Errorf("export %s: extension %q, MIME %q, title %q", e.Name, e.Ext, e.MIME, e.Title)
		}
	}
	if !slices.Equal(names, []string{"png", "gif", "csv", "json", "notebook", "torch"}) {
		t.Errorf("exports %v", names)
	}
	for path, want := range map[string]string{"run.csv": "csv", "a/b.JSON": "json", "x.png": "", "x": ""} {
		e, err := ExportForFile(path)
		if e.Name != want || (err != nil) != (want == "") {
			t.Errorf("ExportForFile(%q) = %q, %v; want %q", path, e.Name, err, want)
		}
	}
	g, err := NewGame(Options{Scenario: "beale"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.StartExport(ExportRequest{Name: "mp4"}); err == nil || !strings.Contains(err.Error(), "png") {
		t.Errorf("an unknown export: %v, want an error naming the exports", err)
	}
	g.layoutAt(640, 400, 1)
	if err := g.StartExport(ExportRequest{Name: "gif", Frames: MaxGIFFrames + 1}); err == nil {
		t.Errorf("%d frames: no error", MaxGIFFrames+1)
	}
}
