package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestLengthFlagOverridesConfig checks that a flag for the run's length
// overrides the other length in a --config file ("flags override it"):
// a file with epochs and the flag --steps runs the steps.
func TestLengthFlagOverridesConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.json")
	if err := os.WriteFile(path, []byte(`{"epochs": 50}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		flags []string
		steps int
	}{{[]string{"--steps", "7"}, 7}, {[]string{"--epochs", "3"}, 3}} {
		out, errOut, code := runCLI(append([]string{"run", "--config", path, "--format", "json"}, tc.flags...)...)
		var res compute.Result
		if code != 0 || json.Unmarshal([]byte(out), &res) != nil {
			t.Fatalf("%v: exit %d: %s", tc.flags, code, errOut)
		}
		if res.Steps != tc.steps {
			t.Errorf("%v over a file of 50 epochs: %d steps, want %d", tc.flags, res.Steps, tc.steps)
		}
	}
	if _, errOut, code := runCLI("run", "--steps", "3", "--epochs", "3"); code != 2 || !strings.Contains(errOut, "not both") {
		t.Errorf("--steps and --epochs together: exit %d, %q; want 2 and a refusal", code, errOut)
	}
}

// TestSweepOfListsIsAGrid checks the sweep's default method: a grid when
// every parameter is a list (random draws would repeat the values), else
// random search.
func TestSweepOfListsIsAGrid(t *testing.T) {
	count := func(args ...string) int {
		out, errOut, code := runCLI(append([]string{"sweep", "--epochs", "20", "--format", "csv"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return strings.Count(strings.TrimSpace(out), "\n") // rows after the header
	}
	if n := count("--param", "lr=0.001,0.01,0.1"); n != 3 {
		t.Errorf("a list of 3 learning rates ran %d trials, want the 3 of a grid", n)
	}
	if n := count("--param", "lr=0.001:0.1", "--trials", "5"); n != 5 {
		t.Errorf("a range with --trials 5 ran %d trials, want 5 random ones", n)
	}
}
