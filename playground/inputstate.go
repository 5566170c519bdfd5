package playground

import "maps"

// InputState is what the page's tests read back about input: the 3-D
// camera, the map's window, the drawer, where named panel controls were
// laid out, the racers' hyperparameters and the number fields' errors.
type InputState struct {
	CameraDistance float64 `json:"camera_distance"`
	CameraYaw      float64 `json:"camera_yaw"`
	Show3D         bool    `json:"show_3d"`
	View           string  `json:"view"`
	// MapRange is the map view's window (x from, x to, y from, y to);
	// absent in the race view.
	MapRange *[4]float64 `json:"map_range,omitempty"`
	// Drawer is "none" where the panel has a column of its own, else
	// "folded" or "open".
	Drawer string `json:"drawer"`
	// Controls are the screen rectangles (x0, y0, x1, y1 in screen pixels)
	// of the controls the panel laid out in the latest frame: "play",
	// "step", "reset", "3d", "drawer", and "field:ID" for number fields,
	// where ID is "OPTIMIZER/KEY" for a hyperparameter (e.g. "sgd/lr").
	Controls map[string][4]int `json:"controls"`
	// Hypers are each racer's hyperparameters by optimizer name.
	Hypers map[string]map[string]float64 `json:"hypers"`
	// FieldErrors are the errors shown beside number fields, by ID.
	FieldErrors map[string]string `json:"field_errors"`
	// Layout is where the parts are and how large the text is.
	Layout LayoutState `json:"layout"`
}

// InputState returns the game's input state for page tests.
func (g *Game) InputState() InputState {
	w := g.world
	st := InputState{
		CameraDistance: w.Camera.Distance,
		CameraYaw:      w.Camera.Yaw,
		Show3D:         w.Show3D,
		View:           viewNames[w.View],
		Drawer:         "none",
		Controls:       map[string][4]int{},
		Hypers:         map[string]map[string]float64{},
		FieldErrors:    maps.Clone(g.input.panel.errs),
		Layout:         g.LayoutState(),
	}
	if st.FieldErrors == nil {
		st.FieldErrors = map[string]string{}
	}
	if w.View != RaceView {
		r := w.mapRange()
		st.MapRange = &r
	}
	if g.narrowScreen() {
		st.Drawer = "folded"
		if g.input.drawerOpen {
			st.Drawer = "open"
		}
	}
	for name, r := range g.input.panel.rects {
		st.Controls[name] = [4]int{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y}
	}
	for _, r := range w.Racers {
		st.Hypers[r.Spec.Name] = maps.Clone(map[string]float64(r.Hyper))
	}
	return st
}
