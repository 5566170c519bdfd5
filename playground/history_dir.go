//go:build !js

package playground

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// HistoryDirEnv names the environment variable that, when set, is the
// default history folder (DefaultHistoryDir); tests point it at a
// temporary folder.
const HistoryDirEnv = "DESCENT_HISTORY"

// DefaultHistoryDir is the native history's folder: $DESCENT_HISTORY when
// set, else descent/history in the user's configuration folder
// (os.UserConfigDir).
func DefaultHistoryDir() (string, error) {
	if dir := os.Getenv(HistoryDirEnv); dir != "" {
		return dir, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("history: no folder for it: %w", err)
	}
	return filepath.Join(dir, "descent", "history"), nil
}

// DirStore is the native HistoryStore: a folder with one HistoryFormat
// file per entry, ID.json, each written whole to a temporary file and
// renamed into place, so that a crash leaves the old file or the new one.
// Exports go to the folder "exports" beside it.
type DirStore struct {
	// Dir is the folder; it is made on the first Save.
	Dir string
}

var _ HistoryStore = DirStore{}

// Load reads every *.json file of the folder; a missing folder holds no
// entries. The files it cannot read are named in one error and left.
func (d DirStore) Load() ([]HistoryEntry, error) {
	names, err := filepath.Glob(filepath.Join(d.Dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var entries []HistoryEntry
	var bad []string
	for _, name := range names {
		got, err := readHistoryFile(name)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s (%v)", filepath.Base(name), err))
			continue
		}
		entries = append(entries, got...)
	}
	if len(bad) > 0 {
		return entries, fmt.Errorf("%d files of %s could not be read and were left as they are: %s", len(bad), d.Dir, strings.Join(bad, "; "))
	}
	return entries, nil
}

// readHistoryFile reads one entry's file, at most MaxHistoryBytes.
func readHistoryFile(name string) ([]HistoryEntry, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxHistoryBytes+1))
	if err != nil {
		return nil, err
	}
	entries, err := DecodeHistory(data)
	if err == nil && (len(entries) != 1 || entries[0].ID+".json" != filepath.Base(name)) {
		err = errors.New("want the one entry its name says")
	}
	return entries, err
}

// Save writes e to ID.json through a temporary file in the folder.
func (d DirStore) Save(e HistoryEntry) error {
	if err := e.check(); err != nil {
		return err
	}
	data, err := EncodeHistory([]HistoryEntry{e})
	if err != nil {
		return err
	}
	_, err = writeAtomic(d.Dir, e.ID+".json", data)
	return err
}

// Remove deletes ID.json.
func (d DirStore) Remove(id string) error {
	if !validHistoryID(id) {
		return fmt.Errorf("history: bad id %q", id)
	}
	err := os.Remove(filepath.Join(d.Dir, id+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Export writes data to exports/name beside the folder and returns its
// path.
func (d DirStore) Export(name string, data []byte) (string, error) {
	return writeAtomic(filepath.Join(filepath.Dir(filepath.Clean(d.Dir)), "exports"), filepath.Base(name), data)
}

// writeAtomic writes data to dir/name through a temporary file renamed
// into place, making dir as needed, and returns the path. A full disk is
// reported as ErrHistoryFull.
func writeAtomic(dir, name string, data []byte) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", fullDisk(err)
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	path := filepath.Join(dir, name)
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fullDisk(err)
	}
	return path, nil
}

// fullDisk wraps a "no space" or "quota" error as ErrHistoryFull.
func fullDisk(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
		return fmt.Errorf("%w: %v", ErrHistoryFull, err)
	}
	return err
}
