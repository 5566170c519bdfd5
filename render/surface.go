package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// SurfaceLayer caches one field's heatmap image and contour lines and draws
// them into a viewport. The contour lines and their labels are rendered once
// into an overlay the size of the viewport and redrawn only when the
// viewport's size or parameter rectangle changes, so a frame costs two image
// draws.
type SurfaceLayer struct {
	field    Field
	scale    ColorScale
	heatmap  *ebiten.Image
	contours []ContourLevel

	overlay    *ebiten.Image
	overlayKey overlayKey
}

// overlayKey is what the contour overlay depends on: the viewport's size
// and parameter rectangle.
type overlayKey struct {
	w, h                   int
	xMin, xMax, yMin, yMax float64
}

// NewSurfaceLayer returns the layer for f: its colour scale (NewColorScale,
// log or linear), its heatmap and the contour lines at levels values evenly
// spaced on that scale. It panics if f's values do not fill its grid.
func NewSurfaceLayer(f Field, log bool, levels int) *SurfaceLayer {
	checkField(f)
	s := NewColorScale(f.Values, log)
	pix := make([]byte, 4*f.Cols*f.Rows)
	HeatmapPixels(pix, f, s)
	img := ebiten.NewImage(f.Cols, f.Rows)
	img.WritePixels(pix)
	return &SurfaceLayer{field: f, scale: s, heatmap: img, contours: Contours(f, Levels(s, levels))}
}

// Contours returns the layer's contour lines, for DrawMesh's floor.
func (l *SurfaceLayer) Contours() []ContourLevel { return l.contours }

// Scale returns the colour scale of the layer's heatmap.
func (l *SurfaceLayer) Scale() ColorScale { return l.scale }

// Draw draws the heatmap, stretched with linear filtering so that each grid
// value sits at its parameter point, then the contour lines and a few labels
// of their values, all clipped to v.Rect. Any viewport works: one smaller
// than the field's rectangle zooms in, and parts outside the field are left
// undrawn.
func (l *SurfaceLayer) Draw(dst *ebiten.Image, v Viewport) {
	if v.Rect.Empty() {
		return
	}
	l.drawHeatmap(clipTo(dst, v.Rect), v)
	if len(l.contours) == 0 {
		return
	}
	l.updateOverlay(v)
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(float64(v.Rect.Min.X), float64(v.Rect.Min.Y))
	clipTo(dst, v.Rect).DrawImage(l.overlay, &op)
}

// drawHeatmap maps the heatmap's pixel centres onto the grid points' screen
// positions: pixel c's centre at column c, pixel row 0 at y = YMax.
func (l *SurfaceLayer) drawHeatmap(dst *ebiten.Image, v Viewport) {
	f := l.field
	x0, y0 := v.screen(f.XMin, f.YMax)
	x1, y1 := v.screen(f.XMax, f.YMin)
	sx := (x1 - x0) / float64(f.Cols-1)
	sy := (y1 - y0) / float64(f.Rows-1)
	var op ebiten.DrawImageOptions
	op.GeoM.Translate(-0.5, -0.5)
	op.GeoM.Scale(sx, sy)
	op.GeoM.Translate(x0, y0)
	op.Filter = ebiten.FilterLinear
	dst.DrawImage(l.heatmap, &op)
}

// Deallocate releases the layer's images now rather than when the garbage
// collector finds them; the layer must not be drawn afterwards.
func (l *SurfaceLayer) Deallocate() {
	l.heatmap.Deallocate()
	if l.overlay != nil {
		l.overlay.Deallocate()
	}
}

// updateOverlay redraws the contour overlay if v differs in size or
// parameter rectangle from the one it was drawn for.
func (l *SurfaceLayer) updateOverlay(v Viewport) {
	key := overlayKey{v.Rect.Dx(), v.Rect.Dy(), v.XMin, v.XMax, v.YMin, v.YMax}
	if l.overlay != nil && key == l.overlayKey {
		return
	}
	if l.overlay == nil || l.overlay.Bounds().Size() != v.Rect.Size() {
		if l.overlay != nil {
			l.overlay.Deallocate()
		}
		l.overlay = ebiten.NewImage(v.Rect.Dx(), v.Rect.Dy())
	} else {
		l.overlay.Clear()
	}
	l.overlayKey = key
	local := v
	local.Rect = image.Rectangle{Max: v.Rect.Size()}
	drawContours(l.overlay, local, l.contours, l.scale)
}
