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

// TestConfigThatIsARunResult passes descent run --out's file (a
// descent.run/v1 document) as --config, as the README's two "run.json"
// lines invite: the message must say what the file is.
func TestConfigThatIsARunResult(t *testing.T) {
	t.Chdir(t.TempDir())
	if _, errOut, code := runCLI("run", "--epochs", "3", "--out", "run.json"); code != 0 {
		t.Fatalf("--out: exit %d, %q", code, errOut)
	}
	want := `--config run.json: a "descent.run/v1" document, not a Config (its "config" object is one)`
	for _, cmd := range []string{"run", "sweep", "grid"} {
		args := []string{cmd, "--config", "run.json"}
		if cmd == "sweep" {
			args = append(args, "--param", "lr=0.1,1")
		}
		if cmd == "grid" {
			args = append(args, "--x", "0,1", "--y", "0,1")
		}
		_, errOut, code := runCLI(args...)
		if code != 2 || errOut != "descent "+cmd+": "+want+"\n" {
			t.Errorf("%s: exit %d, stderr %q; want %q", cmd, code, errOut, want)
		}
	}
}
