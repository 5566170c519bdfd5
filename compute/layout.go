package compute

import "fmt"

// Block is a named group of consecutive parameters (a layer's weights, a
// bias, a point's coordinates).
type Block struct {
	// Name says what the block is.
	Name string
	// Params names each parameter of the block.
	Params []string
	// Penalized says that L1 and L2 penalties apply to the block.
	Penalized bool
}

// Layout is a model's parameters as consecutive blocks.
type Layout []Block

// Dim returns the number of parameters.
func (l Layout) Dim() int {
	n := 0
	for _, b := range l {
		n += len(b.Params)
	}
	return n
}

// Names returns every parameter's name, in order.
func (l Layout) Names() []string {
	var names []string
	for _, b := range l {
		names = append(names, b.Params...)
	}
	return names
}

// PenaltyMask returns, per parameter, whether a penalty applies to it.
func (l Layout) PenaltyMask() []bool {
	var mask []bool
	for _, b := range l {
		for range b.Params {
			mask = append(mask, b.Penalized)
		}
	}
	return mask
}

// regressionLayout is the layout of a model with d weights and a bias: the
// weights are named slope and intercept for one feature, w1…wD and b
// otherwise, and only the weights are penalized.
func regressionLayout(d int) Layout {
	if d == 1 {
		return Layout{{Name: "weights", Params: []string{"slope"}, Penalized: true},
			{Name: "bias", Params: []string{"intercept"}}}
	}
	w := make([]string, d)
	for j := range w {
		w[j] = fmt.Sprintf("w%d", j+1)
	}
	return Layout{{Name: "weights", Params: w, Penalized: true}, {Name: "bias", Params: []string{"b"}}}
}
