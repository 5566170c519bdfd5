//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileInputs checks that inputs which used to exhaust memory, block
// or flood the terminal are refused at once, in one line naming the limit
// or the problem, with exit status 2.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.csv")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, "long.csv")
	os.WriteFile(long, []byte("x,y\n"+strings.Repeat("7", 3<<20)+",1\n"), 0o644)
	wide := filepath.Join(dir, "wide.csv")
	os.WriteFile(wide, []byte(strings.Repeat("c,", 2000)+"y\n"), 0o644)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("x,y\n"+strings.Repeat("z", 5000)+",1\n"), 0o644)
	trailing := filepath.Join(dir, "run.json")
	os.WriteFile(trailing, []byte(`{"model":"surface"} {"model":"linreg"}`), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"run", "--config", "/dev/zero"}, "not a regular file"},
		{[]string{"run", "--config", ""}, "--config"},
		{[]string{"--state", "/dev/zero"}, "not a regular file"},
		{[]string{"--state", fifo}, "not a regular file"},
		{[]string{"run", "--config", fifo}, "not a regular file"},
		{[]string{"run", "--data", fifo}, "not a regular file"},
		{[]string{"run", "--data", zero}, "not a regular file"},
		{[]string{"run", "--data", long}, "longer than the limit"},
		{[]string{"run", "--data", wide}, "more than the limit of 1024"},
		{[]string{"run", "--data", bad}, "…"},
		{[]string{"run", "--config", trailing}, "after"},
		{[]string{"run", "--data", "linear", "--n", "100000000", "--features", "64"}, "--n 100000000"},
	}
	for _, c := range cases {
		if c.args[0] != "run" && !hasWindow {
			continue
		}
		start := time.Now()
		out, errOut, code := runCLI(c.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) || strings.Count(errOut, "\n") != 1 || len(errOut) > 400 {
			t.Errorf("%v: exit %d, stderr %.300q; want exit 2 and one short line containing %q", c.args, code, errOut, c.want)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%v took %v", c.args, d)
		}
	}
}
