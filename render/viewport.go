package render

import "image"

// Viewport maps the rectangle [XMin,XMax]×[YMin,YMax] of parameter space
// onto the screen rectangle Rect. Parameter y grows upwards, screen y
// downwards: (XMin, YMin) lands on Rect's bottom-left corner and (XMax, YMax)
// on its top-right corner.
type Viewport struct {
	XMin, XMax, YMin, YMax float64
	Rect                   image.Rectangle
}

// ToScreen returns the screen position of the parameter point (x, y).
func (v Viewport) ToScreen(x, y float64) (sx, sy float32) {
	fx, fy := v.screen(x, y)
	return float32(fx), float32(fy)
}

// screen is ToScreen in float64, for points that may lie far outside Rect.
func (v Viewport) screen(x, y float64) (sx, sy float64) {
	fx := (x - v.XMin) / (v.XMax - v.XMin)
	fy := (y - v.YMin) / (v.YMax - v.YMin)
	return float64(v.Rect.Min.X) + fx*float64(v.Rect.Dx()), float64(v.Rect.Max.Y) - fy*float64(v.Rect.Dy())
}

// ToParams returns the parameter point at the screen position (sx, sy); it
// is the inverse of ToScreen.
func (v Viewport) ToParams(sx, sy float64) (x, y float64) {
	fx := (sx - float64(v.Rect.Min.X)) / float64(v.Rect.Dx())
	fy := (float64(v.Rect.Max.Y) - sy) / float64(v.Rect.Dy())
	return v.XMin + fx*(v.XMax-v.XMin), v.YMin + fy*(v.YMax-v.YMin)
}
