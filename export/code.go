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

// writeSurfaceLoss writes loss(theta), the surface's objective.
func (p *plan) writeSurfaceLoss(c *code) {
	c.line("")
	c.line("")
	c.line("# The objective: %s.", p.modelTitle())
	c.line("def loss(theta):")
	c.line("    x, y = theta")
	c.line("    return %s", p.surface.Python)
}

// writePenalty writes l1, l2, the mask made by array ("np.array" or
// "torch.tensor"), and penalty(theta), which returns value, an expression
// of w, the masked parameters.
func (p *plan) writePenalty(c *code, array, value string) {
	c.line("# The penalty: %s.", p.penaltyTitle())
	c.line("l1 = %s", compute.PyFloat(p.cfg.L1))
	c.line("l2 = %s", compute.PyFloat(p.cfg.L2))
	c.line("mask = %s(%s)", array, pyList(p.maskList()))
	c.line("")
	c.line("")
	c.line("def penalty(theta):")
	c.line("    w = theta * mask")
	c.line("    return %s", value)
	c.line("")
	c.line("")
}

// objective is the expression of the loss over args with its penalty: the
// training objective, and the final loss.
func (p *plan) objective(args string) string {
	l := "loss(" + args + ")"
	if p.penalized() {
		l += " + penalty(theta)"
	}
	return l
}

// batchLoop is what differs between the cells' training loops over the
// data: order, the samples' order when the run does not shuffle; rows, the
// batch made from order[lo:lo + batch_size]; and the lines that start an
// epoch, take a step on rows, and end an epoch.
type batchLoop struct {
	order, rows                string
	epochStart, step, epochEnd []string
}

// writeLoop writes the training loop in Descent's order: epochs of
// batch_size rows from order (permuted when the run shuffles), until steps
// steps are taken.
func (p *plan) writeLoop(c *code, l batchLoop) {
	lines := func(indent string, ls []string) {
		for _, s := range ls {
			c.line("%s%s", indent, s)
		}
	}
	c.line("batch_size = %d", p.batch)
	c.line("steps = %d", p.steps)
	c.line("t = 0")
	c.line("epoch = 0")
	c.line("while t < steps:")
	lines("    ", l.epochStart)
	if p.shuffled {
		c.line("    order = permutation(%d, epoch, n)", p.cfg.Seed)
	} else {
		c.line("    order = %s", l.order)
	}
	c.line("    for lo in range(0, n, batch_size):")
	c.line("        if t == steps:")
	c.line("            break")
	c.line("        rows = %s", l.rows)
	lines("        ", l.step)
	c.line("        t += 1")
	lines("    ", l.epochEnd)
	c.line("    epoch += 1")
}
