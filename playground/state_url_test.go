package playground

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkMessage requires a decoder's message to be one line that repeats at
// most a bounded part of what it was given: each problem quotes at most 80
// characters of a key and of a value.
func checkMessage(t *testing.T, in string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("%.100q: a message of several lines: %q", in, msg)
	}
	var se *StateError
	if errors.As(err, &se) {
		for _, p := range se.Problems {
			if utf8.RuneCountInString(p) > 400 {
				t.Fatalf("%.100q: a problem of %d characters: %.300q", in, utf8.RuneCountInString(p), p)
			}
		}
	}
}

// FuzzDecodeStateJSON feeds DecodeStateJSON arbitrary files: it never
// panics, returns a state Check accepts, and its message is one bounded
// line; the same input decodes to the same state every time.
func FuzzDecodeStateJSON(f *testing.F) {
	f.Add(`{"scenario":"beale","racers":["sgd","adam"],"optimizers":{"adam":{"lr":0.05}}}`)
	f.Add(`{"scenario":"beale","Scenario":"booth","SCENARIO":"ackley"}`)
	f.Add(`{"adam.lr":0.1,"optimizers":{"adam":{"lr":0.2}}}`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := DecodeStateJSON([]byte(in))
		checkMessage(t, in, err)
		if cerr := s.Check(); cerr != nil {
			t.Fatalf("DecodeStateJSON(%q) returned a state Check refuses: %v", in, cerr)
		}
		again, _ := DecodeStateJSON([]byte(in))
		if !reflect.DeepEqual(again, s) {
			t.Fatalf("%q decodes to two different states", in)
		}
	})
}

// FuzzDecodeURL feeds DecodeLink arbitrary links. It must never panic, it
// must always return a state that Check accepts, and that state must be a
// fixed point of the link encoding: decoding its link gives it back with no
// problem, and the same link again. The seed corpus
// (testdata/fuzz/FuzzDecodeURL) holds links the page writes, the older
// query form, and broken ones.
func FuzzDecodeURL(f *testing.F) {
	f.Add("s=himmelblau")
	f.Add("#s=beale&o=sgd,adam&adam.lr=0.05&3d=1&cam=-1,0.5,5&x0=1,-0.5&t=30")
	f.Add("?scenario=blobs&play=1")
	f.Add("#x0=1%0A2%0Adescent:%20fake&qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq=1")
	f.Fuzz(func(t *testing.T, link string) {
		s, derr := DecodeLink(link)
		checkMessage(t, link, derr)
		if err := s.Check(); err != nil {
			t.Fatalf("DecodeLink(%q) returned a state Check refuses: %v", link, err)
		}
		enc := EncodeLink(s)
		again, err := DecodeLink(enc)
		if err != nil {
			t.Fatalf("DecodeLink(%q) = %v, decoding its link %q: %v", link, s, enc, err)
		}
		if !reflect.DeepEqual(again, s) {
			t.Fatalf("link %q decodes to\n%+v\nits link %q to\n%+v", link, s, enc, again)
		}
		if enc2 := EncodeLink(again); enc2 != enc {
			t.Fatalf("links differ: %q then %q", enc, enc2)
		}
	})
}
