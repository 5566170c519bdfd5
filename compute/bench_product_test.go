package compute

import (
	"context"
	"fmt"
	"testing"
)

// The product path: what `descent run` does after parsing its flags,
// Config.Build then Execute, with the default recorders (the thinned path
// and the full-data loss by the default policy). Each is run at two lengths
// so that `make bench` reports their difference per epoch or step, from
// which the fixed costs (building, the first epoch's reordering, the final
// loss pass) cancel. Data generation is outside the timer.

func benchProduct(b *testing.B, cfg Config) {
	for range b.N {
		b.StopTimer()
		r, err := cfg.Build(nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if stop := r.Execute(context.Background()); stop != Finished {
			b.Fatalf("stopped: %s", stop)
		}
	}
}

// BenchmarkProductSGDEpoch1e6 is shuffled SGD at N = 10⁶ for 1 and 3
// epochs; the difference halved is one epoch beside SGDEpoch1e6.
func BenchmarkProductSGDEpoch1e6(b *testing.B) {
	for _, e := range []int{1, 3} {
		b.Run(fmt.Sprintf("epochs=%d", e), func(b *testing.B) {
			benchProduct(b, Config{Data: "linear", N: 1_000_000, Variant: "sgd", Shuffle: true, Hyper: Hypers{"lr": 1e-4}, Epochs: e})
		})
	}
}

// BenchmarkProductMiniBatch32Epoch1e6 is the same for mini-batches of 32.
func BenchmarkProductMiniBatch32Epoch1e6(b *testing.B) {
	for _, e := range []int{1, 3} {
		b.Run(fmt.Sprintf("epochs=%d", e), func(b *testing.B) {
			benchProduct(b, Config{Data: "linear", N: 1_000_000, Variant: "minibatch", BatchSize: 32, Shuffle: true,
				Hyper: Hypers{"lr": 1e-3}, Epochs: e})
		})
	}
}

// BenchmarkProductBatchLinear1e7 is full-batch linear regression at
// N = 10⁷ for 2 and 6 steps; the difference over 4 is one step, beside
// BatchGradLinear1e7 and the memory-read bound MemRead1e7.
func BenchmarkProductBatchLinear1e7(b *testing.B) {
	for _, e := range []int{2, 6} {
		b.Run(fmt.Sprintf("epochs=%d", e), func(b *testing.B) {
			benchProduct(b, Config{Data: "linear", N: 10_000_000, Hyper: Hypers{"lr": 0.1}, Epochs: e})
		})
	}
}
