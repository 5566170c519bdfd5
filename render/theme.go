package render

import "image/color"

// The package's colours, chosen for a dark background. NRGBA keeps the
// translucent ones readable; Ebitengine premultiplies them when drawing.
var (
	inkColor      = color.NRGBA{0xe0, 0xe0, 0xe0, 0xff} // axes, ticks, labels
	frameColor    = color.NRGBA{0xe0, 0xe0, 0xe0, 0x90} // plot frames and tick marks
	gridColor     = color.NRGBA{0xff, 0xff, 0xff, 0x2c} // grid lines
	panelColor    = color.NRGBA{0x12, 0x12, 0x18, 0xc8} // legend and chart backgrounds
	shadowColor   = color.NRGBA{0x00, 0x00, 0x00, 0x90} // outlines of vector shapes
	caseColor     = color.RGBA{0x14, 0x14, 0x1a, 0xff}  // opaque casing of paths and points
	contourLight  = color.NRGBA{0xff, 0xff, 0xff, 0x70} // contour lines over dark colours
	contourDark   = color.NRGBA{0x00, 0x00, 0x00, 0x70} // contour lines over bright colours
	labelBoxColor = color.NRGBA{0x00, 0x00, 0x00, 0x80} // behind contour labels
)
