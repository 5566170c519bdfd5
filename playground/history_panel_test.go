//go:build !js

package playground

import "testing"

// TestNativeHistoryPanel runs frames of a game with a stored run and
// checks that the native panel laid out the history's buttons from the
// same rows as the page's.
func TestNativeHistoryPanel(t *testing.T) {
	store := newMemStore(0)
	e := testEntry("old run", 0, 10)
	e.ID = "abc"
	store.items[e.ID] = e
	g, screen := historyGame(t, store)
	for range 3 {
		frame(t, g, screen)
	}
	for _, key := range []string{"history.pin", "history.open", "history.delete", "history.run_json", "history.all_csv"} {
		if r, ok := g.input.panel.rects[key]; !ok || r.Empty() {
			t.Errorf("the native panel has no %s button (%v)", key, r)
		}
	}
}
