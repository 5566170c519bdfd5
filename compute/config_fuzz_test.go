package compute

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzConfigJSON checks the Config decoder on any input: it never panics,
// a Config it accepts survives encoding and decoding unchanged, and
// validating it (which allocates nothing) never panics either.
func FuzzConfigJSON(f *testing.F) {
	f.Add(`{"model":"surface","surface":"rosenbrock","optimizer":"adam","lr":0.1,"amsgrad":true,"steps":20}`)
	f.Add(`{"data":"linear","n":100,"variant":"minibatch","batch_size":8,"shuffle":true,"full_loss":"3"}`)
	f.Add(`{"optimizer":"rprop","eta_minus":0.4,"step_max":1e-9,"lr_scales":[1,2]}`)
	f.Add(`{"lr":null}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, in string) {
		var c Config
		if err := json.Unmarshal([]byte(in), &c); err != nil {
			return
		}
		out, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("%s: accepted but not written back: %v", in, err)
		}
		var back Config
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s → %s: not read back: %v", in, out, err)
		}
		if !reflect.DeepEqual(c, back) {
			t.Fatalf("%s: round trip changed %+v into %+v", in, c, back)
		}
		_ = c.WithDefaults().Validate()
	})
}
