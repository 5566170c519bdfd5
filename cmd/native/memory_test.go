//go:build linux

package main

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// maxRSS runs the test binary as "descent" with args, its standard output
// going to out, and returns its peak resident set size in bytes.
func maxRSS(t *testing.T, out io.Writer, args ...string) int64 {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), argsEnv+"="+strings.Join(args, "\x1f"))
	cmd.Stdout = out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss * 1024
}

// countingWriter counts the bytes and lines written to it and keeps none.
type countingWriter struct{ bytes, lines int }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.bytes += len(p)
	c.lines += strings.Count(string(p), "\n")
	return len(p), nil
}

// TestLongRunStaysSmall runs 10⁷ steps on a surface with text output and
// checks that the process stays under 64 MB resident: the path is thinned
// and nothing grows with the run.
func TestLongRunStaysSmall(t *testing.T) {
	rss := maxRSS(t, io.Discard, "run", "--model", "surface", "--surface", "bowl", "--lr", "1e-4", "--steps", "10000000")
	t.Logf("10⁷ steps, text output: peak RSS %.1f MB", float64(rss)/1e6)
	if rss > 64<<20 {
		t.Errorf("peak RSS %d bytes, want under 64 MB", rss)
	}
}

// TestJSONStreams checks that JSON output of a long run streams: the
// process's peak memory for 2.5·10⁵ and 10⁶ steps is about the same
// although the output is four times longer (a path kept whole would add
// 36 MB).
func TestJSONStreams(t *testing.T) {
	var rss [2]int64
	var sizes [2]int
	for i, steps := range []string{"250000", "1000000"} {
		w := &countingWriter{}
		rss[i] = maxRSS(t, w, "run", "--model", "surface", "--surface", "bowl", "--lr", "1e-4",
			"--steps", steps, "--format", "json")
		sizes[i] = w.bytes
	}
	t.Logf("JSON of 2.5·10⁵ steps: %d bytes, peak RSS %.1f MB; of 10⁶: %d bytes, %.1f MB",
		sizes[0], float64(rss[0])/1e6, sizes[1], float64(rss[1])/1e6)
	if sizes[1] < 3*sizes[0] {
		t.Fatalf("output did not grow with the run: %d then %d bytes", sizes[0], sizes[1])
	}
	if rss[1] > rss[0]+16<<20 {
		t.Errorf("peak RSS grew from %d to %d bytes with the output", rss[0], rss[1])
	}
}
