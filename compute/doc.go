// Package compute is Descent's numeric core: data sets, models with exact
// gradients, loss penalties, optimizers with PyTorch's update rules and
// defaults, learning-rate schedules, batch/SGD/mini-batch samplers, the
// Trainer that ties them together, and the CPU backend that runs the heavy
// loops.
//
// The package is pure Go. It imports no graphics package and no syscall/js,
// so it builds and tests anywhere, including under Node for js/wasm.
//
// A Config determines its run to the bit: the same Config (and, for a CSV,
// the same file) gives the same trajectory, every recorded point and loss
// and the final parameters, on any number of cores, natively and as
// js/wasm, on amd64 and on arm64 (NaN payloads aside). Full-data sums are
// taken in fixed chunks added in a fixed order; trajectories use the
// package's own exp, log, sin, cos and pow, never math's assembly; and no
// product that is added to something is left for the compiler to fuse
// into a multiply-add. TestTrajectoryHashes holds this natively, under
// Node and under qemu-aarch64, TestCoreCounts for GOMAXPROCS 1, 2 and 8.
// Run maps and loss grids use the same arithmetic but are not hashed. The
// GPU backend (compute/gpu) agrees with the CPU within a tolerance, not to
// the bit, and a custom Surface is as portable as its own F and G.
//
// The main types are:
//   - Objective: a differentiable function of a parameter vector with a
//     Layout of named parameter blocks (Surface for the 2-D test
//     functions, which anyone can build from a function and its gradient).
//   - DataModel: an Objective that is a mean of per-sample losses over a
//     Dataset (LinearRegression, LogisticRegression), with range forms so
//     that batches and the CPU backend can evaluate parts of it.
//   - Optimizer: one file each, registered with an OptimizerSpec (name,
//     hyperparameters with defaults and ranges, formula): SGD, Momentum,
//     Nesterov, Adagrad, Adadelta, RMSprop, Adam, AdamW, Adamax, NAdam,
//     RAdam and Rprop with PyTorch 1.13's rules and defaults, each keeping
//     its state inside and showing it through Trace. ParamGroups gives each
//     parameter its own rate.
//   - Schedule: the learning rate as a function of the epoch.
//   - Sampler: the order in which samples are visited, batch by batch.
//   - Trainer: steps a model with an optimizer and a sampler, hands each
//     recorded step and each full-data loss (by a LossPolicy) to its
//     Recorders, and counts what it evaluates.
//   - Recorders: PathRecorder and LossRecorder (bounded by thinning),
//     JSONStream and CSVStream (written while the run goes).
//   - Result: a run in the descent.run/v1 format.
//   - Backend: the heavy loops (full-data gradient and loss, loss grids on
//     2-D slices, maps of many runs); CPU is the reference implementation.
//   - Config: one serializable value that describes a run completely and
//     builds its Run.
package compute
