//go:build wasm || (amd64 && !amd64.v3)

package compute

// mathUnfused: see portable_math_test.go.
const mathUnfused = true
