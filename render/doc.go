// Package render draws Descent's pictures on an *ebiten.Image: the viridis
// colormap, heatmaps and contour lines of a loss surface, a 3-D mesh seen
// through an orbit camera, optimizer paths, arrows, axes and labels, loss
// curves, scatter plots and fitted lines.
//
// It takes plain data and never trains anything: a Field is a grid of values
// over a rectangle of parameter space, a Path a list of parameter points, a
// Series a list of losses. A Viewport maps parameter space onto a screen
// rectangle. The numeric parts (ColorScale, Viridis, HeatmapPixels,
// Contours, NiceTicks) are pure Go; the Draw functions issue Ebitengine
// draw calls.
//
// The main types are:
//   - Viewport: parameter rectangle ↔ screen rectangle, y up in parameter
//     space and down on screen.
//   - Field: a grid of surface values; ColorScale maps them to [0,1].
//   - SurfaceLayer: one field's cached heatmap image and contour lines.
//   - Camera: the orbit camera of DrawMesh, which frames the region
//     MeshOptions.Focus names and draws axes, a floor of contours and the
//     minima around the mesh.
//   - Theme: the colours of everything but the colour maps, dark or light
//     (SetTheme).
//
// Labels are Go Regular at the size SetTextSize sets (text.go); line
// widths and marks follow SetScale. The Draw functions reuse package-level
// scratch buffers and read the package's theme and sizes, so they must be
// called from the game's goroutine (Update or Draw), as Ebitengine
// requires anyway.
package render
