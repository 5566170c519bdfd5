//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"syscall/js"

	"github.com/descent-playground/descent/playground"
)

// historyKeyPrefix starts the localStorage key of each history entry:
// one item per entry, holding a playground.HistoryFormat document, so
// that an item that cannot be read loses no other.
const historyKeyPrefix = "descent.history/"

// localStore is the page's playground.HistoryStore: the browser's
// window.localStorage, and downloads for exports.
type localStore struct{}

var _ playground.HistoryStore = localStore{}

// jsCall calls f, turning a JavaScript exception (which syscall/js
// raises as a panic of js.Error) into an error.
func jsCall(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if jerr, ok := r.(js.Error); ok {
				err = jerr
				if name := jerr.Value.Get("name"); name.Type() == js.TypeString && name.String() == "QuotaExceededError" {
					err = fmt.Errorf("%w: %v", playground.ErrHistoryFull, jerr)
				}
				return
			}
			err = fmt.Errorf("%v", r)
		}
	}()
	f()
	return nil
}

// storage is window.localStorage.
func storage() js.Value { return js.Global().Get("localStorage") }

// Load reads every history item; those it cannot read are named in one
// error and left.
func (localStore) Load() ([]playground.HistoryEntry, error) {
	var entries []playground.HistoryEntry
	var bad []string
	err := jsCall(func() {
		s := storage()
		var keys []string
		for i := range s.Get("length").Int() {
			if k := s.Call("key", i); k.Type() == js.TypeString && strings.HasPrefix(k.String(), historyKeyPrefix) {
				keys = append(keys, k.String())
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			got, err := playground.DecodeHistory([]byte(s.Call("getItem", k).String()))
			if err == nil && (len(got) != 1 || historyKeyPrefix+got[0].ID != k) {
				err = errors.New("want the one entry its key says")
			}
			if err != nil {
				bad = append(bad, fmt.Sprintf("%s (%v)", k, err))
				continue
			}
			entries = append(entries, got...)
		}
	})
	if err != nil {
		return entries, fmt.Errorf("the browser's storage cannot be read: %v", err)
	}
	if len(bad) > 0 {
		return entries, fmt.Errorf("%d items of the browser's storage could not be read and were left as they are: %s", len(bad), strings.Join(bad, "; "))
	}
	return entries, nil
}

// Save writes e's item; a full storage is reported as
// playground.ErrHistoryFull.
func (localStore) Save(e playground.HistoryEntry) error {
	data, err := playground.EncodeHistory([]playground.HistoryEntry{e})
	if err != nil {
		return err
	}
	return jsCall(func() { storage().Call("setItem", historyKeyPrefix+e.ID, string(data)) })
}

// Remove deletes the entry's item.
func (localStore) Remove(id string) error {
	return jsCall(func() { storage().Call("removeItem", historyKeyPrefix+id) })
}

// Export downloads data as a file called name (a Blob behind an
// anchor's download).
func (localStore) Export(name string, data []byte) (string, error) {
	err := jsCall(func() {
		g := js.Global()
		mime := "application/json"
		if strings.HasSuffix(name, ".csv") {
			mime = "text/csv"
		}
		opts := g.Get("Object").New()
		opts.Set("type", mime)
		blob := g.Get("Blob").New(g.Get("Array").New(uint8Array(data)), opts)
		url := g.Get("URL").Call("createObjectURL", blob)
		doc := g.Get("document")
		a := doc.Call("createElement", "a")
		a.Set("href", url)
		a.Set("download", name)
		doc.Get("body").Call("append", a)
		a.Call("click")
		a.Call("remove")
		var revoke js.Func
		revoke = js.FuncOf(func(js.Value, []js.Value) any {
			g.Get("URL").Call("revokeObjectURL", url)
			revoke.Release()
			return nil
		})
		g.Call("setTimeout", revoke, 10000)
	})
	if err != nil {
		return "", err
	}
	return "downloaded", nil
}
