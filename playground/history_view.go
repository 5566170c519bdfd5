package playground

import (
	"encoding/json"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/render"
)

// The history's part of the panel, the same natively and in the page: a
// list of the runs (a select: name, when, scenario, best final loss, wall
// time, "*" for a pinned run), and for the run selected a switch that
// overlays its loss curves on the loss chart, its name, Pin, Open (its
// state, replayed), Delete (Undo brings it back), and exports of it or of
// the whole history as JSON or CSV.

// historyPrefix starts the key of every history control.
const historyPrefix = "history."

// openHistory starts the game's history on store (none when nil) and has
// the world record its runs there.
func (g *Game) openHistory(store HistoryStore) {
	if store == nil {
		return
	}
	g.history = OpenHistory(store)
	g.world.OnRunEnd(g.history.Add)
}

// History returns the game's run history, or nil when it keeps none.
func (g *Game) History() *History { return g.history }

// historyRows are the history's controls, or nil without a history.
func (g *Game) historyRows() []*controlRow {
	h := g.history
	if h == nil {
		return nil
	}
	note := func(key, text string) *controlRow {
		return &controlRow{Control: Control{Key: historyPrefix + key, Kind: NoteControl, Note: text}}
	}
	button := func(key, label, help string, on any) *controlRow {
		return &controlRow{Control: Control{Key: historyPrefix + key, Label: label, Kind: ButtonControl, Help: help, Value: on}}
	}
	var rows []*controlRow
	e, ok := h.Selected()
	if !ok {
		rows = append(rows, note("empty", "no runs yet: a run is kept when it finishes, is reset or its scenario changes"))
	} else {
		runs := &controlRow{Control: Control{Key: historyPrefix + "entry", Label: "run", Kind: SelectControl, Value: e.ID,
			Help: "the runs kept, newest first (* pinned): name, when, scenario, best final loss, wall time"}}
		for _, x := range h.Entries() {
			runs.Options = append(runs.Options, ControlOption{Value: x.ID, Label: historyLabel(x)})
		}
		pin := "Pin"
		if e.Pinned {
			pin = "Unpin"
		}
		rows = append(rows, runs,
			&controlRow{Control: Control{Key: historyPrefix + "overlay", Label: "overlay on the loss chart", Kind: CheckboxControl,
				Value: h.Overlaid(e.ID), Help: "draw this run's loss curves, faded, on the loss chart"}},
			&controlRow{Control: Control{Key: historyPrefix + "name", Label: "name", Kind: TextControl, Text: e.Name,
				Help: fmt.Sprintf("the run's name (at most %d characters)", MaxHistoryNameRunes)}},
			button("pin", pin, "a pinned run is kept however many runs follow", e.Pinned),
			button("open", "Open", "open this run's settings and replay its race", nil),
			button("delete", "Delete", "remove this run from the history (Undo brings it back)", nil))
	}
	if h.CanUndo() {
		rows = append(rows, button("undo", "Undo delete", "bring the deleted run back", nil))
	}
	if ok {
		rows = append(rows, button("run_json", "run JSON", "this run as "+HistoryFormat+" JSON", nil),
			button("run_csv", "run CSV", "this run's loss curves as CSV", nil))
	}
	rows = append(rows, button("all_json", "history JSON", "every run as "+HistoryFormat+" JSON", nil),
		button("all_csv", "history CSV", "every run's loss curves as CSV", nil))
	if h.Message != "" {
		rows = append(rows, note("message", h.Message))
	}
	return rows
}

// historyLabel is an entry's line in the list.
func historyLabel(e HistoryEntry) string {
	pin := ""
	if e.Pinned {
		pin = "* "
	}
	best := "–"
	if b := e.BestLoss(); !math.IsNaN(b) {
		best = fmt.Sprintf("%.3g", b)
	}
	return fmt.Sprintf("%s%s | %s | %s | best %s | %.1f s", pin, e.Name, e.Created.Local().Format("01-02 15:04"), e.Scenario, best, e.WallSeconds)
}

// setHistory applies a value the panel sends to a history control.
func (g *Game) setHistory(key string, value json.RawMessage) error {
	h := g.history
	e, ok := h.Selected()
	if !ok {
		return fmt.Errorf("history: no run to change")
	}
	switch strings.TrimPrefix(key, historyPrefix) {
	case "entry":
		var id string
		if err := json.Unmarshal(value, &id); err != nil {
			return fmt.Errorf("run: want a run's id")
		}
		return h.Select(id)
	case "overlay":
		var on bool
		if err := json.Unmarshal(value, &on); err != nil {
			return fmt.Errorf("overlay: want true or false")
		}
		return h.SetOverlay(e.ID, on)
	case "name":
		var name string
		if err := json.Unmarshal(value, &name); err != nil {
			return fmt.Errorf("name: want text")
		}
		return h.Rename(e.ID, name)
	}
	return fmt.Errorf("%q is not a control of the panel", key)
}

// pressHistory presses a history button.
func (g *Game) pressHistory(name string) error {
	h := g.history
	if h == nil {
		return fmt.Errorf("%q is not a button of the panel", name)
	}
	what := strings.TrimPrefix(name, historyPrefix)
	switch what {
	case "undo":
		return h.Undo()
	case "all_json", "all_csv":
		return g.exportHistory(h.Entries(), "descent-history", what)
	}
	e, ok := h.Selected()
	if !ok {
		return fmt.Errorf("history: no run selected")
	}
	switch what {
	case "pin":
		return h.Pin(e.ID, !e.Pinned)
	case "delete":
		return h.Delete(e.ID)
	case "open":
		st, err := DecodeLink(e.Link)
		if err != nil {
			return fmt.Errorf("history: %q: %w", e.Name, err)
		}
		return g.world.SetState(st)
	case "run_json", "run_csv":
		return g.exportHistory([]HistoryEntry{e}, "descent-run-"+e.ID, what)
	}
	return fmt.Errorf("%q is not a button of the panel", name)
}

// exportHistory hands entries to the user as base.json or base.csv
// (what ends in json or csv) and says where they went.
func (g *Game) exportHistory(entries []HistoryEntry, base, what string) error {
	var data []byte
	var err error
	name := base + ".json"
	if strings.HasSuffix(what, "csv") {
		name = base + ".csv"
		data, err = HistoryCSV(entries)
	} else {
		data, err = EncodeHistory(entries)
	}
	if err == nil {
		var where string
		if where, err = g.history.store.Export(name, data); err == nil {
			g.history.Message = fmt.Sprintf("%s: %s", name, where)
			return nil
		}
	}
	g.history.Message = fmt.Sprintf("history: %s: %v", name, err)
	return err
}

// historySeries returns the overlaid entries' loss curves: each racer's
// in its colour faded toward the chart's panel, named after the entry
// (shortened) and the racer.
func (g *Game) historySeries() []render.Series {
	h := g.history
	if h == nil || len(h.overlay) == 0 {
		return nil
	}
	var out []render.Series
	for _, e := range h.Entries() {
		if !h.overlay[e.ID] {
			continue
		}
		for _, r := range h.curves(e) {
			r.Color = g.faded(g.accent(r.Color))
			r.Name = legendName(e.Name) + " / " + r.Name
			out = append(out, r)
		}
	}
	return out
}

// legendNameRunes is how much of an entry's name the chart's legend
// shows before its racer's.
const legendNameRunes = 16

// legendName is an entry's name as the legend shows it, shortened.
func legendName(name string) string {
	if r := []rune(name); len(r) > legendNameRunes {
		return string(r[:legendNameRunes-1]) + "…"
	}
	return name
}

// faded mixes c halfway with the theme's panel colour.
func (g *Game) faded(c color.RGBA) color.RGBA {
	p := g.theme().Panel
	mix := func(a, b uint8) uint8 { return uint8((uint16(a) + uint16(b)) / 2) }
	return color.RGBA{mix(c.R, p.R), mix(c.G, p.G), mix(c.B, p.B), 0xff}
}

// curves returns an entry's loss curves, each in its racer's colour and
// named after its optimizer, made once per entry.
func (h *History) curves(e HistoryEntry) []render.Series {
	if s, ok := h.drawn[e.ID]; ok {
		return s
	}
	var out []render.Series
	for _, r := range e.Racers {
		s := render.Series{Steps: slices.Clone(r.LossSteps), Name: r.Title, Color: racerColor(optimizerIndex(r.Optimizer))}
		for _, v := range r.Losses {
			s.Values = append(s.Values, float64(v))
		}
		out = append(out, s)
	}
	if h.drawn == nil {
		h.drawn = map[string][]render.Series{}
	}
	h.drawn[e.ID] = out
	return out
}

// optimizerIndex is the registry's place of the named optimizer (0 when
// it is not registered).
func optimizerIndex(name string) int {
	return max(0, slices.IndexFunc(compute.Optimizers(), func(s *compute.OptimizerSpec) bool { return s.Name == name }))
}
