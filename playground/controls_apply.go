package playground

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The page's panel sends its changes through SetControl and Press, which
// apply them through the state table and World.Apply (see controls.go).

// The ways SetControl reads a number: typed text, a slider's position, a
// −/+ button's direction.
const (
	ViaText   = "text"
	ViaSlider = "slider"
	ViaNudge  = "nudge"
)

// findRow returns the row of key (and, for a racer's switch, member).
func findRow(secs []controlSection, key string) *controlRow {
	var find func(rows []*controlRow) *controlRow
	find = func(rows []*controlRow) *controlRow {
		for _, r := range rows {
			if r.Key == key {
				return r
			}
			if c := find(r.children); c != nil {
				return c
			}
		}
		return nil
	}
	for _, s := range secs {
		if r := find(s.rows); r != nil {
			return r
		}
	}
	return nil
}

// SetControl applies a value the page's panel sends for the control key,
// given as JSON: for a checkbox true or false, for a select an option's
// value, for a racer's switch the list of optimizers that race, for a
// number the text typed into its field (via ViaText), a slider's position
// (ViaSlider) or a −/+ button's direction, +1 or −1 (ViaNudge). A value
// that is refused changes nothing and is returned as an error naming the
// control, the value and what is allowed; for a number the error is also
// kept beside its field (Control.Error) until a value is accepted.
func (g *Game) SetControl(key string, value json.RawMessage, via string) error {
	row := findRow(g.controlRows(), key)
	switch {
	case row == nil:
		return fmt.Errorf("%q is not a control of the panel", key)
	case row.Kind == ButtonControl:
		return g.Press(key)
	case strings.HasPrefix(key, historyPrefix):
		return g.setHistory(key, value)
	case strings.HasPrefix(key, "sweep_"):
		return g.setSweepControl(row, value, via)
	case key == "gpu":
		var on bool
		if err := json.Unmarshal(value, &on); err != nil {
			return fmt.Errorf("GPU backend: want true or false")
		}
		g.useGPU = on
		g.setGPU(on)
		if on && !g.useGPU {
			return g.world.Err
		}
		return nil
	case row.Kind == NumberControl || row.Kind == SliderControl:
		return g.setNumber(row, value, via)
	}
	st := g.world.State()
	if err := row.field.jsonIn(&st, value); err != nil {
		return fmt.Errorf("%s: %s is not allowed: %w", row.Label, value, err)
	}
	if err := g.world.Apply(st); err != nil {
		return fmt.Errorf("%s: %s is not allowed: %w", row.Label, value, err)
	}
	return nil
}

// setNumber applies a number to row: typed text through numberEntry (the
// native number field's rules), a slider's position or a nudge rounded and
// clamped as the native panel's. The table's validation decides; an entry
// it refuses keeps the value and is shown beside the field.
func (g *Game) setNumber(row *controlRow, value json.RawMessage, via string) error {
	check := func(v float64) error {
		st := g.world.State()
		return row.field.parse(&st, numberText(v))
	}
	var v float64
	switch via {
	case ViaText, "":
		var text string
		if err := json.Unmarshal(value, &text); err != nil {
			return fmt.Errorf("%s: want the typed text as a string", row.Label)
		}
		entry := numberEntry{Name: row.Label, Check: check}
		var err error
		if v, err = entry.enter(text, row.value); err != nil {
			g.setFieldError(row.Key, err.Error())
			return err
		}
	case ViaSlider, ViaNudge:
		var x float64
		if err := json.Unmarshal(value, &x); err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%s: want a number for the %s", row.Label, via)
		}
		switch {
		case via == ViaSlider && row.slide != nil:
			v = row.slide(x)
		case via == ViaNudge && row.nudge != nil:
			v = row.nudge(row.value, math.Copysign(1, x))
		default:
			return fmt.Errorf("%s has no %s", row.Label, via)
		}
	default:
		return fmt.Errorf("%s: unknown way %q to set a number", row.Label, via)
	}
	if v == row.value {
		g.setFieldError(row.Key, "")
		return nil
	}
	st := g.world.State()
	err := row.field.parse(&st, numberText(v))
	if err == nil {
		err = g.world.Apply(st)
	}
	if err != nil {
		err = fmt.Errorf("%s: %s is not allowed: %w; kept %s", row.Label, formatNumber(v), err, formatNumber(row.value))
		g.setFieldError(row.Key, err.Error())
		return err
	}
	g.setFieldError(row.Key, "")
	return nil
}

// numberText writes v as the state table reads numbers: whole numbers
// without a point or an exponent (so that whole-number fields read them),
// others exactly.
func numberText(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return formatLinkNumber(v)
}

// Press presses the panel's button name: play (or pause), step, reset,
// 3d, reset_zoom, or one_rate:OPTIMIZER.
func (g *Game) Press(name string) error {
	if strings.HasPrefix(name, "sweep_") {
		return g.pressSweep(name)
	}
	w := g.world
	switch name {
	case "play":
		w.Playing = !w.Playing
	case "step":
		w.Playing = false
		w.Advance(1)
	case "reset":
		w.Reset()
	case "3d":
		w.Show3D = !w.Show3D
	case "reset_zoom":
		w.ResetMapZoom()
	default:
		if strings.HasPrefix(name, historyPrefix) {
			return g.pressHistory(name)
		}
		opt, ok := strings.CutPrefix(name, "one_rate:")
		for _, r := range w.Racers {
			if ok && r.Spec.Name == opt {
				r.oneRate()
				w.Reset()
				return nil
			}
		}
		return fmt.Errorf("%q is not a button of the panel", name)
	}
	return nil
}

// ControlMessage is the latest configuration problem, shown under the
// panel ("" when there is none).
func (g *Game) ControlMessage() string {
	if g.world.Err == nil {
		return ""
	}
	return g.world.Err.Error()
}
