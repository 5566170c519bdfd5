package main

import (
	"strings"
	"testing"
)

// canned is go test -bench output as it comes, trimmed to two counts of a
// few benchmarks plus one count of a third, with a log line mixed in.
const canned = `goos: linux
goarch: amd64
pkg: github.com/descent-playground/descent/compute
cpu: Intel(R) Xeon(R) Processor
BenchmarkMemRead1e7-2             	      20	   8000000 ns/op	20000.00 MB/s	         0.8000 ns/sample
BenchmarkMemRead1e7-2             	      20	   7000000 ns/op	22857.14 MB/s	         0.7000 ns/sample
BenchmarkMemRead1e7-2             	      20	   9000000 ns/op	17777.78 MB/s	         0.9000 ns/sample
BenchmarkBatchGradLinear1e7-2     	      20	  10000000 ns/op	16000.00 MB/s	         1.000 ns/sample
BenchmarkBatchGradLinear1e7-2     	      20	   8800000 ns/op	18181.82 MB/s	         0.8800 ns/sample
    bench_test.go:99: BenchmarkNotAResult says hello
BenchmarkBatchGradLinear1e7-2     	      20	   9000000 ns/op	17777.78 MB/s	         0.9000 ns/sample
BenchmarkSGDEpoch1e6-2            	      20	  16000000 ns/op
BenchmarkSGDEpoch1e6-2            	      20	  14000000 ns/op
BenchmarkLossGridLinear512        	      20	    133218 ns/op
PASS
ok  	github.com/descent-playground/descent/compute	3.710s
`

// TestParse checks names, metrics and the machine lines.
func TestParse(t *testing.T) {
	rep, err := parse(strings.NewReader(canned))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(rep.runs["MemRead1e7"]); got != 3 {
		t.Errorf("MemRead1e7: %d runs, want 3", got)
	}
	if got := len(rep.runs["BatchGradLinear1e7"]); got != 3 {
		t.Errorf("BatchGradLinear1e7: %d runs, want 3", got)
	}
	if got := rep.runs["LossGridLinear512"]; len(got) != 1 || got[0]["ns/op"] != 133218 {
		t.Errorf("LossGridLinear512 (no -N suffix): %v", got)
	}
	m := rep.runs["MemRead1e7"][1]
	if m["ns/op"] != 7e6 || m["MB/s"] != 22857.14 || m["ns/sample"] != 0.7 {
		t.Errorf("MemRead1e7 second run: %v", m)
	}
	if len(rep.runs) != 4 {
		t.Errorf("benchmarks: %v, want 4", rep.runs)
	}
	want := []string{"goos: linux", "goarch: amd64", "cpu: Intel(R) Xeon(R) Processor"}
	if strings.Join(rep.machine, "\n") != strings.Join(want, "\n") {
		t.Errorf("machine lines: %q, want %q", rep.machine, want)
	}
}

// TestMedian checks odd and even counts and that the input is kept.
func TestMedian(t *testing.T) {
	vs := []float64{3, 1, 2}
	if got := median(vs); got != 2 {
		t.Errorf("median(3, 1, 2) = %g, want 2", got)
	}
	if vs[0] != 3 {
		t.Errorf("median sorted its input: %v", vs)
	}
	if got := median([]float64{4, 1, 3, 2}); got != 2.5 {
		t.Errorf("median(4, 1, 3, 2) = %g, want 2.5", got)
	}
	rep, _ := parse(strings.NewReader(canned))
	med := rep.medians()
	if got := med["MemRead1e7"]["ns/op"]; got != 8e6 {
		t.Errorf("MemRead1e7 median ns/op = %g, want 8e6", got)
	}
	if got := med["SGDEpoch1e6"]["ns/op"]; got != 15e6 {
		t.Errorf("SGDEpoch1e6 median ns/op = %g, want 15e6", got)
	}
}

// TestTable checks a ratio row, a value row, a missed target and a
// benchmark that did not run.
func TestTable(t *testing.T) {
	rep, _ := parse(strings.NewReader(canned))
	out := table(rep.medians(), targets)
	for _, want := range []string{
		"| BatchGradLinear1e7 | 9 ms/op, 0.9 ns/sample, 17778 MB/s | MemRead1e7: 8 ms/op, 0.8 ns/sample, 20000 MB/s | 1.125 | ≤ 1.15 | ok |",
		"| SGDEpoch1e6 | 15 ms/op | — | 15 ms/epoch | ≤ 15 ms/epoch | ok |",
		"| LossGridLinear512 | 0.133 ms/op | — | 0.133 ms | ≤ 1 ms | ok |",
		"| BatchGradLinear1e6 | not run | — | — | ≤ 0.8 ns/sample | MISSED |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks\n%s\nin\n%s", want, out)
		}
	}
	med := rep.medians()
	med["CLI/sgd/epochs=1"] = metrics{"ns/op": 100e6}
	med["CLI/sgd/epochs=3"] = metrics{"ns/op": 150e6}
	med["CLI/batch1e7/epochs=2"] = metrics{"ns/op": 300e6}
	med["CLI/batch1e7/epochs=6"] = metrics{"ns/op": 340e6}
	out = table(med, targets)
	for _, want := range []string{
		"| CLI/sgd/epochs=3 | 25 ms/op | — | 25 ms/epoch | ≤ 30 ms/epoch | ok |",
		"| CLI/batch1e7/epochs=6 | 10 ms/op | MemRead1e7: 8 ms/op, 0.8 ns/sample, 20000 MB/s | 1.250 | ≤ 1.15 | MISSED |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks\n%s\nin\n%s", want, out)
		}
	}
	slow := rep.medians()
	slow["SGDEpoch1e6"]["ns/op"] = 15.1e6
	if out := table(slow, targets); !strings.Contains(out, "| 15.1 ms/epoch | ≤ 15 ms/epoch | MISSED |") {
		t.Errorf("15.1 ms/epoch not MISSED:\n%s", out)
	}
}

// TestNum checks the number format.
func TestNum(t *testing.T) {
	for v, want := range map[float64]string{0.56789: "0.568", 2.98: "2.98", 14.6866: "14.7", 132.86: "133", 16544.64: "16545", 0.0012345: "0.00123"} {
		if got := num(v); got != want {
			t.Errorf("num(%g) = %q, want %q", v, got, want)
		}
	}
}

// TestShellJoin checks that the printed command line can be pasted.
func TestShellJoin(t *testing.T) {
	got := shellJoin([]string{"test", "-run", "^$", "-bench", "BatchGrad|Epoch", "it's"})
	want := `test -run '^$' -bench 'BatchGrad|Epoch' 'it'\''s'`
	if got != want {
		t.Errorf("shellJoin = %s, want %s", got, want)
	}
}

// TestPairTable checks that GPU benchmarks are set beside their CPU twins.
func TestPairTable(t *testing.T) {
	med := map[string]metrics{
		"RunMap/gpu/64x64x10": {"ns/op": 2e6}, "RunMap/cpu/64x64x10": {"ns/op": 4e6},
		"Lonely/gpu/1": {"ns/op": 1},
	}
	got := pairTable(med)
	if !strings.Contains(got, "| RunMap/64x64x10 | 2 ms | 4 ms | 0.5 |") || strings.Contains(got, "Lonely") {
		t.Errorf("table:\n%s", got)
	}
}
