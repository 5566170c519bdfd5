package playground

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image"
	"image/color"
	"strconv"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// historyGame returns a game on bowl keeping its history in store, laid
// out at 1280×800, and its screen.
func historyGame(t *testing.T, store HistoryStore) (*Game, *ebiten.Image) {
	t.Helper()
	g, err := NewGame(Options{Scenario: "bowl", History: store})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(screenW, screenH)
	return g, ebiten.NewImage(screenW, screenH)
}

// historyControl returns the panel's history control key, or false.
func historyControl(g *Game, key string) (Control, bool) {
	for _, s := range g.Controls() {
		if s.Title != "History" {
			continue
		}
		for _, c := range s.Controls {
			if c.Key == key {
				return c, true
			}
		}
	}
	return Control{}, false
}

// TestHistoryThroughThePanel plays and resets a race in a game and works
// its history through the panel's controls, as the page and the native
// panel do: the run is listed and selected, renamed, pinned, deleted and
// brought back, and opened again.
func TestHistoryThroughThePanel(t *testing.T) {
	store := newMemStore(0)
	g, _ := historyGame(t, store)
	if c, ok := historyControl(g, "history.empty"); !ok || c.Kind != NoteControl {
		t.Errorf("an empty history shows %+v, want a note", c)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(g.Press("step"))
	must(g.Press("step"))
	must(g.Press("reset"))
	list, ok := historyControl(g, "history.entry")
	if !ok || len(list.Options) != 1 || len(store.items) != 1 {
		t.Fatalf("after a run and a reset the panel lists %+v, the store holds %d", list.Options, len(store.items))
	}
	id := list.Value.(string)
	must(g.SetControl("history.name", json.RawMessage(`"slow bowl"`), ""))
	must(g.Press("history.pin"))
	if e := store.items[id]; e.Name != "slow bowl" || !e.Pinned {
		t.Errorf("stored entry %q pinned %v, want renamed and pinned", e.Name, e.Pinned)
	}
	if c, _ := historyControl(g, "history.pin"); c.Label != "Unpin" || c.Value != true {
		t.Errorf("pin button %+v, want Unpin, pressed", c)
	}
	if err := g.SetControl("history.name", json.RawMessage(`""`), ""); err == nil {
		t.Error("an empty name was accepted")
	}
	must(g.Press("history.delete"))
	if _, ok := historyControl(g, "history.undo"); !ok || len(store.items) != 0 {
		t.Fatalf("after delete: undo shown %v, store holds %d", ok, len(store.items))
	}
	must(g.Press("history.undo"))
	if len(store.items) != 1 {
		t.Fatalf("undo left %d entries in the store", len(store.items))
	}
	must(g.SetControl("history.entry", json.RawMessage(strconv.Quote(id)), ""))
	must(g.Press("history.open"))
	if g.World().Steps() != 2 {
		t.Errorf("opening the run shows %d steps, want 2", g.World().Steps())
	}
}

// TestHistoryExportsParseBack exports one run and the history as JSON
// and CSV and reads them back: the JSON as the same entries, the CSV as
// one row per kept loss of each racer, with the header and the values.
func TestHistoryExportsParseBack(t *testing.T) {
	store := newMemStore(0)
	g, _ := historyGame(t, store)
	for range 2 {
		g.World().Advance(30)
		g.World().Reset()
	}
	h := g.History()
	for _, name := range []string{"history.run_json", "history.run_csv", "history.all_json", "history.all_csv"} {
		if err := g.Press(name); err != nil {
			t.Fatal(err)
		}
	}
	e, _ := h.Selected()
	for name, want := range map[string][]HistoryEntry{"descent-run-" + e.ID: {e}, "descent-history": h.Entries()} {
		back, err := DecodeHistory(store.exports[name+".json"])
		if err != nil || len(back) != len(want) || back[0].ID != want[0].ID || len(back[0].Racers) != len(want[0].Racers) {
			t.Errorf("%s.json reads back as %d entries (%v), want %d", name, len(back), err, len(want))
		}
		rows, err := csv.NewReader(bytes.NewReader(store.exports[name+".csv"])).ReadAll()
		if err != nil {
			t.Fatalf("%s.csv: %v", name, err)
		}
		points := 0
		for _, x := range want {
			for _, r := range x.Racers {
				points += len(r.Losses)
			}
		}
		if len(rows) != points+1 || !slicesEqual(rows[0], HistoryCSVHeader) {
			t.Fatalf("%s.csv has %d rows, want a header and %d", name, len(rows), points)
		}
		r0 := want[0].Racers[0]
		if step, _ := strconv.Atoi(rows[1][6]); rows[1][0] != want[0].ID || rows[1][4] != r0.Optimizer || step != r0.LossSteps[0] {
			t.Errorf("%s.csv first row %v", name, rows[1])
		}
		if loss, err := strconv.ParseFloat(rows[len(r0.Losses)][7], 64); err != nil || !closeTo(loss, float64(r0.Losses[len(r0.Losses)-1]), 1e-5) {
			t.Errorf("%s.csv: racer's last loss %v, want %g", name, rows[len(r0.Losses)][7], float64(r0.Losses[len(r0.Losses)-1]))
		}
	}
	if h.Message == "" {
		t.Error("no message says where the export went")
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func closeTo(a, b, rel float64) bool {
	d := a - b
	if d < 0 {
		d = -d
	}
	if b < 0 {
		b = -b
	}
	return d <= rel*b
}

// TestHistoryOverlayDraws overlays a stored run of 1000 steps on a fresh
// race (whose curves are one point at step 0) and looks for the run's
// faded colour in the right three quarters of the loss chart's plot,
// where only the overlay can be; without the overlay it is not there.
func TestHistoryOverlayDraws(t *testing.T) {
	store := newMemStore(0)
	e := testEntry("old run", 0, 1000)
	e.ID = "abc"
	store.items[e.ID] = e
	g, screen := historyGame(t, store)
	want := g.faded(g.accent(racerColor(optimizerIndex("adam"))))
	count := func() int {
		g.Draw(screen)
		plot := g.pic.chart.Plot
		right := image.Rect(plot.Min.X+plot.Dx()/4, plot.Min.Y, plot.Max.X, plot.Max.Y)
		n := 0
		for y := right.Min.Y; y < right.Max.Y; y++ {
			for x := right.Min.X; x < right.Max.X; x++ {
				if near(screen.At(x, y), want, 24) {
					n++
				}
			}
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("without the overlay %d pixels have its colour", n)
	}
	if err := g.SetControl("history.overlay", json.RawMessage("true"), ""); err != nil {
		t.Fatal(err)
	}
	if n := count(); n < 100 {
		t.Errorf("with the overlay %d pixels of the plot's right part have its colour %v, want a curve (≥ 100)", n, want)
	}
}

// near says whether c is within d of want in every channel.
func near(c color.Color, want color.RGBA, d int) bool {
	r, g, b, _ := c.RGBA()
	abs := func(x int) int { return max(x, -x) }
	return abs(int(r>>8)-int(want.R)) <= d && abs(int(g>>8)-int(want.G)) <= d && abs(int(b>>8)-int(want.B)) <= d
}
