//go:build !nogui

package main

import (
	"testing"

	"github.com/descent-playground/descent/playground"
)

// TestWindowHistoryFlag checks where the window keeps its run history:
// the folder --history names, none for "off", else $DESCENT_HISTORY.
func TestWindowHistoryFlag(t *testing.T) {
	t.Setenv(playground.HistoryDirEnv, "/tmp/from-env")
	for _, c := range []struct {
		args []string
		want playground.HistoryStore
	}{
		{[]string{"--history", "/tmp/h"}, playground.DirStore{Dir: "/tmp/h"}},
		{[]string{"--history", "off"}, nil},
		{nil, playground.DirStore{Dir: "/tmp/from-env"}},
	} {
		opts, code, errOut := windowOpts(t, c.args...)
		if code != -1 || errOut != "" || opts.History != c.want {
			t.Errorf("%v: history %#v (exit %d, %q), want %#v", c.args, opts.History, code, errOut, c.want)
		}
	}
}
