package render

import (
	"image/color"
	"math"
)

// Viridis returns the viridis colour at t, clamped to [0,1] (NaN counts as
// 0), interpolating linearly between the 256 entries of matplotlib's table:
// t = 0 is entry 0, dark purple #440154, and t = 1 is entry 255, yellow
// #fde725.
func Viridis(t float64) color.RGBA {
	p := clamp(t, 0, 1) * 255
	i := min(int(p), 254)
	f := p - float64(i)
	a, b := &viridisTable[i], &viridisTable[i+1]
	return color.RGBA{
		R: unitToByte(a[0] + (b[0]-a[0])*f),
		G: unitToByte(a[1] + (b[1]-a[1])*f),
		B: unitToByte(a[2] + (b[2]-a[2])*f),
		A: 0xff,
	}
}

// unitToByte rounds x in [0,1] to the nearest of 0…255.
func unitToByte(x float64) uint8 {
	return uint8(math.Round(clamp(x, 0, 1) * 255))
}
