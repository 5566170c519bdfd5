package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/compute"
)

// maxGridSide is the most points along either axis of "descent grid".
const maxGridSide = 401

// gridResult is what "descent grid" prints: the loss (plus penalty) of a
// two-parameter model at every point of a rectangle, Loss[j][i] at
// (X[i], Y[j]), null where it is not finite.
type gridResult struct {
	X    compute.Floats   `json:"x"`
	Y    compute.Floats   `json:"y"`
	Loss []compute.Floats `json:"loss"`
}

// gridCommand is "descent grid": the loss surface of a run's model over a
// rectangle of its two parameters, as JSON, for plots of a path over its
// surface (the Python package's Result.plot).
func gridCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("descent grid", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	configPath := fs.String("config", "", "JSON file with a Config (the model, its data and penalty)")
	xr := fs.String("x", "", "range of the first parameter: LO,HI")
	yr := fs.String("y", "", "range of the second parameter: LO,HI")
	n := fs.Int("n", 61, "points along each axis (2 to "+strconv.Itoa(maxGridSide)+")")
	if code, done := parseFlags(fs, args, "descent grid --config FILE --x LO,HI --y LO,HI [--n N]", stdout, stderr); done {
		return code
	}
	res, err := grid(*configPath, *xr, *yr, *n)
	if err != nil {
		fmt.Fprintf(stderr, "descent grid: %s\n", oneLine(err.Error()))
		return 2
	}
	if err := json.NewEncoder(stdout).Encode(res); err != nil {
		fmt.Fprintf(stderr, "descent grid: %v\n", err)
		return 1
	}
	return 0
}

// grid evaluates the loss of the configured model on an n×n grid.
func grid(configPath, xr, yr string, n int) (*gridResult, error) {
	var cfg compute.Config
	if configPath != "" {
		if err := readConfig(configPath, &cfg); err != nil {
			return nil, fmt.Errorf("--config %s: %v", oneLine(configPath), err)
		}
	}
	if n < 2 || n > maxGridSide {
		return nil, fmt.Errorf("--n %d: want 2 to %d", n, maxGridSide)
	}
	x, err := gridAxis("x", xr, n)
	if err != nil {
		return nil, err
	}
	y, err := gridAxis("y", yr, n)
	if err != nil {
		return nil, err
	}
	run, err := cfg.Build(nil)
	if err != nil {
		return nil, errors.New(flagSpelling(err))
	}
	if d := run.Objective.Dim(); d != 2 {
		return nil, fmt.Errorf("the model has %d parameters; a grid needs 2", d)
	}
	c := run.Config
	pen := compute.Penalty{L1: c.L1, L2: c.L2, Mask: run.Objective.Layout().PenaltyMask()}
	res := &gridResult{X: x, Y: y, Loss: make([]compute.Floats, n)}
	p := make([]float64, 2)
	for j := range y {
		res.Loss[j] = make(compute.Floats, n)
		for i := range x {
			p[0], p[1] = x[i], y[j]
			res.Loss[j][i] = run.Objective.Func(p) + pen.Value(p)
		}
	}
	return res, nil
}

// maxGridSpan bounds an axis's length, so that its points' spacing is
// finite.
const maxGridSpan = 1e300

// gridAxis reads "LO,HI" into n evenly spaced points.
func gridAxis(name, s string, n int) ([]float64, error) {
	if s == "" {
		return nil, fmt.Errorf("--%s: want LO,HI with LO < HI", name)
	}
	lo, hi, ok := strings.Cut(s, ",")
	a, errA := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	b, errB := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if !ok || errA != nil || errB != nil || !(a < b) {
		return nil, fmt.Errorf("--%s %s: want LO,HI with LO < HI", name, compute.QuoteValue(s))
	}
	if b-a > maxGridSpan {
		return nil, fmt.Errorf("--%s %s: want LO,HI with LO < HI and HI - LO ≤ %g", name, compute.QuoteValue(s), maxGridSpan)
	}
	v := make([]float64, n)
	for i := range v {
		v[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	return v, nil
}
