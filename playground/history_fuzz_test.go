package playground

import (
	"bytes"
	"testing"
)

// FuzzDecodeHistory feeds DecodeHistory any bytes: it never panics, and
// what it accepts writes and reads back to the same document.
func FuzzDecodeHistory(f *testing.F) {
	h := OpenHistory(newMemStore(0))
	addEntries(h, 2)
	good, _ := EncodeHistory(h.Entries())
	f.Add(good)
	f.Add([]byte(`{"format":"descent.history/v1","entries":[]}`))
	f.Add([]byte(`{"format":"descent.history/v1","entries":[{"id":"a","racers":[{"losses":[null],"loss_steps":[0]}]}]}`))
	f.Add([]byte(`{"format":"descent.run/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := DecodeHistory(data)
		if err != nil {
			return
		}
		once, err := EncodeHistory(entries)
		if err != nil {
			t.Fatalf("accepted entries do not encode: %v", err)
		}
		back, err := DecodeHistory(once)
		if err != nil {
			t.Fatalf("encoded entries do not decode: %v\n%s", err, once)
		}
		twice, _ := EncodeHistory(back)
		if !bytes.Equal(once, twice) {
			t.Fatalf("not stable:\n%s\n%s", once, twice)
		}
	})
}
