package export

import (
	"encoding/json"

	"github.com/descent-playground/descent/compute"
)

// TorchScript returns the run cfg describes as a standalone PyTorch
// script: the notebook's torch.optim cell behind a header comment that says
// what the run is and gives the Descent config that reproduces it.
func TorchScript(cfg compute.Config) ([]byte, error) {
	p, err := newPlan(cfg)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(p.given)
	if err != nil {
		return nil, err
	}
	var c code
	c.line("#!/usr/bin/env python3")
	c.line("# A Descent run with torch.optim, written by `descent run --export torch`.")
	c.line("# It prints the final parameters and the final loss, which agree with")
	c.line("# Descent's to round-off. Descent runs the same with `descent run --config run.json`")
	c.line("# where run.json holds:")
	c.line("#   %s", js)
	c.line("")
	c.WriteString(p.torchCell())
	return []byte(c.String()), nil
}
