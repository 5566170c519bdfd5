package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// writeText prints the final parameters in the classic example's words, for
// instance "Optimized slope: 0.71, intercept: 1.85".
func writeText(w io.Writer, run *compute.Run) error {
	names := run.ParamNames()
	parts := make([]string, len(names))
	for i, p := range run.Trainer.Params() {
		parts[i] = fmt.Sprintf("%s: %.2f", names[i], p)
	}
	_, err := fmt.Fprintf(w, "Optimized %s\n", strings.Join(parts, ", "))
	return err
}
