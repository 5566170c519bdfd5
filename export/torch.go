package export

import (
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
		c.line("")
		c.line("")
		c.line("# The objective: %s.", p.modelTitle())
		c.line("def loss(theta):")
		c.line("    x, y = theta")
		c.line("    return %s", p.surface.Python)
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
		c.line("# The penalty: %s.", p.penaltyTitle())
		c.line("l1 = %s", compute.PyFloat(p.cfg.L1))
		c.line("l2 = %s", compute.PyFloat(p.cfg.L2))
		c.line("mask = torch.tensor(%s)", pyList(p.maskList()))
		c.line("")
		c.line("")
		c.line("def penalty(theta):")
		c.line("    w = theta * mask")
		c.line("    return l1 * w.abs().sum() + l2 / 2 * (w * w).sum()")
		c.line("")
		c.line("")
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

// torchObjective is the expression of the training objective.
func (p *plan) torchObjective(args string) string {
	l := "loss(" + args + ")"
	if p.penalized() {
		l += " + penalty(theta)"
	}
	return l
}

func (p *plan) torchTraining(c *code) {
	c.line("# Training: %s.", p.stepsTitle())
	if p.surface != nil {
		c.line("for epoch in range(%d):", p.steps)
		c.line("    opt.zero_grad()")
		c.line("    theta = parameters()")
		c.line("    (%s).backward()", p.torchObjective("theta"))
		c.line("    opt.step()")
		c.line("    if sched is not None:")
		c.line("        sched.step()")
		c.line("")
		c.line("with torch.no_grad():")
		c.line("    theta = parameters()")
		c.line("    final_loss = %s", p.torchObjective("theta"))
		c.line("theta = theta.tolist()")
		p.writePrint(c)
		return
	}
	c.line("batch_size = %d", p.batch)
	c.line("steps = %d", p.steps)
	c.line("t = 0")
	c.line("epoch = 0")
	c.line("while t < steps:")
	if p.shuffled {
		c.line("    order = permutation(%d, epoch, n)", p.cfg.Seed)
	} else {
		c.line("    order = list(range(n))")
	}
	c.line("    for lo in range(0, n, batch_size):")
	c.line("        if t == steps:")
	c.line("            break")
	c.line("        rows = torch.tensor(order[lo:lo + batch_size])")
	c.line("        opt.zero_grad()")
	c.line("        theta = parameters()")
	c.line("        (%s).backward()", p.torchObjective("theta, rows"))
	c.line("        opt.step()")
	c.line("        t += 1")
	c.line("    if sched is not None:")
	c.line("        sched.step()")
	c.line("    epoch += 1")
	c.line("")
	c.line("with torch.no_grad():")
	c.line("    theta = parameters()")
	c.line("    final_loss = %s", p.torchObjective("theta, torch.arange(n)"))
	c.line("theta = theta.tolist()")
	p.writePrint(c)
}
