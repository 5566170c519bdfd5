package main

import (
	"os"
	"strings"
	"testing"
)

// argsEnv carries a command line to the test binary run as "descent": the
// window must run on the process's main thread, so the screenshot test runs
// the program in a child process (and the memory tests measure one).
const argsEnv = "DESCENT_TEST_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(argsEnv); args != "" {
		os.Exit(realMain(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
