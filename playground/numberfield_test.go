package playground

import (
	"math"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestParseNumber reads numbers as people type them; the reference is the
// value a reader of the entry means, written as a Go literal.
func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"0.01", 0.01},
		{"0,01", 0.01},
		{" .5 ", 0.5},
		{",5", 0.5},
		{"5.", 5},
		{"1e-3", 1e-3},
		{"1E-3", 1e-3},
		{"1e−3", 1e-3},
		{"2,5e-4", 2.5e-4},
		{"+3", 3},
		{"-0,9", -0.9},
		{"−0.9", -0.9},
		{"1 000", 1000},
		{"1\u202f000,5", 1000.5},
		{"1'000", 1000},
		{"\t42\n", 42},
		{"0", 0},
		{"0.0125", 0.0125},
		{"0,001", 0.001},
		{"1,25", 1.25},
		{"1,2500", 1.25},
		{"1.000", 1},
	} {
		got, err := parseNumber(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

// TestParseNumberRefuses refuses what is not one number, with a message
// that quotes the entry.
func TestParseNumberRefuses(t *testing.T) {
	for _, in := range []string{"", "   ", "abc", "0.01x", "1,000.5", "1.000,5", "1,000,000", "1,000", "-2,500", "2,500e3", "1..2",
		"inf", "NaN", "Infinity", "1e999", "0x10", "1_000", "e", "-", "1e", "--1", "½", "10%"} {
		v, err := parseNumber(in)
		if err == nil {
			t.Errorf("parseNumber(%q) = %v, want an error", in, v)
			continue
		}
		if q := strings.TrimSpace(in); q != "" && !strings.Contains(err.Error(), q) {
			t.Errorf("parseNumber(%q): message %q does not quote the entry", in, err)
		}
	}
}

// TestFormatNumberReadsBack checks that a field shows what was typed:
// the shown text parses back to exactly the value, for the values people
// type (and the registry's defaults), and stays within a field's width.
func TestFormatNumberReadsBack(t *testing.T) {
	values := []float64{0.01, 0.0125, 0.001234, 1.2345, 0.001, 3e-4, 1e-8, 1e-10, 0.9, 0.999, 0.99, 1.2, 50, 1e-6, 4e-3, 0, -0.5, 12345, 0.1 + 0.2}
	for _, spec := range compute.Optimizers() {
		for _, h := range spec.Hypers {
			values = append(values, h.Default)
		}
	}
	for _, v := range values {
		s := formatNumber(v)
		if len(s) > maxNumberChars {
			t.Errorf("formatNumber(%v) = %q, longer than %d characters", v, s, maxNumberChars)
		}
		back, err := parseNumber(s)
		if err != nil {
			t.Errorf("formatNumber(%v) = %q, which does not parse: %v", v, s, err)
			continue
		}
		if v == 0.1+0.2 { // 0.30000000000000004 is too long to show; six digits
			if math.Abs(back-v) > 1e-6 {
				t.Errorf("formatNumber(%v) = %q reads back as %v", v, s, back)
			}
			continue
		}
		if back != v {
			t.Errorf("formatNumber(%v) = %q reads back as %v", v, s, back)
		}
	}
	for in, want := range map[string]string{"0,01": "0.01", "1e-3": "0.001", "0.0125": "0.0125", "1e-10": "1e-10"} {
		v, _ := parseNumber(in)
		if got := formatNumber(v); got != want {
			t.Errorf("typed %q shows as %q, want %q", in, got, want)
		}
	}
}

// TestTypedHyperparameter types into a racer's hyperparameter field the
// way the panel does (hyperEntry through typeNumber): a decimal comma is
// read; an entry that does not parse, or that the registry refuses, keeps
// the previous value and shows an error naming the field, the entry and
// the kept value; a good entry clears the error.
func TestTypedHyperparameter(t *testing.T) {
	g, err := NewGame(Options{Scenario: "rosenbrock"})
	if err != nil {
		t.Fatal(err)
	}
	w := g.World()
	r := racerFor(t, w, "adam")
	var lr, beta1 hyperControl
	for _, c := range hyperControls(r.Spec) {
		switch c.Hyper.Key {
		case "lr":
			lr = c
		case "beta1":
			beta1 = c
		}
	}
	resets := 0
	changed := func() { resets++ }
	id := hyperFieldID(r, "lr")
	typeIn := func(c hyperControl, text string) {
		g.typeNumber(hyperFieldID(r, c.Hyper.Key), hyperEntry(r, c, changed), text, r.Hyper[c.Hyper.Key])
	}

	typeIn(lr, "0,01")
	if r.Hyper["lr"] != 0.01 || g.fieldError(id) != "" || resets != 1 {
		t.Fatalf("typed 0,01: lr %v, error %q, %d resets; want 0.01, none, 1", r.Hyper["lr"], g.fieldError(id), resets)
	}
	for _, bad := range []string{"abc", "0,0,1", "-1", "0", ""} {
		typeIn(lr, bad)
		msg := g.fieldError(id)
		if r.Hyper["lr"] != 0.01 || resets != 1 {
			t.Errorf("typed %q: lr %v after %d resets; want 0.01 kept", bad, r.Hyper["lr"], resets)
		}
		if msg == "" || !strings.Contains(msg, "lr") || !strings.Contains(msg, "kept 0.01") {
			t.Errorf("typed %q: error %q, want one naming lr and the kept 0.01", bad, msg)
		}
	}
	typeIn(lr, " 2,5e-3 ")
	if r.Hyper["lr"] != 2.5e-3 || g.fieldError(id) != "" {
		t.Errorf("typed 2,5e-3: lr %v, error %q", r.Hyper["lr"], g.fieldError(id))
	}
	// β₁ must stay below 1: 1 is refused, not clamped to 0.999.
	typeIn(beta1, "1")
	if r.Hyper["beta1"] != 0.9 || !strings.Contains(g.fieldError(hyperFieldID(r, "beta1")), "β₁") {
		t.Errorf("typed β₁ = 1: β₁ %v, error %q; want 0.9 kept and an error", r.Hyper["beta1"], g.fieldError(hyperFieldID(r, "beta1")))
	}
	// A field confirmed as shown changes nothing.
	before := resets
	typeIn(lr, formatNumber(r.Hyper["lr"]))
	if resets != before {
		t.Error("confirming a field without a change reset the race")
	}
}

// TestWholeNumberFields refuses fractions and values out of range for the
// panel's whole-number fields (seed, batch size, map steps).
func TestWholeNumberFields(t *testing.T) {
	check := wholeIn(1, 64)
	for v, ok := range map[float64]bool{1: true, 64: true, 32: true, 0: false, 65: false, 2.5: false, -3: false} {
		if err := check(v); (err == nil) != ok {
			t.Errorf("wholeIn(1, 64)(%v) = %v", v, err)
		}
	}
}
