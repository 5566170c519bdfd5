//go:build linux

package playground

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadCPUKnown says whether threadCPU measures anything on this system.
const threadCPUKnown = true

// threadCPU returns the CPU time (user and system) the calling OS thread
// has used. Ebitengine runs Update and Draw on one locked thread.
func threadCPU() time.Duration {
	var ru unix.Rusage
	if err := unix.Getrusage(unix.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
