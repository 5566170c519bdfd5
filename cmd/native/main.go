// Command descent is Descent's native program. "descent" opens the
// playground in a window; "descent run" trains without a window and prints
// the result; see "descent help".
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/descent-playground/descent/compute"
)

func main() {
	os.Exit(realMain(os.Args[1:], os.Stdout, os.Stderr))
}

// realMain runs the command line and returns the exit status: 0 on success,
// 1 when a run stopped early (diverged or non-finite), 2 for bad input.
func realMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "-help" && args[0] != "--version" && args[0] != "-version" {
		return windowCommand(args, stdout, stderr)
	}
	switch args[0] {
	case "run":
		return runCommand(args[1:], stdout, stderr)
	case "sweep":
		return sweepCommand(args[1:], stdout, stderr)
	case "grid":
		return gridCommand(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		usage(stdout)
		return 0
	case "version", "--version", "-version":
		if len(args) > 1 {
			fmt.Fprintf(stderr, "descent version: unexpected argument %s\n", compute.QuoteString(args[1]))
			return 2
		}
		fmt.Fprintln(stdout, "descent", version)
		return 0
	}
	fmt.Fprintf(stderr, "descent: unknown command %s (want run, sweep, grid, version or help)\n", compute.QuoteString(args[0]))
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Descent, a gradient-descent playground.

usage:
  descent [flags]        open the playground (--scenario, --play, --screenshot)
  descent run [flags]    train without a window and print the result
  descent sweep [flags]  search hyperparameters: --param lr=1e-4:1 (see descent sweep -h)
  descent grid [flags]   print a two-parameter model's loss over a rectangle (JSON)
  descent help           show this text
  descent version        print the version

"descent run -h" lists the run flags. With no flags, descent run is the
classic example: linear regression on five points, plain gradient descent,
learning rate 0.01, 1000 epochs.
`)
}
