//go:build !linux

package playground

import "time"

// threadCPUKnown says whether threadCPU measures anything on this system:
// a thread's own CPU time is read with getrusage(RUSAGE_THREAD), which
// only Linux has.
const threadCPUKnown = false

// threadCPU returns 0: this system has no per-thread CPU time here.
func threadCPU() time.Duration { return 0 }
