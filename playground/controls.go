package playground

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// The page's control panel is browser form controls beside the canvas
// (web/panel.js), not debugui in the canvas: Controls describes it, in the
// sections and order of the native panel (panel.go), and SetControl and
// Press apply what the page sends back. Every setting is a field of the
// state table (stateFields): its key, help, value, options and validation
// come from the table, a racer's from compute's registry (hyperControls
// gives its label, slider range and step), so nothing is listed a second
// time for the page. A typed number goes through the native fields' rules
// (parseNumber, numberEntry: a decimal comma is read, an entry that does
// not parse or is not allowed is refused with an error beside the field and
// the value is kept), and a change is applied through World.Apply.

// The kinds of Control.
const (
	ButtonControl   = "button"   // a button; Press(Key)
	CheckboxControl = "checkbox" // a switch; the value is true or false
	SelectControl   = "select"   // one of Options
	NumberControl   = "number"   // a number field, with −/+ buttons when Nudge > 0
	SliderControl   = "slider"   // a number field beside a slider
	RacerControl    = "racer"    // a racer's switch, with its own controls
	TextControl     = "text"     // a line of text, in Text; the value sent is the text
	NoteControl     = "note"     // a line of text to read (Note), no control
)

// ControlSection is a titled group of the panel's controls.
type ControlSection struct {
	Title    string    `json:"title"`
	Controls []Control `json:"controls"`
}

// Control is one control of the page's panel.
type Control struct {
	// Key is the state field the control sets (its JSON key: "scenario",
	// "adam.lr"), or a button's name ("play", "one_rate:adam"), or "gpu".
	Key string `json:"key"`
	// Member is a racer's optimizer: its switch sets the field "racers",
	// the list of the optimizers that race.
	Member string `json:"member,omitempty"`
	// Label names the control: a hyperparameter's symbol and key (η lr).
	Label string `json:"label"`
	Kind  string `json:"kind"`
	// Help says what the control is (the state field's help).
	Help string `json:"help,omitempty"`
	// Note is a line of text shown before the control.
	Note string `json:"note,omitempty"`
	// Value is the current value: a bool, a name, a number; a button's is
	// whether it is on (Play while the race runs, 3-D in the 3-D view), or
	// null for a button that only acts (Step, Reset).
	Value any `json:"value"`
	// Text is a number's value as its field shows it (formatNumber).
	Text string `json:"text,omitempty"`
	// Options are a select's choices.
	Options []ControlOption `json:"options,omitempty"`
	// Min, Max and Step are a slider's range and step, over log₁₀ of the
	// value when Log; Position is where the value is on it.
	Min      float64 `json:"min,omitempty"`
	Max      float64 `json:"max,omitempty"`
	Step     float64 `json:"step,omitempty"`
	Log      bool    `json:"log,omitempty"`
	Position float64 `json:"position,omitempty"`
	// Nudge is the step of a number field's −/+ buttons (0: none).
	Nudge float64 `json:"nudge,omitempty"`
	// Color is a racer's colour, #rrggbb.
	Color string `json:"color,omitempty"`
	// Error is the message beside a field whose entry was refused.
	Error string `json:"error,omitempty"`
	// Controls are a racer's own controls, shown while it races.
	Controls []Control `json:"controls,omitempty"`
}

// ControlOption is one choice of a select.
type ControlOption struct {
	Value any    `json:"value"`
	Label string `json:"label"`
}

// controlRow is a Control with what applies a value to it.
type controlRow struct {
	Control
	field StateField // zero for buttons and "gpu"
	// value is a number's current value; slide turns a slider's position
	// into a value and nudge moves it by dir steps.
	value    float64
	slide    func(pos float64) float64
	nudge    func(v, dir float64) float64
	children []*controlRow
}

// Controls describes the page's panel as it stands.
func (g *Game) Controls() []ControlSection {
	var out []ControlSection
	for _, sec := range g.controlRows() {
		cs := ControlSection{Title: sec.title, Controls: []Control{}}
		for _, r := range sec.rows {
			cs.Controls = append(cs.Controls, r.export())
		}
		out = append(out, cs)
	}
	return out
}

// export returns the row's Control with its children's.
func (r *controlRow) export() Control {
	c := r.Control
	for _, ch := range r.children {
		c.Controls = append(c.Controls, ch.export())
	}
	return c
}

type controlSection struct {
	title string
	rows  []*controlRow
}

// controlRows lays out the panel's sections, in the native panel's order.
func (g *Game) controlRows() []controlSection {
	w := g.world
	st := w.State()
	b := controlBuilder{g: g, st: &st, fields: stateFields()}
	var secs []controlSection

	scenarios := []ControlOption{}
	for _, s := range Scenarios() {
		scenarios = append(scenarios, ControlOption{Value: s.Name, Label: s.Title})
	}
	secs = append(secs, controlSection{"Scenario", []*controlRow{b.choice("scenario", "scenario", scenarios)}})

	play := "Play"
	if w.Playing {
		play = "Pause"
	}
	run := []*controlRow{
		b.button("play", play, "start or pause the race (space)", w.Playing),
		b.button("step", "Step", "one step, paused (→)", nil),
		b.button("reset", "Reset", "every racer back to the start (r)", nil),
		b.button("3d", "3-D", "the surface as a 3-D mesh (3)", w.Show3D),
		b.choice("speed", "steps/frame", optionsOf(speedValues, speedNames)),
		b.check("log", "log colours"),
		{Control: Control{Key: "gpu", Label: "GPU backend", Kind: CheckboxControl, Value: g.useGPU,
			Help: "run the loss surfaces, gradients and maps as Kage shaders"}},
	}
	if w.scenario.Regression() {
		run = append(run, b.check("batch_surface", "batch surface"))
	}
	secs = append(secs, controlSection{"Run", run})

	if !w.scenario.Regression() {
		views := optionsOf(ViewNames, viewNames)
		view := []*controlRow{b.choice("view", "show", views)}
		if w.View != RaceView {
			racers := []ControlOption{}
			for _, r := range w.Racers {
				racers = append(racers, ControlOption{Value: r.Spec.Name, Label: r.Name()})
			}
			opt := b.choice("map_optimizer", "optimizer", racers)
			opt.Value = w.mapRacer().Spec.Name
			view = append(view, opt)
		}
		if w.View == TrainabilityView && w.mapHasMomentum() {
			view = append(view, b.choice("map_axes", "axes", optionsOf(mapAxesKeys, mapAxesNames)))
		}
		if w.View != RaceView {
			view = append(view, b.wholeSlider("map_steps", "steps", minMapSteps, compute.MaxMapSteps, 50),
				b.button("reset_zoom", "reset zoom", "the map's default window (0)", nil))
		}
		secs = append(secs, controlSection{"View", view})
	}

	var racers []*controlRow
	for _, r := range w.Racers {
		racers = append(racers, b.racer(r))
	}
	secs = append(secs, controlSection{"Optimizers", racers})

	var set []*controlRow
	if w.scenario.Regression() {
		set = append(set, b.choice("variant", "variant", optionsOf(variantNames, variantNames)),
			b.wholeSlider("batch_size", "batch size", 1, maxBatchSize, 1),
			b.check("shuffle", "shuffle"),
			b.number("seed", "seed"))
	}
	set = append(set, b.choice("schedule", "schedule", optionsOf(scheduleNames, scheduleNames)),
		b.penalty("l1", "L1"), b.penalty("l2", "L2"))
	secs = append(secs, controlSection{"Settings", set})
	if rows := g.historyRows(); rows != nil {
		secs = append(secs, controlSection{"History", rows})
	}
	secs = append(secs, controlSection{"Sweep", g.sweepRows()})
	return secs
}

// optionsOf pairs values with their labels.
func optionsOf[T any](values []T, labels []string) []ControlOption {
	out := make([]ControlOption, len(values))
	for i, v := range values {
		out[i] = ControlOption{Value: v, Label: labels[i]}
	}
	return out
}

// controlBuilder makes rows from the state table for one state.
type controlBuilder struct {
	g      *Game
	st     *State
	fields []StateField
}

// row starts the row of the table's field key.
func (b controlBuilder) row(key, label, kind string) *controlRow {
	f, ok := stateFieldByName(b.fields, key)
	if !ok {
		panic("playground: no state field " + key)
	}
	return &controlRow{field: f, Control: Control{
		Key: key, Label: label, Kind: kind, Help: f.Help, Value: f.jsonOut(b.st), Error: b.g.fieldError(key),
	}}
}

// button is a button; on is whether a switch it toggles is on (Play, 3-D),
// or nil for a button that only acts.
func (b controlBuilder) button(name, label, help string, on any) *controlRow {
	return &controlRow{Control: Control{Key: name, Label: label, Kind: ButtonControl, Help: help, Value: on}}
}

func (b controlBuilder) check(key, label string) *controlRow {
	return b.row(key, label, CheckboxControl)
}

func (b controlBuilder) choice(key, label string, options []ControlOption) *controlRow {
	r := b.row(key, label, SelectControl)
	r.Options = options
	return r
}

// numberRow starts a number field showing v.
func (b controlBuilder) numberRow(key, label, kind string, v float64) *controlRow {
	r := b.row(key, label, kind)
	r.value, r.Text = v, formatNumber(v)
	return r
}

// number is a field of its own, such as the seed.
func (b controlBuilder) number(key, label string) *controlRow {
	return b.numberRow(key, label, NumberControl, b.numberOf(key))
}

// numberOf is the number in the state's field key.
func (b controlBuilder) numberOf(key string) float64 {
	f, _ := stateFieldByName(b.fields, key)
	v, _ := strconv.ParseFloat(f.Format(*b.st), 64)
	return v
}

// wholeSlider is a whole number from lo to hi with a slider in steps of
// step, as the native panel's intRow.
func (b controlBuilder) wholeSlider(key, label string, lo, hi, step int) *controlRow {
	v := b.numberOf(key)
	r := b.numberRow(key, label, SliderControl, v)
	r.Min, r.Max, r.Step, r.Position = float64(lo), float64(hi), float64(step), v
	r.slide = func(pos float64) float64 { return max(float64(lo), min(float64(hi), math.Round(pos))) }
	return r
}

// penalty is a penalty's weight: any number ≥ 0 with a slider over [0, 1]
// (wider to hold a typed value) in steps of 0.01, as the native panel's
// penaltyRow.
func (b controlBuilder) penalty(key, label string) *controlRow {
	v := b.numberOf(key)
	r := b.numberRow(key, label, SliderControl, v)
	r.Min, r.Max, r.Step, r.Position = min(0, v), max(1, v), 0.01, v
	r.slide = func(pos float64) float64 { return roundDecimals(pos, 2) }
	return r
}

// racer is a racer's switch and, while it races, one control per
// hyperparameter (hyperControls) and its per-parameter rates.
func (b controlBuilder) racer(r *Racer) *controlRow {
	w := b.g.world
	row := b.row("racers", r.Name(), RacerControl)
	row.Member, row.Value, row.Color = r.Spec.Name, r.Enabled, hexColor(r.Color)
	row.Help = r.Spec.Title + ": " + strings.TrimSuffix(r.Spec.Formula, "\n")
	if !r.Enabled {
		return row
	}
	for _, c := range hyperControls(r.Spec) {
		key := r.Spec.Name + "." + c.Hyper.Key
		if c.Hyper.Key == "lr" && r.Scales != nil {
			one := b.button("one_rate:"+r.Spec.Name, "one rate", "one learning rate for every parameter", nil)
			one.Note = r.ratesLabel(w.objective())
			row.children = append(row.children, one)
			continue
		}
		row.children = append(row.children, b.hyper(key, c, r.Hyper[c.Hyper.Key]))
	}
	return row
}

// hyper is the control of one hyperparameter, as the native panel's
// hyperWidget: a checkbox for a switch, else a number field with a log or
// linear slider, or with −/+ buttons.
func (b controlBuilder) hyper(key string, c hyperControl, v float64) *controlRow {
	if c.Kind == checkControl {
		r := b.row(key, c.Label, CheckboxControl)
		r.Help = c.Hyper.Symbol + " " + c.Hyper.Help
		return r
	}
	kind := SliderControl
	if c.Kind == numberControl {
		kind = NumberControl
	}
	r := b.numberRow(key, c.Label, kind, v)
	r.Help = c.Hyper.Symbol + " " + c.Hyper.Help
	switch c.Kind {
	case logSliderControl:
		r.Min, r.Max = c.span(v)
		r.Step, r.Log, r.Position = c.Step, true, math.Log10(v)
		r.slide = func(pos float64) float64 { return c.clamp(roundSignificant(math.Pow(10, pos), 3)) }
	case sliderControl:
		r.Min, r.Max = c.span(v)
		r.Step, r.Position = c.Step, v
		r.slide = func(pos float64) float64 { return c.clamp(roundDecimals(pos, c.Digits)) }
	default:
		r.Nudge = c.Step
		r.nudge = func(v, dir float64) float64 { return c.clamp(roundDecimals(v+dir*c.Step, c.Digits)) }
	}
	return r
}

// hexColor writes c as #rrggbb.
func hexColor(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }
