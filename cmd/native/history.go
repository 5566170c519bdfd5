//go:build !nogui

package main

import (
	"github.com/descent-playground/descent/playground"
)

// historyOff is the --history value that keeps no run history.
const historyOff = "off"

// historyStore is the run history's store for the --history flag's
// value: the folder it names, none for "off", or by default
// playground.DefaultHistoryDir ($DESCENT_HISTORY, else the user's
// configuration folder).
func historyStore(dir string) (playground.HistoryStore, error) {
	switch dir {
	case historyOff:
		return nil, nil
	case "":
		d, err := playground.DefaultHistoryDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return playground.DirStore{Dir: dir}, nil
}
