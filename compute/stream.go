package compute

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
)

// JSONStream writes a run in the descent.run/v1 format (see Result) while
// it goes: the header when it is made, one path point per recorded step
// (every one, not thinned, each with its full-data loss where the policy
// evaluated it), and at Close the loss curve (thinned, as in Result), the
// final parameters, counts and stop reason. Its memory does not grow with
// the run. A point's loss can arrive after the point (from the next
// step's pass), so one point is held back until the next or Close. Add it
// to a Run's Trainer before the first step.
type JSONStream struct {
	w       *bufio.Writer
	run     *Run
	losses  *LossRecorder
	held    PathPoint
	holding bool
	points  int
	err     error
}

var _ Recorder = (*JSONStream)(nil)

// NewJSONStream starts the JSON object of run on w.
func NewJSONStream(w io.Writer, run *Run) *JSONStream {
	s := &JSONStream{w: bufio.NewWriter(w), run: run, losses: NewLossRecorder(0)}
	s.write(raw(`{"schema":`), ResultSchema, raw(`,"config":`), run.Config, raw(`,"param_names":`), run.ParamNames(), raw(`,"path":[`))
	return s
}

// raw is JSON text written as it is.
type raw string

// write writes raw text as it is and any other value as JSON.
func (s *JSONStream) write(parts ...any) {
	for _, p := range parts {
		if s.err != nil {
			return
		}
		if str, ok := p.(raw); ok {
			_, s.err = s.w.WriteString(string(str))
			continue
		}
		var b []byte
		b, s.err = json.Marshal(p)
		if s.err == nil {
			_, s.err = s.w.Write(b)
		}
	}
}

// RecordStep writes the held point and holds this one.
func (s *JSONStream) RecordStep(r *StepRecord) {
	s.flushPoint()
	s.held = PathPoint{Step: r.Step, Epoch: r.Epoch, LR: Float(r.LR), BatchLoss: Float(r.BatchLoss),
		Loss: Float(math.NaN()), Params: append(s.held.Params[:0], r.After...)}
	s.holding = true
}

// RecordLoss completes the held point and keeps the loss for the curve.
func (s *JSONStream) RecordLoss(p LossPoint) {
	if s.holding && s.held.Step == p.Step {
		s.held.Loss = p.Loss
	}
	s.losses.RecordLoss(p)
}

func (s *JSONStream) flushPoint() {
	if !s.holding {
		return
	}
	if s.points > 0 {
		s.write(raw(","))
	}
	s.points++
	s.write(s.held)
	s.holding = false
}

// Close writes the rest of the object from the run's trainer (with the
// optimizer's trace when trace is true), flushes, and returns the first
// error met.
func (s *JSONStream) Close(trace bool) error {
	res := s.run.Result(trace)
	s.flushPoint()
	s.write(raw("]"), raw(`,"loss":`), s.losses.Points(), raw(`,"final":`), res.Final, raw(`,"steps":`), res.Steps, raw(`,"epochs":`), res.Epochs,
		raw(`,"stop":`), res.Stop, raw(`,"counts":`), res.Counts)
	if res.Trace != nil {
		s.write(raw(`,"trace":`), res.Trace)
	}
	s.write(raw("}\n"))
	if err := s.w.Flush(); s.err == nil {
		s.err = err
	}
	return s.err
}

// CSVStream writes one row per recorded point while the run goes: step,
// epoch, learning rate, the parameters, the batch loss where it was
// computed and the full-data loss where it was evaluated (both empty
// otherwise). Non-finite values are
// written NaN, +Inf or -Inf. A full-data loss can arrive after its point
// (from the next step's pass), so one row is held back until the next
// point or Close.
type CSVStream struct {
	w    *bufio.Writer
	row  []byte
	held bool
	err  error
}

var _ Recorder = (*CSVStream)(nil)

// NewCSVStream writes the header for parameters named names.
func NewCSVStream(w io.Writer, names []string) *CSVStream {
	s := &CSVStream{w: bufio.NewWriter(w)}
	_, s.err = s.w.WriteString("step,epoch,lr," + strings.Join(names, ",") + ",batch_loss,loss\n")
	return s
}

// RecordStep writes the held row and holds this one.
func (s *CSVStream) RecordStep(r *StepRecord) {
	s.flushRow()
	b := strconv.AppendInt(s.row[:0], int64(r.Step), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(r.Epoch), 10)
	b = appendCSVFloat(append(b, ','), r.LR)
	for _, v := range r.After {
		b = appendCSVFloat(append(b, ','), v)
	}
	b = append(b, ',')
	if !math.IsNaN(r.BatchLoss) {
		b = appendCSVFloat(b, r.BatchLoss)
	}
	s.row, s.held = append(b, ','), true
}

// RecordLoss completes the held row with the loss.
func (s *CSVStream) RecordLoss(p LossPoint) {
	if s.held {
		s.row = appendCSVFloat(s.row, float64(p.Loss))
	}
}

func (s *CSVStream) flushRow() {
	if !s.held || s.err != nil {
		return
	}
	s.held = false
	_, s.err = s.w.Write(append(s.row, '\n'))
}

// Close writes the held row, flushes and returns the first error met.
func (s *CSVStream) Close() error {
	s.flushRow()
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

func appendCSVFloat(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'g', -1, 64) }
