package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/export"
)

// exportKinds are the values of "descent run --export", each with the
// function that writes it.
var exportKinds = map[string]func(compute.Config) ([]byte, error){
	"notebook": export.Notebook,
	"torch":    export.TorchScript,
}

// exportConflicts are the run flags that say how to train or print, which
// an export does instead; given with --export they are refused.
var exportConflicts = []string{"format", "backend", "trace", "out", "mlflow-uri", "mlflow-experiment", "mlflow-run-name"}

// checkExport returns a one-line error when kind is not an export or a
// flag that conflicts with --export was given (given reports whether a
// flag was set).
func checkExport(kind string, given func(name string) bool) error {
	if _, ok := exportKinds[kind]; !ok {
		return fmt.Errorf("--export %s: want %s", compute.QuoteValue(kind), strings.Join(slices.Sorted(maps.Keys(exportKinds)), " or "))
	}
	for _, name := range exportConflicts {
		if given(name) {
			return fmt.Errorf("--export %s: leave out --%s (the export is the output; it does not train)", kind, name)
		}
	}
	return nil
}

// writeExport writes the export of kind for cfg to w instead of training.
func writeExport(w io.Writer, kind string, cfg compute.Config) error {
	out, err := exportKinds[kind](cfg)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// flagGiven reports whether the named flag was set on the command line.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}
