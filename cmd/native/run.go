package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/descent-playground/descent/compute"
)

// runCommand is "descent run": it builds a Config from --config and the
// flags, trains without a window and prints the result.
func runCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("descent run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var given []setting
	registerConfigFlags(fs, &given)
	configPath := fs.String("config", "", "JSON file with a Config; flags override it")
	format := fs.String("format", "text", "output: text|json|csv")
	backend := fs.String("backend", "cpu", "where the heavy loops run: cpu|gpu (gpu needs a display)")
	trace := fs.Bool("trace", false, "include the optimizer's state after its last step in JSON output")
	exportKind := fs.String("export", "", "write the run as code instead of training: notebook (Jupyter, numpy and torch.optim) or torch (PyTorch script)")
	track := registerTrackingFlags(fs)
	if code, done := parseFlags(fs, args, "descent run [flags]", stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "descent run: unexpected argument %s (flags start with --)\n", compute.QuoteString(fs.Arg(0)))
		return 2
	}
	if *format != "text" && *format != "json" && *format != "csv" {
		fmt.Fprintf(stderr, "descent run: --format %s: want text, json or csv\n", compute.QuoteString(*format))
		return 2
	}
	if *backend != "cpu" && *backend != "gpu" {
		fmt.Fprintf(stderr, "descent run: --backend %s: want cpu or gpu\n", compute.QuoteString(*backend))
		return 2
	}
	var cfg compute.Config
	var err error
	configGiven := false
	fs.Visit(func(f *flag.Flag) { configGiven = configGiven || f.Name == "config" })
	if configGiven && *configPath == "" {
		fmt.Fprintln(stderr, "descent run: --config: want a file (leave the flag out for no file)")
		return 2
	}
	if *configPath != "" {
		if err := readConfig(*configPath, &cfg); err != nil {
			fmt.Fprintf(stderr, "descent run: --config %s: %v\n", oneLine(*configPath), err)
			return 2
		}
	}
	if err = applySettings(&cfg, given); err != nil {
		fmt.Fprintf(stderr, "descent run: %v\n", err)
		return 2
	}
	if flagGiven(fs, "export") {
		if err := checkExport(*exportKind, func(name string) bool { return flagGiven(fs, name) }); err != nil {
			fmt.Fprintf(stderr, "descent run: %s\n", err)
			return 2
		}
		if err := writeExport(stdout, *exportKind, cfg); err != nil {
			fmt.Fprintf(stderr, "descent run: %s\n", flagSpelling(err))
			return 2
		}
		return 0
	}
	if err := track.open(fs, cfg, *configPath); err != nil {
		fmt.Fprintf(stderr, "descent run: %s\n", oneLine(err.Error()))
		return 2
	}
	defer track.abandon()
	var run *compute.Run
	var reason compute.StopReason
	var stream interface{ Close() error }
	// attach starts streaming the run's JSON or CSV before its first step.
	attach := func(r *compute.Run) {
		track.attach(r)
		switch *format {
		case "json":
			js := compute.NewJSONStream(stdout, r)
			r.Trainer.AddRecorder(js)
			stream = closer(func() error { return js.Close(*trace) })
		case "csv":
			cs := compute.NewCSVStream(stdout, r.ParamNames())
			r.Trainer.AddRecorder(cs)
			stream = cs
		}
	}
	if *backend == "gpu" {
		if run, reason, err = executeOnGPU(cfg, stderr, attach); err != nil {
			fmt.Fprintf(stderr, "descent run: %s\n", flagSpelling(err))
			return 2
		}
	}
	if run == nil {
		if run, err = cfg.Build(nil); err != nil {
			fmt.Fprintf(stderr, "descent run: %s\n", flagSpelling(err))
			return 2
		}
		attach(run)
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		reason = run.Execute(ctx)
	}
	if stream != nil {
		err = stream.Close()
	} else {
		err = writeText(stdout, run)
	}
	tracked := track.finish(run, *trace, args, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "descent run: %v\n", err)
		return 1
	}
	if !tracked {
		return 1
	}
	if reason != compute.Finished {
		tr := run.Trainer
		fmt.Fprintf(stderr, "descent run: stopped after %d steps (%d epochs): %s\n", tr.Steps(), tr.Epochs(), reason)
		return 1
	}
	return 0
}

// closer adapts a function to Close.
type closer func() error

// Close calls the function.
func (f closer) Close() error { return f() }

// readConfig decodes a JSON Config from a regular file of at most
// compute.MaxConfigFileBytes, refusing unknown keys, keys in another case,
// duplicates and anything after the object.
func readConfig(path string, cfg *compute.Config) error {
	data, err := readLimited(path, compute.MaxConfigFileBytes)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, cfg); err != nil {
		// descent run --out writes a descent.run/v1 document, which holds
		// a Config but is not one: say so rather than "unknown key".
		var doc struct {
			Schema string `json:"schema"`
		}
		if json.Unmarshal(data, &doc) == nil && doc.Schema != "" {
			return fmt.Errorf("a %s document, not a Config (its \"config\" object is one)", compute.QuoteString(doc.Schema))
		}
		return err
	}
	return nil
}

// readLimited reads a regular file of at most limit bytes (see
// compute.OpenRegular): a device, a FIFO or a larger file is an error.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := compute.OpenRegular(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// badFlagValue and unknownFlag match the flag package's messages for a
// value its setter refused and for a flag it does not know.
var (
	badFlagValue = regexp.MustCompile(`(?s)^invalid value "(.*)" for flag -([\w-]+): (.*)$`)
	unknownFlag  = regexp.MustCompile(`(?s)^flag provided but not defined: -?-?(.*)$`)
)

// parseFlags parses a subcommand's flags (fs is named after it, e.g.
// "descent run"). It reports done when the command should end there: after
// -h, having printed usage (the command's usage line, then its flags) with
// status 0, or after a bad flag, having printed flagError's message with
// status 2.
func parseFlags(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (code int, done bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintln(stdout, "usage: "+usage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return 0, true
	}
	fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), flagError(fs.Name(), err))
	return 2, true
}

// flagError rewrites the flag package's message in the command line's own
// words, on one line, quoting at most 80 characters of what was typed:
// "--batch-size 0: want a whole number ≥ 1". command ("descent run") is
// the command whose -h lists the flags.
func flagError(command string, err error) string {
	if m := badFlagValue.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Sprintf("--%s %s: %s", m[2], compute.QuoteValue(m[1]), m[3])
	}
	if m := unknownFlag.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Sprintf("unknown flag --%s (%s -h lists them)", strings.Trim(compute.QuoteValue(m[1]), `"`), command)
	}
	return oneLine(err.Error())
}

// flagSpelling rewrites a config field error in the command line's terms.
func flagSpelling(err error) string {
	var fe *compute.FieldError
	if errors.As(err, &fe) && fe.Value == nil {
		return fmt.Sprintf("--%s: %s", strings.ReplaceAll(fe.Field, "_", "-"), fe.Allowed)
	}
	if errors.As(err, &fe) {
		return fmt.Sprintf("--%s %s: %s", strings.ReplaceAll(fe.Field, "_", "-"), fe.Quoted(), fe.Allowed)
	}
	return oneLine(err.Error())
}

// oneLine writes control characters (a newline in a path, say) escaped,
// so that a message stays on its line.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}
