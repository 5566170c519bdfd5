package compute

import "math"

// LogisticRegression is binary classification with the logistic model and
// binary cross-entropy: with θ = (w₁, …, w_D, b), zᵢ = w·xᵢ + b and labels
// yᵢ ∈ {0, 1}, the loss is L = (1/N) Σ [log(1 + e^{zᵢ}) - yᵢzᵢ] (written
// stably as max(z, 0) + log(1 + e^{-|z|}) - yz, as PyTorch's
// binary_cross_entropy_with_logits does), with gradient
// ∂L/∂wⱼ = (1/N) Σ (σ(zᵢ) - yᵢ) xᵢⱼ and ∂L/∂b = (1/N) Σ (σ(zᵢ) - yᵢ).
// The exponential is expFast: within 2 ulp of math.Exp, 0.55 ulp of exact;
// log1p is portableLog1p, math.Log1p's code with nothing left to fuse.
type LogisticRegression struct {
	Data *Dataset
}

var _ DataModel = (*LogisticRegression)(nil)

// NewLogisticRegression returns logistic regression on d, whose targets
// must be 0 or 1.
func NewLogisticRegression(d *Dataset) *LogisticRegression { return &LogisticRegression{Data: d} }

// Dim returns the number of features plus one for the intercept.
func (m *LogisticRegression) Dim() int { return m.Data.Features() + 1 }

// Len returns the number of samples.
func (m *LogisticRegression) Len() int { return m.Data.Len() }

// Func returns the mean binary cross-entropy over the whole data set.
func (m *LogisticRegression) Func(x []float64) float64 {
	if len(x) != m.Dim() {
		panic("compute: parameter length does not match the model's dimension")
	}
	return m.LossRange(x, 0, m.Len()) / float64(m.Len())
}

// Grad writes the gradient of the mean cross-entropy into grad.
func (m *LogisticRegression) Grad(grad, x []float64) { meanGrad(m, grad, x, false) }

// LossRange returns the cross-entropy summed over lo ≤ i < hi.
func (m *LogisticRegression) LossRange(x []float64, lo, hi int) float64 {
	var s float64
	for i := lo; i < hi; i++ {
		s += bceLoss(m.logit(x, i), m.Data.Y[i])
	}
	return s
}

// GradRange writes Σ (σ(zᵢ) - yᵢ)(xᵢ, 1) over lo ≤ i < hi into grad and,
// when withLoss, returns the loss sum. One and two features take fused loops
// over the columns.
func (m *LogisticRegression) GradRange(grad, x []float64, lo, hi int, withLoss bool) float64 {
	d := m.Data
	ys := d.Y[lo:hi]
	var loss float64
	switch len(d.X) {
	case 1:
		w, b := x[0], x[1]
		xs := d.X[0][lo:hi]
		xs = xs[:len(ys)]
		var g0, gb float64
		for i, y := range ys {
			z := float64(w*xs[i]) + b
			r := 1/(1+expFast(-z)) - y
			g0 += float64(r * xs[i])
			gb += r
			if withLoss {
				loss += bceLoss(z, y)
			}
		}
		grad[0], grad[1] = g0, gb
	case 2:
		w0, w1, b := x[0], x[1], x[2]
		x0, x1 := d.X[0][lo:hi], d.X[1][lo:hi]
		x0, x1 = x0[:len(ys)], x1[:len(ys)]
		var g0, g1, gb float64
		for i, y := range ys {
			z := float64(w0*x0[i]) + float64(w1*x1[i]) + b
			r := 1/(1+expFast(-z)) - y
			g0 += float64(r * x0[i])
			g1 += float64(r * x1[i])
			gb += r
			if withLoss {
				loss += bceLoss(z, y)
			}
		}
		grad[0], grad[1], grad[2] = g0, g1, gb
	default:
		clear(grad)
		last := len(x) - 1
		for i := lo; i < hi; i++ {
			z := m.logit(x, i)
			r := 1/(1+expFast(-z)) - d.Y[i]
			for j, col := range d.X {
				grad[j] += float64(r * col[i])
			}
			grad[last] += r
			if withLoss {
				loss += bceLoss(z, d.Y[i])
			}
		}
	}
	return loss
}

// Dataset returns the data.
func (m *LogisticRegression) Dataset() *Dataset { return m.Data }

// WithData returns the model over d.
func (m *LogisticRegression) WithData(d *Dataset) DataModel { return NewLogisticRegression(d) }

// Layout returns the weights (penalized) and the bias.
func (m *LogisticRegression) Layout() Layout { return regressionLayout(m.Data.Features()) }

// FuncGrad writes the gradient into grad and returns the loss, in one pass.
func (m *LogisticRegression) FuncGrad(grad, x []float64) float64 { return meanGrad(m, grad, x, true) }

// logit returns zᵢ = w·xᵢ + b.
func (m *LogisticRegression) logit(x []float64, i int) float64 {
	z := x[len(x)-1]
	for j, col := range m.Data.X {
		z += float64(x[j] * col[i])
	}
	return z
}

// bceLoss is log(1 + e^z) - yz computed without overflow.
func bceLoss(z, y float64) float64 {
	return max(z, 0) - float64(y*z) + portableLog1p(expFast(-math.Abs(z)))
}
