package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSweepInterrupted sends Ctrl-C (SIGINT) to a sweep in a child process
// while its trials run: it must print the trials that finished (the table
// and the best so far), say on one line that it was interrupted and how
// many trials ran, and exit 1, as the README says.
func TestSweepInterrupted(t *testing.T) {
	args := []string{"sweep", "--data", "linear", "--n", "100000", "--epochs", "3000", "--workers", "1",
		"--param", "lr=1e-3:1e-2", "--trials", "200"}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), argsEnv+"="+strings.Join(args, "\x1f"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	msg := errb.String()
	if code != 1 || strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "descent sweep: interrupted after ") || !strings.HasSuffix(msg, " of 200 trials\n") {
		t.Errorf("exit %d, stderr %q; want exit 1 and one line \"descent sweep: interrupted after N of 200 trials\"", code, msg)
	}
	if !strings.Contains(out.String(), "rank") || !strings.Contains(out.String(), "best: lr=") {
		t.Errorf("stdout %q, want the table of the finished trials and the best", out.String())
	}
}
