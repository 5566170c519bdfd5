package playground

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/descent-playground/descent/compute"
)

// RaceSchema names the version of the race's JSON export.
const RaceSchema = "descent.race/v1"

// RaceExport is the JSON export of the current race: the link that
// opens it, and each running racer's run in compute's descent.run/v1
// format (compute.Result, as `descent run --format json` prints it and
// window.descent.run returns it; its path is thinned past
// compute.DefaultPathBudget points, as the racer's own record is).
type RaceExport struct {
	// Schema is RaceSchema.
	Schema string `json:"schema"`
	// Link is the state's link (a page address's fragment, without "#").
	Link string `json:"link"`
	// Scenario names the scenario; Steps is the race's step count.
	Scenario string `json:"scenario"`
	Steps    int    `json:"steps"`
	// Racers are the racers that run, in legend order.
	Racers []RacerExport `json:"racers"`
}

// RacerExport is one racer of a RaceExport.
type RacerExport struct {
	// Optimizer is the registered optimizer's name; Title its title.
	Optimizer string `json:"optimizer"`
	Title     string `json:"title"`
	// Color is the racer's colour, #rrggbb.
	Color string `json:"color"`
	// Result is the racer's run.
	Result *compute.Result `json:"result"`
}

// raceJSON is the JSON export of g's race (RaceExport).
func raceJSON(g *Game) ([]byte, error) {
	w := g.world
	out := RaceExport{Schema: RaceSchema, Link: EncodeLink(w.State()), Scenario: w.scenario.Name, Steps: w.Steps(), Racers: []RacerExport{}}
	for _, r := range w.Racers {
		if r.run == nil {
			continue
		}
		out.Racers = append(out.Racers, RacerExport{
			Optimizer: r.Spec.Name, Title: r.Name(),
			Color:  hexColor(r.Color),
			Result: r.run.Result(false),
		})
	}
	data, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		return nil, fmt.Errorf("export json: %w", err)
	}
	return append(data, '\n'), nil
}

// raceCSV is the CSV export of g's race: compute's CSV rows (step,
// epoch, lr, the parameters, batch_loss, loss; see compute.CSVStream)
// of each running racer's recorded path, after a first column naming
// the racer's optimizer.
func raceCSV(g *Game) ([]byte, error) {
	var out bytes.Buffer
	header := true
	for _, r := range g.world.Racers {
		if r.run == nil {
			continue
		}
		var buf bytes.Buffer
		s := compute.NewCSVStream(&buf, r.run.ParamNames())
		for _, p := range r.run.Path.Points() {
			s.RecordStep(&compute.StepRecord{Step: p.Step, Epoch: p.Epoch, LR: float64(p.LR), BatchLoss: float64(p.BatchLoss), After: p.Params})
			if !math.IsNaN(float64(p.Loss)) {
				s.RecordLoss(compute.LossPoint{Step: p.Step, Epoch: p.Epoch, Loss: p.Loss})
			}
		}
		if err := s.Close(); err != nil {
			return nil, fmt.Errorf("export csv: %w", err)
		}
		lines := bytes.SplitAfter(buf.Bytes(), []byte("\n"))
		for i, l := range lines {
			if len(l) == 0 || (i == 0 && !header) {
				continue
			}
			if i == 0 {
				out.WriteString("optimizer,")
			} else {
				out.WriteString(r.Spec.Name + ",")
			}
			out.Write(l)
		}
		header = false
	}
	if header {
		return nil, fmt.Errorf("export csv: no racer runs")
	}
	return out.Bytes(), nil
}
