package compute

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
)

// Variant is how many samples one step of gradient descent uses.
type Variant string

// The variants: all N samples, one sample, or B samples per step.
const (
	Batch      Variant = "batch"
	Stochastic Variant = "sgd"
	MiniBatch  Variant = "minibatch"
)

// Permuter gives the order in which an epoch visits the samples.
type Permuter interface {
	// Permute fills dst with a permutation of 0..len(dst)-1 for the epoch.
	Permute(dst []int32, epoch int)
}

// SeededPermuter draws each epoch's permutation from a PCG generator seeded
// with (Seed, epoch), so any epoch's order can be recomputed on its own.
type SeededPermuter struct {
	Seed uint64
}

// Permute fills dst with a uniformly random permutation of 0..len(dst)-1 by
// the "inside-out" Fisher–Yates shuffle, one pass with no initialisation,
// drawing each index by Lemire's unbiased multiply-and-reject method.
func (p SeededPermuter) Permute(dst []int32, epoch int) {
	pcg := rand.NewPCG(p.Seed, uint64(epoch))
	for i := range dst {
		n := uint64(i + 1)
		hi, lo := bits.Mul64(pcg.Uint64(), n)
		if lo < n {
			for thresh := -n % n; lo < thresh; {
				hi, lo = bits.Mul64(pcg.Uint64(), n)
			}
		}
		dst[i] = dst[hi]
		dst[hi] = int32(i)
	}
}

// Sampler cuts epochs into batches. Each epoch is one pass over N samples in
// the data order, or in a permutation drawn anew each epoch when a Permuter
// is set; the last, shorter batch of an epoch is kept, as PyTorch's
// DataLoader does by default.
type Sampler struct {
	n, size  int
	permuter Permuter
	order    []int32
	pos      int
	epoch    int
	// next holds the following epoch's order when prepared is set.
	next     []int32
	prepared bool
	// stale says that order must be drawn for the epoch before its first
	// batch; drawing lazily spares a permutation after the last epoch.
	stale bool
}

// NewSampler returns a sampler over n samples with batches of size (clamped
// to n); permuter nil means the data order.
func NewSampler(n, size int, permuter Permuter) (*Sampler, error) {
	if n < 1 || n > math.MaxInt32 {
		return nil, fmt.Errorf("sampler: n = %d, want 1 ≤ n ≤ %d", n, math.MaxInt32)
	}
	if size < 1 {
		return nil, fmt.Errorf("sampler: batch size = %d, want at least 1", size)
	}
	s := &Sampler{n: n, size: min(size, n), permuter: permuter, order: make([]int32, n)}
	s.fill()
	return s, nil
}

// BatchSize returns the number of samples in a full batch.
func (s *Sampler) BatchSize() int { return s.size }

// Epoch returns the number of completed epochs.
func (s *Sampler) Epoch() int { return s.epoch }

// Shuffled reports whether each epoch has its own permutation.
func (s *Sampler) Shuffled() bool { return s.permuter != nil }

// Order returns the current epoch's order of the samples: the data order,
// or the epoch's permutation. It is valid until Advance.
func (s *Sampler) Order() []int32 { return s.order }

// Next returns the next batch as positions lo ≤ k < hi in Order, and
// whether it ends the epoch.
func (s *Sampler) Next() (lo, hi int, endsEpoch bool) {
	if s.stale {
		s.fill()
		s.stale = false
	}
	lo = s.pos
	hi = min(lo+s.size, s.n)
	s.pos = hi
	return lo, hi, hi == s.n
}

// Advance moves to the next epoch after Next reported the end of one. It is
// separate from Next so that Order stays valid while the last batch is used;
// the new epoch's order is drawn by the first Next.
func (s *Sampler) Advance() {
	s.epoch++
	s.pos = 0
	if s.prepared {
		s.order, s.next, s.prepared = s.next, s.order, false
		return
	}
	s.stale = true
}

// PrepareNext draws the next epoch's permutation ahead of time and returns
// it; Advance then uses it. It may run on another goroutine while the
// current epoch's Order is in use, but must finish before Advance is called.
func (s *Sampler) PrepareNext() []int32 {
	if len(s.next) != s.n {
		s.next = make([]int32, s.n)
	}
	s.permuter.Permute(s.next, s.epoch+1)
	s.prepared = true
	return s.next
}

func (s *Sampler) fill() {
	if s.permuter != nil {
		s.permuter.Permute(s.order, s.epoch)
		return
	}
	if s.epoch == 0 {
		for i := range s.order {
			s.order[i] = int32(i)
		}
	}
}
