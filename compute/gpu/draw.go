package gpu

import "github.com/hajimehoshi/ebiten/v2"

// drawCells runs sh once for every pixel of dst, with src (which may be
// nil) as source image 0 and the given uniforms, writing the shader's
// output bytes unblended. The source keeps its own size: the shader reads
// it by absolute texel, imageSrc0At(imageSrc0Origin() + texel + 0.5).
func drawCells(dst *ebiten.Image, sh *ebiten.Shader, src *ebiten.Image, uniforms map[string]any) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	vs := []ebiten.Vertex{
		{DstX: 0, DstY: 0, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: float32(w), DstY: 0, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: 0, DstY: float32(h), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: float32(w), DstY: float32(h), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
	}
	if src != nil {
		sw, shh := float32(src.Bounds().Dx()), float32(src.Bounds().Dy())
		vs[1].SrcX, vs[2].SrcY, vs[3].SrcX, vs[3].SrcY = sw, shh, sw, shh
	}
	op := &ebiten.DrawTrianglesShaderOptions{Uniforms: uniforms, Blend: ebiten.BlendCopy}
	if src != nil {
		op.Images[0] = src
	}
	dst.DrawTrianglesShader(vs, []uint16{0, 1, 2, 1, 2, 3}, sh, op)
}
