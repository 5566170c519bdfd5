package playground

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/render"
)

// codec reads and writes one kind of State value as text (the form of
// URLs and flags) and as JSON. Text is exact: formatting a parsed value and
// parsing it again gives the same value.
type codec[T any] struct {
	// kind describes the text form for help: "true|false", "number", ….
	kind string
	// isBool marks a switch, given on the command line without a value.
	isBool bool
	parse  func(string) (T, error)
	format func(T) string
	// toJSON and fromJSON convert to and from the JSON form; nil means T
	// itself through encoding/json.
	toJSON   func(T) any
	fromJSON func([]byte) (T, error)
}

func (c codec[T]) jsonValue(v T) any {
	if c.toJSON != nil {
		return c.toJSON(v)
	}
	return v
}

func (c codec[T]) readJSON(data []byte) (T, error) {
	if c.fromJSON != nil {
		return c.fromJSON(data)
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return v, fmt.Errorf("want %s", c.kind)
	}
	return v, nil
}

// formatLinkNumber writes v exactly in the shortest form, without the "+" of
// an exponent (which a URL's query would read as a space).
func formatLinkNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'g', -1, 64), "e+", "e", 1)
}

// parseLinkNumber reads a finite number.
func parseLinkNumber(text string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("want a finite number")
	}
	return v, nil
}

var boolCodec = codec[bool]{
	kind: "true or false", isBool: true,
	parse: func(text string) (bool, error) {
		b, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil {
			return false, fmt.Errorf("want 1 or 0 (true or false)")
		}
		return b, nil
	},
	format: func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	},
}

var intCodec = codec[int]{
	kind: "a whole number",
	parse: func(text string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			return 0, fmt.Errorf("want a whole number")
		}
		return n, nil
	},
	format: strconv.Itoa,
}

var numberCodec = codec[float64]{
	kind: "a number", parse: parseLinkNumber, format: formatLinkNumber,
	fromJSON: func(data []byte) (float64, error) {
		var v float64
		if err := json.Unmarshal(data, &v); err != nil {
			return 0, fmt.Errorf("want a finite number")
		}
		return v, nil
	},
}

// numbersCodec reads numbers separated by commas; an empty text is nil.
var numbersCodec = codec[[]float64]{
	kind: "numbers separated by commas",
	parse: func(text string) ([]float64, error) {
		if strings.TrimSpace(text) == "" {
			return nil, nil
		}
		var list []float64
		for _, part := range strings.Split(text, ",") {
			v, err := parseLinkNumber(part)
			if err != nil {
				return nil, fmt.Errorf("want finite numbers separated by commas")
			}
			list = append(list, v)
		}
		return list, nil
	},
	format: func(list []float64) string {
		parts := make([]string, len(list))
		for i, v := range list {
			parts[i] = formatLinkNumber(v)
		}
		return strings.Join(parts, ",")
	},
	fromJSON: func(data []byte) ([]float64, error) {
		var list []float64
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, fmt.Errorf("want an array of finite numbers")
		}
		return list, nil
	},
}

// matchName returns the name of names that text is, ignoring case.
func matchName(text string, names []string) (string, error) {
	text = strings.TrimSpace(text)
	i := slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, text) })
	if i < 0 {
		shown := slices.Clone(names)
		if j := slices.Index(shown, ""); j >= 0 {
			shown[j] = "nothing"
		}
		return "", fmt.Errorf("want one of %s", strings.Join(shown, ", "))
	}
	return names[i], nil
}

// nameCodec reads one of names, ignoring case; names is called when a
// value is read (registries fill up in init functions).
func nameCodec(names func() []string) codec[string] {
	return codec[string]{
		kind:   "a name",
		parse:  func(text string) (string, error) { return matchName(text, names()) },
		format: func(s string) string { return s },
		fromJSON: func(data []byte) (string, error) {
			var s string
			if err := json.Unmarshal(data, &s); err != nil {
				return "", fmt.Errorf("want one of %s", strings.Join(names(), ", "))
			}
			return matchName(s, names())
		},
	}
}

// choiceCodec reads one of names as its index, ignoring case; in JSON it
// is the name.
func choiceCodec[T ~int](names []string) codec[T] {
	parse := func(text string) (T, error) {
		n, err := matchName(text, names)
		return T(slices.Index(names, n)), err
	}
	format := func(v T) string {
		if int(v) < 0 || int(v) >= len(names) {
			return strconv.Itoa(int(v))
		}
		return names[v]
	}
	return codec[T]{
		kind: strings.Join(names, "|"), parse: parse, format: format,
		toJSON: func(v T) any { return format(v) },
		fromJSON: func(data []byte) (T, error) {
			var s string
			if err := json.Unmarshal(data, &s); err != nil {
				return 0, fmt.Errorf("want one of %s", strings.Join(names, ", "))
			}
			return parse(s)
		},
	}
}

// namesCodec reads a set of names separated by commas (in JSON an array),
// ignoring case, and writes them in the order of names.
func namesCodec(names func() []string) codec[[]string] {
	canonical := func(list []string) ([]string, error) {
		all := names()
		set := []string{}
		for _, text := range list {
			if strings.TrimSpace(text) == "" {
				continue
			}
			n, err := matchName(text, all)
			if err != nil {
				return nil, fmt.Errorf("%q: %w", text, err)
			}
			set = append(set, n)
		}
		return slices.DeleteFunc(slices.Clone(all), func(n string) bool { return !slices.Contains(set, n) }), nil
	}
	return codec[[]string]{
		kind:   "names separated by commas",
		parse:  func(text string) ([]string, error) { return canonical(strings.Split(text, ",")) },
		format: func(list []string) string { return strings.Join(list, ",") },
		fromJSON: func(data []byte) ([]string, error) {
			var list []string
			if err := json.Unmarshal(data, &list); err != nil {
				return nil, fmt.Errorf("want an array of names")
			}
			return canonical(list)
		},
	}
}

// cameraCodec reads the camera as yaw, pitch and distance.
var cameraCodec = codec[render.Camera]{
	kind: "yaw,pitch,distance",
	parse: func(text string) (render.Camera, error) {
		v, err := numbersCodec.parse(text)
		if err != nil || len(v) != 3 {
			return render.Camera{}, fmt.Errorf("want three numbers: yaw,pitch,distance")
		}
		return render.Camera{Yaw: v[0], Pitch: v[1], Distance: v[2]}, nil
	},
	format: func(c render.Camera) string { return numbersCodec.format([]float64{c.Yaw, c.Pitch, c.Distance}) },
	toJSON: func(c render.Camera) any { return []float64{c.Yaw, c.Pitch, c.Distance} },
	fromJSON: func(data []byte) (render.Camera, error) {
		v, err := numbersCodec.fromJSON(data)
		if err != nil || len(v) != 3 {
			return render.Camera{}, fmt.Errorf("want three numbers: [yaw, pitch, distance]")
		}
		return render.Camera{Yaw: v[0], Pitch: v[1], Distance: v[2]}, nil
	},
}

// hyperCodec reads one hyperparameter: a number, or for a switch 1 or 0
// (true or false in JSON).
func hyperCodec(isBool bool) codec[float64] {
	if !isBool {
		return numberCodec
	}
	return codec[float64]{
		kind: "true or false", isBool: true,
		parse: func(text string) (float64, error) {
			b, err := boolCodec.parse(text)
			return boolValue(b), err
		},
		format: func(v float64) string { return boolCodec.format(v != 0) },
		toJSON: func(v float64) any { return v != 0 },
		fromJSON: func(data []byte) (float64, error) {
			var b bool
			if err := json.Unmarshal(data, &b); err != nil {
				return 0, fmt.Errorf("want true or false")
			}
			return boolValue(b), nil
		},
	}
}
