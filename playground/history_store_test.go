package playground

import (
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// memStore is a HistoryStore in memory that holds at most quota entries
// (0: any number), refusing more with ErrHistoryFull, as a browser's full
// localStorage does.
type memStore struct {
	items   map[string]HistoryEntry
	quota   int
	exports map[string][]byte
}

func newMemStore(quota int) *memStore {
	return &memStore{items: map[string]HistoryEntry{}, quota: quota, exports: map[string][]byte{}}
}

func (m *memStore) Load() ([]HistoryEntry, error) {
	return slices.Collect(maps.Values(m.items)), nil
}

func (m *memStore) Save(e HistoryEntry) error {
	if _, ok := m.items[e.ID]; !ok && m.quota > 0 && len(m.items) >= m.quota {
		return fmt.Errorf("setItem: %w", ErrHistoryFull)
	}
	m.items[e.ID] = e
	return nil
}

func (m *memStore) Remove(id string) error { delete(m.items, id); return nil }

func (m *memStore) Export(name string, data []byte) (string, error) {
	m.exports[name] = data
	return "kept", nil
}

// testEntry is an entry of one racer with n loss points, created at
// minute min of a fixed day.
func testEntry(name string, min, n int) HistoryEntry {
	e := HistoryEntry{Name: name, Created: time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC).Add(time.Duration(min) * time.Minute),
		Scenario: "bowl", Link: "s=bowl", Steps: n, WallSeconds: 1.5, End: "reset"}
	r := HistoryRacer{Optimizer: "adam", Title: "Adam", Hyper: map[string]float64{"lr": 0.1}, Steps: n,
		FinalLoss: historyNumber(math.NaN()), FinalParams: []historyNumber{1, 2}}
	for i := range n {
		r.LossSteps = append(r.LossSteps, i)
		r.Losses = append(r.Losses, historyNumber(10*math.Pow(0.99, float64(i))))
	}
	e.Racers = []HistoryRacer{r}
	return e
}

// addEntries adds n entries named run0… to h, a minute apart.
func addEntries(h *History, n int) {
	for i := range n {
		h.Add(testEntry(fmt.Sprintf("run%d", i), i, 3))
	}
}

// TestHistoryDocumentRoundTrips writes entries (a NaN loss among them) as
// a descent.history/v1 document and reads them back, and checks that
// foreign or broken documents are refused with one error.
func TestHistoryDocumentRoundTrips(t *testing.T) {
	h := OpenHistory(newMemStore(0))
	addEntries(h, 2)
	data, err := EncodeHistory(h.Entries())
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeHistory(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := EncodeHistory(back)
	if string(again) != string(data) || len(back) != 2 || !math.IsNaN(float64(back[0].Racers[0].FinalLoss)) {
		t.Errorf("round trip changed the document:\n%s\n%s", data, again)
	}
	for _, bad := range []string{
		``, `[]`, `{"format":"descent.run/v1","entries":[]}`,
		`{"format":"descent.history/v1","entries":[],"extra":1}`,
		`{"format":"descent.history/v1","entries":[{"id":"../x"}]}`,
		`{"format":"descent.history/v1","entries":[{"id":"a","racers":[{"loss_steps":[1],"losses":[]}]}]}`,
	} {
		if _, err := DecodeHistory([]byte(bad)); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("DecodeHistory(%s) = %v, want one line refusing it", bad, err)
		}
	}
}

// TestHistoryFullStorage fills a store that holds 4 entries: adding more
// removes the oldest unpinned ones and says so; with every other entry
// pinned the new run is kept in memory only, with a message.
func TestHistoryFullStorage(t *testing.T) {
	store := newMemStore(4)
	h := OpenHistory(store)
	addEntries(h, 4)
	if err := h.Pin(h.Entries()[3].ID, true); err != nil { // run0
		t.Fatal(err)
	}
	h.Add(testEntry("new", 10, 3))
	if len(store.items) != 4 || !strings.Contains(h.Message, "removed the 1 oldest") {
		t.Errorf("store holds %d, message %q; want 4 and the oldest unpinned removed", len(store.items), h.Message)
	}
	var names []string
	for _, e := range store.items {
		names = append(names, e.Name)
	}
	slices.Sort(names)
	if want := []string{"new", "run0", "run2", "run3"}; !slices.Equal(names, want) {
		t.Errorf("store keeps %v, want %v", names, want)
	}
	for _, e := range h.Entries() {
		if err := h.Pin(e.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	h.Add(testEntry("unkept", 11, 3))
	if !strings.Contains(h.Message, "kept only until the app closes") || len(h.Entries()) != 5 {
		t.Errorf("message %q with %d entries; want the run kept in memory with a message", h.Message, len(h.Entries()))
	}

}

// TestHistoryDeleteAndUndo deletes the selected entry and brings it back.
func TestHistoryDeleteAndUndo(t *testing.T) {
	store := newMemStore(0)
	h := OpenHistory(store)
	addEntries(h, 3)
	mid := h.Entries()[1]
	if err := h.Delete(mid.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := store.items[mid.ID]; ok || len(h.Entries()) != 2 || !h.CanUndo() {
		t.Fatalf("after delete: store has it %v, %d entries", ok, len(h.Entries()))
	}
	if err := h.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, ok := store.items[mid.ID]; !ok || !reflect.DeepEqual(h.Entries()[1], mid) || h.CanUndo() {
		t.Errorf("undo did not restore %q in its place", mid.Name)
	}
	if err := h.Rename(mid.ID, strings.Repeat("x", MaxHistoryNameRunes+1)); err == nil {
		t.Error("a name over the limit was accepted")
	}
	if err := h.Rename(mid.ID, "  "); err == nil {
		t.Error("an empty name was accepted")
	}
}

// TestHistoryTwoWindows opens one store in two windows (two tabs of the
// page share localStorage): the second pins the oldest run, then the
// first, whose copy of that run is unpinned, records a run past the
// bound. The pinned run stays in the store, and the first window lists it
// pinned.
func TestHistoryTwoWindows(t *testing.T) {
	store := newMemStore(0)
	a := OpenHistory(store)
	addEntries(a, MaxHistoryUnpinned)
	b := OpenHistory(store)
	oldest := b.entries[len(b.entries)-1].ID
	if err := b.Pin(oldest, true); err != nil {
		t.Fatal(err)
	}
	a.Add(testEntry("new", 1000, 3))
	if e, ok := store.items[oldest]; !ok || !e.Pinned {
		t.Errorf("the run the other window pinned: in the store %v, pinned %v; want kept, pinned", ok, e.Pinned)
	}
	if i := a.index(oldest); i < 0 || !a.entries[i].Pinned {
		t.Errorf("the first window lists the other's pinned run at %d, want it there, pinned", i)
	}
	if n := len(store.items); n != MaxHistoryUnpinned+1 {
		t.Errorf("%d runs in the store, want %d unpinned and the pinned one", n, MaxHistoryUnpinned)
	}
}
