//go:build js

package compute

// MaxDataBytes bounds the memory of a data set (its features and target as
// float64), estimated before anything is allocated. A WebAssembly page has
// 4 GB in all, and a shuffled run keeps two more copies, so the page takes
// a quarter of the native bound.
const MaxDataBytes = 1 << 30
