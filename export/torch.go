package export

import (
	"fmt"

	"github.com/descent-playground/descent/compute"
)

// torchCell writes the run with torch.optim: float64 tensors, the loss by
// autograd, the optimizer and scheduler classes, and the same order of
// samples.
func (p *plan) torchCell() string {
	var c code
	c.line("# The run with torch.optim: %s on %s.", p.spec.Title, p.modelTitle())
	c.line("import torch")
	c.line("")
	c.line("torch.set_default_dtype(torch.float64)")
	c.line("")
	if p.surface != nil {
		c.line("from math import pi, e")
		c.line("from torch import cos, sin, exp, sqrt")
		p.writeSurfaceLoss(&c)
	} else {
		p.writeData(&c, "torch.tensor")
		c.line("")
		c.line("# The model: %s, the mean over the rows given.", p.modelTitle())
		c.line("def loss(theta, rows):")
		c.line("    z = X[rows] @ theta[:-1] + theta[-1]")
		if p.cfg.Model == "logreg" {
			c.line("    return torch.nn.functional.binary_cross_entropy_with_logits(z, y[rows])")
		} else {
			c.line("    return torch.mean((z - y[rows]) ** 2)")
		}
	}
	c.line("")
	c.line("")
	if p.penalized() {
		p.writePenalty(&c, "torch.tensor", "l1 * w.abs().sum() + l2 / 2 * (w * w).sum()")
	}
	p.writeShuffle(&c)
	p.torchOptimizer(&c)
	p.torchTraining(&c)
	return c.String()
}

// torchOptimizer writes the parameters, the optimizer and the scheduler;
// with lr_scales every parameter is its own tensor in its own group.
func (p *plan) torchOptimizer(c *code) {
	c.line("# The optimizer: %s, %s.", p.spec.Title, p.optimizerCall())
	cls := "torch.optim." + p.spec.Torch
	if p.cfg.LRScales != nil {
		c.line("lr_scales = %s  # one parameter group per parameter", pyList(p.cfg.LRScales))
		c.line("parts = [torch.tensor([v], requires_grad=True) for v in %s]", pyList(p.start))
		c.line("groups = [{\"params\": [q], \"lr\": %s * s} for q, s in zip(parts, lr_scales)]", compute.PyFloat(p.hypers["lr"]))
		c.line("opt = %s(groups, %s)", cls, p.hyperArgs())
		c.line("")
		c.line("")
		c.line("def parameters():")
		c.line("    return torch.cat(parts)")
	} else {
		c.line("theta = torch.tensor(%s, requires_grad=True)", pyList(p.start))
		c.line("opt = %s([theta], %s)", cls, p.hyperArgs())
		c.line("")
		c.line("")
		c.line("def parameters():")
		c.line("    return theta")
	}
	c.line("")
	c.line("")
	if s := p.schedule.Torch(); s != "" {
		c.line("sched = %s", s)
	} else {
		c.line("sched = None  # a constant learning rate")
	}
	c.line("")
}

func (p *plan) torchTraining(c *code) {
	c.line("# Training: %s.", p.stepsTitle())
	if p.surface != nil {
		c.line("for epoch in range(%d):", p.steps)
		c.line("    opt.zero_grad()")
		c.line("    theta = parameters()")
		c.line("    (%s).backward()", p.objective("theta"))
		c.line("    opt.step()")
		c.line("    if sched is not None:")
		c.line("        sched.step()")
		c.line("")
		c.line("with torch.no_grad():")
		c.line("    theta = parameters()")
		c.line("    final_loss = %s", p.objective("theta"))
		c.line("theta = theta.tolist()")
		p.writePrint(c)
		return
	}
	p.writeLoop(c, batchLoop{
		order: "list(range(n))",
		rows:  "torch.tensor(order[lo:lo + batch_size])",
		step: []string{
			"opt.zero_grad()",
			"theta = parameters()",
			fmt.Sprintf("(%s).backward()", p.objective("theta, rows")),
			"opt.step()",
		},
		epochEnd: []string{
			"if sched is not None:",
			"    sched.step()",
		},
	})
	c.line("")
	c.line("with torch.no_grad():")
	c.line("    theta = parameters()")
	c.line("    final_loss = %s", p.objective("theta, torch.arange(n)"))
	c.line("theta = theta.tolist()")
	p.writePrint(c)
}
