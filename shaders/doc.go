// Package shaders holds Descent's Kage shaders, one per file, embedded into
// the binary. compute/gpu compiles them once at start-up.
//
// Kage has no imports, so the number codec (encode and decode of a float in
// one RGBA pixel, see compute/gpu/doc.go) lives in codec.kage, and
// compute/gpu appends it to every shader when it compiles them: a shader
// file calls encode, decode and scale2 without defining them.
package shaders

import "embed"

// Codec is the float codec that compute/gpu appends to every shader.
//
//go:embed codec.kage
var Codec []byte

// FS holds every shader, by file name.
//
//go:embed *.kage
var FS embed.FS
