package playground

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// View is what the main area shows.
type View int

// The views: the race of optimizers, a convergence map over start points,
// and a trainability map over two hyperparameters.
const (
	RaceView View = iota
	ConvergenceView
	TrainabilityView
)

// viewNames label the views in the panel.
var viewNames = []string{"race", "convergence map", "trainability map"}

// ViewNames are the views' names on the command line and in URLs.
var ViewNames = []string{"race", "convergence", "trainability"}

// ViewByName returns the view with the given command-line name, matched
// case-insensitively.
func ViewByName(name string) (View, error) {
	for i, n := range ViewNames {
		if strings.EqualFold(n, name) {
			return View(i), nil
		}
	}
	return RaceView, fmt.Errorf("unknown view %q (allowed: %s)", name, strings.Join(ViewNames, ", "))
}

// mapSize is the number of cells along each side of a map, and mapBand the
// rows computed per frame, so that a long map shows its progress.
const (
	mapSize = 192
	mapBand = 8
)

// mapAxesNames label the trainability map's axes in the panel.
var mapAxesNames = []string{"two learning rates", "learning rate × momentum"}

// mapJob is a map being computed band by band.
type mapJob struct {
	spec   compute.MapSpec
	result *compute.MapResult
	next   int // the next row to compute
}

// mapRanges holds each map view's axis window, which zoom changes.
type mapRanges map[mapRangeKey][4]float64

// mapRangeKey identifies a map view's window: the view and, for a
// trainability map, its axes.
type mapRangeKey struct {
	view View
	axes compute.MapAxes
}

// defaultMapRange is a view's window before any zoom: the scenario's map
// window (its view unless it sets one) for starts, learning rates from
// 10⁻⁴ to 1, and momenta from 0 (or a hair above it, where the optimizer's
// momentum must be positive) to 0.99.
func (w *World) defaultMapRange(v View) [4]float64 {
	if v == ConvergenceView {
		return w.scenario.mapWindow()
	}
	if w.mapAxes() == compute.VaryLRMomentum {
		lo := 0.0
		if h, _ := w.mapRacer().Spec.Hyper("momentum"); h.MinOpen {
			lo = 0.01
		}
		return [4]float64{1e-4, 1, lo, 0.99}
	}
	return [4]float64{1e-4, 1, 1e-4, 1}
}

// mapRange is the current window of the current map view.
func (w *World) mapRange() [4]float64 {
	if r, ok := w.ranges[w.mapKey()]; ok {
		return r
	}
	return w.defaultMapRange(w.View)
}

// mapKey names the current map view's window: the view, and for a
// trainability map its axes.
func (w *World) mapKey() mapRangeKey {
	k := mapRangeKey{view: w.View}
	if w.View == TrainabilityView {
		k.axes = w.mapAxes()
	}
	return k
}

// mapRacer is the racer whose optimizer and hyperparameters a map uses:
// the one named by MapOptimizer, else the scenario's map optimizer when
// it races, else the first enabled racer, else the first.
func (w *World) mapRacer() *Racer {
	for _, r := range w.Racers {
		if r.Spec.Name == w.MapOptimizer {
			return r
		}
	}
	for _, r := range w.Racers {
		if r.Spec.Name == w.scenario.MapOptimizer && r.Enabled {
			return r
		}
	}
	for _, r := range w.Racers {
		if r.Enabled {
			return r
		}
	}
	return w.Racers[0]
}

// mapRacerIndex is the map racer's index in Racers.
func (w *World) mapRacerIndex() int { return slices.Index(w.Racers, w.mapRacer()) }

// racerNames are the racers' titles, in Racers order.
func (w *World) racerNames() []string {
	names := make([]string, len(w.Racers))
	for i, r := range w.Racers {
		names[i] = r.Name()
	}
	return names
}

// mapHasMomentum reports whether the map's optimizer has a momentum, and
// so a learning rate × momentum map.
func (w *World) mapHasMomentum() bool {
	_, ok := w.mapRacer().Spec.Hyper("momentum")
	return ok
}

// mapAxes is what the trainability map varies: the learning rate and the
// momentum when TrainAxes asks for them and the optimizer has a momentum,
// else the two coordinates' learning rates.
func (w *World) mapAxes() compute.MapAxes {
	if w.TrainAxes == 1 && w.mapHasMomentum() {
		return compute.VaryLRMomentum
	}
	return compute.VaryLRs
}

// MapSpec describes the current map view's runs: the map racer's
// optimizer with its hyperparameters, the axes overriding the ones they
// vary.
func (w *World) MapSpec() compute.MapSpec {
	r := w.mapRacer()
	rg := w.mapRange()
	spec := compute.MapSpec{
		Surface: w.scenario.Base.Surface, Optimizer: r.Spec.Name, Hyper: r.hypers(),
		Start: [2]float64{w.start[0], w.start[1]}, Vary: compute.VaryStart,
		XMin: rg[0], XMax: rg[1], YMin: rg[2], YMax: rg[3], Cols: mapSize, Rows: mapSize, Steps: w.MapSteps,
	}
	if w.View == TrainabilityView {
		spec.Vary = w.mapAxes()
	}
	return spec
}

// RestartMap discards the current map so that the next StepMap starts the
// current view's map afresh.
func (w *World) RestartMap() { w.job = nil }

// StepMap computes the next band of the current map on the world's backend
// and returns the fraction done. It does nothing in the race view or for a
// regression scenario (maps are of test surfaces).
func (w *World) StepMap() (float64, error) {
	if w.View == RaceView || w.scenario.Regression() {
		return 1, nil
	}
	spec := w.MapSpec()
	if w.job == nil || !sameMap(w.job.spec, spec) {
		if err := spec.Validate(); err != nil {
			return 0, err
		}
		w.job = &mapJob{spec: spec, result: &compute.MapResult{Spec: spec, Cells: make([]compute.MapCell, spec.Cols*spec.Rows)}}
	}
	j := w.job
	if j.next >= spec.Rows {
		return 1, nil
	}
	hi := min(j.next+mapBand, spec.Rows)
	band := spec
	band.Rows = hi - j.next
	_, band.YMin = spec.At(0, j.next)
	_, band.YMax = spec.At(0, hi-1)
	res, err := w.backend.RunMap(band)
	if err != nil {
		return 0, err
	}
	copy(j.result.Cells[j.next*spec.Cols:], res.Cells)
	j.next = hi
	return float64(j.next) / float64(spec.Rows), nil
}

// sameMap reports whether a and b describe the same map.
func sameMap(a, b compute.MapSpec) bool { return reflect.DeepEqual(a, b) }

// Map returns the current map, complete up to Progress.
func (w *World) Map() (*compute.MapResult, float64) {
	if w.job == nil {
		return nil, 0
	}
	return w.job.result, float64(w.job.next) / float64(w.job.spec.Rows)
}

// ZoomMap narrows (factor < 1) or widens the map's window around cell
// (c, r), in the axes' own (linear or log) space, and restarts the map.
func (w *World) ZoomMap(c, r int, factor float64) {
	spec := w.MapSpec()
	x, y := spec.At(c, r)
	rg := w.mapRange()
	logX := spec.Vary != compute.VaryStart
	logY := spec.Vary == compute.VaryLRs
	rg[0], rg[1] = zoomAxis(rg[0], rg[1], x, factor, logX)
	rg[2], rg[3] = zoomAxis(rg[2], rg[3], y, factor, logY)
	w.ranges[w.mapKey()] = rg
	w.job = nil
}

// ResetMapZoom returns the current map view to its default window.
func (w *World) ResetMapZoom() {
	delete(w.ranges, w.mapKey())
	w.job = nil
}

func zoomAxis(lo, hi, at, factor float64, log bool) (float64, float64) {
	if log {
		l, h := zoomAxis(math.Log(lo), math.Log(hi), math.Log(at), factor, false)
		return math.Exp(l), math.Exp(h)
	}
	return at - (at-lo)*factor, at + (hi-at)*factor
}

// OpenCell opens the run of map cell (c, r) as a race: a convergence
// map's cell restarts every racer at its start point; a trainability
// map's cell enables the map's racer with the cell's hyperparameters (for
// two learning rates, rate 1 with the two as per-parameter scales, which
// reproduces the map's run exactly). The view returns to the race.
func (w *World) OpenCell(c, r int) {
	spec := w.MapSpec()
	x, y := spec.At(c, r)
	racer := w.mapRacer()
	switch spec.Vary {
	case compute.VaryStart:
		w.start[0], w.start[1] = x, y
	case compute.VaryLRMomentum:
		racer.Enabled, racer.Scales = true, nil
		racer.Hyper["lr"], racer.Hyper["momentum"] = x, y
	case compute.VaryLRs:
		racer.Enabled, racer.Scales = true, []float64{x, y}
		racer.Hyper["lr"] = 1
	}
	w.View = RaceView
	w.Reset()
}

// CellReadout describes map cell (c, r) for the hover line.
func (w *World) CellReadout(c, r int) string {
	m, _ := w.Map()
	if m == nil || c < 0 || r < 0 || c >= m.Spec.Cols || r >= m.Spec.Rows {
		return ""
	}
	x, y := m.Spec.At(c, r)
	cell := m.Cells[r*m.Spec.Cols+c]
	var at string
	switch m.Spec.Vary {
	case compute.VaryStart:
		at = fmt.Sprintf("start (%.3g, %.3g)", x, y)
	case compute.VaryLRMomentum:
		at = fmt.Sprintf("lr %.3g, momentum %.3g", x, y)
	default:
		at = fmt.Sprintf("lr x %.3g, lr y %.3g", x, y)
	}
	switch cell.Status {
	case compute.RunConverged:
		where := ""
		if cell.Minimum >= 0 {
			where = fmt.Sprintf(" to minimum %d", cell.Minimum+1)
		}
		return fmt.Sprintf("%s: converged%s in %d steps, loss %.3g · click to race it", at, where, cell.Steps, cell.Loss)
	case compute.RunDiverged:
		return fmt.Sprintf("%s: diverged after %d steps · click to race it", at, cell.Steps)
	}
	return fmt.Sprintf("%s: not converged after %d steps, loss %.3g · click to race it", at, cell.Steps, cell.Loss)
}
