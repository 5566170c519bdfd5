package playground

import (
	"errors"
	"fmt"
	"image"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// parseNumber reads a number as a person types it: spaces anywhere (also
// no-break and thin spaces, as thousands separators), a leading + or −
// (the minus sign or a hyphen), a decimal point or a decimal comma
// ("0,01" is 0.01), and an exponent ("1e-3", "1E−3"). It refuses, with a
// message that quotes the entry, anything else: an empty entry, letters,
// more than one decimal mark and a comma that may group thousands
// ("1,000.5", "1,000,000" and "2,500" read differently in the two
// conventions; "0,001" and "2,5" do not), and infinities and NaN.
func parseNumber(s string) (float64, error) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u202f' || r == '\u2009' || r == '\u00a0' || r == '\'':
			// Spaces and apostrophes group digits (1 000, 1'000).
		case r == '−' || r == '–':
			b.WriteByte('-')
		case r == ',':
			b.WriteByte('.')
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if t == "" {
		return 0, errors.New("the entry is empty; type a number")
	}
	marks := strings.Count(t, ".")
	for _, r := range t {
		if !strings.ContainsRune("0123456789.eE+-", r) {
			return 0, fmt.Errorf("%q is not a number", strings.TrimSpace(s))
		}
	}
	if marks > 1 {
		return 0, fmt.Errorf("%q has %d decimal marks; write one (0.01 or 0,01)", strings.TrimSpace(s), marks)
	}
	if thousandsComma(t, strings.ContainsRune(s, ',')) {
		return 0, fmt.Errorf("%q may mean thousands or a decimal comma; write it without the comma or with a point", strings.TrimSpace(s))
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%q is not a number", strings.TrimSpace(s))
	}
	return v, nil
}

// thousandsComma reports whether t (normalised, with a point for the
// comma when comma is set) reads both ways: a comma after a whole part
// other than 0 and before exactly three digits, as in 1,000 or 2,500.
func thousandsComma(t string, comma bool) bool {
	if !comma {
		return false
	}
	whole, frac, _ := strings.Cut(strings.TrimLeft(t, "+-"), ".")
	if i := strings.IndexAny(frac, "eE"); i >= 0 {
		frac = frac[:i]
	}
	return len(frac) == 3 && strings.Trim(whole, "0") != ""
}

// maxNumberChars is the most characters a number field shows before it
// rounds what it shows.
const maxNumberChars = 12

// formatNumber writes v for a number field: the shortest text that reads
// back as exactly v (so a typed 0.0125 shows as 0.0125, not 0.01), or,
// where that is longer than a field shows, v to six significant digits.
func formatNumber(v float64) string {
	if s := strconv.FormatFloat(v, 'g', -1, 64); len(s) <= maxNumberChars {
		return s
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// numberEntry is a number typed into a field: it is applied only when it
// parses and check allows it; otherwise the field keeps its value and
// shows err beside it.
type numberEntry struct {
	// Name is the field's name in messages (lr, β₁ beta1, seed, …).
	Name string
	// Check refuses a value the field cannot take; nil allows any.
	Check func(float64) error
	// Set stores an accepted value.
	Set func(float64)
}

// enter reads text typed into the field whose value is old: it returns
// the new value, or an error naming the field, the entry and the kept
// value. Text that is what the field showed (a field confirmed without a
// change) keeps old exactly.
func (e numberEntry) enter(text string, old float64) (float64, error) {
	if text == formatNumber(old) {
		return old, nil
	}
	v, err := parseNumber(text)
	if err == nil && e.Check != nil {
		if cerr := e.Check(v); cerr != nil {
			err = fmt.Errorf("%s is not allowed: %w", formatNumber(v), cerr)
		}
	}
	if err != nil {
		return old, fmt.Errorf("%s: %w; kept %s", e.Name, err, formatNumber(old))
	}
	return v, nil
}

// panelInput is the panel's input state: which number fields show an
// error and, for page tests, where named controls were laid out.
type panelInput struct {
	errs  map[string]string
	rects map[string]image.Rectangle
}

// fieldError returns the error shown beside field id, or "".
func (g *Game) fieldError(id string) string { return g.input.panel.errs[id] }

// setFieldError shows msg beside field id, or clears it when msg is "".
func (g *Game) setFieldError(id, msg string) {
	p := &g.input.panel
	if msg == "" {
		delete(p.errs, id)
		return
	}
	if p.errs == nil {
		p.errs = map[string]string{}
	}
	p.errs[id] = msg
}

// typeNumber applies text typed into field id, whose value is old,
// through e: on success it stores the value (when it changed) and clears
// the field's error; otherwise it keeps old and sets the error.
func (g *Game) typeNumber(id string, e numberEntry, text string, old float64) {
	v, err := e.enter(text, old)
	if err != nil {
		g.setFieldError(id, err.Error())
		return
	}
	g.setFieldError(id, "")
	if v != old {
		e.Set(v)
	}
}

// hyperEntry is the number field of r's hyperparameter c: it takes a
// typed value that the registry allows, stores it and calls changed.
func hyperEntry(r *Racer, c hyperControl, changed func()) numberEntry {
	key := c.Hyper.Key
	return numberEntry{Name: c.Label, Check: c.Hyper.Check, Set: func(v float64) { r.Hyper[key] = v; changed() }}
}

// hyperFieldID names r's field of hyperparameter key: "OPTIMIZER/KEY".
func hyperFieldID(r *Racer, key string) string { return r.Spec.Name + "/" + key }

// roundSignificant returns v to n significant digits, as a slider's value
// is stored (a log slider's 10^-3.3 is 0.000501).
func roundSignificant(v float64, n int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// roundDecimals returns v to n decimals (0.30000000000000004 is 0.3).
func roundDecimals(v float64, n int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'f', n, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// wholeIn allows whole numbers from lo to hi.
func wholeIn(lo, hi int) func(float64) error {
	return func(v float64) error {
		if v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
			return fmt.Errorf("want a whole number from %d to %d", lo, hi)
		}
		return nil
	}
}

// atLeast allows numbers ≥ lo.
func atLeast(lo float64) func(float64) error {
	return func(v float64) error {
		if v < lo {
			return fmt.Errorf("want a number ≥ %s", formatNumber(lo))
		}
		return nil
	}
}
