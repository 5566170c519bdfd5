package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
)

// CellImage is a grid of coloured cells, such as a convergence map, uploaded
// once and drawn into rectangles with nearest filtering so that each cell
// stays a crisp block.
type CellImage struct {
	img *ebiten.Image
}

// NewCellImage uploads RGBA bytes of a cols×rows grid. As in a Field, row 0
// is the bottom row (the smallest y); pix is in that row order. It panics
// unless len(pix) == 4*cols*rows.
func NewCellImage(pix []byte, cols, rows int) *CellImage {
	if len(pix) != 4*cols*rows {
		panic("render: NewCellImage: len(pix) != 4*cols*rows")
	}
	flipped := make([]byte, len(pix))
	for r := range rows {
		copy(flipped[4*r*cols:4*(r+1)*cols], pix[4*(rows-1-r)*cols:4*(rows-r)*cols])
	}
	img := ebiten.NewImage(cols, rows)
	img.WritePixels(flipped)
	return &CellImage{img: img}
}

// Draw stretches the cells over rect.
func (c *CellImage) Draw(dst *ebiten.Image, rect image.Rectangle) {
	b := c.img.Bounds()
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterNearest}
	op.GeoM.Scale(float64(rect.Dx())/float64(b.Dx()), float64(rect.Dy())/float64(b.Dy()))
	op.GeoM.Translate(float64(rect.Min.X), float64(rect.Min.Y))
	dst.DrawImage(c.img, op)
}

// Deallocate frees the image's GPU memory at once.
func (c *CellImage) Deallocate() { c.img.Deallocate() }
