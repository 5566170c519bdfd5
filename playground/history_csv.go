package playground

import (
	"bytes"
	"encoding/csv"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// HistoryCSVHeader names the columns of HistoryCSV.
var HistoryCSVHeader = []string{"entry", "name", "created", "scenario", "optimizer", "hyper", "step", "loss"}

// HistoryCSV writes the entries' loss curves as CSV, one row per kept
// point of each racer under HistoryCSVHeader: the entry's ID, name,
// creation (RFC 3339) and scenario, the racer's optimizer and
// hyperparameters (key=value, by key, separated by spaces), the step and
// the loss (NaN, +Inf or -Inf where it is not finite).
func HistoryCSV(entries []HistoryEntry) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(HistoryCSVHeader); err != nil {
		return nil, err
	}
	for _, e := range entries {
		created := e.Created.UTC().Format(time.RFC3339Nano)
		for _, r := range e.Racers {
			var hyper []string
			for _, k := range slices.Sorted(maps.Keys(r.Hyper)) {
				hyper = append(hyper, k+"="+strconv.FormatFloat(r.Hyper[k], 'g', -1, 64))
			}
			hypers := strings.Join(hyper, " ")
			for i, l := range r.Losses {
				row := []string{e.ID, e.Name, created, e.Scenario, r.Optimizer, hypers,
					strconv.Itoa(r.LossSteps[i]), formatCSVLoss(float64(l))}
				if err := w.Write(row); err != nil {
					return nil, err
				}
			}
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// formatCSVLoss writes a loss with historyDigits significant digits.
func formatCSVLoss(v float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', historyDigits, 64)
}
