package render

import "math"

// Field is a grid of values over the rectangle [XMin,XMax]×[YMin,YMax]:
// Values[r*Cols+c] is the value at x = XMin + c*(XMax-XMin)/(Cols-1),
// y = YMin + r*(YMax-YMin)/(Rows-1). Row 0 is the bottom edge, y = YMin.
// NaN marks a missing value.
type Field struct {
	Values                 []float64
	Cols, Rows             int
	XMin, XMax, YMin, YMax float64
}

// X returns the x coordinate of column c.
func (f Field) X(c int) float64 {
	return f.XMin + float64(c)*(f.XMax-f.XMin)/float64(f.Cols-1)
}

// Y returns the y coordinate of row r.
func (f Field) Y(r int) float64 {
	return f.YMin + float64(r)*(f.YMax-f.YMin)/float64(f.Rows-1)
}

// Sample returns the bilinear interpolation of the field at (x, y), with the
// point clamped to the field's rectangle. A NaN corner makes the result NaN.
func (f Field) Sample(x, y float64) float64 {
	fc := clamp((x-f.XMin)/(f.XMax-f.XMin), 0, 1) * float64(f.Cols-1)
	fr := clamp((y-f.YMin)/(f.YMax-f.YMin), 0, 1) * float64(f.Rows-1)
	c := min(int(fc), f.Cols-2)
	r := min(int(fr), f.Rows-2)
	tc, tr := fc-float64(c), fr-float64(r)
	i := r*f.Cols + c
	bottom := f.Values[i]*(1-tc) + f.Values[i+1]*tc
	top := f.Values[i+f.Cols]*(1-tc) + f.Values[i+f.Cols+1]*tc
	return bottom*(1-tr) + top*tr
}

// checkField panics when f's values do not fill its grid or the grid has
// fewer than two columns or rows; both are programmer errors.
func checkField(f Field) {
	if f.Cols < 2 || f.Rows < 2 || len(f.Values) != f.Cols*f.Rows {
		panic("render: Field needs Cols, Rows >= 2 and len(Values) == Cols*Rows")
	}
}

// clamp returns v limited to [lo, hi]; NaN becomes lo.
func clamp(v, lo, hi float64) float64 {
	if !(v > lo) {
		return lo
	}
	return math.Min(v, hi)
}
