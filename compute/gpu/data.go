package gpu

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
)

// Data images. A data set crosses to the GPU once, as one image of encoded
// floats (one pixel each), dataWidth = 1024 texels wide. Each column (the
// D features in order, then the target) occupies ColumnRows = ⌈N/1024⌉
// image rows, and the columns are stacked: sample i of column j is texel
//
//	(i mod 1024, j·ColumnRows + ⌊i/1024⌋)
//
// and the unused tail of a column's last row is zero. Values are stored
// centred, x_ij - x̄_j and y_i - ȳ, with the centres kept on the CPU: the
// kernels fold them into one offset per parameter point, computed in
// float64 (see offset), so a feature or target far from zero costs no
// float32 precision in the residuals. A centre is its column's mean
// rounded to 12 significant bits, so that values with few bits stay exact
// when centred and when a shader adds the centre back: logistic
// regression's labels 0 and 1 come back as exactly 0 and 1.
//
// The image is kept per *compute.Dataset, in a small cache that evicts the
// least recently used one. A data set must not change while it is in use
// (NewLinearRegression asks the same); one that does change in place, as
// Reordered's reused buffers do, is detected by a fingerprint of a few
// strided samples and uploaded again.
const (
	// dataWidth is the width of a data image in texels, and the number of
	// samples in one row of a column.
	dataWidth = 1024
	// maxFeatures is the most features the shaders loop over.
	maxFeatures = 8
	// cachedData is the number of data images kept.
	cachedData = 4
	// printSamples is the number of samples in a fingerprint.
	printSamples = 16
)

// dataImage is one data set on the GPU, with what the kernels need of it on
// the CPU.
type dataImage struct {
	set *compute.Dataset
	img *ebiten.Image
	// columnRows is ⌈N/dataWidth⌉, the image rows of one column.
	columnRows int
	// centres holds the centres of the features, then of the target (see
	// centre).
	centres []float64
	// print is the fingerprint: printSamples strided samples of every
	// column, raw.
	print []float64
}

// dataCache holds the data images of the most recently used data sets,
// most recent first, and scratch buffers the kernels reuse.
type dataCache struct {
	images []*dataImage
	// px is scratch for pixel bytes, read back or written.
	px []byte
	// sums is scratch for float64 partial sums.
	sums []float64
}

// maxSide returns the longest side of any image the kernels make: 4,095,
// or less on a device whose textures are smaller than 4,096 (Ebitengine
// pads an image by one pixel inside its texture). It must be called while
// the game runs.
func maxSide() int { return min(4095, ebiten.MaxImageSize()-1) }

// dataFits says whether d has the shape of a data image: at least one
// sample, at most maxFeatures features and at most maxSide rows in all,
// which allows up to 2,096,128 samples of one feature, 1,047,552 of three.
func dataFits(d *compute.Dataset) bool {
	n, cols := d.Len(), d.Features()+1
	return n >= 1 && d.Features() <= maxFeatures && cols*columnRows(n) <= maxSide()
}

// columnRows returns the image rows one column of n samples occupies.
func columnRows(n int) int { return (n + dataWidth - 1) / dataWidth }

// cache returns the backend's data cache, made on first use.
func (b *Backend) cache() *dataCache {
	if b.data == nil {
		b.data = &dataCache{}
	}
	return b.data
}

// dataImage returns d's data image, uploading it when it is not cached or
// its samples changed. ok is false when d cannot be one: too many features
// or samples (see dataFits), or a value float32 cannot carry.
func (b *Backend) dataImage(d *compute.Dataset) (di *dataImage, ok bool) {
	if !dataFits(d) {
		return nil, false
	}
	c := b.cache()
	for i, e := range c.images {
		if e.set != d {
			continue
		}
		copy(c.images[1:i+1], c.images[:i])
		c.images[0] = e
		if samePrint(e.print, d) {
			return e, true
		}
		e.img.Deallocate()
		c.images = c.images[1:]
		break
	}
	di, ok = upload(d)
	if !ok {
		return nil, false
	}
	if len(c.images) == cachedData {
		c.images[cachedData-1].img.Deallocate()
		c.images = c.images[:cachedData-1]
	}
	c.images = append([]*dataImage{di}, c.images...)
	return di, true
}

// upload centres d's columns and writes them into a new data image.
func upload(d *compute.Dataset) (*dataImage, bool) {
	n, rows := d.Len(), columnRows(d.Len())
	cols := append(append([][]float64(nil), d.X...), d.Y)
	di := &dataImage{set: d, columnRows: rows, centres: make([]float64, len(cols)), print: fingerprint(d)}
	// Not scratch: an upload is rare, and its buffer is large.
	px := make([]byte, PixelBytes*dataWidth*rows*len(cols))
	for j, col := range cols {
		ctr := centre(sum(col) / float64(n))
		di.centres[j] = ctr
		base := px[PixelBytes*dataWidth*rows*j:]
		for i, v := range col {
			v -= ctr
			if !carries32(v) {
				return nil, false
			}
			EncodeFloat(base[PixelBytes*i:], v)
		}
	}
	di.img = ebiten.NewImage(dataWidth, rows*len(cols))
	di.img.WritePixels(px)
	return di, true
}

// offset returns the constant term of the centred model at θ (weights,
// then intercept): b + Σⱼ wⱼx̄ⱼ, less ȳ for linear regression, whose
// residual ŷ - y is then Σⱼ wⱼ(xⱼ - x̄ⱼ) + offset - (y - ȳ). Logistic
// regression keeps the raw target, y = (y - ȳ) + ȳ, as its labels are
// 0 and 1 and its logit has no target in it.
func (di *dataImage) offset(theta []float64, kind string) float64 {
	d := len(theta) - 1
	o := theta[d]
	for j, w := range theta[:d] {
		o += w * di.centres[j]
	}
	if kind == "linear" {
		o -= di.centres[d]
	}
	return o
}

// centre returns mean rounded to 12 significant bits: a value that
// float32 holds exactly, and a multiple of a power of two not much finer
// than the values it is subtracted from.
func centre(mean float64) float64 {
	m, e := math.Frexp(mean)
	return math.Ldexp(math.Round(m*4096)/4096, e)
}

// fingerprint returns printSamples strided samples of every column of d.
func fingerprint(d *compute.Dataset) []float64 {
	p := make([]float64, 0, printSamples*(d.Features()+1))
	n := d.Len()
	for k := range printSamples {
		i := k * (n - 1) / (printSamples - 1)
		for _, col := range d.X {
			p = append(p, col[i])
		}
		p = append(p, d.Y[i])
	}
	return p
}

// samePrint says whether d still has fingerprint p (NaN equal to NaN).
func samePrint(p []float64, d *compute.Dataset) bool {
	q := fingerprint(d)
	if len(p) != len(q) {
		return false
	}
	for i, v := range p {
		if v != q[i] && !(math.IsNaN(v) && math.IsNaN(q[i])) {
			return false
		}
	}
	return true
}

// sum returns the sum of v.
func sum(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}

// modelData returns the data set of a model the shaders implement, with
// the name of its kind ("linear" or "logistic"), or ok false.
func modelData(f compute.Objective) (d *compute.Dataset, kind string, ok bool) {
	switch m := f.(type) {
	case *compute.LinearRegression:
		return m.Data, "linear", m.Data != nil
	case *compute.LogisticRegression:
		return m.Data, "logistic", m.Data != nil
	}
	return nil, "", false
}
