package playground

import (
	"fmt"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// Rates returns the learning rate each parameter runs at: lr times its
// scale when the racer has per-parameter rates (a cell of a
// two-learning-rate map, opened as lr 1 with the cell's two rates as
// scales), else lr for every parameter. n is the number of parameters.
func (r *Racer) Rates(n int) []float64 {
	lr := r.Hyper["lr"]
	rates := make([]float64, n)
	for i := range rates {
		rates[i] = lr
		if i < len(r.Scales) {
			rates[i] = lr * r.Scales[i]
		}
	}
	return rates
}

// ratesLabel names the rate of each parameter of obj, for the panel:
// "lr x 0.0123 · y 0.456".
func (r *Racer) ratesLabel(obj compute.Objective) string {
	var names []string
	if obj != nil {
		names = obj.Layout().Names()
	}
	rates := r.Rates(max(len(names), len(r.Scales)))
	parts := make([]string, len(rates))
	for i, v := range rates {
		name := fmt.Sprint("#", i+1)
		if i < len(names) {
			name = names[i]
		}
		parts[i] = fmt.Sprintf("%s %.3g", name, v)
	}
	return "lr " + strings.Join(parts, " · ")
}

// oneRate goes back from per-parameter rates to one learning rate, the
// first parameter's.
func (r *Racer) oneRate() {
	if r.Scales != nil {
		r.Hyper["lr"] = r.Rates(1)[0]
		r.Scales = nil
	}
}
