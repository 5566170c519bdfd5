//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"
	"time"

	"github.com/descent-playground/descent/playground"
)

// linkEvery is how often, at most, the page's address is rewritten while
// the state changes (a playing race changes it every frame).
const linkEvery = 250 * time.Millisecond

// pageLink returns the page's address without its query and fragment.
func pageLink() string {
	loc := js.Global().Get("location")
	return loc.Get("origin").String() + loc.Get("pathname").String()
}

// writeLink puts the world's state in the page's address as a fragment,
// at most every linkEvery and only when it changed. It replaces the
// current history entry, so the Back button is not flooded with states.
func (h *host) writeLink() {
	if time.Since(h.linkAt) < linkEvery {
		return
	}
	h.linkAt = time.Now()
	link := playground.EncodeLink(h.World().State())
	if link == h.link {
		return
	}
	h.link = link
	js.Global().Get("history").Call("replaceState", js.Null(), "", pageLink()+"#"+link)
}

// readLink applies a fragment that someone else wrote (a link pasted into
// the address bar of an open page); one the page wrote itself is ignored.
func (h *host) readLink() {
	hash := js.Global().Get("location").Get("hash").String()
	if len(hash) > 0 && hash[1:] == h.link {
		return
	}
	h.jobs = append(h.jobs, func() {
		st, err := playground.DecodeLink(js.Global().Get("location").Get("href").String())
		showError(err)
		if err := h.World().SetState(st); err != nil {
			showError(err)
		}
	})
}

// stateURL returns the page's link to the current state.
func (h *host) stateURL() string {
	return pageLink() + "#" + playground.EncodeLink(h.World().State())
}

// getState returns the current state as JSON.
func (h *host) getState() string {
	out, err := json.Marshal(h.World().State())
	if err != nil {
		return errorJSON(err.Error())
	}
	return string(out)
}

// setState returns a Promise that applies a state given as JSON in the
// next frame and resolves to "" or, when settings were left at their
// defaults, the message saying which (also shown on the page).
func (h *host) setState(stateJSON string) js.Value {
	return js.Global().Get("Promise").New(js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolve := args[0]
		h.jobs = append(h.jobs, func() {
			st, err := playground.DecodeStateJSON([]byte(stateJSON))
			if serr := h.World().SetState(st); serr != nil {
				err = serr
			}
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			showError(err)
			resolve.Invoke(msg)
		})
		return nil
	}))
}
