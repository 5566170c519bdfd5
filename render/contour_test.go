package render

import (
	"math"
	"testing"
)

// gridField samples fn on an n×n grid over [lo, hi]².
func gridField(n int, lo, hi float64, fn func(x, y float64) float64) Field {
	f := Field{Values: make([]float64, n*n), Cols: n, Rows: n, XMin: lo, XMax: hi, YMin: lo, YMax: hi}
	for r := range n {
		for c := range n {
			f.Values[r*n+c] = fn(f.X(c), f.Y(r))
		}
	}
	return f
}

// TestContoursCircle checks the level-r² contour of f = x² + y² against the
// closed form, the circle of radius r: every segment end lies on it within
// h² (linear interpolation of a quadratic along an edge of length h misplaces
// the crossing by at most h²/(8r)), and the segments add up to 2πr within
// 0.5%.
func TestContoursCircle(t *testing.T) {
	f := gridField(101, -2, 2, func(x, y float64) float64 { return x*x + y*y })
	h := 4.0 / 100
	for _, r := range []float64{0.5, 1, 1.7} {
		levels := Contours(f, []float64{r * r})
		if len(levels) != 1 || levels[0].Value != r*r {
			t.Fatalf("r=%v: got %d levels", r, len(levels))
		}
		length := 0.0
		for _, s := range levels[0].Segments {
			for _, p := range [][2]float64{{s.X0, s.Y0}, {s.X1, s.Y1}} {
				if d := math.Abs(math.Hypot(p[0], p[1]) - r); d > h*h {
					t.Fatalf("r=%v: point %v is %v off the circle (tolerance %v)", r, p, d, h*h)
				}
			}
			length += math.Hypot(s.X1-s.X0, s.Y1-s.Y0)
		}
		if rel := math.Abs(length-2*math.Pi*r) / (2 * math.Pi * r); rel > 0.005 {
			t.Errorf("r=%v: length %v, want 2πr = %v (relative error %v)", r, length, 2*math.Pi*r, rel)
		}
	}
}

// TestContoursPlane checks that the contour of the plane f = x at level a
// is the vertical line x = a across the whole field.
func TestContoursPlane(t *testing.T) {
	f := gridField(17, -1, 1, func(x, y float64) float64 { return x })
	for _, a := range []float64{-0.55, 0.1, 0.3} {
		segs := Contours(f, []float64{a})[0].Segments
		length := 0.0
		for _, s := range segs {
			if math.Abs(s.X0-a) > 1e-12 || math.Abs(s.X1-a) > 1e-12 {
				t.Fatalf("a=%v: segment %+v is not on x = a", a, s)
			}
			length += math.Abs(s.Y1 - s.Y0)
		}
		if math.Abs(length-2) > 1e-12 {
			t.Errorf("a=%v: line length %v, want 2", a, length)
		}
	}
}

// TestContoursSaddleCell checks the disambiguation of a saddle cell by its
// centre average on the 2×2 field with high bottom-left and top-right
// corners: below the centre value (0.5) the segments cut off the low corners,
// above it the high ones.
func TestContoursSaddleCell(t *testing.T) {
	f := Field{Values: []float64{1, 0, 0, 1}, Cols: 2, Rows: 2, XMin: 0, XMax: 1, YMin: 0, YMax: 1}
	// Values by row from the bottom: (0,0)=1, (1,0)=0, (0,1)=0, (1,1)=1.
	for _, c := range []struct {
		level   float64
		corners [][2]float64 // the corners the segments cut off
	}{
		{0.4, [][2]float64{{1, 0}, {0, 1}}},
		{0.6, [][2]float64{{0, 0}, {1, 1}}},
	} {
		segs := Contours(f, []float64{c.level})[0].Segments
		if len(segs) != 2 {
			t.Fatalf("level %v: %d segments, want 2", c.level, len(segs))
		}
		for _, corner := range c.corners {
			found := false
			for _, s := range segs {
				mx, my := (s.X0+s.X1)/2, (s.Y0+s.Y1)/2
				found = found || math.Hypot(mx-corner[0], my-corner[1]) < 0.5
			}
			if !found {
				t.Errorf("level %v: no segment cuts off corner %v: %+v", c.level, corner, segs)
			}
		}
	}
}

// TestContoursSaddleSurface checks the saddle f = x·y, whose level-a
// contours (a > 0) are hyperbolas in the first and third quadrants: with the
// saddle point at a cell centre, no segment may join the two branches.
func TestContoursSaddleSurface(t *testing.T) {
	f := gridField(20, -1, 1, func(x, y float64) float64 { return x * y })
	for _, a := range []float64{0.001, 0.05} {
		for _, s := range Contours(f, []float64{a})[0].Segments {
			if (s.X0+s.X1)*(s.Y0+s.Y1) <= 0 {
				t.Fatalf("level %v: segment %+v crosses between quadrants", a, s)
			}
		}
	}
}

// TestContoursNaN checks that cells with a NaN corner are skipped.
func TestContoursNaN(t *testing.T) {
	f := gridField(5, -1, 1, func(x, y float64) float64 { return x })
	f.Values[2*5+2] = math.NaN() // the centre node
	for _, s := range Contours(f, []float64{0.1})[0].Segments {
		if math.IsNaN(s.X0 + s.Y0 + s.X1 + s.Y1) {
			t.Fatal("NaN segment")
		}
		if math.Abs((s.Y0+s.Y1)/2) < 0.5 {
			t.Errorf("segment %+v in a cell next to the NaN node", s)
		}
	}
}
