package export

import (
	"fmt"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// numpyCell writes the run in plain Python with numpy: the data, the loss
// and its gradient written out, the optimizer's update, the schedule, and
// the training loop in Descent's order.
func (p *plan) numpyCell() string {
	var c code
	c.line("# The run in plain Python and numpy: %s on %s.", p.spec.Title, p.modelTitle())
	c.line("import math")
	c.line("")
	c.line("import numpy as np")
	c.line("")
	if p.surface != nil {
		p.numpySurface(&c)
	} else {
		p.writeData(&c, "np.array")
		p.numpyModel(&c)
	}
	p.numpyPenalty(&c)
	p.numpyOptimizer(&c)
	p.writeShuffle(&c)
	p.numpyTraining(&c)
	return c.String()
}

func (p *plan) numpySurface(c *code) {
	s := p.surface
	c.line("from math import cos, sin, exp, sqrt, pi, e")
	p.writeSurfaceLoss(c)
	c.line("")
	c.line("")
	c.line("def grad(theta):")
	c.line("    x, y = theta")
	c.line("    return np.array([")
	c.line("        %s,", s.PythonGrad[0])
	c.line("        %s,", s.PythonGrad[1])
	c.line("    ])")
	c.line("")
	c.line("")
}

func (p *plan) numpyModel(c *code) {
	c.line("")
	if p.cfg.Model == "logreg" {
		c.line("# The model: %s, the mean over the rows given;", p.modelTitle())
		c.line("# theta holds the weights and then the bias.")
		c.line("def loss(theta, rows):")
		c.line("    z = X[rows] @ theta[:-1] + theta[-1]")
		c.line("    return np.mean(np.maximum(z, 0) - y[rows] * z + np.log1p(np.exp(-np.abs(z))))")
		c.line("")
		c.line("")
		c.line("def grad(theta, rows):")
		c.line("    r = 1 / (1 + np.exp(-(X[rows] @ theta[:-1] + theta[-1]))) - y[rows]")
		c.line("    return np.append(X[rows].T @ r, r.sum()) / len(r)")
	} else {
		c.line("# The model: %s, the mean over the rows given;", p.modelTitle())
		c.line("# theta holds the weights and then the intercept.")
		c.line("def loss(theta, rows):")
		c.line("    r = X[rows] @ theta[:-1] + theta[-1] - y[rows]")
		c.line("    return np.mean(r * r)")
		c.line("")
		c.line("")
		c.line("def grad(theta, rows):")
		c.line("    r = X[rows] @ theta[:-1] + theta[-1] - y[rows]")
		c.line("    return np.append(2 * (X[rows].T @ r), 2 * r.sum()) / len(r)")
	}
	c.line("")
	c.line("")
}

// penaltyTitle says what the penalty is and what it applies to.
func (p *plan) penaltyTitle() string {
	var on []string
	for i, m := range p.mask {
		if m {
			on = append(on, p.names[i])
		}
	}
	return fmt.Sprintf("l1·Σ|w| + (l2/2)·Σw² over %s", strings.Join(on, ", "))
}

func (p *plan) numpyPenalty(c *code) {
	if !p.penalized() {
		return
	}
	p.writePenalty(c, "np.array", "l1 * np.sum(np.abs(w)) + l2 / 2 * np.sum(w * w)")
	c.line("def penalty_grad(theta):")
	c.line("    w = theta * mask")
	c.line("    return l2 * w + l1 * np.sign(w)")
	c.line("")
	c.line("")
}

func (p *plan) numpyOptimizer(c *code) {
	c.line("# The optimizer: %s, as %s.", p.spec.Title, p.optimizerCall())
	for _, h := range p.spec.Hypers[1:] {
		c.line("%s = %s", h.Key, compute.PyHyper(h.Key, p.hypers[h.Key]))
	}
	c.line("")
	c.line("")
	c.line("def step(p, g, lr, state):")
	c.line(`    """One %s update of p in place; lr holds each parameter's rate."""`, p.spec.Title)
	c.block(4, p.spec.Numpy)
	c.line("")
	c.line("")
	c.line("# The learning rate: the base rate, per parameter, scheduled by epoch.")
	c.line("def schedule(base, epoch):")
	c.line("    return %s", p.schedule.Python())
	c.line("")
	c.line("")
	c.line("lr0 = %s", compute.PyFloat(p.hypers["lr"]))
	if p.cfg.LRScales != nil {
		c.line("lr_scales = np.array(%s)  # parameter groups", pyList(p.cfg.LRScales))
		c.line("base_lr = lr0 * lr_scales")
	} else {
		c.line("base_lr = np.full(%d, lr0)", len(p.start))
	}
}

// numpyGrad is the gradient the loop steps with.
func (p *plan) numpyGrad(args string) string {
	g := "grad(" + args + ")"
	if p.penalized() {
		g += " + penalty_grad(theta)"
	}
	return g
}

func (p *plan) numpyTraining(c *code) {
	c.gap()
	c.line("# Training: %s.", p.stepsTitle())
	c.line("theta = np.array(%s)", pyList(p.start))
	c.line("state = {}")
	if p.surface != nil {
		c.line("for epoch in range(%d):", p.steps)
		c.line("    step(theta, %s, schedule(base_lr, epoch), state)", p.numpyGrad("theta"))
		c.line("")
		c.line("final_loss = %s", p.objective("theta"))
		p.writePrint(c)
		return
	}
	p.writeLoop(c, batchLoop{
		order:      "np.arange(n)",
		rows:       "order[lo:lo + batch_size]",
		epochStart: []string{"lr = schedule(base_lr, epoch)"},
		step:       []string{fmt.Sprintf("step(theta, %s, lr, state)", p.numpyGrad("theta, rows"))},
	})
	c.line("")
	c.line("final_loss = %s", p.objective("theta, np.arange(n)"))
	p.writePrint(c)
}
