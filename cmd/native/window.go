//go:build !nogui

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/playground"
)

// windowCommand opens the playground in a window: "descent" with no
// command, or with its flags.
func windowCommand(args []string, stdout, stderr io.Writer) int {
	opts, code := windowOptions(args, stdout, stderr)
	if code >= 0 {
		return code
	}
	g, err := playground.NewGame(opts)
	if err != nil {
		fmt.Fprintf(stderr, "descent: %v\n", err)
		return 2
	}
	ebiten.SetWindowTitle("Descent")
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if err := ebiten.RunGame(g); err != nil {
		fmt.Fprintf(stderr, "descent: %v\n", err)
		return 1
	}
	return 0
}

// windowOptions reads the window's command line: the state to open (from
// --url or --state, then the state's own flags over it) and the window's
// flags. It returns an exit status ≥ 0 when the program should end
// there (after -h, or bad input), else -1. Settings of a link or a state
// file that cannot be used are reported on stderr and left at their
// defaults; a flag that cannot be used is an error.
func windowOptions(args []string, stdout, stderr io.Writer) (playground.Options, int) {
	fs := flag.NewFlagSet("descent", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	link := fs.String("url", "", "open the state of a page's link (the page writes it to its address as it changes)")
	stateFile := fs.String("state", "", "open the state in a JSON file (as the page's window.descent.getState() writes it)")
	useGPU := fs.Bool("gpu", false, "use the GPU backend")
	shot := fs.String("screenshot", "", "write the screen to this PNG after --frames frames, then quit")
	frames := fs.Int("frames", 60, "frames to run before --screenshot, --gif or --export-run")
	historyDir := fs.String("history", "", "keep the run history in this folder, one JSON file a run, exports beside it (default $DESCENT_HISTORY, else descent/history in the user's configuration folder; off: keep none)")
	exp := registerExportFlags(fs)
	windowFlags := map[string]bool{"url": true, "state": true, "gpu": true, "screenshot": true, "frames": true, "history": true}
	for _, name := range exportFlagNames {
		windowFlags[name] = true
	}
	stateFlags := playground.RegisterStateFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			windowUsage(stdout, fs, windowFlags)
			return playground.Options{}, 0
		}
		fmt.Fprintf(stderr, "descent: %v\n", err)
		return playground.Options{}, 2
	}
	if *frames < 1 {
		fmt.Fprintf(stderr, "descent: --frames %d: want at least 1\n", *frames)
		return playground.Options{}, 2
	}
	if err := exp.check(); err != nil {
		fmt.Fprintf(stderr, "descent: %v\n", err)
		return playground.Options{}, 2
	}
	if *link != "" && *stateFile != "" {
		fmt.Fprintln(stderr, "descent: give --url or --state, not both")
		return playground.Options{}, 2
	}
	st, _ := playground.DefaultState(playground.DefaultScenario)
	var err error
	switch {
	case *link != "":
		st, err = playground.DecodeLink(*link)
	case *stateFile != "":
		data, rerr := readLimited(*stateFile, compute.MaxConfigFileBytes)
		if rerr != nil {
			fmt.Fprintf(stderr, "descent: --state: %v\n", rerr)
			return playground.Options{}, 2
		}
		st, err = playground.DecodeStateJSON(data)
	}
	if err != nil {
		fmt.Fprintf(stderr, "descent: %v\n", err)
	}
	if st, err = stateFlags.Apply(st); err != nil {
		fmt.Fprintf(stderr, "descent: %v\n", err)
		return playground.Options{}, 2
	}
	store, err := historyStore(*historyDir)
	if err != nil {
		fmt.Fprintf(stderr, "descent: --history: %v\n", err)
	}
	opts := playground.Options{State: &st, GPU: *useGPU, ScreenshotPath: *shot, ScreenshotFrames: *frames, History: store}
	exp.apply(&opts)
	return opts, -1
}

// windowUsage lists the window's flags, then the state's shared flags;
// the racers' flags are summarised in one line, as they are one per
// optimizer and hyperparameter.
func windowUsage(w io.Writer, fs *flag.FlagSet, windowFlags map[string]bool) {
	usage(w)
	list := func(keep func(*flag.Flag) bool) {
		fs.VisitAll(func(f *flag.Flag) {
			if keep(f) {
				fmt.Fprintf(w, "  --%s\n    \t%s\n", f.Name, f.Usage)
			}
		})
	}
	fmt.Fprintln(w, "\nplayground flags:")
	list(func(f *flag.Flag) bool { return windowFlags[f.Name] })
	fmt.Fprintln(w, "\nstate flags (applied over --url or --state; the same settings as a link's keys):")
	list(func(f *flag.Flag) bool { return !windowFlags[f.Name] && !strings.Contains(f.Name, ".") })
	fmt.Fprintln(w, `  --OPTIMIZER.KEY
    	a racer's hyperparameter or per-parameter rates, e.g. --adam.lr 0.01,
    	--adam.beta1 0.8, --adam.amsgrad, --adam.lr-scales 1,0.5 ("descent run -h"
    	lists the hyperparameters)`)
}
