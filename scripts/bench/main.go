// Command bench is the program behind `make bench`. It runs the compute
// package's benchmarks (go test -bench, 20 iterations, 3 counts) and the
// playground's frame benchmark (under Xvfb when there is no display), takes the
// median of the counts per benchmark and prints a Markdown table of each
// measurement against its target, with the baseline from the same run where
// there is one. A missed target is reported, not an error: the exit status
// is 0 unless go test itself fails.
//
// Usage:
//
//	go run ./scripts/bench [go test flags...]
//
// The arguments, and then the whitespace-separated words of $BENCH_ARGS, are
// passed to go test before the package, e.g. -overlay file.json or -cpu 2.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// metrics holds the values of one benchmark line by unit, e.g. "ns/op".
type metrics map[string]float64

// report is what parse finds in go test -bench output.
type report struct {
	// runs holds every line's metrics per benchmark, in output order.
	runs map[string][]metrics
	// machine holds the goos:, goarch: and cpu: header lines.
	machine []string
}

// target is one row of the table: a benchmark's metric, optionally divided
// by a baseline benchmark's, compared with a maximum.
type target struct {
	bench    string  // benchmark measured, without the Benchmark prefix
	minus    string  // benchmark subtracted from it (a shorter run); "" for none
	per      float64 // what the difference is divided by (the extra epochs or steps)
	baseline string  // benchmark it is divided by; "" for none
	unit     string  // metric compared: "ns/op" or "ns/sample"
	scale    float64 // multiplies the metric into the shown unit
	shown    string  // unit shown, "" for a ratio
	max      float64 // the target: the value must not exceed it
}

// targets are the project's targets on a 2-core machine.
var targets = []target{
	{bench: "BatchGradLinear1e7", baseline: "MemRead1e7", unit: "ns/op", scale: 1, max: 1.15},
	{bench: "BatchGradLinear1e6", unit: "ns/sample", scale: 1, shown: "ns/sample", max: 0.8},
	{bench: "BatchGradLogistic1e6", unit: "ns/sample", scale: 1, shown: "ns/sample", max: 3.5},
	{bench: "SGDEpoch1e6", unit: "ns/op", scale: 1e-6, shown: "ms/epoch", max: 15},
	{bench: "MiniBatch32Epoch1e6", unit: "ns/op", scale: 1e-6, shown: "ms/epoch", max: 12},
	{bench: "LossGridLinear512", unit: "ns/op", scale: 1e-6, shown: "ms", max: 1},
	{bench: "Frame1280x800", unit: "cpu-ms/frame", scale: 1, shown: "ms/frame", max: 8},
	// The product path: Config.Build then Execute, and the command line,
	// each at two run lengths whose difference cancels the fixed costs.
	{bench: "ProductSGDEpoch1e6/epochs=3", minus: "ProductSGDEpoch1e6/epochs=1", per: 2, unit: "ns/op", scale: 1e-6, shown: "ms/epoch", max: 30},
	{bench: "ProductMiniBatch32Epoch1e6/epochs=3", minus: "ProductMiniBatch32Epoch1e6/epochs=1", per: 2, unit: "ns/op", scale: 1e-6, shown: "ms/epoch", max: 24},
	{bench: "ProductBatchLinear1e7/epochs=6", minus: "ProductBatchLinear1e7/epochs=2", per: 4, baseline: "MemRead1e7", unit: "ns/op", scale: 1, max: 1.15},
	{bench: "CLI/sgd/epochs=3", minus: "CLI/sgd/epochs=1", per: 2, unit: "ns/op", scale: 1e-6, shown: "ms/epoch", max: 30},
	{bench: "CLI/minibatch32/epochs=3", minus: "CLI/minibatch32/epochs=1", per: 2, unit: "ns/op", scale: 1e-6, shown: "ms/epoch", max: 24},
	{bench: "CLI/batch1e7/epochs=6", minus: "CLI/batch1e7/epochs=2", per: 4, baseline: "MemRead1e7", unit: "ns/op", scale: 1, max: 1.15},
	// descent sweep's 64 trials on every core against the same runs one by
	// one: about 1/cores.
	{bench: "Sweep64", baseline: "Sweep64OneByOne", unit: "ns/op", scale: 1, max: 0.65},
}

// cliRuns are the command lines `make bench` times through bin/descent,
// named as the targets above name them.
var cliRuns = []struct {
	name string
	args []string
}{
	{"CLI/sgd/epochs=1", []string{"--data", "linear", "--n", "1000000", "--variant", "sgd", "--shuffle", "--lr", "1e-4", "--epochs", "1"}},
	{"CLI/sgd/epochs=3", []string{"--data", "linear", "--n", "1000000", "--variant", "sgd", "--shuffle", "--lr", "1e-4", "--epochs", "3"}},
	{"CLI/minibatch32/epochs=1", []string{"--data", "linear", "--n", "1000000", "--variant", "minibatch", "--batch-size", "32", "--shuffle", "--lr", "1e-3", "--epochs", "1"}},
	{"CLI/minibatch32/epochs=3", []string{"--data", "linear", "--n", "1000000", "--variant", "minibatch", "--batch-size", "32", "--shuffle", "--lr", "1e-3", "--epochs", "3"}},
	{"CLI/batch1e7/epochs=2", []string{"--data", "linear", "--n", "10000000", "--lr", "0.1", "--epochs", "2"}},
	{"CLI/batch1e7/epochs=6", []string{"--data", "linear", "--n", "10000000", "--lr", "0.1", "--epochs", "6"}},
}

// timeCLI builds bin/descent and runs each of cliRuns count times,
// interleaved, adding their wall-clock times to rep as ns/op.
func timeCLI(rep report, count int) error {
	build := exec.Command("go", "build", "-o", "bin/descent", "./cmd/native")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return err
	}
	for range count {
		for _, r := range cliRuns {
			args := append([]string{"run"}, r.args...)
			fmt.Fprintln(os.Stderr, shellJoin(append([]string{"bin/descent"}, args...)))
			start := time.Now()
			if out, err := exec.Command("bin/descent", args...).CombinedOutput(); err != nil {
				return fmt.Errorf("%s: %v: %s", r.name, err, out)
			}
			rep.runs[r.name] = append(rep.runs[r.name], metrics{"ns/op": float64(time.Since(start).Nanoseconds())})
		}
	}
	return nil
}

// main runs the benchmarks, streaming go test's output to stderr, and prints
// the machine lines and the table of targets on stdout. The compute
// benchmarks run as they are; the playground's frame benchmark needs a
// display and runs under xvfb-run when there is none.
func main() {
	extra := append(os.Args[1:], strings.Fields(os.Getenv("BENCH_ARGS"))...)
	var out bytes.Buffer
	compute := append([]string{"go", "test", "-run", "^$", "-bench", "MemRead|BatchGrad|Epoch|LossGrid|Exp|Sigmoid|Product", "-benchtime", "20x", "-count", "3"}, extra...)
	frame := append([]string{"go", "test", "-run", "^$", "-bench", "Frame", "-benchtime", "30x", "-count", "3"}, extra...)
	gpu := append([]string{"go", "test", "-run", "^$", "-bench", "LossGrid|Gradient|RunMap", "-benchtime", "1x", "-count", "1"}, extra...)
	cpuMaps := append([]string{"go", "test", "-run", "^$", "-bench", "RunMap", "-benchtime", "1x", "-count", "1"}, extra...)
	if os.Getenv("DISPLAY") == "" {
		xvfb := []string{"xvfb-run", "-a", "-s", "-screen 0 1280x800x24"}
		frame = append(xvfb, frame...)
		gpu = append(slices.Clone(xvfb), gpu...)
	}
	sweep := append([]string{"go", "test", "-run", "^$", "-bench", "Sweep64", "-benchtime", "2x", "-count", "3"}, extra...)
	runs := [][]string{append(compute, "./compute"), append(frame, "./playground"), append(gpu, "./compute/gpu"), append(cpuMaps, "./compute"), append(sweep, "./cmd/native")}
	for _, args := range runs {
		fmt.Fprintln(os.Stderr, shellJoin(args))
		// go test's output is shown as it comes (on stderr) and kept for parsing.
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stdout = io.MultiWriter(&out, os.Stderr)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", args[0], err)
			os.Exit(1)
		}
	}

	rep, err := parse(&out)
	if err == nil {
		err = timeCLI(rep, 3)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	fmt.Println()
	seen := map[string]bool{}
	for _, line := range rep.machine {
		if !seen[line] {
			fmt.Println(line)
			seen[line] = true
		}
	}
	fmt.Printf("nproc: %d\n\n", runtime.NumCPU())
	fmt.Print(table(rep.medians(), targets))
	fmt.Println()
	fmt.Print(pairTable(rep.medians()))
}

// pairTable sets each GPU benchmark ("Name/gpu/size") beside its CPU twin
// ("Name/cpu/size") with the ratio GPU/CPU, below 1 when the GPU is faster.
func pairTable(med map[string]metrics) string {
	var names []string
	for name := range med {
		if strings.Contains(name, "/gpu/") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString("| GPU kernel | GPU | CPU | GPU/CPU |\n|---|---|---|---|\n")
	for _, name := range names {
		cpu, ok := med[strings.Replace(name, "/gpu/", "/cpu/", 1)]
		if !ok {
			continue
		}
		g, c := med[name]["ns/op"], cpu["ns/op"]
		fmt.Fprintf(&b, "| %s | %s ms | %s ms | %s |\n", strings.Replace(name, "/gpu", "", 1), num(g*1e-6), num(c*1e-6), num(g/c))
	}
	return b.String()
}

// shellJoin joins args into a command line for the shell, quoting those
// with characters the shell would interpret.
func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = a
		if a == "" || strings.ContainsAny(a, " \t'\"\\$^*?|&;()<>[]{}~`!#") {
			q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(q, " ")
}

// parse reads go test -bench output: the machine header lines and, from
// each benchmark line, the name (without the Benchmark prefix and the
// -GOMAXPROCS suffix) and every "value unit" pair after the iteration count.
func parse(r io.Reader) (report, error) {
	rep := report{runs: map[string][]metrics{}}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		for _, p := range []string{"goos:", "goarch:", "cpu:"} {
			if strings.HasPrefix(line, p) {
				rep.machine = append(rep.machine, line)
			}
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // not a result line, e.g. a log line from a benchmark
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := metrics{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return rep, fmt.Errorf("bad value %q in %q", f[i], line)
			}
			m[f[i+1]] = v
		}
		rep.runs[name] = append(rep.runs[name], m)
	}
	return rep, sc.Err()
}

// medians returns, per benchmark, the median over its runs of each metric.
func (rep report) medians() map[string]metrics {
	med := map[string]metrics{}
	for name, runs := range rep.runs {
		med[name] = metrics{}
		for unit := range runs[0] {
			var vs []float64
			for _, m := range runs {
				if v, ok := m[unit]; ok {
					vs = append(vs, v)
				}
			}
			med[name][unit] = median(vs)
		}
	}
	return med
}

// median returns the median of vs (the mean of the middle two for an even
// count); vs must not be empty. It does not modify vs.
func median(vs []float64) float64 {
	s := slices.Sorted(slices.Values(vs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// table formats the Markdown table of targets against the medians med.
func table(med map[string]metrics, targets []target) string {
	var b strings.Builder
	b.WriteString("| benchmark | measured | baseline (same run) | ratio or value | target | ok? |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, t := range targets {
		m, ok := med[t.bench]
		v, okv := m[t.unit]
		if t.minus != "" {
			mm, okm := med[t.minus]
			short, oks := mm[t.unit]
			okv = okv && okm && oks
			v = (v - short) / t.per
			m = metrics{t.unit: v}
		}
		base := "—"
		if ok && okv && t.baseline != "" {
			bm, okb := med[t.baseline]
			bv, okbv := bm[t.unit]
			okv = okb && okbv && bv > 0
			base = t.baseline + ": " + measured(bm)
			if okv {
				v /= bv
			}
		}
		unit := ""
		if t.shown != "" {
			unit = " " + t.shown
		}
		if !ok || !okv {
			fmt.Fprintf(&b, "| %s | not run | %s | — | ≤ %s%s | MISSED |\n", t.bench, base, num(t.max), unit)
			continue
		}
		value, limit := num(v*t.scale)+unit, num(t.max)+unit
		if t.baseline != "" {
			value = strconv.FormatFloat(v, 'f', 3, 64) // a ratio near its limit
		}
		verdict := "ok"
		if v*t.scale > t.max {
			verdict = "MISSED"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | ≤ %s | %s |\n", t.bench, measured(m), base, value, limit, verdict)
	}
	return b.String()
}

// measured formats a benchmark's time per op and, where reported, its
// ns/sample and MB/s.
func measured(m metrics) string {
	s := num(m["ns/op"]*1e-6) + " ms/op"
	if v, ok := m["ns/sample"]; ok {
		s += ", " + num(v) + " ns/sample"
	}
	if v, ok := m["MB/s"]; ok {
		s += ", " + strconv.FormatFloat(v, 'f', 0, 64) + " MB/s"
	}
	return s
}

// num formats v with three significant digits and no exponent, e.g.
// 0.00123, 4.56, 789 or 12346.
func num(v float64) string {
	if v >= 1000 || v <= -1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}
