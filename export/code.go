package export

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// shufflePy is the pure-Python permutation(seed, epoch, n) that gives
// compute.SeededPermuter's order.
//
//go:embed shuffle.py
var shufflePy string

// code builds Python source line by line.
type code struct{ strings.Builder }

// line writes one line, formatted as fmt.Sprintf does.
func (c *code) line(format string, args ...any) {
	fmt.Fprintf(&c.Builder, format, args...)
	c.WriteByte('\n')
}

// gap ends what is written so far with exactly two blank lines, the space
// around a top-level definition.
func (c *code) gap() {
	s := strings.TrimRight(c.String(), "\n")
	c.Reset()
	c.WriteString(s)
	c.WriteString("\n\n\n")
}

// block writes text indented by indent spaces, line by line.
func (c *code) block(indent int, text string) {
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if l == "" {
			c.WriteByte('\n')
			continue
		}
		c.line("%s%s", pad, l)
	}
}

// pyList writes values as a Python list of float literals.
func pyList(values []float64) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = compute.PyFloat(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// pyStrings writes names as a Python list of strings.
func pyStrings(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%q", n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// maskList is the penalty mask as a list of 1.0 and 0.0.
func (p *plan) maskList() []float64 {
	m := make([]float64, len(p.mask))
	for i, on := range p.mask {
		if on {
			m[i] = 1
		}
	}
	return m
}

// writeData writes the data as X (one row per sample) and y, made by
// array ("np.array" or "torch.tensor").
func (p *plan) writeData(c *code, array string) {
	d := p.data
	c.line("# The data: %s.", p.dataTitle())
	c.line("X = %s([", array)
	row := make([]float64, d.Features())
	for i := range d.Len() {
		for j := range row {
			row[j] = d.X[j][i]
		}
		c.line("    %s,", pyList(row))
	}
	c.line("])")
	c.line("y = %s(%s)", array, pyList(d.Y))
	c.line("n = len(y)")
	c.line("")
}

// writeShuffle writes permutation() when the run shuffles.
func (p *plan) writeShuffle(c *code) {
	if !p.shuffled {
		return
	}
	c.gap()
	c.block(0, shufflePy)
	c.gap()
}

// writePrint writes the lines that print the final parameters and loss,
// from theta (an array of floats) and final_loss.
func (p *plan) writePrint(c *code) {
	c.line("names = %s", pyStrings(p.names))
	c.line(`print("final parameters:", ", ".join(f"{k}={float(v)!r}" for k, v in zip(names, theta)))`)
	c.line(`print("final loss:", repr(float(final_loss)))`)
}

// optimizerCall is the optimizer as torch.optim builds it, with every
// hyperparameter.
func (p *plan) optimizerCall() string {
	return fmt.Sprintf("torch.optim.%s(%s)", p.spec.Torch, p.hyperArgs())
}
