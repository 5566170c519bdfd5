package compute

import "sync"

// LinearRegression is least squares on a Dataset: with parameters
// θ = (w₁, …, w_D, b) the prediction is ŷᵢ = w·xᵢ + b and the loss is the
// mean squared error L = (1/N) Σ (ŷᵢ - yᵢ)², whose gradient is
// ∂L/∂wⱼ = (2/N) Σ rᵢ xᵢⱼ and ∂L/∂b = (2/N) Σ rᵢ with rᵢ = ŷᵢ - yᵢ.
type LinearRegression struct {
	Data *Dataset

	statsOnce sync.Once
	stats     *linearStats
}

// NewLinearRegression returns least squares on d. The data must not change
// afterwards: loss grids cache statistics of it.
func NewLinearRegression(d *Dataset) *LinearRegression { return &LinearRegression{Data: d} }

var _ DataModel = (*LinearRegression)(nil)

// Dim returns the number of features plus one for the intercept.
func (m *LinearRegression) Dim() int { return m.Data.Features() + 1 }

// Len returns the number of samples.
func (m *LinearRegression) Len() int { return m.Data.Len() }

// Func returns the mean squared error over the whole data set.
func (m *LinearRegression) Func(x []float64) float64 {
	if len(x) != m.Dim() {
		panic("compute: parameter length does not match the model's dimension")
	}
	return m.LossRange(x, 0, m.Len()) / float64(m.Len())
}

// Grad writes the gradient of the mean squared error into grad.
func (m *LinearRegression) Grad(grad, x []float64) { meanGrad(m, grad, x, false) }

// LossRange returns Σ (ŷᵢ - yᵢ)² over lo ≤ i < hi.
func (m *LinearRegression) LossRange(x []float64, lo, hi int) float64 {
	d := m.Data
	if len(d.X) == 1 {
		w, b := x[0], x[1]
		xs, ys := d.X[0][lo:hi], d.Y[lo:hi]
		var s0, s1 float64
		i := 0
		for ; i+1 < len(ys); i += 2 {
			r0 := float64(w*xs[i]) + b - ys[i]
			r1 := float64(w*xs[i+1]) + b - ys[i+1]
			s0 += float64(r0 * r0)
			s1 += float64(r1 * r1)
		}
		if i < len(ys) {
			r := float64(w*xs[i]) + b - ys[i]
			s0 += float64(r * r)
		}
		return s0 + s1
	}
	var s float64
	for i := lo; i < hi; i++ {
		r := m.residual(x, i)
		s += float64(r * r)
	}
	return s
}

// GradRange writes Σ ∇(ŷᵢ - yᵢ)² over lo ≤ i < hi into grad and, when
// withLoss, returns the loss sum. One feature takes a fused, unrolled loop
// with several accumulators, and a single sample a direct path.
func (m *LinearRegression) GradRange(grad, x []float64, lo, hi int, withLoss bool) float64 {
	d := m.Data
	if len(d.X) == 1 {
		if hi-lo == 1 {
			xi := d.X[0][lo]
			r := float64(x[0]*xi) + x[1] - d.Y[lo]
			grad[0], grad[1] = 2*r*xi, 2*r
			return r * r
		}
		var loss float64
		grad[0], grad[1], loss = linearGrad1(d.X[0][lo:hi], d.Y[lo:hi], x[0], x[1], withLoss)
		return loss
	}
	clear(grad)
	var loss float64
	last := len(x) - 1
	for i := lo; i < hi; i++ {
		r := m.residual(x, i)
		for j, col := range d.X {
			grad[j] += float64(2 * r * col[i])
		}
		grad[last] += float64(2 * r)
		loss += float64(r * r)
	}
	return loss
}

// Dataset returns the data.
func (m *LinearRegression) Dataset() *Dataset { return m.Data }

// WithData returns the model over d.
func (m *LinearRegression) WithData(d *Dataset) DataModel { return NewLinearRegression(d) }

// Layout returns the weights (penalized) and the bias.
func (m *LinearRegression) Layout() Layout { return regressionLayout(m.Data.Features()) }

// FuncGrad writes the gradient into grad and returns the loss, in one pass.
func (m *LinearRegression) FuncGrad(grad, x []float64) float64 { return meanGrad(m, grad, x, true) }

// residual returns ŷᵢ - yᵢ.
func (m *LinearRegression) residual(x []float64, i int) float64 {
	d := m.Data
	p := x[len(x)-1]
	for j, col := range d.X {
		p += float64(x[j] * col[i])
	}
	return p - d.Y[i]
}

// linearGrad1 returns Σ 2rᵢxᵢ, Σ 2rᵢ and (when withLoss) Σ rᵢ² for one
// feature, two samples at a time with two accumulators per sum (measured
// hot path): enough independent additions to keep the loop limited by
// memory, and few enough registers that amd64's sixteen hold them all (four
// accumulators per sum spilled with the loss and ran 1.5× slower).
func linearGrad1(xs, ys []float64, w, b float64, withLoss bool) (gw, gb, loss float64) {
	ys = ys[:len(xs)]
	var w0, w1, b0, b1 float64
	if withLoss {
		var l0, l1 float64
		for len(xs) >= 2 && len(ys) >= 2 {
			x, y := xs[:2:2], ys[:2:2]
			r0 := float64(w*x[0]) + b - y[0]
			r1 := float64(w*x[1]) + b - y[1]
			w0 += float64(r0 * x[0])
			w1 += float64(r1 * x[1])
			b0 += r0
			b1 += r1
			l0 += float64(r0 * r0)
			l1 += float64(r1 * r1)
			xs, ys = xs[2:], ys[2:]
		}
		loss = l0 + l1
	} else {
		for len(xs) >= 2 && len(ys) >= 2 {
			x, y := xs[:2:2], ys[:2:2]
			r0 := float64(w*x[0]) + b - y[0]
			r1 := float64(w*x[1]) + b - y[1]
			w0 += float64(r0 * x[0])
			w1 += float64(r1 * x[1])
			b0 += r0
			b1 += r1
			xs, ys = xs[2:], ys[2:]
		}
	}
	for i, x := range xs {
		r := float64(w*x) + b - ys[i]
		w0 += float64(r * x)
		b0 += r
		if withLoss {
			loss += float64(r * r)
		}
	}
	return 2 * (w0 + w1), 2 * (b0 + b1), loss
}
