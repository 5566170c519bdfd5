package compute

import "gonum.org/v1/gonum/floats"

// linearStats are the centred sufficient statistics of a linear-regression
// data set: the means x̄ and ȳ, the covariance C = (1/N)Σ(x-x̄)(x-x̄)ᵀ,
// s = (1/N)Σ(x-x̄)(y-ȳ) and v = (1/N)Σ(y-ȳ)². With them the mean squared
// error is
//
//	L(w, b) = wᵀCw - 2wᵀs + v + (wᵀx̄ + b - ȳ)²,
//
// exact in exact arithmetic and accurate in floating point even when x has
// a large offset, because the centred sums never cancel.
type linearStats struct {
	xMean []float64
	yMean float64
	cov   [][]float64
	s     []float64
	v     float64
}

// statistics returns the model's statistics, computed on first use with two
// passes over the data (means, then centred sums).
func (m *LinearRegression) statistics() *linearStats {
	m.statsOnce.Do(func() { m.stats = computeLinearStats(m.Data) })
	return m.stats
}

func computeLinearStats(d *Dataset) *linearStats {
	n := float64(d.Len())
	dim := d.Features()
	st := &linearStats{xMean: make([]float64, dim), s: make([]float64, dim), cov: make([][]float64, dim)}
	for j, col := range d.X {
		st.xMean[j] = floats.Sum(col) / n
		st.cov[j] = make([]float64, dim)
	}
	st.yMean = floats.Sum(d.Y) / n
	for i, y := range d.Y {
		dy := y - st.yMean
		st.v += float64(dy * dy)
		for j, cj := range d.X {
			dj := cj[i] - st.xMean[j]
			st.s[j] += float64(dj * dy)
			for k := 0; k <= j; k++ {
				st.cov[j][k] += float64(dj * (d.X[k][i] - st.xMean[k]))
			}
		}
	}
	st.v /= n
	for j := range dim {
		st.s[j] /= n
		for k := 0; k <= j; k++ {
			st.cov[j][k] /= n
			st.cov[k][j] = st.cov[j][k]
		}
	}
	return st
}

// loss returns L(θ) for θ = (w, b).
func (st *linearStats) loss(theta []float64) float64 {
	dim := len(st.xMean)
	w, b := theta[:dim], theta[dim]
	q := st.v
	off := b - st.yMean
	for j, wj := range w {
		var cw float64
		for k, wk := range w {
			cw += float64(st.cov[j][k] * wk)
		}
		q += float64(wj*cw) - float64(2*wj*st.s[j])
		off += float64(wj * st.xMean[j])
	}
	return q + float64(off*off)
}

// fillGrid writes L over the grid into dst: O(1) per cell for one feature
// varied over (w, b), O(D²) otherwise.
func (st *linearStats) fillGrid(dst []float64, g Grid) {
	if len(st.xMean) == 1 && g.X == 0 && g.Y == 1 {
		// L = [w(cw - 2s) + v] + [(w x̄) + (b - ȳ)]²: the bracketed column
		// terms are computed once per column.
		c, s, v, xm, ym := st.cov[0][0], st.s[0], st.v, st.xMean[0], st.yMean
		quad := make([]float64, g.Cols)
		shift := make([]float64, g.Cols)
		for col := range g.Cols {
			w, _ := g.At(col, 0)
			quad[col] = float64(w*(float64(c*w)-2*s)) + v
			shift[col] = w * xm
		}
		for r := range g.Rows {
			_, b := g.At(0, r)
			off := b - ym
			row := dst[r*g.Cols : (r+1)*g.Cols]
			for col := range row {
				e := shift[col] + off
				row[col] = quad[col] + float64(e*e)
			}
		}
		return
	}
	theta := make([]float64, len(st.xMean)+1)
	copy(theta, g.Base)
	for r := range g.Rows {
		for col := range g.Cols {
			theta[g.X], theta[g.Y] = g.At(col, r)
			dst[r*g.Cols+col] = st.loss(theta)
		}
	}
}
