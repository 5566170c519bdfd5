//go:build !js

package playground

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestPanelFoldsIntoDrawerOnPhones lays the game out at a phone's width
// (390×844) and a laptop's: on the phone the panel starts folded into a
// handle, the surface takes the full width, and opening the drawer lays
// the panel's controls out; on the laptop the panel has its column.
func TestPanelFoldsIntoDrawerOnPhones(t *testing.T) {
	g, err := NewGame(Options{Scenario: "rosenbrock"})
	if err != nil {
		t.Fatal(err)
	}
	g.Layout(390, 844)
	phone := ebiten.NewImage(390, 844)
	frame(t, g, phone)
	frame(t, g, phone)
	st := g.InputState()
	if st.Drawer != "folded" {
		t.Fatalf("at 390×844 the drawer is %q, want folded", st.Drawer)
	}
	if _, ok := st.Controls["drawer"]; !ok {
		t.Error("the folded drawer has no handle")
	}
	if _, ok := st.Controls["play"]; ok {
		t.Error("the folded drawer lays out the Play button")
	}
	if s := g.SurfaceRect(); s.Min.X > 100 || s.Dx() < 390*2/3 {
		t.Errorf("at 390×844 the surface is %v, want nearly the full width", s)
	}
	g.input.drawerOpen = true
	frame(t, g, phone)
	st = g.InputState()
	play, ok := st.Controls["play"]
	if st.Drawer != "open" || !ok {
		t.Fatalf("the opened drawer is %q with controls %v", st.Drawer, st.Controls)
	}
	if play[2] > 390 {
		t.Errorf("the Play button %v runs off a 390-pixel screen", play)
	}

	g.Layout(screenW, screenH)
	laptop := ebiten.NewImage(screenW, screenH)
	frame(t, g, laptop)
	st = g.InputState()
	if _, ok := st.Controls["play"]; st.Drawer != "none" || !ok {
		t.Errorf("at %d×%d the drawer is %q (want none) and Play laid out = %v", screenW, screenH, st.Drawer, ok)
	}
	if _, ok := st.Controls["field:sgd/lr"]; !ok {
		t.Errorf("SGD's lr field is not laid out: %v", st.Controls)
	}
}
