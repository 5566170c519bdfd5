package playground

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
)

// HistoryFormat names the JSON form of the run history: a document
// {"format": HistoryFormat, "entries": [...]}, which holds one entry in a
// native history file and in a page's localStorage item, one entry in a
// run's export and every entry in the history's export.
const HistoryFormat = "descent.history/v1"

// Bounds of the run history: every pinned entry and the latest
// MaxHistoryUnpinned others are kept; each racer's loss curve is thinned
// to at most MaxHistoryPoints points (its first and last among them),
// stored with historyDigits significant digits; a document over
// MaxHistoryBytes is refused unread, and a name is at most
// MaxHistoryNameRunes characters.
const (
	MaxHistoryUnpinned  = 50
	MaxHistoryPoints    = 1000
	MaxHistoryBytes     = 8 << 20
	MaxHistoryNameRunes = 80
	historyDigits       = 6
	maxHistoryRacers    = 64
)

// HistoryEntry is one recorded run of the playground: the state it ran
// (as its link, which DecodeLink opens and replays to the same race), what
// each racer reached, and when and how long it ran.
type HistoryEntry struct {
	// ID names the entry for good (letters and digits; its file name).
	ID string `json:"id"`
	// Name is the user's name for it, by default the scenario and racers.
	Name string `json:"name"`
	// Created is when the run was recorded.
	Created time.Time `json:"created"`
	// Pinned entries are kept however many runs follow.
	Pinned bool `json:"pinned,omitempty"`
	// Scenario names the scenario; Link is the state's link, a fragment
	// "#s=…" (EncodeLink) that the page's address takes, its step count
	// included.
	Scenario string `json:"scenario"`
	Link     string `json:"link"`
	// Steps is the race's length (its longest run); WallSeconds the
	// wall-clock time spent racing: its steps and the frames between
	// them, pauses and replays left out.
	Steps       int     `json:"steps"`
	WallSeconds float64 `json:"wall_seconds"`
	// End says why it was recorded: finished (every racer stopped), reset,
	// or scenario (another scenario was opened).
	End string `json:"end"`
	// Racers are the racers that ran, in legend order.
	Racers []HistoryRacer `json:"racers"`
}

// HistoryRacer is one racer of a recorded run.
type HistoryRacer struct {
	// Optimizer is the registry's name, Title the legend's.
	Optimizer string `json:"optimizer"`
	Title     string `json:"title"`
	// Hyper are its hyperparameters; LRScales its per-parameter rates.
	Hyper    map[string]float64 `json:"hyper"`
	LRScales []float64          `json:"lr_scales,omitempty"`
	// Steps it took and why it stopped ("" while it could go on).
	Steps int    `json:"steps"`
	Stop  string `json:"stop,omitempty"`
	// FinalLoss and FinalParams are its last loss and point (a
	// non-finite number is null).
	FinalLoss   historyNumber   `json:"final_loss"`
	FinalParams []historyNumber `json:"final_params"`
	// LossSteps and Losses are its thinned loss curve.
	LossSteps []int           `json:"loss_steps"`
	Losses    []historyNumber `json:"losses"`
}

// historyNumber is a float64 written with historyDigits significant
// digits, and as null when it is not finite (read back as NaN).
type historyNumber float64

// MarshalJSON writes the number, or null.
func (v historyNumber) MarshalJSON() ([]byte, error) {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', historyDigits, 64), nil
}

// UnmarshalJSON reads a number, or null as NaN.
func (v *historyNumber) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*v = historyNumber(math.NaN())
		return nil
	}
	var f float64
	if err := json.Unmarshal(data, &f); err != nil {
		return err
	}
	*v = historyNumber(f)
	return nil
}

// BestLoss returns the least finite final loss of its racers (NaN when
// none is finite).
func (e HistoryEntry) BestLoss() float64 {
	best := math.NaN()
	for _, r := range e.Racers {
		if l := float64(r.FinalLoss); !math.IsNaN(l) && !math.IsInf(l, 0) && (math.IsNaN(best) || l < best) {
			best = l
		}
	}
	return best
}

// historyDoc is the JSON document of HistoryFormat.
type historyDoc struct {
	Format  string         `json:"format"`
	Entries []HistoryEntry `json:"entries"`
}

// EncodeHistory writes entries as a HistoryFormat document.
func EncodeHistory(entries []HistoryEntry) ([]byte, error) {
	if entries == nil {
		entries = []HistoryEntry{}
	}
	return json.Marshal(historyDoc{Format: HistoryFormat, Entries: entries})
}

// DecodeHistory reads a HistoryFormat document. Anything else (another
// format, an unknown key, an entry that breaks the bounds) is refused as a
// whole with one error.
func DecodeHistory(data []byte) ([]HistoryEntry, error) {
	if len(data) > MaxHistoryBytes {
		return nil, fmt.Errorf("%d bytes, over the limit of %d", len(data), MaxHistoryBytes)
	}
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("not JSON of %s: %v", HistoryFormat, err)
	}
	if head.Format != HistoryFormat {
		return nil, fmt.Errorf("format %q, want %q", head.Format, HistoryFormat)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var doc historyDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %v", HistoryFormat, err)
	}
	for i, e := range doc.Entries {
		if err := e.check(); err != nil {
			return nil, fmt.Errorf("entry %d: %v", i+1, err)
		}
	}
	return doc.Entries, nil
}

// validHistoryID says whether id may be an entry's ID: 1 to 40
// lower-case letters and digits, since it names a file.
func validHistoryID(id string) bool {
	if len(id) == 0 || len(id) > 40 {
		return false
	}
	for _, c := range id {
		if (c < '0' || c > '9') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// check says whether e keeps the format's bounds.
func (e HistoryEntry) check() error {
	switch {
	case !validHistoryID(e.ID):
		return fmt.Errorf("id %q: want 1 to 40 lower-case letters and digits", e.ID)
	case len([]rune(e.Name)) > MaxHistoryNameRunes:
		return fmt.Errorf("name: %d characters, want at most %d", len([]rune(e.Name)), MaxHistoryNameRunes)
	case e.Steps < 0 || e.WallSeconds < 0 || math.IsNaN(e.WallSeconds):
		return fmt.Errorf("steps %d, wall_seconds %g: want ≥ 0", e.Steps, e.WallSeconds)
	case len(e.Racers) > maxHistoryRacers:
		return fmt.Errorf("%d racers, want at most %d", len(e.Racers), maxHistoryRacers)
	}
	for _, r := range e.Racers {
		if len(r.Losses) != len(r.LossSteps) || len(r.Losses) > MaxHistoryPoints {
			return fmt.Errorf("racer %s: %d losses at %d steps, want as many and at most %d", r.Optimizer, len(r.Losses), len(r.LossSteps), MaxHistoryPoints)
		}
	}
	return nil
}
