package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/tune"
)

// params collects the repeatable --param flag.
type params []string

func (p *params) String() string     { return strings.Join(*p, " ") }
func (p *params) Set(v string) error { *p = append(*p, v); return nil }

// sweepCommand is "descent sweep": the base run from --config and every
// "descent run" flag, the swept parameters from --param, and a table, CSV
// or JSON of every trial.
func sweepCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("descent sweep", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var given []setting
	registerConfigFlags(fs, &given)
	var specs params
	fs.Var(&specs, "param", "a swept parameter, repeatable: lr=1e-4:1 (range, log where the registry says; :log or :lin overrides), momentum=0,0.5,0.9 (list), batch_size=8:256")
	configPath := fs.String("config", "", "JSON file with the base Config; flags override it")
	method := fs.String("method", "", "search: "+strings.Join(tune.Methods, "|")+" (default: grid when every --param is a list, else random)")
	trials := fs.Int("trials", tune.DefaultTrials, "trials of random search, and of successive halving's first round")
	gridPoints := fs.Int("grid-points", tune.DefaultGridPoints, "points of each range in a grid")
	seed := fs.Uint64("sweep-seed", 1, "seed of random and halving's points (--seed is the run's data seed)")
	workers := fs.Int("workers", 0, "trials run at once (default: every core)")
	format := fs.String("format", "text", "output: text|csv|json")
	progress := fs.Bool("progress", false, "draw a progress bar on stderr even when it is not a terminal")
	backend := fs.String("backend", "cpu", "where the trials run: cpu (ordinary runs on every core) or gpu (a grid over lr and momentum of a surface run as one float32 run map; see docs)")
	plan := fs.Bool("plan", false, "print the trials' configs as JSON and run nothing (halving: the first round)")
	if code, done := parseFlags(fs, args, "descent sweep --param SPEC [--param SPEC …] [flags]", stdout, stderr); done {
		return code
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "descent sweep: "+format+"\n", a...)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		return fail("unexpected argument %s (flags start with --)", compute.QuoteString(fs.Arg(0)))
	case *format != "text" && *format != "json" && *format != "csv":
		return fail("--format %s: want text, csv or json", compute.QuoteString(*format))
	case len(specs) == 0:
		return fail("give at least one --param, e.g. --param lr=1e-4:1")
	case *trials < 1:
		return fail("--trials %d: want ≥ 1", *trials)
	case *trials > tune.MaxTrials && *method != string(tune.Grid):
		return fail("--trials %d: want ≤ %d", *trials, tune.MaxTrials)
	case *gridPoints < 1:
		return fail("--grid-points %d: want ≥ 1", *gridPoints)
	case *workers < 0:
		return fail("--workers %d: want ≥ 0", *workers)
	case *backend != "cpu" && *backend != "gpu":
		return fail("--backend %s: want cpu or gpu", compute.QuoteString(*backend))
	case *plan && *format != "text" && *format != "json":
		return fail("--plan prints JSON: leave out --format %s", *format)
	}
	var base compute.Config
	if *configPath != "" {
		if err := readConfig(*configPath, &base); err != nil {
			return fail("--config %s: %v", oneLine(*configPath), err)
		}
	}
	if err := applySettings(&base, given); err != nil {
		return fail("%v", err)
	}
	if err := base.WithDefaults().Validate(); err != nil {
		return fail("%s", flagSpelling(err))
	}
	space, err := tune.ParseSpace(specs, base)
	if err != nil {
		return fail("--%s", oneLine(err.Error()))
	}
	if *method == "" {
		*method = string(tune.Random)
		if space.Lists() {
			*method = string(tune.Grid)
		}
	}
	s, err := tune.New(tune.Options{Base: base, Space: space, Method: tune.Method(*method), Trials: *trials, GridPoints: *gridPoints, Seed: *seed})
	if err != nil {
		return fail("%s", flagSpelling(err))
	}
	if *backend == "gpu" {
		if _, err := tune.MapSpec(s); err != nil {
			return fail("--backend gpu: %s; --backend cpu runs this sweep", oneLine(err.Error()))
		}
	}
	if *plan {
		if err := writePlan(stdout, s); err != nil {
			fmt.Fprintf(stderr, "descent sweep: %v\n", err)
			return 1
		}
		return 0
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var bar func(tune.Progress)
	if *progress || isTerminal(stderr) {
		bar = func(p tune.Progress) { drawProgress(stderr, s, p) }
	}
	var onMap *mapInfo
	var runErr error
	if *backend == "gpu" {
		res, wall, err := sweepOnGPU(s)
		if err != nil {
			return fail("--backend gpu: %s; --backend cpu runs this sweep", oneLine(err.Error()))
		}
		onMap = newMapInfo(res, wall)
	} else {
		runErr = tune.Run(ctx, s, *workers, bar)
		if bar != nil {
			fmt.Fprintln(stderr)
		}
	}
	switch *format {
	case "json":
		err = writeSweepJSON(stdout, s, onMap)
	case "csv":
		err = writeSweepCSV(stdout, s)
	default:
		err = writeSweepText(stdout, s, reproduce(*configPath, given, s), onMap)
	}
	if err != nil {
		fmt.Fprintf(stderr, "descent sweep: %v\n", err)
		return 1
	}
	if runErr != nil {
		// Run's only error is its context's: Ctrl-C.
		fmt.Fprintf(stderr, "descent sweep: interrupted after %d of %d trials\n", countDone(s), s.Total())
		return 1
	}
	if b := s.Best(); b == nil || !b.OK() {
		fmt.Fprintln(stderr, "descent sweep: no trial finished with a finite loss")
		return 1
	}
	return 0
}

// countDone counts the trials that have run.
func countDone(s *tune.Sweep) int {
	n := 0
	for _, t := range s.Trials() {
		if t.Done {
			n++
		}
	}
	return n
}

// isTerminal says whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// drawProgress redraws a one-line progress bar: done/total and the best
// trial so far.
func drawProgress(w io.Writer, s *tune.Sweep, p tune.Progress) {
	const width = 30
	filled := width * p.Done / max(p.Total, 1)
	line := fmt.Sprintf("\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.Done, p.Total)
	if b := p.Best; b != nil && b.OK() {
		line += fmt.Sprintf("  best loss %.6g at %s", float64(b.Loss), describe(s.Options().Space, b))
	}
	fmt.Fprint(w, line+"\x1b[K")
}

// describe writes a trial's values as key=value.
func describe(space tune.Space, t *tune.Trial) string {
	parts := make([]string, len(space))
	for i, p := range space {
		parts[i] = p.Key + "=" + formatValue(p, t.Values[i])
	}
	return strings.Join(parts, " ")
}

// reproduce returns the "descent run" command line of the best trial: the
// base's flags (less the swept ones), then the swept values.
func reproduce(configPath string, given []setting, s *tune.Sweep) string {
	b := s.Best()
	if b == nil {
		return ""
	}
	words := []string{"descent", "run"}
	if configPath != "" {
		words = append(words, "--config="+shellQuote(configPath))
	}
	swept := map[string]bool{}
	for _, p := range s.Options().Space {
		swept[strings.ReplaceAll(p.Key, "_", "-")] = true
	}
	for _, g := range given {
		if !swept[g.name] {
			words = append(words, "--"+g.name+"="+shellQuote(g.value))
		}
	}
	for i, p := range s.Options().Space {
		words = append(words, "--"+strings.ReplaceAll(p.Key, "_", "-")+"="+formatValue(p, b.Values[i]))
	}
	return strings.Join(words, " ")
}

// shellQuote quotes a word for a POSIX shell where it needs it.
func shellQuote(w string) string {
	if w != "" && strings.IndexFunc(w, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.,/:+=", r))
	}) < 0 {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}
