package playground

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestLeaderConfigReproducesTheRace checks what the notebook and PyTorch
// exports start from: the leader's Config, run on its own through
// Config.Build and Execute, ends where the leader stands after the race's
// steps, on a surface and on shuffled mini-batch data.
func TestLeaderConfigReproducesTheRace(t *testing.T) {
	for _, link := range []string{"s=beale", "s=classic&var=minibatch&bs=2&sh=1"} {
		st, err := DecodeLink(link)
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		g, err := NewGame(Options{State: &st})
		if err != nil {
			t.Fatal(err)
		}
		g.world.Advance(37)
		leader := g.world.Leader()
		c, err := leaderConfig(g)
		if err != nil {
			t.Fatal(err)
		}
		run, err := c.Build(nil)
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		run.Execute(context.Background())
		got, want := run.Trainer.Params(), leader.Trainer().Params()
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: the exported config ends at %v after %d steps, the leader is at %v", link, got, run.Trainer.Steps(), want)
			}
		}
	}
}

// TestNotebookExport checks the notebook row of the export table: the
// leader's run as a notebook whose markdown holds its config.
func TestNotebookExport(t *testing.T) {
	g, err := NewGame(Options{Scenario: "rosenbrock"})
	if err != nil {
		t.Fatal(err)
	}
	g.world.Advance(12)
	e, err := exportNamed("notebook")
	if err != nil {
		t.Fatal(err)
	}
	data, err := e.bytes(g)
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		NBFormat int `json:"nbformat"`
		Cells    []struct {
			Source []string `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil || nb.NBFormat != 4 || len(nb.Cells) != 3 {
		t.Fatalf("notebook: %v, nbformat %d, %d cells", err, nb.NBFormat, len(nb.Cells))
	}
	if about := strings.Join(nb.Cells[0].Source, ""); !strings.Contains(about, `"steps": 12`) || !strings.Contains(about, "rosenbrock") {
		t.Errorf("the notebook's first cell does not hold the leader's 12-step rosenbrock config:\n%s", about)
	}
}
