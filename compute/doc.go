// Package compute is Descent's numeric core: data sets, models with exact
// gradients, loss penalties, optimizers with PyTorch's update rules and
// defaults, learning-rate schedules, batch/SGD/mini-batch samplers, the
// Trainer that ties them together, and the CPU backend that runs the heavy
// loops.
//
// The package is pure Go. It imports no graphics package and no syscall/js,
// so it builds and tests anywhere, including under Node for js/wasm. Every
// result is deterministic for a given seed.
//
// The main types are:
//   - Objective: a differentiable function of a parameter vector
//     (Surface for the 2-D test functions).
//   - DataModel: an Objective that is a mean of per-sample losses over a
//     Dataset (LinearRegression, LogisticRegression), with range and index
//     forms so that batches and the CPU backend can evaluate parts of it.
//   - Optimizer: SGD (with momentum, dampening and Nesterov), Adagrad,
//     RMSprop, Adam and AdamW, each a struct of hyperparameters whose
//     defaults are PyTorch's, keeping its state inside.
//   - Schedule: the learning rate as a function of the epoch.
//   - Sampler: the order in which samples are visited, batch by batch.
//   - Trainer: steps a model with an optimizer and a sampler and records
//     the path and the loss.
//   - Backend: the heavy loops (full-data gradient, loss grids); CPU is the
//     reference implementation.
//   - Config: one serializable value that describes a run completely and
//     builds its Trainer.
package compute
