package main

import (
	"slices"
	"strings"
	"testing"
)

// TestMessagesQuoteAndCutValues gives each command a long value and a
// value with a newline where it reports one back: the message must stay
// one line and must not echo the whole value, except a --config path,
// which is echoed whole (control characters escaped) so that the Python
// package can take its temporary file's path out of the message.
func TestMessagesQuoteAndCutValues(t *testing.T) {
	long := strings.Repeat("x", 5000)
	for _, v := range []string{long, "a\nb"} {
		for _, args := range [][]string{
			{v},
			{"version", v},
			{"run", v},
			{"run", "--format", v},
			{"run", "--backend", v},
			{"sweep", "--param", "lr=0.1,1", v},
			{"sweep", "--param", "lr=0.1,1", "--format", v},
			{"sweep", "--param", "lr=0.1,1", "--backend", v},
			{"sweep", "--param", "lr=0.1,1", "--config", v},
			{"grid", "--config", v, "--x", "0,1", "--y", "0,1"},
			{"grid", "--" + v},
			{"run", "--config", v},
		} {
			out, errOut, code := runCLI(args...)
			name := strings.Join(args, " ")
			if len(name) > 60 {
				name = name[:60] + "…"
			}
			limit := 400
			if slices.Contains(args, "--config") {
				limit += len(v)
			}
			if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || len(errOut) > limit {
				t.Errorf("%q: exit %d, stdout %q, stderr of %d bytes on %d lines: %.300q",
					name, code, out, len(errOut), strings.Count(errOut, "\n"), errOut)
			}
		}
	}
}
