package render

import "testing"

// TestSetScaleScalesText checks that text metrics follow the HiDPI scale
// and that scales below 1 are refused.
func TestSetScaleScalesText(t *testing.T) {
	defer SetScale(1)
	w1, h1 := TextWidth("loss 0.25"), LineHeight()
	SetScale(2)
	if w2, h2 := TextWidth("loss 0.25"), LineHeight(); w2 != 2*w1 || h2 != 2*h1 {
		t.Errorf("at scale 2: width %g height %g, want %g %g", w2, h2, 2*w1, 2*h1)
	}
	SetScale(0.5)
	if w := TextWidth("loss 0.25"); w != w1 {
		t.Errorf("scale 0.5 gave width %g, want it clamped to scale 1 (%g)", w, w1)
	}
}
