// Package gpu is the GPU backend: compute's heavy loops run as Kage shaders
// (package shaders) through Ebitengine, compute-style: each pixel of an
// offscreen image is one piece of independent work, and results cross back
// to the CPU as pixel bytes. The CPU backend is the reference; every kernel
// is tested against it, under Mesa's llvmpipe and in headless Chromium.
//
// # Numbers across the 8-bit boundary
//
// Ebitengine images are RGBA with 8 bits a channel, and a shader drawn with
// BlendCopy writes all four bytes, alpha included, unchanged. Every float
// that crosses (data sets going in, results coming out) is one pixel in
// this codec (EncodeFloat and DecodeFloat here; encode and decode in
// shaders/codec.kage, appended to every shader):
//
//	a = 0        the value 0 (and magnitudes below 2^-128)
//	a = 255      not finite: r&127 = 0 is NaN, otherwise ±Inf (sign in r's top bit)
//	a = 1…254    |v| = m·2^(a-128), m in [0.5, 1); the 23 bits of m below its
//	             leading one in r&127 (7 bits), g and b; the sign in r's top bit
//
// The mantissa is truncated, so one crossing costs less than 2^-23 relative,
// float32's own precision; the shaders compute in float32 anyway. Kernels
// that sum many terms do it in tiles or chunks inside the shader and add the
// partial sums in float64 on the CPU.
//
// # Kernels
//
// Loss grids (loss_linear.kage, loss_logistic.kage): a data set is uploaded
// once into a data image 1,024 texels wide, each column (features, then the
// target) in ⌈N/1024⌉ stacked rows, values centred on their column's mean
// rounded to 12 bits (added back through a per-point offset, so far-off data
// keeps its precision). Each output pixel is one grid point; a pass sums
// 1,024 samples in float32 and the passes are added in float64 on the CPU.
// Tolerance, relative to the grid's largest loss: 2e-6 linear, 3e-5
// logistic.
//
// Batch gradients (grad_linear.kage, grad_logistic.kage): one pixel per
// (tile of 256 samples, component), the D+1 gradient sums and the loss sum;
// the tiles are added in float64. Tolerance 2e-6, relative to each
// component's term scale (1/N)Σ|∂ℓᵢ/∂θⱼ|.
//
// Maps of independent runs (runs.kage): one pixel is one run of up to 4,096
// steps (llvmpipe stops a shader loop after 65,535 iterations) on a test
// surface, its start or two hyperparameters read from a small image of
// per-cell values computed in float64. The shader implements the SGD
// family (sgd, momentum, nesterov) without dampening or weight decay, and
// Adam (torch.optim.Adam's update, its bias corrections 1-βᵗ kept as
// running values) without weight decay or AMSGrad, each in its own loop;
// every other optimizer, and those with other settings, runs on the CPU
// reference, through the same Optimizer code the Trainer uses. Two draws:
// the encoded final loss, and a status pixel (status, minimum+1, steps>>8,
// steps&255). Positions are kept as compensated sums (a uniform One = 1
// stops Mesa from simplifying the compensation away). Runs are called
// converged below a gradient norm of 1e-3: float32 settles into cycles a few
// ulps from a minimum at norms near 1e-4. For SGD and Adam alike, cells away
// from basin and trainability boundaries classify as on the CPU (100% in
// the tests, ≥ 99.9% asserted; 99% on Beale's learning-rate × momentum
// map), converged runs end within 1e-6 + 1e-5·|loss| of the CPU's loss, and
// a few steps agree to 1e-4 of 1+|loss|. Runs that are still moving at the
// end agree to 1e-4 of 1+|loss| too, except Adam's at rates so large that
// it bounces for all its steps: there round-off decides where it stops,
// on either backend, and only the verdict (unfinished) is reproducible.
//
// Work a shader does not cover (surfaces' loss grids, grids along
// directions rather than two parameters, models with more than eight
// features, data or grids beyond 4,095 pixels a side, optimizers and
// settings runs.kage does not implement, tolerances below 1e-3) goes to
// the CPU backend. A sentinel row or an impossible status byte catches a
// shader the driver failed to run.
//
// The backend's methods draw and read pixels, so they must run inside the
// game loop (an Update); a test does that through internal/frametest.
package gpu
