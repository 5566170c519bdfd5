package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/playground"
)

// windowCommand opens the playground in a window: "descent" with no
// command, or with its flags.
func windowCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("descent", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	scenario := fs.String("scenario", "rosenbrock", "scenario: "+strings.Join(playground.ScenarioNames(), "|"))
	play := fs.Bool("play", false, "start the race at once")
	show3D := fs.Bool("3d", false, "open the 3-D view")
	view := fs.String("view", "race", "view: "+strings.Join(playground.ViewNames, "|")+" (maps are of test surfaces)")
	useGPU := fs.Bool("gpu", false, "use the GPU backend")
	shot := fs.String("screenshot", "", "write the screen to this PNG after --frames frames, then quit")
	frames := fs.Int("frames", 60, "frames to run before --screenshot")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			fmt.Fprintln(stdout, "\nplayground flags:")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "descent: %v\n", err)
		return 2
	}
	if *frames < 1 {
		fmt.Fprintf(stderr, "descent: --frames %d: want at least 1\n", *frames)
		return 2
	}
	v, err := playground.ViewByName(*view)
	if err != nil {
		fmt.Fprintf(stderr, "descent: --view: %v\n", err)
		return 2
	}
	g, err := playground.NewGame(playground.Options{
		Scenario: *scenario, Play: *play, Show3D: *show3D, View: v, GPU: *useGPU, ScreenshotPath: *shot, ScreenshotFrames: *frames,
	})
	if err != nil {
		fmt.Fprintf(stderr, "descent: --scenario: %v\n", err)
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
