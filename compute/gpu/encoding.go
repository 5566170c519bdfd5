package gpu

import "math"

// PixelBytes is the size of one encoded float: one RGBA8 pixel.
const PixelBytes = 4

// EncodeFloat writes v into the pixel px (4 bytes) in the codec the
// shaders share: px[3] = 0 is zero; px[3] = 255 is not finite (px[0]&127 = 0
// NaN, else ±Inf by px[0]'s top bit); otherwise |v| = m·2^e with m in
// [0.5, 1), px[3] = e + 128 and the 23 bits of m below its leading one in
// px[0]&127, px[1], px[2], px[0]'s top bit the sign. The mantissa is
// truncated, so the relative error is below 2^-23 (float32's precision);
// magnitudes below 2^-128 encode as zero and from 2^126 as infinity.
func EncodeFloat(px []byte, v float64) {
	_ = px[3]
	switch {
	case math.IsNaN(v):
		px[0], px[1], px[2], px[3] = 0, 0, 0, 255
		return
	case v == 0:
		px[0], px[1], px[2], px[3] = 0, 0, 0, 0
		return
	}
	var sign byte
	if v < 0 {
		sign, v = 128, -v
	}
	m, e := math.Frexp(v)
	switch {
	case math.IsInf(v, 0) || e > 126:
		px[0], px[1], px[2], px[3] = sign|1, 0, 0, 255
		return
	case e < -127:
		px[0], px[1], px[2], px[3] = 0, 0, 0, 0
		return
	}
	f := uint32((m - 0.5) * (1 << 24)) // 23 bits
	px[0] = sign | byte(f>>16)
	px[1] = byte(f >> 8)
	px[2] = byte(f)
	px[3] = byte(e + 128)
}

// DecodeFloat reads a float written by EncodeFloat or by a shader's encode.
func DecodeFloat(px []byte) float64 {
	_ = px[3]
	switch px[3] {
	case 0:
		return 0
	case 255:
		if px[0]&127 == 0 {
			return math.NaN()
		}
		if px[0]&128 != 0 {
			return math.Inf(-1)
		}
		return math.Inf(1)
	}
	f := uint32(px[0]&127)<<16 | uint32(px[1])<<8 | uint32(px[2])
	v := math.Ldexp(0.5+float64(f)/(1<<24), int(px[3])-128)
	if px[0]&128 != 0 {
		return -v
	}
	return v
}

// carries32 says whether v survives the float codec (and float32) to
// within 2^-22 of itself: zero, or a finite magnitude in float32's normal
// range.
func carries32(v float64) bool {
	return v == 0 || (math.Abs(v) >= 0x1p-125 && math.Abs(v) < 0x1p125)
}

// carriesAll says whether float32 carries every value of v (see carries32).
func carriesAll(v []float64) bool {
	for _, x := range v {
		if !carries32(x) {
			return false
		}
	}
	return true
}
