package gpu

import (
	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
)

// gradTile is the number of samples one pixel of grad_*.kage sums.
const gradTile = 256

// Gradient writes the mean gradient of m over all its samples at x into
// grad and, when withLoss, returns the mean loss (otherwise 0), as the CPU
// backend does. Linear and logistic regression run in
// shaders/grad_linear.kage and grad_logistic.kage: each pixel sums one
// component (a gradient element or the loss) over a tile of 256 samples in
// float32, and the tiles' sums are added in float64 here. The data set is
// uploaded on first use and kept (see dataImage). Other models, data the
// shaders cannot hold (see dataFits) and parameters float32 cannot carry
// run on the CPU, and so does a draw whose sentinel reads back wrong (a
// driver that did not run the shader). It panics when the lengths of grad
// or x differ from m's dimension.
func (b *Backend) Gradient(grad []float64, m compute.DataModel, x []float64, withLoss bool) float64 {
	checkDims(grad, x, m.Dim())
	d, kind, ok := modelData(m)
	if !ok || !carriesAll(x) {
		return b.cpu.Gradient(grad, m, x, withLoss)
	}
	di, ok := b.dataImage(d)
	if !ok {
		return b.cpu.Gradient(grad, m, x, withLoss)
	}
	bands := len(x)
	if withLoss {
		bands++
	}
	sums, ok := b.gradSums(di, kind, x, 0, bands)
	if !ok {
		return b.cpu.Gradient(grad, m, x, withLoss)
	}
	// The shader summed rᵢ(xᵢⱼ - x̄ⱼ) and rᵢ: Σ rᵢxᵢⱼ is their combination.
	nf := len(x) - 1
	scale := 1 / float64(d.Len())
	if kind == "linear" {
		scale *= 2
	}
	for j := range nf {
		grad[j] = (sums[j] + di.centres[j]*sums[nf]) * scale
	}
	grad[nf] = sums[nf] * scale
	if !withLoss {
		return 0
	}
	return sums[nf+1] / float64(d.Len())
}

// Loss returns the mean loss of m over all its samples at x, as the CPU
// backend does, computing it as Gradient does (only the loss component is
// drawn).
func (b *Backend) Loss(m compute.DataModel, x []float64) float64 {
	d, kind, ok := modelData(m)
	if !ok || len(x) != m.Dim() || !carriesAll(x) {
		return b.cpu.Loss(m, x)
	}
	di, ok := b.dataImage(d)
	if !ok {
		return b.cpu.Loss(m, x)
	}
	sums, ok := b.gradSums(di, kind, x, len(x), 1)
	if !ok {
		return b.cpu.Loss(m, x)
	}
	return sums[0] / float64(d.Len())
}

// gradSums draws bands components of grad_<kind>.kage from first on, at
// parameters x, and returns their sums over all samples (in b's scratch).
// ok is false when float32 cannot carry the model's offset or the sentinel
// row reads back wrong.
func (b *Backend) gradSums(di *dataImage, kind string, x []float64, first, bands int) (sums []float64, ok bool) {
	offset := di.offset(x, kind)
	if !carries32(offset) {
		return nil, false
	}
	n := di.set.Len()
	tiles := (n + gradTile - 1) / gradTile
	cols := min(tiles, dataWidth)
	rows := (tiles + cols - 1) / cols
	nf := len(x) - 1
	weights := make([]float32, maxFeatures)
	for j, w := range x[:nf] {
		weights[j] = float32(w)
	}
	uniforms := map[string]any{
		"Features": nf, "ColumnRows": di.columnRows, "Samples": n,
		"Tiles": tiles, "TileCols": cols, "TileRows": rows,
		"Bands": bands, "FirstComp": first,
		"Weights": weights, "Offset": float32(offset),
	}
	if kind == "logistic" {
		uniforms["YCentre"] = float32(di.centres[nf])
	}
	out := ebiten.NewImage(cols, bands*rows+1)
	defer out.Deallocate()
	drawCells(out, b.shader("grad_"+kind), uniforms, di.img)

	c := b.cache()
	px := c.pixels(cols * (bands*rows + 1))
	out.ReadPixels(px)
	if DecodeFloat(px[PixelBytes*cols*bands*rows:]) != 1 {
		return nil, false
	}
	sums = c.floats(bands)
	for k := range bands {
		band := px[PixelBytes*cols*rows*k:]
		var s float64
		for t := range tiles {
			s += DecodeFloat(band[PixelBytes*t:])
		}
		sums[k] = s
	}
	return sums, true
}

// pixels returns scratch for n pixels.
func (c *dataCache) pixels(n int) []byte {
	if cap(c.px) < PixelBytes*n {
		c.px = make([]byte, PixelBytes*n)
	}
	return c.px[:PixelBytes*n]
}

// floats returns n zeroed float64s of scratch.
func (c *dataCache) floats(n int) []float64 {
	if cap(c.sums) < n {
		c.sums = make([]float64, n)
	}
	s := c.sums[:n]
	clear(s)
	return s
}

// checkDims panics when grad or x does not have length dim, as compute's
// backends do.
func checkDims(grad, x []float64, dim int) {
	if len(x) != dim || len(grad) != dim {
		panic("gpu: parameter or gradient length does not match the model's dimension")
	}
}
