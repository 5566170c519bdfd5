package compute

import (
	"math"
	"strconv"
	"strings"
)

// The Python beside each definition. Every optimizer's spec, every
// schedule and every surface carries what an export (a notebook, a PyTorch
// script) needs to reproduce it in Python: the torch.optim class and its
// keyword arguments, the numpy update, the schedule's closed form and
// torch scheduler, the surface's function and gradient. This file holds
// the small helpers they share.

// PyFloat writes v as a Python float literal that reads back as exactly v:
// the shortest decimal that round-trips, with ".0" added to whole numbers
// and float("inf") for infinities.
func PyFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return `float("nan")`
	case math.IsInf(v, 1):
		return `float("inf")`
	case math.IsInf(v, -1):
		return `-float("inf")`
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// PyBool writes b as Python's True or False.
func PyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// PyHyper writes the value of a hyperparameter as a Python literal: a
// switch as True or False, any other value as a float.
func PyHyper(key string, v float64) string {
	if h, ok := HyperByKey(key); ok && h.Bool {
		return PyBool(v != 0)
	}
	return PyFloat(v)
}

// pyKwargs writes key=value for each key, in order, as Python keyword
// arguments.
func pyKwargs(h Hypers, keys ...string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + PyHyper(k, h[k])
	}
	return strings.Join(parts, ", ")
}

// pyPair writes (a, b) as a Python tuple of floats.
func pyPair(a, b float64) string { return "(" + PyFloat(a) + ", " + PyFloat(b) + ")" }
