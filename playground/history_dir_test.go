//go:build !js

package playground

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDirStoreKeepsEntriesAndLeavesCorruptFiles saves entries to a
// folder, adds a corrupt file and a foreign one, and checks that a new
// history reads the good entries, reports the others in one message and
// leaves them; renaming and pinning rewrite the file in place (no
// temporary file left).
func TestDirStoreKeepsEntriesAndLeavesCorruptFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "history")
	store := DirStore{Dir: dir}
	h := OpenHistory(store)
	addEntries(h, 3)
	if h.Message != "" {
		t.Fatalf("message %q", h.Message)
	}
	if err := os.WriteFile(filepath.Join(dir, "corrupt.json"), []byte(`{"format":"descent.history/v1","entries":[{`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "foreign.json"), []byte(`{"format":"descent.run/v1"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	id := h.Entries()[1].ID
	if err := h.Rename(id, "  renamed  "); err != nil {
		t.Fatal(err)
	}
	if err := h.Pin(id, true); err != nil {
		t.Fatal(err)
	}
	again := OpenHistory(store)
	if got := len(again.Entries()); got != 3 {
		t.Fatalf("reopened history has %d entries (%s), want 3", got, again.Message)
	}
	if e := again.Entries()[1]; e.Name != "renamed" || !e.Pinned || e.ID != id {
		t.Errorf("reopened entry %+v, want renamed and pinned", e)
	}
	if m := again.Message; !strings.Contains(m, "corrupt.json") || !strings.Contains(m, "foreign.json") || strings.Contains(m, "\n") {
		t.Errorf("message %q, want one line naming both files", m)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 5 {
		t.Errorf("folder holds %d files, want 3 entries and the 2 unreadable files left as they were", len(files))
	}
}

// TestHistoryBounds adds more runs than the bound with two pinned and
// checks that the pinned ones and the latest MaxHistoryUnpinned others
// are kept, in the folder as in memory.
func TestHistoryBounds(t *testing.T) {
	dir := t.TempDir()
	h := OpenHistory(DirStore{Dir: dir})
	addEntries(h, 2)
	for _, e := range h.Entries() {
		if err := h.Pin(e.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	addEntries(h, MaxHistoryUnpinned+5)
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if n := len(h.Entries()); n != MaxHistoryUnpinned+2 || len(files) != n {
		t.Errorf("%d entries and %d files, want %d", n, len(files), MaxHistoryUnpinned+2)
	}
	pinned := 0
	for _, e := range h.Entries() {
		if e.Pinned {
			pinned++
		}
		if e.Name == "run0" && !e.Pinned || e.Name == "run4" {
			t.Errorf("kept %q (pinned %v); want the oldest unpinned runs gone", e.Name, e.Pinned)
		}
	}
	if pinned != 2 {
		t.Errorf("%d pinned entries kept, want 2", pinned)
	}
}

// TestDirStoreUnwritable keeps a run whose folder cannot be made in
// memory, with a message, not a crash.
func TestDirStoreUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	blocked := OpenHistory(DirStore{Dir: filepath.Join(file, "history")})
	blocked.Add(testEntry("x", 0, 3))
	if !strings.Contains(blocked.Message, "kept only until the app closes") || len(blocked.Entries()) != 1 {
		t.Errorf("unwritable folder: message %q", blocked.Message)
	}
}
