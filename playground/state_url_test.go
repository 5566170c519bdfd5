package playground

import (
	"reflect"
	"testing"
)

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
	f.Fuzz(func(t *testing.T, link string) {
		s, _ := DecodeLink(link)
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
