package gpu

import (
	"fmt"
	"testing"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/internal/frametest"
)

// linearSet returns synthetic linear data, y = 1 + 2(x₁ + … + x_D) + ε
// with every xⱼ on [0, 10) and ε standard normal, every feature moved by
// shift (and y with it, so that the same w and b fit).
func linearSet(t testing.TB, n, features int, shift float64) *compute.Dataset {
	t.Helper()
	d, err := compute.LinearData(compute.LinearSpec{N: n, Features: features, Slope: 2, Intercept: 1, Noise: 1, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if shift != 0 {
		for i := range d.Y {
			for _, col := range d.X {
				col[i] += shift
				d.Y[i] += 2 * shift
			}
		}
	}
	return d
}

// blobSet returns two Gaussian blobs 3 apart, spread 1, labelled 0 and 1.
func blobSet(t testing.TB, n int) *compute.Dataset {
	t.Helper()
	d, err := compute.BlobsData(compute.BlobsSpec{N: n, Separation: 3, Spread: 1, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newBackend returns a GPU backend or fails the test.
func newBackend(t testing.TB) *Backend {
	t.Helper()
	b, err := NewBackend()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDataImageCache checks that a data set is uploaded once, found again,
// uploaded again when its samples change in place, and that the cache
// keeps at most cachedData images.
func TestDataImageCache(t *testing.T) {
	b := newBackend(t)
	sets := make([]*compute.Dataset, cachedData+1)
	for i := range sets {
		sets[i] = linearSet(t, 100+i, 1, 0)
	}
	err := frametest.Do(func() error {
		first, ok := b.dataImage(sets[0])
		if !ok {
			return fmt.Errorf("no data image for %d samples", sets[0].Len())
		}
		if again, _ := b.dataImage(sets[0]); again != first {
			return fmt.Errorf("the same data set was uploaded twice")
		}
		sets[0].Y[0] += 1
		if changed, _ := b.dataImage(sets[0]); changed == first {
			return fmt.Errorf("a data set changed in place was not uploaded again")
		}
		for _, d := range sets {
			b.dataImage(d)
		}
		if got := len(b.data.images); got != cachedData {
			return fmt.Errorf("cache holds %d images, want %d", got, cachedData)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDataFits checks the limits of a data image: 8 features, 4,096 rows.
func TestDataFits(t *testing.T) {
	for _, c := range []struct {
		n, features int
		want        bool
	}{
		{1_000_000, 1, true},
		{1_000_000, 2, true},
		{1_000_000, 3, true},
		{1_000_000, 4, false},
		{100, 8, true},
		{100, 9, false},
	} {
		d := &compute.Dataset{X: make([][]float64, c.features), Y: make([]float64, c.n)}
		if got := dataFits(d); got != c.want {
			t.Errorf("%d samples, %d features: fits = %v, want %v", c.n, c.features, got, c.want)
		}
	}
}
