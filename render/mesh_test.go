package render

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// TestDrawMeshGolden renders the bowl as a mesh with a spiral path through
// the default camera and compares it with testdata/mesh.png.
func TestDrawMeshGolden(t *testing.T) {
	dst := newCanvas(200, 150)
	f := bowlField()
	red := color.RGBA{0xe6, 0x39, 0x46, 0xff}
	DrawMesh(dst, image.Rect(0, 0, 200, 150), f, NewColorScale(f.Values, false), DefaultCamera(), []Path{spiralPath(red)}, MeshOptions{})
	got := readImage(dst)
	checkGolden(t, "mesh.png", got)

	// The surface covers much of the screen, the path is drawn, and the
	// bowl's bottom (dark) and rim (bright) both show.
	covered, onPath, dark, bright := 0, 0, 0, 0
	for y := range 150 {
		for x := range 200 {
			c := pixel(got, x, y)
			if c != backgroundColor {
				covered++
			}
			if closeRGBA(c, red, 12) {
				onPath++
			}
			if c.R < 90 && c.G < 60 && c.B > 35 && c.B > c.R {
				dark++
			}
			if c.R > 150 && c.G > 150 && c.B < 90 {
				bright++
			}
		}
	}
	if covered < 200*150/4 {
		t.Errorf("mesh covers %d pixels, want at least a quarter of the screen", covered)
	}
	if onPath < 30 {
		t.Errorf("%d pixels in the path's colour, want at least 30", onPath)
	}
	if dark < 20 || bright < 20 {
		t.Errorf("%d viridis-dark and %d viridis-bright pixels, want both at least 20", dark, bright)
	}
}

// TestDrawMeshNaN checks that quads with a NaN corner are left out: with
// the left half of the field NaN, the mesh draws about half the quads it
// draws whole, and still draws the other half.
func TestDrawMeshNaN(t *testing.T) {
	draw := func(f Field) (quads, covered int) {
		dst := newCanvas(120, 90)
		DrawMesh(dst, image.Rect(0, 0, 120, 90), f, NewColorScale(f.Values, true), Camera{Yaw: 0, Pitch: 1.5, Distance: 4}, nil, MeshOptions{})
		got := readImage(dst)
		for i := 0; i < len(got.Pix); i += 4 {
			if got.Pix[i] != backgroundColor.R || got.Pix[i+1] != backgroundColor.G || got.Pix[i+2] != backgroundColor.B {
				covered++
			}
		}
		return len(meshBuffers.quads), covered
	}
	f := bowlField()
	whole, _ := draw(f)
	for i := range f.Values {
		if i%f.Cols < f.Cols/2 {
			f.Values[i] = math.NaN()
		}
	}
	half, covered := draw(f)
	if ratio := float64(half) / float64(whole); ratio < 0.45 || ratio > 0.55 {
		t.Errorf("half-NaN mesh draws %d quads, whole %d: ratio %.2f, want about 0.5", half, whole, ratio)
	}
	if covered < 120*90/8 {
		t.Errorf("half-NaN mesh covers %d pixels, want its valid half drawn", covered)
	}
}
