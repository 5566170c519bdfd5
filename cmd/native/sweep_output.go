package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tune"
)

// SweepSchema names the JSON format of "descent sweep --format json", and
// PlanSchema that of "descent sweep --plan".
const (
	SweepSchema = "descent.sweep/v1"
	PlanSchema  = "descent.sweep-plan/v1"
)

// formatValue writes a swept value as its flag takes it.
func formatValue(p tune.Param, v float64) string {
	if p.Bool {
		return strconv.FormatBool(v != 0)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// sweepHeader is what the JSON formats share: the options with their
// defaults filled in, and what a trial's budget counts.
type sweepHeader struct {
	Schema  string       `json:"schema"`
	Options tune.Options `json:"options"`
	Unit    string       `json:"unit"`
	Total   int          `json:"total"`
}

func header(schema string, s *tune.Sweep) sweepHeader {
	return sweepHeader{Schema: schema, Options: s.Options(), Unit: s.Unit(), Total: s.Total()}
}

// plannedTrial is one trial of a plan: its values by key and its Config.
type plannedTrial struct {
	ID     int                `json:"id"`
	Params map[string]float64 `json:"params"`
	Config compute.Config     `json:"config"`
}

// writePlan writes the sweep's first round, not run, as descent.sweep-plan/v1.
func writePlan(w io.Writer, s *tune.Sweep) error {
	out := struct {
		sweepHeader
		Trials []plannedTrial `json:"trials"`
	}{sweepHeader: header(PlanSchema, s)}
	for _, t := range s.Trials() {
		out.Trials = append(out.Trials, plannedTrial{ID: t.ID, Params: paramMap(s, t), Config: t.Config})
	}
	return writeJSON(w, out)
}

func paramMap(s *tune.Sweep, t *tune.Trial) map[string]float64 {
	m := map[string]float64{}
	for i, p := range s.Options().Space {
		m[p.Key] = t.Values[i]
	}
	return m
}

// sweptTrial is a trial as descent.sweep/v1 writes it.
type sweptTrial struct {
	*tune.Trial
	Params map[string]float64 `json:"params"`
}

// mapInfo says how a sweep's trials ran as the cells of one run map
// (tune.RunMap), and what a trial's score then means.
type mapInfo struct {
	Backend   string  `json:"backend"`
	Precision string  `json:"precision"`
	Tol       float64 `json:"tol"`
	Cells     int     `json:"cells"`
	Seconds   float64 `json:"seconds"`
	Semantics string  `json:"semantics"`
}

// mapSemantics is what a map's trial is, said once for every format.
const mapSemantics = "each trial is a run that stops when its gradient norm falls below tol (converged) or leaves the box |x|,|y| ≤ 1e6 (diverged); " +
	"its loss is the loss where it stopped; ranked converged by loss, then unfinished by loss, then diverged"

// newMapInfo describes a sweep run as the GPU's map res in wall.
func newMapInfo(res *compute.MapResult, wall time.Duration) *mapInfo {
	return &mapInfo{Backend: "gpu", Precision: "float32", Tol: res.Spec.Tol, Cells: len(res.Cells), Seconds: wall.Seconds(), Semantics: mapSemantics}
}

// writeSweepJSON writes every trial in ID order, and the best's ID (null
// when none has run), as descent.sweep/v1; a sweep run as a map adds "map"
// (see mapInfo).
func writeSweepJSON(w io.Writer, s *tune.Sweep, onMap *mapInfo) error {
	out := struct {
		sweepHeader
		Map    *mapInfo     `json:"map,omitempty"`
		Best   *int         `json:"best"`
		Trials []sweptTrial `json:"trials"`
	}{sweepHeader: header(SweepSchema, s), Map: onMap}
	if b := s.Best(); b != nil {
		out.Best = &b.ID
	}
	for _, t := range s.Trials() {
		out.Trials = append(out.Trials, sweptTrial{Trial: t, Params: paramMap(s, t)})
	}
	return writeJSON(w, out)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeSweepCSV writes one row per trial in ID order: its round, budget,
// swept values, final loss (empty when not finite), stop reason, steps,
// epochs, seconds and final parameters.
func writeSweepCSV(w io.Writer, s *tune.Sweep) error {
	cw := csv.NewWriter(w)
	space := s.Options().Space
	head := []string{"id", "rung", "budget"}
	head = append(head, space.Keys()...)
	head = append(head, "loss", "stop", "steps", "epochs", "seconds", "final")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, t := range s.Trials() {
		row := []string{strconv.Itoa(t.ID), strconv.Itoa(t.Rung), strconv.Itoa(t.Budget)}
		for i, p := range space {
			row = append(row, formatValue(p, t.Values[i]))
		}
		final, _ := json.Marshal(t.Final)
		stop := string(t.Stop)
		if t.Err != "" {
			stop = "error: " + t.Err
		}
		row = append(row, lossText(t), stop, strconv.Itoa(t.Steps), strconv.Itoa(t.Epochs),
			strconv.FormatFloat(t.Wall.Seconds(), 'f', 6, 64), string(final))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// lossText writes a trial's loss, or "" when it has none.
func lossText(t *tune.Trial) string {
	l := float64(t.Loss)
	if !t.Done || math.IsNaN(l) || math.IsInf(l, 0) {
		return ""
	}
	return strconv.FormatFloat(l, 'g', -1, 64)
}

// writeSweepText writes the trials that ran, best first, as a table, then
// the command line that reproduces the best. A sweep run as a map shows
// each trial's steps instead of its time, and ends with how it ran.
func writeSweepText(w io.Writer, s *tune.Sweep, best string, onMap *mapInfo) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	space := s.Options().Space
	fmt.Fprint(tw, "rank\t")
	if s.Options().Method == tune.Halving {
		fmt.Fprintf(tw, "%s\t", s.Unit())
	}
	for _, p := range space {
		fmt.Fprintf(tw, "%s\t", p.Key)
	}
	last := "ms"
	if onMap != nil {
		last = "steps"
	}
	fmt.Fprintf(tw, "loss\tstop\t%s\t\n", last)
	var done []*tune.Trial
	for _, t := range s.Trials() {
		if t.Done {
			done = append(done, t)
		}
	}
	ranked := tune.Ranked(done)
	if s.Options().Method == tune.Halving {
		ranked = halvingOrder(ranked)
	}
	for i, t := range ranked {
		fmt.Fprintf(tw, "%d\t", i+1)
		if s.Options().Method == tune.Halving {
			fmt.Fprintf(tw, "%d\t", t.Budget)
		}
		for j, p := range space {
			fmt.Fprintf(tw, "%s\t", formatValue(p, t.Values[j]))
		}
		loss := lossText(t)
		if loss == "" {
			loss = "-"
		} else {
			loss = strconv.FormatFloat(float64(t.Loss), 'g', 6, 64)
		}
		stop := string(t.Stop)
		if t.Err != "" {
			stop = "error"
		}
		if onMap != nil {
			fmt.Fprintf(tw, "%s\t%s\t%d\t\n", loss, stop, t.Steps)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%.3g\t\n", loss, stop, float64(t.Wall.Microseconds())/1000)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if b := s.Best(); b != nil && b.OK() {
		if _, err := fmt.Fprintf(w, "\nbest: %s (loss %.6g)\n%s\n", describe(space, b), float64(b.Loss), best); err != nil {
			return err
		}
	}
	if onMap != nil {
		_, err := fmt.Fprintf(w, "\n%s: %d trials as one %s run map (%d cells) in %.3g s, tol %g.\nHere %s (descent run runs every step).\n",
			onMap.Backend, s.Total(), onMap.Precision, onMap.Cells, onMap.Seconds, onMap.Tol, onMap.Semantics)
		return err
	}
	return nil
}

// halvingOrder puts the later rounds (larger budgets) first, keeping the
// ranking within each round: the best trial of the last round leads.
func halvingOrder(ranked []*tune.Trial) []*tune.Trial {
	top := 0
	for _, t := range ranked {
		top = max(top, t.Rung)
	}
	var out []*tune.Trial
	for r := top; r >= 0; r-- {
		for _, t := range ranked {
			if t.Rung == r {
				out = append(out, t)
			}
		}
	}
	return out
}
