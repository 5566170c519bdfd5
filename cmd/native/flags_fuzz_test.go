package main

import (
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// FuzzRunFlags checks the command line's flag parsing on any arguments
// (separated by NUL in the input): parsing, applying and validating never
// panic, and a refused value is reported in one line.
func FuzzRunFlags(f *testing.F) {
	f.Add("--optimizer\x00adam\x00--lr\x000,1")
	f.Add("--lr-scales\x001,nan\x00--start\x00-1.5,2")
	f.Add("--batch-size\x000\x00--variant\x00minibatch")
	f.Add("--amsgrad\x00--full-loss\x00every\x00--record-every\x00-3")
	f.Fuzz(func(t *testing.T, in string) {
		args := strings.Split(in, "\x00")
		fs := flag.NewFlagSet("descent run", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var given []setting
		registerConfigFlags(fs, &given)
		if err := fs.Parse(args); err != nil {
			if msg := flagError("descent run", err); strings.Contains(msg, "\n") {
				t.Fatalf("%q: a message of several lines: %q", args, msg)
			}
			return
		}
		var c compute.Config
		if err := applySettings(&c, given); err != nil {
			return
		}
		if err := c.WithDefaults().Validate(); err != nil && strings.Contains(flagSpelling(err), "\n") {
			t.Fatalf("%q: a message of several lines: %q", args, flagSpelling(err))
		}
	})
}
