package playground

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/descent-playground/descent/render"
)

// HistoryStore keeps the run history's entries where they outlast the
// app: natively a folder (DirStore), in the page the browser's
// localStorage (cmd/wasm).
type HistoryStore interface {
	// Load returns the entries it holds, in any order. A non-nil error is
	// one message naming the items it could not read (corrupt or foreign
	// data); it leaves them where they are and returns the others.
	Load() ([]HistoryEntry, error)
	// Save writes e, in place of an entry with e's ID. An error wrapping
	// ErrHistoryFull says that there is no room for it.
	Save(e HistoryEntry) error
	// Remove deletes the entry with the ID; one that is not there is no
	// error.
	Remove(id string) error
	// Export hands data to the user as a file called name (a download in
	// the page, a file natively) and says where it went.
	Export(name string, data []byte) (string, error)
}

// ErrHistoryFull is the error a HistoryStore wraps when its storage is
// full.
var ErrHistoryFull = errors.New("the history's storage is full")

// History is the run history: its entries, newest first, kept in a
// HistoryStore within the bounds (every pinned entry and the latest
// MaxHistoryUnpinned others), the entry the panel acts on, the entries
// overlaid on the loss chart, and the latest deletion, which Undo brings
// back.
type History struct {
	store    HistoryStore
	entries  []HistoryEntry
	selected string
	overlay  map[string]bool
	deleted  *HistoryEntry
	// drawn caches the overlaid entries' loss curves (history_view.go).
	drawn map[string][]render.Series
	// draft is the native panel's name field while it is edited (editing),
	// for the entry draftFor.
	draft, draftFor string
	editing         bool
	// Message is the latest news for the user: a problem with the store,
	// or where an export went ("" when there is none).
	Message string
}

// OpenHistory reads the store's entries. What it cannot read is reported
// in Message and left in the store; entries over the bounds are removed.
func OpenHistory(store HistoryStore) *History {
	h := &History{store: store, overlay: map[string]bool{}}
	entries, err := store.Load()
	if err != nil {
		h.Message = "history: " + err.Error()
	}
	h.entries = slices.SortedFunc(slices.Values(entries), newerFirst)
	h.entries = slices.CompactFunc(h.entries, func(a, b HistoryEntry) bool { return a.ID == b.ID })
	h.prune()
	return h
}

// newerFirst orders entries by their creation, the newest first.
func newerFirst(a, b HistoryEntry) int {
	if c := b.Created.Compare(a.Created); c != 0 {
		return c
	}
	return cmp.Compare(b.ID, a.ID)
}

// Entries returns the entries, newest first; the slice is the history's
// own, to read only.
func (h *History) Entries() []HistoryEntry { return h.entries }

// index returns the position of the entry with id, or -1.
func (h *History) index(id string) int {
	return slices.IndexFunc(h.entries, func(e HistoryEntry) bool { return e.ID == id })
}

// Add records e as the newest entry under a new ID, selects it, and
// saves it. When the store is full, the oldest unpinned entries make
// room, one at a time; Message says how many went, or that e is kept
// only until the app closes.
func (h *History) Add(e HistoryEntry) {
	e.ID = h.newID(e)
	h.entries = slices.Insert(h.entries, 0, e)
	h.selected = e.ID
	h.Message = ""
	h.prune()
	dropped := 0
	for {
		err := h.store.Save(e)
		if err == nil {
			break
		}
		victim := h.oldestUnpinned(e.ID)
		if !errors.Is(err, ErrHistoryFull) || victim < 0 {
			h.Message = fmt.Sprintf("history: %v; %q is kept only until the app closes", err, e.Name)
			return
		}
		h.drop(victim)
		dropped++
	}
	if dropped > 0 {
		h.Message = fmt.Sprintf("history: the storage was full; removed the %d oldest unpinned runs", dropped)
	}
}

// sync takes in what another window wrote to the store since (another
// tab of the page shares its localStorage): the stored copy of each entry
// replaces h's, and entries h did not know are added, so that pruning
// never removes a run pinned elsewhere. Entries only h holds stay.
func (h *History) sync() {
	stored, _ := h.store.Load() // what cannot be read was reported when the history opened
	if len(stored) == 0 {
		return
	}
	byID := make(map[string]HistoryEntry, len(stored))
	for _, e := range stored {
		byID[e.ID] = e
	}
	for i, e := range h.entries {
		if s, ok := byID[e.ID]; ok {
			h.entries[i] = s
			delete(byID, e.ID)
		}
	}
	for _, e := range byID {
		h.entries = append(h.entries, e)
	}
	slices.SortFunc(h.entries, newerFirst)
}

// newID returns an ID for e made from its creation time, unlike any
// entry's.
func (h *History) newID(e HistoryEntry) string {
	for n := e.Created.UnixNano(); ; n++ {
		id := strconv.FormatInt(max(n, 0), 36)
		if h.index(id) < 0 {
			return id
		}
	}
}

// oldestUnpinned returns the position of the oldest unpinned entry other
// than the one with the ID keep, or -1.
func (h *History) oldestUnpinned(keep string) int {
	for i := len(h.entries) - 1; i >= 0; i-- {
		if !h.entries[i].Pinned && h.entries[i].ID != keep {
			return i
		}
	}
	return -1
}

// prune removes the unpinned entries after the latest MaxHistoryUnpinned,
// first taking in what another window stored (sync) when some must go.
func (h *History) prune() {
	n := 0
	for _, e := range h.entries {
		if !e.Pinned {
			n++
		}
	}
	if n > MaxHistoryUnpinned {
		h.sync()
	}
	unpinned := 0
	for i := 0; i < len(h.entries); i++ {
		if h.entries[i].Pinned {
			continue
		}
		if unpinned++; unpinned > MaxHistoryUnpinned {
			h.drop(i)
			i--
		}
	}
}

// drop removes the entry at i from the history and the store.
func (h *History) drop(i int) {
	id := h.entries[i].ID
	h.entries = slices.Delete(h.entries, i, i+1)
	delete(h.overlay, id)
	delete(h.drawn, id)
	if err := h.store.Remove(id); err != nil {
		h.Message = "history: " + err.Error()
	}
}

// update changes the entry with id by f and saves it.
func (h *History) update(id string, f func(*HistoryEntry) error) error {
	i := h.index(id)
	if i < 0 {
		return fmt.Errorf("history: no run %q", id)
	}
	e := h.entries[i]
	if err := f(&e); err != nil {
		return err
	}
	h.entries[i] = e
	if err := h.store.Save(e); err != nil {
		return fmt.Errorf("history: %q: %w", e.Name, err)
	}
	return nil
}

// Pin pins or unpins the entry with id. An unpinned entry past the
// bound goes at once.
func (h *History) Pin(id string, on bool) error {
	err := h.update(id, func(e *HistoryEntry) error { e.Pinned = on; return nil })
	h.prune()
	return err
}

// Rename names the entry with id: some text, at most MaxHistoryNameRunes
// characters, spaces around it removed.
func (h *History) Rename(id, name string) error {
	name = strings.TrimSpace(name)
	switch n := len([]rune(name)); {
	case n == 0:
		return errors.New("name: want some text")
	case n > MaxHistoryNameRunes:
		return fmt.Errorf("name: %d characters, want at most %d", n, MaxHistoryNameRunes)
	}
	return h.update(id, func(e *HistoryEntry) error { e.Name = name; return nil })
}

// Delete removes the entry with id; Undo brings the latest deletion back.
func (h *History) Delete(id string) error {
	i := h.index(id)
	if i < 0 {
		return fmt.Errorf("history: no run %q", id)
	}
	e := h.entries[i]
	h.drop(i)
	h.deleted = &e
	if h.selected == id {
		h.selected = ""
	}
	return nil
}

// CanUndo says whether there is a deletion to undo.
func (h *History) CanUndo() bool { return h.deleted != nil }

// Undo restores the latest deleted entry, in its place by age, and
// selects it.
func (h *History) Undo() error {
	if h.deleted == nil {
		return errors.New("history: nothing to undo")
	}
	e := *h.deleted
	h.deleted = nil
	i, _ := slices.BinarySearchFunc(h.entries, e, newerFirst)
	h.entries = slices.Insert(h.entries, i, e)
	h.selected = e.ID
	if err := h.store.Save(e); err != nil {
		return fmt.Errorf("history: %q: %w", e.Name, err)
	}
	return nil
}

// Select makes the entry with id the one the panel acts on.
func (h *History) Select(id string) error {
	if h.index(id) < 0 {
		return fmt.Errorf("history: no run %q", id)
	}
	h.selected = id
	return nil
}

// Selected returns the entry the panel acts on (by default the newest),
// and false when there is none.
func (h *History) Selected() (HistoryEntry, bool) {
	if i := h.index(h.selected); i >= 0 {
		return h.entries[i], true
	}
	if len(h.entries) == 0 {
		return HistoryEntry{}, false
	}
	return h.entries[0], true
}

// SetOverlay shows or hides the entry with id on the loss chart.
func (h *History) SetOverlay(id string, on bool) error {
	if h.index(id) < 0 {
		return fmt.Errorf("history: no run %q", id)
	}
	if on {
		h.overlay[id] = true
	} else {
		delete(h.overlay, id)
		delete(h.drawn, id)
	}
	return nil
}

// Overlaid says whether the entry with id is shown on the loss chart.
func (h *History) Overlaid(id string) bool { return h.overlay[id] }
