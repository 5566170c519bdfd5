package export

import (
	"slices"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestShuffleMatchesSeededPermuter runs shuffle.py's permutation for
// several seeds, epochs and sizes and compares each order with
// compute.SeededPermuter's, the order Descent's runs use.
func TestShuffleMatchesSeededPermuter(t *testing.T) {
	type job struct {
		Seed  uint64 `json:"seed"`
		Epoch int    `json:"epoch"`
		N     int    `json:"n"`
	}
	var jobs []job
	for _, seed := range []uint64{0, 1, 42, 1<<63 + 12345, 1<<64 - 1} {
		for _, epoch := range []int{0, 1, 7, 999} {
			for _, n := range []int{1, 2, 5, 33, 1000} {
				jobs = append(jobs, job{seed, epoch, n})
			}
		}
	}
	prog := shufflePy + `
import json, sys
for j in json.load(sys.stdin):
    print(json.dumps(permutation(j["seed"], j["epoch"], j["n"])))
`
	got := pythonJSON[[]int32](t, []string{"-c", prog}, jobs)
	if len(got) != len(jobs) {
		t.Fatalf("python3 printed %d orders, want %d", len(got), len(jobs))
	}
	for i, j := range jobs {
		want := make([]int32, j.N)
		compute.SeededPermuter{Seed: j.Seed}.Permute(want, j.Epoch)
		if !slices.Equal(got[i], want) {
			t.Errorf("seed %d epoch %d n %d: python %v, Go %v", j.Seed, j.Epoch, j.N, head(got[i]), head(want))
		}
	}
}

func head(s []int32) []int32 { return s[:min(len(s), 10)] }
