package compute

import (
	"fmt"
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
	Permute(dst []int, epoch int)
}

// SeededPermuter draws each epoch's permutation from a PCG generator seeded
// with (Seed, epoch), so any epoch's order can be recomputed on its own.
type SeededPermuter struct {
	Seed uint64
}

// Permute fills dst with a Fisher–Yates shuffle of 0..len(dst)-1.
func (p SeededPermuter) Permute(dst []int, epoch int) {
	rng := rand.New(rand.NewPCG(p.Seed, uint64(epoch)))
	for i := range dst {
		dst[i] = i
	}
	for i := len(dst) - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		dst[i], dst[j] = dst[j], dst[i]
	}
}

// Sampler cuts epochs into batches. Each epoch is one pass over N samples in
// the data order, or in a permutation drawn anew each epoch when a Permuter
// is set; the last, shorter batch of an epoch is kept, as PyTorch's
// DataLoader does by default.
type Sampler struct {
	n, size  int
	permuter Permuter
	order    []int
	pos      int
	epoch    int
}

// NewSampler returns a sampler over n samples with batches of size (clamped
// to n); permuter nil means the data order.
func NewSampler(n, size int, permuter Permuter) (*Sampler, error) {
	if n < 1 {
		return nil, fmt.Errorf("sampler: n = %d, want at least 1", n)
	}
	if size < 1 {
		return nil, fmt.Errorf("sampler: batch size = %d, want at least 1", size)
	}
	s := &Sampler{n: n, size: min(size, n), permuter: permuter, order: make([]int, n)}
	s.fill()
	return s, nil
}

// BatchSize returns the number of samples in a full batch.
func (s *Sampler) BatchSize() int { return s.size }

// Epoch returns the number of completed epochs.
func (s *Sampler) Epoch() int { return s.epoch }

// Whole reports whether every batch is the whole data set in data order.
func (s *Sampler) Whole() bool { return s.size == s.n && s.permuter == nil }

// Next returns the next batch's sample indices and whether it ends an epoch.
// The slice is valid until the following call.
func (s *Sampler) Next() (batch []int, endsEpoch bool) {
	hi := min(s.pos+s.size, s.n)
	batch = s.order[s.pos:hi]
	s.pos = hi
	if hi < s.n {
		return batch, false
	}
	return batch, true
}

// Advance starts the next epoch after Next reported the end of one. It is
// separate from Next so that the returned batch stays valid while it is used.
func (s *Sampler) Advance() {
	s.epoch++
	s.pos = 0
	s.fill()
}

func (s *Sampler) fill() {
	if s.permuter != nil {
		s.permuter.Permute(s.order, s.epoch)
		return
	}
	if s.epoch == 0 {
		for i := range s.order {
			s.order[i] = i
		}
	}
}
