package render

import (
	"image/color"
	"math"
)

// missingColor is the neutral grey of NaN cells in a heatmap.
var missingColor = color.RGBA{0x80, 0x80, 0x80, 0xff}

// HeatmapPixels fills dst with f's values coloured by Viridis on scale s, as
// opaque RGBA bytes of a Cols×Rows image. Image row 0 is the field's top row
// (y = YMax), so the image shows parameter space with y up. NaN cells are a
// neutral grey. It panics unless len(dst) == 4*Cols*Rows.
func HeatmapPixels(dst []byte, f Field, s ColorScale) {
	checkField(f)
	if len(dst) != 4*f.Cols*f.Rows {
		panic("render: HeatmapPixels: len(dst) != 4*Cols*Rows")
	}
	for r := range f.Rows {
		src := f.Values[(f.Rows-1-r)*f.Cols : (f.Rows-r)*f.Cols]
		row := dst[4*r*f.Cols : 4*(r+1)*f.Cols]
		for c, v := range src {
			clr := missingColor
			if !math.IsNaN(v) {
				clr = Viridis(s.At(v))
			}
			row[4*c], row[4*c+1], row[4*c+2], row[4*c+3] = clr.R, clr.G, clr.B, clr.A
		}
	}
}
