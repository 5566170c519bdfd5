package gpu

import "github.com/hajimehoshi/ebiten/v2"

// drawCells runs sh once for every pixel of dst, with srcs (none, or up to
// four; the first may be nil) as source images and the given uniforms,
// writing the shader's output bytes unblended. The sources keep their own
// sizes: the shader reads image 0 by absolute texel,
// imageSrc0At(imageSrc0Origin() + texel + 0.5), and image N ≥ 1 by the same
// position through imageSrcNAtFromSrc0Pos.
func drawCells(dst *ebiten.Image, sh *ebiten.Shader, uniforms map[string]any, srcs ...*ebiten.Image) {
	w, h := float32(dst.Bounds().Dx()), float32(dst.Bounds().Dy())
	vs := []ebiten.Vertex{
		{DstX: 0, DstY: 0, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: w, DstY: 0, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: 0, DstY: h, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
		{DstX: w, DstY: h, ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1},
	}
	op := &ebiten.DrawTrianglesShaderOptions{Uniforms: uniforms, Blend: ebiten.BlendCopy}
	if len(srcs) > 0 && srcs[0] != nil {
		sw, sh0 := float32(srcs[0].Bounds().Dx()), float32(srcs[0].Bounds().Dy())
		vs[1].SrcX, vs[2].SrcY, vs[3].SrcX, vs[3].SrcY = sw, sh0, sw, sh0
	}
	copy(op.Images[:], srcs)
	dst.DrawTrianglesShader(vs, []uint16{0, 1, 2, 1, 2, 3}, sh, op)
}
