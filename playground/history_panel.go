//go:build !js

package playground

import (
	"encoding/json"

	"github.com/ebitengine/debugui"
)

// historyPanel lays out the history's section of the native panel from
// the same rows as the page's (historyRows), applied through SetControl
// and Press as the page's are.
func (g *Game) historyPanel(ctx *debugui.Context) {
	rows := g.historyRows()
	if rows == nil {
		return
	}
	ctx.Header("History", true, func() {
		for _, r := range rows {
			ctx.IDScope(r.Key, func() { g.historyWidget(ctx, r) })
		}
	})
}

// historyWidget lays out one history row.
func (g *Game) historyWidget(ctx *debugui.Context, r *controlRow) {
	set := func(v any) {
		data, _ := json.Marshal(v)
		if err := g.SetControl(r.Key, data, ""); err != nil {
			g.history.Message = err.Error()
		}
	}
	switch r.Kind {
	case NoteControl:
		ctx.SetGridLayout([]int{-1}, nil)
		ctx.Text(r.Note)
	case SelectControl:
		ctx.SetGridLayout(labelControlRow, nil)
		ctx.Text(r.Label)
		labels := make([]string, len(r.Options))
		at := 0
		for i, o := range r.Options {
			labels[i] = o.Label
			if o.Value == r.Value {
				at = i
			}
		}
		ctx.Dropdown(&at, labels).On(func() { set(r.Options[at].Value) })
	case CheckboxControl:
		ctx.SetGridLayout([]int{-1}, nil)
		on, _ := r.Value.(bool)
		ctx.Checkbox(&on, r.Label).On(func() { set(on) })
	case TextControl:
		ctx.SetGridLayout(labelControlRow, nil)
		ctx.Text(r.Label)
		h := g.history
		if e, _ := h.Selected(); h.draftFor != e.ID || !h.editing {
			h.draft, h.draftFor = r.Text, e.ID
		}
		ctx.TextField(&h.draft).On(func() {
			h.editing = false
			set(h.draft)
		})
		if h.draft != r.Text {
			h.editing = true
		}
	case ButtonControl:
		ctx.SetGridLayout([]int{-1}, nil)
		g.button(ctx, r.Key, r.Label, func() {
			if err := g.Press(r.Key); err != nil {
				g.history.Message = err.Error()
			}
		})
	}
}
