package tune

import (
	"fmt"
	"maps"
	"math"

	"github.com/descent-playground/descent/compute"
)

// The stop reasons of a trial run as a cell of a run map (see RunMap): the
// run's gradient norm fell below the map's tolerance and it stopped early,
// or it ran every step without converging or diverging. (A map's diverged
// run stops as compute.Diverged.)
const (
	Converged  compute.StopReason = "converged"
	Unfinished compute.StopReason = "unfinished"
)

// MapRunner runs a map of independent runs: compute.CPU (float64, the
// reference) or compute/gpu's Backend (float32, one run per pixel).
type MapRunner interface {
	RunMap(compute.MapSpec) (*compute.MapResult, error)
}

// mapLayout is how a sweep's trials lie in a run map: the spec, and for
// each trial its cell's column and row.
type mapLayout struct {
	spec       compute.MapSpec
	cols, rows []int
}

// MapSpec returns the run map whose cells are exactly the sweep's trials,
// or an error saying in one line why the sweep is not one a map can run: a
// grid over lr (a log range, or a list evenly spaced in log) and optionally
// momentum (a linear range, or an evenly spaced list) of a
// surface run with a constant schedule, no penalty and no per-coordinate
// rates, at most compute.MaxMapSteps steps, with an optimizer the GPU map
// runs. Without momentum the map varies lr and momentum (one row at the
// base's momentum); for an optimizer that has none (adam) it varies both
// coordinates' rates over the same axis and uses its diagonal. Each axis
// point, rounded as the grid rounds, is checked to be the grid's point.
func MapSpec(s *Sweep) (compute.MapSpec, error) {
	l, err := layout(s)
	return l.spec, err
}

func layout(s *Sweep) (mapLayout, error) {
	o := s.opts
	b := o.Base
	opt, err := compute.OptimizerByName(b.Optimizer)
	if err != nil {
		return mapLayout{}, err
	}
	h, err := opt.Resolve(b.Hyper)
	switch {
	case err != nil:
		return mapLayout{}, err
	case o.Method != Grid:
		return mapLayout{}, fmt.Errorf("the GPU map runs a grid (--method grid), not %s", o.Method)
	case b.Model != "surface":
		return mapLayout{}, fmt.Errorf("the GPU map runs a surface model, not %s", b.Model)
	case b.Schedule != "constant":
		return mapLayout{}, fmt.Errorf("the GPU map runs a constant schedule, not %s", b.Schedule)
	case b.L1 != 0 || b.L2 != 0:
		return mapLayout{}, fmt.Errorf("the GPU map runs without a penalty (l1, l2)")
	case b.LRScales != nil:
		return mapLayout{}, fmt.Errorf("the GPU map runs one learning rate for both coordinates (no lr_scales)")
	case b.Steps < 1 || b.Steps > compute.MaxMapSteps:
		return mapLayout{}, fmt.Errorf("the GPU map runs 1 to %d steps, not %d", compute.MaxMapSteps, b.Steps)
	}
	if err := compute.GPUMapRuns(b.Optimizer, h); err != nil {
		return mapLayout{}, err
	}
	spec := compute.MapSpec{Surface: b.Surface, Optimizer: b.Optimizer, Hyper: maps.Clone(b.Hyper), Steps: b.Steps}
	start := b.Start
	if start == nil {
		surf, _ := compute.SurfaceByName(b.Surface)
		start = surf.Start[:]
	}
	spec.Start = [2]float64{start[0], start[1]}
	// Each axis is a swept range, or the base's value in one cell.
	axis := map[string]int{"lr": -1, "momentum": -1}
	for i, p := range o.Space {
		if _, ok := axis[p.Key]; !ok {
			return mapLayout{}, fmt.Errorf("the GPU map sweeps lr and momentum, not %s", p.Key)
		}
		for k := 1; k < len(p.Values); k++ {
			if !(p.Values[k] > p.Values[k-1]) {
				return mapLayout{}, fmt.Errorf("the GPU map takes %s's values in increasing order", p.Key)
			}
		}
		if wantLog := p.Key == "lr"; p.Log != wantLog {
			return mapLayout{}, fmt.Errorf("the GPU map spaces lr on a log scale and momentum on a linear one; %s is %s", p.Key, scale(p.Log))
		}
		axis[p.Key] = i
	}
	spec.XMin, spec.XMax, spec.Cols = axisRange(o, axis["lr"], h["lr"])
	_, hasMomentum := h["momentum"]
	switch {
	case hasMomentum:
		spec.Vary = compute.VaryLRMomentum
		spec.YMin, spec.YMax, spec.Rows = axisRange(o, axis["momentum"], h["momentum"])
	case axis["momentum"] >= 0:
		return mapLayout{}, fmt.Errorf("%s has no momentum", b.Optimizer)
	default:
		spec.Vary = compute.VaryLRs
		spec.YMin, spec.YMax, spec.Rows = spec.XMin, spec.XMax, spec.Cols
	}
	if err := spec.Validate(); err != nil {
		return mapLayout{}, err
	}
	return placeTrials(s, spec, axis)
}

func scale(log bool) string {
	if log {
		return "log"
	}
	return "linear"
}

// axisRange returns an axis's ends and cells: the swept param i's first
// and last grid points and their number, or the fixed value v in one cell
// when i < 0.
func axisRange(o Options, i int, v float64) (lo, hi float64, n int) {
	if i < 0 {
		return v, v, 1
	}
	pts := o.Space[i].Points(o.GridPoints)
	return pts[0], pts[len(pts)-1], len(pts)
}

// placeTrials finds each trial's cell: the column (and row) whose axis
// point, rounded as the grid rounds, is the trial's value. An axis point
// that rounds to another value than the grid's point is an error: the map
// would run other values than the grid's (a list that is not evenly spaced
// on the axis's scale).
func placeTrials(s *Sweep, spec compute.MapSpec, axis map[string]int) (mapLayout, error) {
	o := s.opts
	find := func(key string, n int, at func(k int) float64) (map[float64]int, error) {
		idx := map[float64]int{}
		i := axis[key]
		if i < 0 {
			return idx, nil
		}
		p := o.Space[i]
		pts := p.Points(o.GridPoints)
		for k := range n {
			if got := p.round(at(k)); got != pts[k] {
				return nil, fmt.Errorf("the GPU map spaces %s's points evenly (%s scale): its point %d is %g, not %g",
					key, scale(p.Log), k+1, got, pts[k])
			}
			idx[pts[k]] = k
		}
		return idx, nil
	}
	lrIdx, err := find("lr", spec.Cols, func(k int) float64 { x, _ := spec.At(k, 0); return x })
	if err != nil {
		return mapLayout{}, err
	}
	muIdx, err := find("momentum", spec.Rows, func(k int) float64 { _, y := spec.At(0, k); return y })
	if err != nil {
		return mapLayout{}, err
	}
	l := mapLayout{spec: spec}
	for _, t := range s.Trials() {
		c, r := 0, 0
		if i := axis["lr"]; i >= 0 {
			c = lrIdx[t.Values[i]]
		}
		if i := axis["momentum"]; i >= 0 {
			r = muIdx[t.Values[i]]
		}
		if spec.Vary == compute.VaryLRs {
			r = c // the diagonal: both coordinates at the same rate
		}
		l.cols, l.rows = append(l.cols, c), append(l.rows, r)
	}
	return l, nil
}

// RunMap runs every trial of a grid sweep (see MapSpec) as one cell of one
// run map on r, and reports each: a trial's Loss is the loss where its run
// stopped, its Stop Converged, Unfinished or compute.Diverged, its Steps
// the updates made; Final is not known (nil) and Wall is left 0 (the map
// runs as a whole). Ranked then puts converged trials first by loss,
// unfinished ones next by loss, diverged ones last. It returns the map.
func RunMap(s *Sweep, r MapRunner) (*compute.MapResult, error) {
	l, err := layout(s)
	if err != nil {
		return nil, err
	}
	res, err := r.RunMap(l.spec)
	if err != nil {
		return nil, err
	}
	for i := range s.Trials() {
		t, ok := s.Next()
		if !ok {
			return nil, fmt.Errorf("tune: trial %d was not handed out", i)
		}
		cell := res.Cells[l.rows[t.ID]*l.spec.Cols+l.cols[t.ID]]
		t.Done, t.Loss, t.Steps = true, compute.Float(cell.Loss), cell.Steps
		switch cell.Status {
		case compute.RunConverged:
			t.Stop = Converged
		case compute.RunDiverged:
			t.Stop = compute.Diverged
		default:
			t.Stop = Unfinished
		}
		if math.IsNaN(cell.Loss) || math.IsInf(cell.Loss, 0) {
			t.Stop = compute.Diverged
		}
		s.Report(t)
	}
	return res, nil
}
