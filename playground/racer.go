package playground

import (
	"image/color"
	"maps"

	"github.com/descent-playground/descent/compute"
)

// racerPalette colours the racers by their optimizer's place in the
// registry: the seven colours of Okabe and Ito's colour-blind-safe palette
// that show on a dark background, then further colours from Paul Tol's
// "light" and "bright" schemes chosen to stay apart from those and from
// each other. A registry longer than the palette wraps around.
var racerPalette = []color.RGBA{
	{0xe6, 0x9f, 0x00, 0xff}, // Okabe–Ito orange
	{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	{0x00, 0x9e, 0x73, 0xff}, // bluish green
	{0xf0, 0xe4, 0x42, 0xff}, // yellow
	{0xd5, 0x5e, 0x00, 0xff}, // vermillion
	{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	{0x00, 0x72, 0xb2, 0xff}, // blue
	{0xff, 0xaa, 0xbb, 0xff}, // Tol pink
	{0xbb, 0xcc, 0x33, 0xff}, // Tol pear
	{0xaa, 0x33, 0x77, 0xff}, // Tol purple
	{0xbb, 0xbb, 0xbb, 0xff}, // Tol grey
	{0x99, 0x88, 0xff, 0xff}, // lavender
	{0x99, 0xdd, 0xff, 0xff}, // Tol light cyan
	{0x44, 0xbb, 0x99, 0xff}, // Tol mint
	{0xee, 0x88, 0x66, 0xff}, // Tol light orange
	{0xa6, 0x76, 0x1d, 0xff}, // brown
}

// racerColor is the colour of the optimizer at index i of the registry.
func racerColor(i int) color.RGBA { return racerPalette[i%len(racerPalette)] }

// Racer is one registered optimizer in the race: whether it runs, its own
// hyperparameters, and its run.
type Racer struct {
	// Spec is the optimizer's registry entry.
	Spec *compute.OptimizerSpec
	// Color is the racer's colour in every picture.
	Color color.RGBA
	// Enabled says whether the racer runs.
	Enabled bool
	// Hyper holds a value for every hyperparameter of Spec.
	Hyper compute.Hypers
	// Scales are per-parameter learning-rate factors (parameter groups),
	// set when a trainability map's cell with two learning rates is opened.
	Scales []float64
	run    *compute.Run
	shown  recorded
}

// recorded is a copy of a run's recorders, kept until the run steps again
// so that frames drawn in between do not copy them again.
type recorded struct {
	run    *compute.Run
	steps  int
	path   [][]float64
	losses []float64
}

// recorded returns the run's path and losses, copied out of its recorders
// when the run has stepped since the last copy.
func (r *Racer) recorded() *recorded {
	if steps := r.run.Trainer.Steps(); r.shown.run != r.run || r.shown.steps != steps {
		r.shown = recorded{run: r.run, steps: steps, path: r.run.Path.Coords(), losses: r.run.Losses.Values()}
	}
	return &r.shown
}

// newRacers returns one racer per registered optimizer, in registry order,
// at the optimizer's defaults with the scenario's learning rate where it
// has one. The optimizers the scenario tunes (those with a rate) are
// enabled.
func newRacers(s *Scenario) []*Racer {
	var racers []*Racer
	for i, spec := range compute.Optimizers() {
		h := spec.Defaults()
		lr, tuned := s.Rates[spec.Name]
		if tuned {
			h["lr"] = lr
		}
		racers = append(racers, &Racer{Spec: spec, Color: racerColor(i), Enabled: tuned, Hyper: h})
	}
	return racers
}

// Name returns the racer's title.
func (r *Racer) Name() string { return r.Spec.Title }

// Run returns the racer's run, or nil when it is disabled or its
// configuration was refused.
func (r *Racer) Run() *compute.Run { return r.run }

// Trainer returns the racer's trainer, or nil when it has no run.
func (r *Racer) Trainer() *compute.Trainer {
	if r.run == nil {
		return nil
	}
	return r.run.Trainer
}

// Path returns the path its run's PathRecorder kept (thinned on long
// runs), the latest point last, or nil when the racer has no run. The
// slices are shared until the run steps again.
func (r *Racer) Path() [][]float64 {
	if r.run == nil {
		return nil
	}
	return r.recorded().path
}

// Losses returns the full-data losses its run's LossRecorder kept, the
// latest last, or nil when the racer has no run. The slice is shared until
// the run steps again.
func (r *Racer) Losses() []float64 {
	if r.run == nil {
		return nil
	}
	return r.recorded().losses
}

// hypers returns a copy of the racer's hyperparameters.
func (r *Racer) hypers() compute.Hypers { return maps.Clone(r.Hyper) }

// velocityNames are the trace quantities shown as the racer's velocity:
// PyTorch's names for a momentum buffer and for Adam's first moment.
var velocityNames = []string{"momentum_buffer", "exp_avg"}

// velocity returns the optimizer's momentum or first-moment vector, read
// from its trace, when it keeps one.
func (r *Racer) velocity() []float64 {
	tr := r.Trainer()
	if tr == nil {
		return nil
	}
	for _, q := range tr.Optimizer().Trace() {
		for _, name := range velocityNames {
			if q.Name == name {
				return q.Values
			}
		}
	}
	return nil
}
