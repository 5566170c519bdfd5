package compute

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestEveryFieldIsValidated has, for every key a Config reads (its own
// fields and every registered hyperparameter), configs that must be
// refused with an error naming that key: a bad value, an explicit 0 or ""
// that would otherwise read as "unset", a field the run does not use, NaN
// or ±Inf where a finite number is meant. It fails when a key has no case,
// so a new field cannot go unvalidated. Nothing is built for a refused
// config.
func TestEveryFieldIsValidated(t *testing.T) {
	cases := map[string][]string{
		"model":        {`{"model":"tree"}`, `{"model":""}`},
		"surface":      {`{"model":"surface","surface":"moon"}`, `{"surface":"booth"}`, `{"model":"surface","surface":""}`},
		"data":         {`{"data":"table.txt"}`, `{"data":""}`, `{"model":"logreg","data":"classic"}`},
		"target":       {`{"target":"y"}`, `{"data":"linear","target":""}`},
		"n":            {`{"data":"linear","n":-5}`, `{"data":"linear","n":0}`, `{"n":5}`, `{"data":"linear","n":100000000,"features":64}`},
		"features":     {`{"data":"linear","features":65}`, `{"data":"blobs","features":3}`, `{"features":2}`, `{"data":"linear","features":0}`},
		"slope":        {`{"data":"linear","slope":1e999}`, `{"slope":2}`},
		"intercept":    {`{"intercept":1}`},
		"noise":        {`{"data":"linear","noise":-1}`, `{"model":"surface","noise":1}`},
		"seed":         {`{"model":"surface","seed":3}`, `{"data":"linear","seed":0}`, `{"seed":-1}`, `{"data":"classic","seed":5}`},
		"l1":           {`{"l1":-1}`},
		"l2":           {`{"l2":-0.5}`},
		"optimizer":    {`{"optimizer":"lbfgs"}`, `{"optimizer":""}`},
		"lr_scales":    {`{"lr_scales":[1,0]}`, `{"lr_scales":[1,2,3]}`, `{"lr_scales":[]}`},
		"schedule":     {`{"schedule":"linear"}`, `{"schedule":""}`},
		"step_size":    {`{"schedule":"step","step_size":-1}`, `{"schedule":"step","step_size":0}`, `{"step_size":10}`},
		"gamma":        {`{"schedule":"step","gamma":2}`, `{"gamma":0.5}`},
		"decay":        {`{"schedule":"inverse-time","decay":-1}`, `{"decay":0.1}`},
		"t_max":        {`{"schedule":"cosine","t_max":-1}`, `{"t_max":10}`, `{"schedule":"cosine","t_max":0}`},
		"eta_min":      {`{"schedule":"cosine","eta_min":-1}`, `{"eta_min":0.1}`},
		"variant":      {`{"variant":"full"}`, `{"variant":""}`, `{"model":"surface","variant":"sgd"}`},
		"batch_size":   {`{"variant":"minibatch","batch_size":0}`, `{"variant":"batch","batch_size":4}`},
		"shuffle":      {`{"shuffle":true}`},
		"start":        {`{"start":[1,2,3]}`},
		"steps":        {`{"steps":-1}`, `{"steps":0}`, `{"steps":5,"epochs":5}`},
		"epochs":       {`{"epochs":-1}`, `{"epochs":0}`},
		"record_every": {`{"record_every":-2}`, `{"record_every":0}`},
		"full_loss":    {`{"full_loss":"sometimes"}`, `{"full_loss":""}`, `{"full_loss":"0"}`},
	}
	for _, spec := range Optimizers() {
		for _, h := range spec.Hypers {
			bad := `{"optimizer":"` + spec.Name + `","` + h.Key + `":`
			switch {
			case h.Bool:
				cases[h.Key] = append(cases[h.Key], bad+`2}`, bad+`null}`)
			default:
				cases[h.Key] = append(cases[h.Key], bad+`-1e300}`, bad+`1e999}`, bad+`null}`)
			}
			if other := otherOptimizer(h.Key); other != "" {
				cases[h.Key] = append(cases[h.Key], `{"optimizer":"`+other+`","`+h.Key+`":0.5}`)
			}
		}
	}
	keys := append(configKeys(), HyperKeys()...)
	for _, key := range keys {
		if len(cases[key]) == 0 {
			t.Errorf("no case refuses a bad %s: add one", key)
		}
	}
	for key, inputs := range cases {
		if !slices.Contains(keys, key) {
			t.Errorf("case for %q, which is not a key of a Config", key)
		}
		for _, in := range inputs {
			var c Config
			err := json.Unmarshal([]byte(in), &c)
			var r *Run
			if err == nil {
				r, err = c.Build(nil)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != key || !strings.Contains(err.Error(), key) {
				t.Errorf("%s: error %v, want one naming %s", in, err, key)
			}
			if r != nil {
				t.Errorf("%s: built a run despite the error", in)
			}
		}
	}
}

// otherOptimizer returns a registered optimizer that does not take key.
func otherOptimizer(key string) string {
	for _, spec := range Optimizers() {
		if _, ok := spec.Hyper(key); !ok {
			return spec.Name
		}
	}
	return ""
}
