package playground

import (
	"image"
	"image/color"

	"github.com/descent-playground/descent/render"
)

// gifPalette is the GIF's one colour table, fixed for a theme (so that
// every frame, and every export of a state, maps a colour alike): the
// theme's colours (translucent ones over its background), every racer's
// colour as the theme shows it, a ramp of viridis for the heatmap, a ramp
// of greys for text and lines, and a 4×4×4 colour cube for the rest
// (blended edges, the maps' colours); at most 255 entries, and last a
// transparent one (gifKeep) for the pixels a frame keeps from the one
// before.
func gifPalette(th render.Theme) color.Palette {
	var p color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		if c.A = 0xff; !seen[c] && len(p) < 255 {
			seen[c] = true
			p = append(p, c)
		}
	}
	over := func(c color.NRGBA) color.RGBA {
		bg, a := th.Background, uint32(c.A)
		mix := func(f, b uint8) uint8 { return uint8((uint32(f)*a + uint32(b)*(255-a) + 127) / 255) }
		return color.RGBA{mix(c.R, bg.R), mix(c.G, bg.G), mix(c.B, bg.B), 0xff}
	}
	add(th.Background)
	add(th.Plot)
	add(th.Case)
	for _, c := range []color.NRGBA{th.Ink, th.Dim, th.Error, th.Frame, th.Grid, th.Panel, th.Note, th.Help, th.Arrow, th.LabelBox, th.LabelInk} {
		add(over(c))
	}
	for _, c := range racerPalette {
		add(th.Accent(c))
	}
	const ramp = 80
	for i := range ramp {
		add(render.Viridis(float64(i) / (ramp - 1)))
	}
	const greys = 24
	for i := range greys {
		v := uint8(i * 255 / (greys - 1))
		add(color.RGBA{v, v, v, 0xff})
	}
	for r := range 4 {
		for g := range 4 {
			for b := range 4 {
				add(color.RGBA{uint8(r * 85), uint8(g * 85), uint8(b * 85), 0xff})
			}
		}
	}
	return append(p, color.RGBA{})
}

// gifKeep is the transparent entry of a gifPalette: a frame's pixel that
// shows the frame before.
func gifKeep(p color.Palette) uint8 { return uint8(len(p) - 1) }

// quantizer maps colours to their nearest palette entry (squared
// distance weighted 2:4:3 for red, green and blue, roughly as the eye
// weighs them), remembering each colour it has mapped: a frame has a few
// thousand distinct colours among its million pixels.
type quantizer struct {
	pal   color.Palette
	rgb   [][3]int32
	cache map[uint32]uint8
}

func newQuantizer(p color.Palette) *quantizer {
	q := &quantizer{pal: p, cache: map[uint32]uint8{}}
	for _, c := range p {
		r, g, b, a := c.RGBA()
		if a == 0 {
			break // gifKeep: never a colour's nearest
		}
		q.rgb = append(q.rgb, [3]int32{int32(r >> 8), int32(g >> 8), int32(b >> 8)})
	}
	return q
}

// index returns the palette index nearest to (r, g, b).
func (q *quantizer) index(r, g, b uint8) uint8 {
	key := uint32(r)<<16 | uint32(g)<<8 | uint32(b)
	if i, ok := q.cache[key]; ok {
		return i
	}
	best, bestD := 0, int32(-1)
	for i, c := range q.rgb {
		dr, dg, db := c[0]-int32(r), c[1]-int32(g), c[2]-int32(b)
		d := 2*dr*dr + 4*dg*dg + 3*db*db
		if bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	q.cache[key] = uint8(best)
	return uint8(best)
}

// paletted maps an RGBA image (opaque, as the screen is) to the palette;
// a pixel the colour of the one before it (most of a frame's) is not
// looked up again.
func (q *quantizer) paletted(img *image.RGBA) *image.Paletted {
	out := image.NewPaletted(img.Bounds(), q.pal)
	last, index := [3]uint8{}, q.index(0, 0, 0)
	for i := range out.Pix {
		o := 4 * i
		if c := [3]uint8{img.Pix[o], img.Pix[o+1], img.Pix[o+2]}; c != last {
			last, index = c, q.index(c[0], c[1], c[2])
		}
		out.Pix[i] = index
	}
	return out
}
