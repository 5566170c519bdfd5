package compute

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// configFields is Config without its methods, so that encoding/json handles
// the ordinary fields.
type configFields Config

// MarshalJSON writes the Config's fields and, at the same level, each set
// hyperparameter under its key (switches as true or false), keys sorted.
func (c Config) MarshalJSON() ([]byte, error) {
	base, err := json.Marshal(configFields(c))
	if err != nil || len(c.Hyper) == 0 {
		return base, err
	}
	var buf bytes.Buffer
	buf.Write(base[:len(base)-1])
	for _, key := range slices.Sorted(maps.Keys(c.Hyper)) {
		if buf.Len() > 1 {
			buf.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		buf.Write(k)
		buf.WriteByte(':')
		v := c.Hyper[key]
		h, _ := HyperByKey(key)
		var val []byte
		if h.Bool {
			val, err = json.Marshal(v != 0)
		} else {
			val, err = json.Marshal(v)
		}
		if err != nil {
			return nil, fmt.Errorf("config: %s: %w", key, err)
		}
		buf.Write(val)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// UnmarshalJSON reads a Config: its own fields and any registered
// hyperparameter key. Unknown keys are errors, and so is an explicit
// batch_size of 0 (the size of a batch is at least 1).
func (c *Config) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	hyper := Hypers{}
	for key, val := range raw {
		h, ok := HyperByKey(key)
		if !ok {
			continue
		}
		if string(bytes.TrimSpace(val)) == "null" {
			return fieldErr(key, "null", "want %s", map[bool]string{true: "true or false", false: "a number"}[h.Bool])
		}
		if h.Bool {
			var b bool
			if err := json.Unmarshal(val, &b); err != nil {
				return fieldErr(key, string(val), "want true or false")
			}
			hyper[key] = 0
			if b {
				hyper[key] = 1
			}
		} else {
			var f float64
			if err := json.Unmarshal(val, &f); err != nil {
				return fieldErr(key, string(val), "want a number")
			}
			hyper[key] = f
		}
		delete(raw, key)
	}
	if v, ok := raw["batch_size"]; ok {
		var n float64
		if json.Unmarshal(v, &n) == nil && n == 0 {
			return fieldErr("batch_size", 0, "want ≥ 1")
		}
	}
	rest, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(rest))
	dec.DisallowUnknownFields()
	var f configFields
	if err := dec.Decode(&f); err != nil {
		return err
	}
	*c = Config(f)
	if len(hyper) > 0 {
		c.Hyper = hyper
	}
	return nil
}
