//go:build !js

package compute

// MaxDataBytes bounds the memory of a data set (its features and target as
// float64), estimated before anything is allocated.
const MaxDataBytes = 4 << 30
