// Package export writes a Descent run as code that reproduces it outside
// Descent: a Jupyter notebook (nbformat 4.5) whose first code cell trains in
// plain Python with numpy and whose second trains with torch.optim, and a
// standalone PyTorch script with the second cell's content.
//
// The input is any Config that Config.Build accepts. The run's data (the
// classic points, synthetic data or a CSV file, as Descent builds it) is
// embedded literally, up to MaxNumbers numbers; the order in which a
// shuffled run visits the samples is computed in Python by the same PCG
// (DXSM) generator and inside-out Fisher–Yates shuffle as
// compute.SeededPermuter (shuffle.py), not embedded. What each optimizer,
// schedule and surface looks like in Python comes from compute, beside its
// definition (OptimizerSpec.Torch, TorchArgs and Numpy; Schedule.Python
// and Torch; Surface.Python and PythonGrad), so this package lists none of
// them. Both cells print the final parameters and the final loss (with
// the penalty), which agree with Descent's to round-off.
//
// The package is pure Go with no graphics, and builds for js/wasm.
package export
