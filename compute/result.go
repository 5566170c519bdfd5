package compute

import (
	"encoding/json"
	"math"
	"strconv"
)

// ResultSchema names the version of the Result format.
const ResultSchema = "descent.run/v1"

// Result is a run as the command line prints it (--format json), the
// page's JavaScript bridge returns it and the Python package reads it: one
// versioned format, written with encoding/json.
type Result struct {
	// Schema is ResultSchema.
	Schema string `json:"schema"`
	// Config is the configuration with its defaults filled in.
	Config Config `json:"config"`
	// ParamNames names the parameters, in the order of every vector.
	ParamNames []string `json:"param_names"`
	// Path is the recorded path, the start first, thinned on long runs.
	Path []PathPoint `json:"path"`
	// Loss is the full-data loss plus penalty where the policy evaluated
	// it.
	Loss []LossPoint `json:"loss"`
	// Final is the parameters at the end.
	Final Floats `json:"final"`
	// Steps and Epochs are the steps taken and epochs completed.
	Steps  int `json:"steps"`
	Epochs int `json:"epochs"`
	// Stop says why the run stopped.
	Stop StopReason `json:"stop"`
	// Counts is what the run evaluated.
	Counts Counts `json:"counts"`
	// Trace is the optimizer's state after its latest step, when asked
	// for.
	Trace []Quantity `json:"trace,omitempty"`
}

// Float is a float64 that JSON writes as null when it is not finite (and
// reads back from null as NaN).
type Float float64

// MarshalJSON writes f in the shortest form that reads back exactly, or
// null.
func (f Float) MarshalJSON() ([]byte, error) { return appendJSONFloat(nil, float64(f)), nil }

// UnmarshalJSON reads a number or null (NaN).
func (f *Float) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = Float(math.NaN())
		return nil
	}
	var v float64
	err := json.Unmarshal(b, &v)
	*f = Float(v)
	return err
}

// Floats is a vector that JSON writes with null for non-finite values.
type Floats []float64

// MarshalJSON writes the vector as an array.
func (v Floats) MarshalJSON() ([]byte, error) {
	if v == nil {
		return []byte("null"), nil
	}
	return appendJSONFloats(nil, v), nil
}

// UnmarshalJSON reads an array of numbers and nulls.
func (v *Floats) UnmarshalJSON(b []byte) error {
	var fs []Float
	if err := json.Unmarshal(b, &fs); err != nil {
		return err
	}
	if fs == nil {
		*v = nil
		return nil
	}
	out := make(Floats, len(fs))
	for i, f := range fs {
		out[i] = float64(f)
	}
	*v = out
	return nil
}

func appendJSONFloat(buf []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(buf, "null"...)
	}
	return strconv.AppendFloat(buf, f, 'g', -1, 64)
}

func appendJSONFloats(buf []byte, v []float64) []byte {
	buf = append(buf, '[')
	for i, f := range v {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONFloat(buf, f)
	}
	return append(buf, ']')
}
