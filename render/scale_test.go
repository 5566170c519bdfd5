package render

import (
	"math"
	"testing"
)

// TestSetTextSizeScalesText checks that text metrics follow the text size
// (Go Regular is scalable: twice the size, about twice the width and
// height, within hinting's rounding), that sizes outside the allowed range
// are clamped, and that the line scale leaves text alone.
func TestSetTextSizeScalesText(t *testing.T) {
	defer SetTextSize(BaseTextSize)
	defer SetScale(1)
	w1, h1 := TextWidth("loss 0.25"), LineHeight()
	SetTextSize(2 * BaseTextSize)
	w2, h2 := TextWidth("loss 0.25"), LineHeight()
	if math.Abs(w2/w1-2) > 0.1 || math.Abs(h2/h1-2) > 0.15 {
		t.Errorf("at twice the size: width %g height %g, want about %g %g", w2, h2, 2*w1, 2*h1)
	}
	if TextScale() != 2 {
		t.Errorf("TextScale() = %g at twice the base size, want 2", TextScale())
	}
	SetTextSize(1)
	if TextSize() != MinTextSize {
		t.Errorf("SetTextSize(1) gave %g, want it clamped to %g", TextSize(), MinTextSize)
	}
	SetTextSize(BaseTextSize)
	SetScale(2)
	if w := TextWidth("loss 0.25"); w != w1 {
		t.Errorf("line scale 2 changed the text's width from %g to %g", w1, w)
	}
	SetScale(0.5)
	if Scale() != 1 {
		t.Errorf("SetScale(0.5) gave %g, want it clamped to 1", Scale())
	}
}

// TestGlyphsCovered checks that Go Regular has every glyph of the labels
// Descent draws once legible has replaced the few it lacks (subscripts,
// the norm's bars, ∇), and that MissingGlyphs finds a glyph it lacks.
func TestGlyphsCovered(t *testing.T) {
	for _, s := range []string{
		"loss · log scale", "‖∇L‖", "η × μ from (0.1, 0.9)", "β₁ 0.9, β₂ 0.999",
		"L(w, b) = (1/N) Σᵢ (w·xᵢ + b − yᵢ)²", "f(x, y) = −20 exp(−0.2 √((x² + y²)/2))",
		"→ one step", "computing the loss surface…", "±10¹²", "– (its last, step 3)",
	} {
		if missing := MissingGlyphs(s); len(missing) > 0 {
			t.Errorf("%q: Go Regular lacks %q after legible", s, string(missing))
		}
	}
	if missing := MissingGlyphs("☃"); len(missing) != 1 {
		t.Errorf("MissingGlyphs(☃) = %q, want the snowman", string(missing))
	}
}
