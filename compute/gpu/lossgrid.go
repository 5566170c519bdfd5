package gpu

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
)

// maxDrawSamples bounds the work of one loss-grid draw, in grid points
// times samples, once it sums more than one chunk: a browser may stop a
// draw that runs for seconds.
const maxDrawSamples = 1 << 26

// LossGrid fills dst, of length g.Cols·g.Rows, with f at every point of the
// grid, index r·Cols + c for point (c, r) as compute.Grid says (row 0 is
// YMin; the shaders write grid row r to image row r, so image y running
// down needs no flip). Linear and logistic regression run in
// shaders/loss_linear.kage and loss_logistic.kage: one pixel per grid
// point sums the per-sample losses of one chunk of 1,024 samples in
// float32, several chunks go in one draw as bands of the output image when
// the grid is small, and the chunks' sums are added in float64 here and
// divided by N. Other objectives (the surfaces) run on the CPU, and so do
// grids along directions (U and V set; the shaders vary two parameters),
// data the shaders cannot hold (see dataFits), grids of 4,095 points or
// more a side (see maxSide) and values float32 cannot carry. A draw whose
// sentinel reads back wrong (a driver that did not run the shader) is an
// error, and so is an invalid grid, as on the CPU.
func (b *Backend) LossGrid(dst []float64, f compute.Objective, g compute.Grid) error {
	if err := g.Check(dst, f); err != nil {
		return err
	}
	d, kind, ok := modelData(f)
	side := maxSide()
	if !ok || !g.AxisAligned() || g.Cols >= side || g.Rows >= side {
		return b.cpu.LossGrid(dst, f, g)
	}
	di, ok := b.dataImage(d)
	if !ok {
		return b.cpu.LossGrid(dst, f, g)
	}
	params, uniforms, ok := b.gridParams(di, kind, g)
	if !ok {
		return b.cpu.LossGrid(dst, f, g)
	}
	defer params.Deallocate()

	cells := g.Cols * g.Rows
	chunks := di.columnRows
	bands := min(chunks, (side-1)/g.Rows, max(1, maxDrawSamples/(cells*dataWidth)))
	out := ebiten.NewImage(g.Cols, bands*g.Rows+1)
	defer out.Deallocate()
	c := b.cache()
	sums := c.floats(cells)
	sh := b.shader("loss_" + kind)
	uniforms["Bands"] = bands
	for first := 0; first < chunks; first += bands {
		uniforms["FirstChunk"] = first
		drawCells(out, sh, uniforms, di.img, params)
		px := c.pixels(g.Cols * (bands*g.Rows + 1))
		out.ReadPixels(px)
		if DecodeFloat(px[PixelBytes*cells*bands:]) != 1 {
			return fmt.Errorf("gpu: loss_%s.kage's sentinel read back %g, not 1: the driver did not run the shader", kind, DecodeFloat(px[PixelBytes*cells*bands:]))
		}
		for k := range min(bands, chunks-first) {
			band := px[PixelBytes*cells*k:]
			for i := range sums {
				sums[i] += DecodeFloat(band[PixelBytes*i:])
			}
		}
	}
	n := float64(d.Len())
	for i, s := range sums {
		dst[i] = s / n
	}
	return nil
}

// gridParams returns the grid image of loss_<kind>.kage (see its comment)
// and its uniforms other than Bands and FirstChunk. ok is false when
// float32 cannot carry a value.
func (b *Backend) gridParams(di *dataImage, kind string, g compute.Grid) (img *ebiten.Image, uniforms map[string]any, ok bool) {
	nf := di.set.Features()
	theta := make([]float64, nf+1)
	copy(theta, g.Base)
	theta[g.X], theta[g.Y] = 0, 0
	weights, maskX, maskY := make([]float32, maxFeatures), make([]float32, maxFeatures), make([]float32, maxFeatures)
	for j, w := range theta[:nf] {
		if !carries32(w) {
			return nil, nil, false
		}
		weights[j] = float32(w)
	}
	if g.X < nf {
		maskX[g.X] = 1
	}
	if g.Y < nf {
		maskY[g.Y] = 1
	}
	// The offset at (c, r) is base + ox[c] + oy[r]: a varied weight adds
	// its value times its feature's centre, a varied intercept its value.
	base := di.offset(theta, kind)
	unit := func(p int) float64 {
		if p < nf {
			return di.centres[p]
		}
		return 1
	}
	w := g.Cols + 1
	c := b.cache()
	px := c.pixels(w * (g.Rows + 1))
	clear(px)
	put := func(col, row int, v float64) bool {
		EncodeFloat(px[PixelBytes*(row*w+col):], v)
		return carries32(v)
	}
	ox, oy := make([]float64, g.Cols), make([]float64, g.Rows)
	for col := range g.Cols {
		x, _ := g.At(col, 0)
		ox[col] = x * unit(g.X)
		if !put(col, g.Rows, x) {
			return nil, nil, false
		}
	}
	for row := range g.Rows {
		_, y := g.At(0, row)
		oy[row] = y * unit(g.Y)
		if !put(g.Cols, row, y) {
			return nil, nil, false
		}
		for col := range g.Cols {
			if !put(col, row, base+ox[col]+oy[row]) {
				return nil, nil, false
			}
		}
	}
	img = ebiten.NewImage(w, g.Rows+1)
	img.WritePixels(px)
	uniforms = map[string]any{
		"Features": nf, "ColumnRows": di.columnRows, "Samples": di.set.Len(),
		"GridCols": g.Cols, "GridRows": g.Rows,
		"Weights": weights, "MaskX": maskX, "MaskY": maskY,
	}
	if kind == "logistic" {
		uniforms["YCentre"] = float32(di.centres[nf])
	}
	return img, uniforms, true
}
