package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"time"

	"github.com/descent-playground/descent/compute"
)

// defaultExperiment is the experiment runs go to without
// --mlflow-experiment: MLflow's own default, which every server has.
const defaultExperiment = "Default"

// tracking is descent run's --out file and its MLflow run: the run's
// descent.run/v1 JSON is streamed to the file while it trains and closed
// before anything is sent, so that a server that fails loses nothing.
type tracking struct {
	out, uri, experiment, runName string
	client                        mlflowLogger
	path                          string
	file                          *os.File
	stream                        *compute.JSONStream
	start                         time.Time
	finished                      bool
}

// registerTrackingFlags adds --out and the --mlflow-* flags to fs.
func registerTrackingFlags(fs *flag.FlagSet) *tracking {
	t := &tracking{}
	fs.StringVar(&t.out, "out", "", "also write the run's descent.run/v1 JSON to this file")
	fs.StringVar(&t.uri, "mlflow-uri", "", "log the run to the MLflow tracking server at this http(s) address, after writing its JSON (to --out, or descent-run-TIME.json)")
	fs.StringVar(&t.experiment, "mlflow-experiment", defaultExperiment, "MLflow experiment of the run, created when missing")
	fs.StringVar(&t.runName, "mlflow-run-name", "", `MLflow run name (default: optimizer, lr and model, e.g. "adam lr=0.01 linreg")`)
	return t
}

// open checks the flags and creates the JSON file when one is wanted,
// before the run is built; a file it leaves unfinished is removed by
// abandon. cfg and configPath are the run's inputs, which the file must
// not be.
func (t *tracking) open(fs *flag.FlagSet, cfg compute.Config, configPath string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range []string{"mlflow-experiment", "mlflow-run-name"} {
		if given[name] && t.uri == "" {
			return fmt.Errorf("--%s: needs --mlflow-uri", name)
		}
	}
	if given["out"] && t.out == "" {
		return fmt.Errorf("--out: want a file (leave the flag out for no file)")
	}
	if given["mlflow-uri"] {
		var err error
		if t.client, err = newMLflowLogger(t.uri); err != nil {
			return err
		}
	}
	if t.experiment == "" {
		return fmt.Errorf("--mlflow-experiment: want a name (leave the flag out for %q)", defaultExperiment)
	}
	if t.client == nil && t.out == "" {
		return nil
	}
	t.path = t.out
	mode := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if t.path == "" {
		t.path = "descent-run-" + time.Now().UTC().Format("20060102T150405.000Z") + ".json"
		mode = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if err := notAnInput(t.path, cfg, configPath); err != nil {
		return err
	}
	f, err := os.OpenFile(t.path, mode, 0o644)
	if err != nil {
		return fmt.Errorf("--out %s: %v", compute.QuoteValue(t.path), unwrapPath(err))
	}
	t.file = f
	return nil
}

// notAnInput refuses an --out path that names the run's --config file or
// its CSV data file: opening it for writing would truncate the input before
// the run reads it (and abandon would then remove it).
func notAnInput(out string, cfg compute.Config, configPath string) error {
	outInfo, err := os.Stat(out)
	if err != nil {
		return nil // a file that does not exist yet is no input
	}
	inputs := [][2]string{{configPath, "--config file"}}
	if data := cfg.WithDefaults().Data; !slices.Contains(compute.DataNames, data) {
		inputs = append(inputs, [2]string{data, "data file"})
	}
	for _, in := range inputs {
		if info, err := os.Stat(in[0]); in[0] != "" && err == nil && os.SameFile(outInfo, info) {
			return fmt.Errorf("--out %s: the run's %s; name another file", compute.QuoteValue(out), in[1])
		}
	}
	return nil
}

// unwrapPath drops the path from a file error that a message names already.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// attach streams the run's JSON to the file from its first step, and
// notes when the run started.
func (t *tracking) attach(r *compute.Run) {
	t.start = time.Now()
	if t.file != nil {
		t.stream = compute.NewJSONStream(t.file, r)
		r.Trainer.AddRecorder(t.stream)
	}
}

// abandon removes a file that no run was finished into (the run could not
// be built).
func (t *tracking) abandon() {
	if t.file != nil && !t.finished {
		t.file.Close()
		os.Remove(t.path)
	}
}

// finish closes the JSON file (with the optimizer's trace when trace is
// true, as --format json writes it) and then, with --mlflow-uri, logs the
// run. It reports on stderr and returns false when either failed.
func (t *tracking) finish(run *compute.Run, trace bool, args []string, stderr io.Writer) bool {
	if t.file == nil || t.stream == nil {
		return true
	}
	t.finished = true
	end := time.Now()
	ok := true
	err := t.stream.Close(trace)
	if cerr := t.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "descent run: --out %s: %s\n", compute.QuoteValue(t.path), oneLine(err.Error()))
		ok = false
	}
	if t.client == nil {
		return ok
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	experimentID, runID, err := t.client.log(ctx, run.Result(false), mlflowRun{experiment: t.experiment, name: t.runName,
		start: t.start, end: end, command: commandLine(args), user: userName()})
	if err != nil {
		fmt.Fprintf(stderr, "descent run: MLflow at %s: %s; the run's JSON is in %s\n", t.client.URI(), oneLine(err.Error()), compute.QuoteValue(t.path))
		return false
	}
	fmt.Fprintf(stderr, "descent run: logged to MLflow: %s/#/experiments/%s/runs/%s (JSON in %s)\n",
		t.client.URI(), url.PathEscape(experimentID), url.PathEscape(runID), compute.QuoteValue(t.path))
	return ok
}

// mlflowLogger logs a finished run to an MLflow tracking server: the REST
// client of tracking/mlflow, or in a build tagged nomlflow (the Python
// wheels' binary, which stays small without net/http and TLS) nothing.
type mlflowLogger interface {
	// URI is the server's address.
	URI() string
	// log sends res as a new run and returns its experiment's and run's
	// IDs.
	log(ctx context.Context, res *compute.Result, r mlflowRun) (experimentID, runID string, err error)
}

// mlflowRun is what a logged run carries besides its result.
type mlflowRun struct {
	experiment, name string
	start, end       time.Time
	command, user    string
}

// commandLine writes "descent run" and args as a POSIX shell takes them
// back (shellQuote).
func commandLine(args []string) string {
	parts := []string{"descent", "run"}
	for _, a := range args {
		parts = append(parts, shellQuote(a))
	}
	return strings.Join(parts, " ")
}

// userName is the user as Python's getpass.getuser finds it (MLflow's
// mlflow.user tag): the first of LOGNAME, USER, LNAME and USERNAME set.
func userName() string {
	for _, k := range []string{"LOGNAME", "USER", "LNAME", "USERNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}
