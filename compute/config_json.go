package compute

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
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
// hyperparameter key, each spelled exactly (no other case) and given once.
// Unknown keys, duplicates and anything after the object are errors, and
// so are an explicit 0, "" or [] where they mean nothing (0, "" and an
// empty list are how a Config says "unset", so that a default applies).
func (c *Config) UnmarshalJSON(data []byte) error {
	raw, err := objectFields(data)
	if err != nil {
		return err
	}
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		if _, ok := HyperByKey(key); !ok && !slices.Contains(configKeys(), key) {
			return fieldErr("key", key, "unknown (keys are spelled as the flags of descent run -h, with _ for -)")
		}
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
	rest, err := json.Marshal(raw)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(rest))
	dec.DisallowUnknownFields()
	var f configFields
	if err := dec.Decode(&f); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fieldErr(te.Field, te.Value, "want %s", jsonKind(te.Type))
		}
		return err
	}
	if err := explicitZeros(f, raw); err != nil {
		return err
	}
	*c = Config(f)
	if len(hyper) > 0 {
		c.Hyper = hyper
	}
	return nil
}

// objectFields splits a JSON object into its fields, refusing a repeated
// key and anything after the object.
func objectFields(data []byte) (map[string]json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("config: want a JSON object")
	}
	fields := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		key := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("config: %s: %w", key, err)
		}
		if _, dup := fields[key]; dup {
			return nil, fieldErr("key", key, "given twice")
		}
		fields[key] = v
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("config: data after the object")
	}
	return fields, nil
}

// configKeys returns the JSON keys of Config's own fields, from their tags.
func configKeys() []string {
	var keys []string
	t := reflect.TypeFor[configFields]()
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

// explicitZeros refuses a whole number given as 0, a string given as "" and
// a list given as [] in JSON: in a Config they mean "unset", and a user who
// typed them meant something else.
func explicitZeros(f configFields, raw map[string]json.RawMessage) error {
	v := reflect.ValueOf(f)
	t := v.Type()
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if _, given := raw[key]; !given {
			continue
		}
		switch fv := v.Field(i); fv.Kind() {
		case reflect.Int, reflect.Uint64:
			if fv.IsZero() {
				return fieldErr(key, 0, "want a whole number ≥ 1 (leave it out for the default)")
			}
		case reflect.String:
			if fv.IsZero() {
				return fieldErr(key, `""`, "want a value (leave it out for the default)")
			}
		case reflect.Slice:
			if fv.Len() == 0 {
				return fieldErr(key, "[]", "want at least one number (leave it out for the default)")
			}
		}
	}
	return nil
}

// jsonKind says in words what a Go type of Config takes in JSON.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int:
		return "a whole number"
	case reflect.Uint64:
		return "a whole number ≥ 1"
	case reflect.Float64, reflect.Pointer:
		return "a finite number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "an array of finite numbers"
	}
	return t.String()
}
