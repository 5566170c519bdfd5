package compute

import (
	"fmt"
	"math/rand/v2"
)

// LinearSpec describes synthetic linear-regression data:
// y = Intercept + Slope·(x₁ + … + x_D) + Noise·ε with every xⱼ uniform on
// [0, 10) and ε standard normal (see normal).
type LinearSpec struct {
	N         int
	Features  int
	Slope     float64
	Intercept float64
	Noise     float64
	Seed      uint64
}

// LinearData draws the data set that spec describes. The same spec always
// gives the same data.
func LinearData(spec LinearSpec) (*Dataset, error) {
	if spec.N < 1 {
		return nil, fmt.Errorf("data: n = %d, want at least 1", spec.N)
	}
	if spec.Features < 1 {
		return nil, fmt.Errorf("data: features = %d, want at least 1", spec.Features)
	}
	if spec.Noise < 0 {
		return nil, fmt.Errorf("data: noise = %g, want ≥ 0", spec.Noise)
	}
	rng := rand.New(rand.NewPCG(spec.Seed, 0x6c696e6561720a))
	d := &Dataset{X: make([][]float64, spec.Features), Y: make([]float64, spec.N), Target: "y"}
	for j := range d.X {
		d.X[j] = make([]float64, spec.N)
		d.Names = append(d.Names, fmt.Sprintf("x%d", j+1))
	}
	for i := range d.Y {
		y := spec.Intercept
		for j := range d.X {
			x := 10 * rng.Float64()
			d.X[j][i] = x
			y += float64(spec.Slope * x)
		}
		d.Y[i] = y + float64(spec.Noise*normal(rng))
	}
	return d, nil
}

// BlobsSpec describes synthetic binary classification data: two round
// Gaussian clouds in the plane with standard deviation Spread, centred at
// ±(Separation/2)(1, 1)/√2, labelled 0 and 1 alternately.
type BlobsSpec struct {
	N          int
	Separation float64
	Spread     float64
	Seed       uint64
}

// BlobsData draws the data set that spec describes, with features x1, x2
// and target label.
func BlobsData(spec BlobsSpec) (*Dataset, error) {
	if spec.N < 2 {
		return nil, fmt.Errorf("data: n = %d, want at least 2 for two classes", spec.N)
	}
	if spec.Spread <= 0 {
		return nil, fmt.Errorf("data: spread = %g, want > 0", spec.Spread)
	}
	rng := rand.New(rand.NewPCG(spec.Seed, 0x626c6f62730a))
	c := spec.Separation / 2 / 1.4142135623730951
	d := &Dataset{
		X: [][]float64{make([]float64, spec.N), make([]float64, spec.N)},
		Y: make([]float64, spec.N), Names: []string{"x1", "x2"}, Target: "label",
	}
	for i := range d.Y {
		label := float64(i % 2)
		sign := 2*label - 1
		d.X[0][i] = float64(sign*c) + float64(spec.Spread*normal(rng))
		d.X[1][i] = float64(sign*c) + float64(spec.Spread*normal(rng))
		d.Y[i] = label
	}
	return d, nil
}
