package compute

import (
	"runtime"
	"sync"
)

// rangeTask is work that can be split into index ranges run concurrently,
// part p on worker p. The number of parts follows the number of cores, so
// a task whose result must not depend on it writes each index's result to
// its own slot and combines them afterwards in index order (see gradTask).
type rangeTask interface {
	runPart(part, lo, hi int)
}

type poolJob struct {
	task         rangeTask
	part, lo, hi int
	wg           *sync.WaitGroup
}

// workerPool is a fixed set of goroutines, one per processor, started on
// first use and kept for the life of the process. Jobs carry pointers to
// preallocated tasks, so running a split loop allocates nothing.
type workerPool struct {
	once sync.Once
	jobs chan poolJob
	size int
}

var workers workerPool

func (p *workerPool) start() {
	p.once.Do(func() {
		p.size = runtime.GOMAXPROCS(0)
		p.jobs = make(chan poolJob, p.size)
		for range p.size - 1 {
			go func() {
				for j := range p.jobs {
					j.task.runPart(j.part, j.lo, j.hi)
					j.wg.Done()
				}
			}()
		}
	})
}

// parts returns how many parts a loop of n iterations should be split into
// so that each part has at least minPart iterations.
func (p *workerPool) parts(n, minPart int) int {
	p.start()
	return max(1, min(p.size, n/minPart))
}

// run splits 0..n into parts contiguous ranges and runs them, part 0 on the
// calling goroutine, returning when all are done.
func (p *workerPool) run(t rangeTask, n, parts int, wg *sync.WaitGroup) {
	p.start()
	for k := 1; k < parts; k++ {
		wg.Add(1)
		p.jobs <- poolJob{task: t, part: k, lo: k * n / parts, hi: (k + 1) * n / parts, wg: wg}
	}
	t.runPart(0, 0, n/parts)
	wg.Wait()
}
