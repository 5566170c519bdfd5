package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// The reused options of strokePath and fillPath.
var (
	strokeOptions   vector.StrokeOptions
	drawPathOptions = vector.DrawPathOptions{AntiAlias: true}
)

// strokePath strokes path on dst, anti-aliased, with round joins.
func strokePath(dst *ebiten.Image, path *vector.Path, width float32, clr color.Color) {
	strokeOptions = vector.StrokeOptions{Width: width, LineJoin: vector.LineJoinRound}
	drawPathOptions.ColorScale.Reset()
	drawPathOptions.ColorScale.ScaleWithColor(clr)
	vector.StrokePath(dst, path, &strokeOptions, &drawPathOptions)
}

// fillPath fills path on dst, anti-aliased, by the non-zero rule.
func fillPath(dst *ebiten.Image, path *vector.Path, clr color.Color) {
	drawPathOptions.ColorScale.Reset()
	drawPathOptions.ColorScale.ScaleWithColor(clr)
	vector.FillPath(dst, path, nil, &drawPathOptions)
}
