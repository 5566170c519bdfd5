package compute

import (
	"slices"
	"testing"
)

// TestSamplerEpochs checks batch sizes (the short last batch kept), that
// every epoch visits each sample once, that shuffled epochs differ, and
// that the same seed gives the same orders.
func TestSamplerEpochs(t *testing.T) {
	epochs := func(seed uint64) [][]int32 {
		s, err := NewSampler(10, 4, SeededPermuter{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		var orders [][]int32
		for range 3 {
			var sizes []int
			var seen []int32
			for {
				lo, hi, end := s.Next()
				sizes = append(sizes, hi-lo)
				seen = append(seen, s.Order()[lo:hi]...)
				if end {
					break
				}
			}
			if !slices.Equal(sizes, []int{4, 4, 2}) {
				t.Fatalf("batch sizes %v, want 4 4 2", sizes)
			}
			sorted := slices.Clone(seen)
			slices.Sort(sorted)
			for i, v := range sorted {
				if v != int32(i) {
					t.Fatalf("epoch order %v is not a permutation", seen)
				}
			}
			orders = append(orders, seen)
			s.Advance()
		}
		if s.Epoch() != 3 {
			t.Errorf("epoch counter %d, want 3", s.Epoch())
		}
		return orders
	}
	a, b, c := epochs(1), epochs(1), epochs(2)
	if !slices.EqualFunc(a, b, slices.Equal) {
		t.Error("the same seed gave different orders")
	}
	if slices.Equal(a[0], a[1]) || slices.Equal(a[1], a[2]) {
		t.Error("consecutive epochs have the same order")
	}
	if slices.Equal(a[0], c[0]) {
		t.Error("different seeds gave the same order")
	}
}

// TestSeededPermuterIsUniform draws many permutations of 4 and checks that
// each element lands in each position about equally often (χ² test, 12
// degrees of freedom, critical value 32.9 at p = 0.001).
func TestSeededPermuterIsUniform(t *testing.T) {
	const draws = 24000
	var counts [4][4]float64
	dst := make([]int32, 4)
	for e := range draws {
		SeededPermuter{Seed: 42}.Permute(dst, e)
		for pos, v := range dst {
			counts[v][pos]++
		}
	}
	chi2 := 0.0
	for _, row := range counts {
		for _, c := range row {
			chi2 += (c - draws/4) * (c - draws/4) / (draws / 4)
		}
	}
	if chi2 > 32.9 {
		t.Errorf("χ² = %.1f, permutations are not uniform", chi2)
	}
}

// TestSamplerWithoutShuffleKeepsDataOrder checks the unshuffled order.
func TestSamplerWithoutShuffleKeepsDataOrder(t *testing.T) {
	s, _ := NewSampler(5, 2, nil)
	for range 2 {
		for {
			lo, hi, end := s.Next()
			for k := lo; k < hi; k++ {
				if s.Order()[k] != int32(k) {
					t.Fatalf("position %d holds %d", k, s.Order()[k])
				}
			}
			if end {
				break
			}
		}
		s.Advance()
	}
	if _, err := NewSampler(0, 1, nil); err == nil {
		t.Error("a sampler over no samples was accepted")
	}
}
