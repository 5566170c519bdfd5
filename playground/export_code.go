package playground

import (
	"errors"

	"github.com/descent-playground/descent/compute"
	codeexport "github.com/descent-playground/descent/export"
)

// leaderConfig is the leading racer's run as a compute.Config, as long as
// the race has run so far (at least one step): what the notebook and the
// PyTorch script reproduce.
func leaderConfig(g *Game) (compute.Config, error) {
	r := g.world.Leader()
	if r == nil {
		return compute.Config{}, errors.New("no racer is running: enable one first")
	}
	c := g.world.config(r)
	c.Epochs = 0
	c.Steps = max(1, r.Trainer().Steps())
	return c, nil
}

// raceNotebook is a Jupyter notebook that reproduces the leader's run in
// numpy and with torch.optim (export.Notebook).
func raceNotebook(g *Game) ([]byte, error) {
	c, err := leaderConfig(g)
	if err != nil {
		return nil, err
	}
	return codeexport.Notebook(c)
}

// raceTorch is the leader's run as a standalone PyTorch script
// (export.TorchScript).
func raceTorch(g *Game) ([]byte, error) {
	c, err := leaderConfig(g)
	if err != nil {
		return nil, err
	}
	return codeexport.TorchScript(c)
}
