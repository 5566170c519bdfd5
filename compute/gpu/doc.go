// Package gpu is the GPU backend: compute's heavy loops run as Kage shaders
// (package shaders) through Ebitengine, compute-style: each pixel of an
// offscreen image is one piece of independent work, and results cross back
// to the CPU as pixel bytes. The CPU backend is the reference; every kernel
// is tested against it, under Mesa's llvmpipe and in headless Chromium.
//
// # Numbers across the 8-bit boundary
//
// Ebitengine images are RGBA with 8 bits a channel, and a shader drawn with
// BlendCopy writes all four bytes, alpha included, unchanged. Every float
// that crosses (data sets going in, results coming out) is one pixel in
// this codec (EncodeFloat and DecodeFloat here; encode and decode in
// shaders/codec.kage, appended to every shader):
//
//	a = 0        the value 0 (and magnitudes below 2^-128)
//	a = 255      not finite: r&127 = 0 is NaN, otherwise ±Inf (sign in r's top bit)
//	a = 1…254    |v| = m·2^(a-128), m in [0.5, 1); the 23 bits of m below its
//	             leading one in r&127 (7 bits), g and b; the sign in r's top bit
//
// The mantissa is truncated, so one crossing costs less than 2^-23 relative,
// float32's own precision; the shaders compute in float32 anyway. Kernels
// that sum many terms do it in tiles or chunks inside the shader and add the
// partial sums in float64 on the CPU.
//
// The backend's methods draw and read pixels, so they must run inside the
// game loop (an Update); a test does that through internal/frametest.
package gpu
