package compute

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The determinism tests. A Config must give the same bits on any core count,
// natively and as js/wasm, on amd64 and on arm64 (where the compiler would
// fuse multiply-adds if the code let it). TestTrajectoryHashes compares the
// hashes of many trajectories with testdata/trajectory_hashes.json, which
// was written natively on amd64; `make wasm-test` runs it under Node and
// `make arm64-test` under qemu-aarch64. TestCoreCounts runs trainings whose
// full-data passes are split across cores in child processes with
// GOMAXPROCS 1, 2 and 8 and compares their hashes.

var updateHashes = flag.Bool("update-hashes", false, "rewrite testdata/trajectory_hashes.json from this run")

const hashFile = "testdata/trajectory_hashes.json"

// hashRecorder hashes the bits of every recorded point and full-data loss:
// step, epoch, rate, batch loss, gradient and parameters. Every NaN is
// hashed as one pattern, since architectures differ in the sign and
// payload of the NaNs their arithmetic makes.
type hashRecorder struct {
	h   hash.Hash
	buf []byte
}

func newHashRecorder() *hashRecorder { return &hashRecorder{h: sha256.New()} }

func (r *hashRecorder) float(v float64) {
	bits := math.Float64bits(v)
	if v != v {
		bits = 0x7ff8000000000001
	}
	r.buf = binary.LittleEndian.AppendUint64(r.buf, bits)
}

func (r *hashRecorder) int(v int) { r.buf = binary.LittleEndian.AppendUint64(r.buf, uint64(v)) }

func (r *hashRecorder) flush() {
	r.h.Write(r.buf)
	r.buf = r.buf[:0]
}

func (r *hashRecorder) RecordStep(s *StepRecord) {
	r.buf = append(r.buf, 'S')
	r.int(s.Step)
	r.int(s.Epoch)
	r.float(s.LR)
	r.float(s.BatchLoss)
	for _, v := range s.Grad {
		r.float(v)
	}
	for _, v := range s.After {
		r.float(v)
	}
	r.flush()
}

func (r *hashRecorder) RecordLoss(p LossPoint) {
	r.buf = append(r.buf, 'L')
	r.int(p.Step)
	r.int(p.Epoch)
	r.float(float64(p.Loss))
	r.flush()
}

func (r *hashRecorder) sum() string { return hex.EncodeToString(r.h.Sum(nil)) }

// trajectoryCase is one training whose trajectory is hashed.
type trajectoryCase struct {
	name string
	cfg  Config
}

// trajectorySteps is the length of the hashed trajectories.
const trajectorySteps = 10_000

// trajectoryCases returns the hashed trainings: every registered optimizer
// on every built-in surface; every optimizer on linear regression with one
// and three features and on logistic regression, in the batch, sgd and
// shuffled minibatch variants; each schedule; penalties; parameter groups;
// and two full-batch trainings on data large enough to be split into
// chunks.
func trajectoryCases() []trajectoryCase {
	var cases []trajectoryCase
	add := func(name string, c Config) { cases = append(cases, trajectoryCase{name, c}) }
	for _, s := range SurfaceNames() {
		for _, o := range OptimizerNames() {
			add("surface/"+s+"/"+o, Config{Model: "surface", Surface: s, Optimizer: o, Steps: trajectorySteps})
		}
	}
	data := []struct {
		name string
		cfg  Config
	}{
		{"linreg1", Config{Model: "linreg", Data: "linear", N: 50, Features: 1, Seed: 7}},
		{"linreg3", Config{Model: "linreg", Data: "linear", N: 50, Features: 3, Seed: 8}},
		{"logreg", Config{Model: "logreg", Data: "blobs", N: 50, Seed: 9}},
	}
	for _, d := range data {
		for _, v := range VariantNames {
			for _, o := range OptimizerNames() {
				c := d.cfg
				c.Optimizer, c.Variant, c.Steps = o, v, trajectorySteps
				if v == string(MiniBatch) {
					c.BatchSize, c.Shuffle = 8, true
				}
				if v == string(Stochastic) {
					c.Shuffle = true
				}
				add(d.name+"/"+v+"/"+o, c)
			}
		}
	}
	gamma := 0.9
	for _, s := range ScheduleNames {
		c := Config{
			Model: "linreg", Data: "linear", N: 200, Seed: 3, Optimizer: "momentum", Variant: string(MiniBatch),
			BatchSize: 20, Shuffle: true, Schedule: s, Steps: trajectorySteps,
		}
		switch s { // only the fields the schedule uses
		case "step":
			c.StepSize, c.Gamma = 30, &gamma
		case "exponential":
			c.Gamma = &gamma
		}
		add("schedule/"+s, c)
	}
	add("penalty/logreg", Config{Model: "logreg", Data: "blobs", N: 200, Seed: 4, Optimizer: "adam",
		L1: 0.01, L2: 0.1, Steps: trajectorySteps})
	add("penalty/ackley", Config{Model: "surface", Surface: "ackley", Optimizer: "rmsprop",
		L1: 0.01, L2: 0.1, Steps: trajectorySteps})
	add("groups/linreg3", Config{Model: "linreg", Data: "linear", N: 200, Features: 3, Seed: 5,
		Optimizer: "nadam", LRScales: []float64{1, 0.5, 2, 4}, Steps: trajectorySteps})
	for _, c := range largeCases() {
		add(c.name, c.cfg)
	}
	return cases
}

// largeCases are full-batch trainings on data of more than one chunk,
// which the CPU backend splits across cores, with the full-data loss at
// every step (and, for minibatch, the parallel reordering of each epoch).
func largeCases() []trajectoryCase {
	n := 2*gradChunk + 1234
	return []trajectoryCase{
		{"large/linreg1/batch", Config{Model: "linreg", Data: "linear", N: n, Features: 1, Seed: 11,
			Optimizer: "adam", Hyper: Hypers{"lr": 0.1}, Steps: 20, FullLoss: "every"}},
		{"large/linreg3/batch", Config{Model: "linreg", Data: "linear", N: n, Features: 3, Seed: 12,
			Optimizer: "momentum", Hyper: Hypers{"lr": 1e-3}, Steps: 20, FullLoss: "every"}},
		{"large/logreg/batch", Config{Model: "logreg", Data: "blobs", N: n, Seed: 13,
			Optimizer: "nadam", Steps: 20, FullLoss: "every"}},
		{"large/logreg/minibatch", Config{Model: "logreg", Data: "blobs", N: n, Seed: 14, Optimizer: "sgd",
			Variant: string(MiniBatch), BatchSize: 4096, Shuffle: true, Epochs: 2, FullLoss: "3"}},
	}
}

// trajectoryHash builds and runs c and returns the hash of its trajectory
// and how it stopped.
func trajectoryHash(c Config) (string, error) {
	h := newHashRecorder()
	run, err := c.Build(nil, h)
	if err != nil {
		return "", err
	}
	stop := run.Execute(context.Background())
	h.buf = append(h.buf, stop...)
	h.flush()
	return h.sum(), nil
}

func readHashes(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(hashFile)
	if err != nil {
		t.Fatalf("%v (write it with go test -run TestTrajectoryHashes -update-hashes natively on amd64)", err)
	}
	var want map[string]string
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatalf("%s: %v", hashFile, err)
	}
	return want
}

// TestTrajectoryHashes recomputes the hash of every trajectory of
// trajectoryCases and compares it with the one recorded natively on amd64
// in testdata/trajectory_hashes.json. With -update-hashes it rewrites the
// file instead.
func TestTrajectoryHashes(t *testing.T) {
	cases := trajectoryCases()
	got := make(map[string]string, len(cases))
	for _, c := range cases {
		h, err := trajectoryHash(c.cfg)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got[c.name] = h
	}
	if *updateHashes {
		if runtime.GOARCH != "amd64" || runtime.GOOS == "js" {
			t.Fatalf("write the hashes natively on amd64, not on %s/%s", runtime.GOOS, runtime.GOARCH)
		}
		b, err := json.MarshalIndent(got, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(hashFile, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d hashes to %s", len(got), hashFile)
		return
	}
	want := readHashes(t)
	var differ []string
	for _, c := range cases {
		w, ok := want[c.name]
		switch {
		case !ok:
			t.Errorf("%s: no recorded hash (run -update-hashes natively on amd64)", c.name)
		case got[c.name] != w:
			differ = append(differ, c.name)
		}
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("%s: recorded but no longer a case", name)
		}
	}
	if len(differ) > 0 {
		t.Errorf("%s/%s: %d of %d trajectories differ from the amd64 hashes: %s",
			runtime.GOOS, runtime.GOARCH, len(differ), len(cases), strings.Join(differ, ", "))
	}
}

// TestGradientChunks checks that the CPU backend's full-data gradient and
// loss are, to the bit, the sums over chunks of gradChunk samples (each in
// sample order) added in chunk order, however the pool splits the chunks.
func TestGradientChunks(t *testing.T) {
	n := 2*gradChunk + 1234
	for _, m := range []DataModel{linearModel(t, n), logisticModel(t, n)} {
		x := []float64{0.3, -0.2, 0.1}[:m.Dim()]
		want, part := make([]float64, len(x)), make([]float64, len(x))
		var wantLoss, wantOnly float64
		for k := range chunks(n) {
			lo, hi := chunkRange(k, n)
			l := m.GradRange(part, x, lo, hi, true)
			wantLoss += l
			wantOnly += m.LossRange(x, lo, hi)
			for j := range want {
				want[j] += part[j]
			}
		}
		inv := 1 / float64(n) // Gradient multiplies by 1/N, Loss divides by N
		for j := range want {
			want[j] *= inv
		}
		wantLoss *= inv
		wantOnly /= float64(n)
		cpu := NewCPU()
		got := make([]float64, len(x))
		loss := cpu.Gradient(got, m, x, true)
		if !slices.Equal(got, want) || loss != wantLoss {
			t.Errorf("%T: gradient %v, loss %v; chunk by chunk %v, %v", m, got, loss, want, wantLoss)
		}
		if l := cpu.Loss(m, x); l != wantOnly {
			t.Errorf("%T: loss %v, chunk by chunk %v", m, l, wantOnly)
		}
	}
}

// coreCountEnv names the variable that makes TestCoreCounts a child: it
// prints the hashes of largeCases, one per line, and nothing else.
const coreCountEnv = "DESCENT_CORE_COUNT_CHILD"

// TestCoreCounts runs largeCases in child processes of this test binary
// with GOMAXPROCS 1, 2 and 8 (the worker pool is sized once per process,
// so each count needs its own process) and checks that the trajectories
// have the same bits.
func TestCoreCounts(t *testing.T) {
	if os.Getenv(coreCountEnv) != "" {
		for _, c := range largeCases() {
			h, err := trajectoryHash(c.cfg)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			fmt.Printf("%s %s\n", c.name, h)
		}
		return
	}
	if runtime.GOOS == "js" {
		t.Skip("js/wasm runs no child processes and has one thread")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	var first []string
	for _, procs := range []int{1, 2, 8} {
		cmd := exec.Command(exe, "-test.run=^TestCoreCounts$", "-test.count=1")
		cmd.Env = append(os.Environ(), coreCountEnv+"=1", fmt.Sprintf("GOMAXPROCS=%d", procs))
		out, err := cmd.CombinedOutput()
		if err != nil {
			if strings.Contains(err.Error(), "exec format error") {
				t.Skipf("cannot run %s as a child here: %v", filepath.Base(exe), err)
			}
			t.Fatalf("GOMAXPROCS=%d: %v\n%s", procs, err, out)
		}
		var lines []string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "large/") {
				lines = append(lines, l)
			}
		}
		if len(lines) != len(largeCases()) {
			t.Fatalf("GOMAXPROCS=%d: want %d hashes, got:\n%s", procs, len(largeCases()), out)
		}
		if first == nil {
			first = lines
			continue
		}
		if !slices.Equal(lines, first) {
			t.Errorf("GOMAXPROCS=%d differs from GOMAXPROCS=1:\n%s\nwant\n%s",
				procs, strings.Join(lines, "\n"), strings.Join(first, "\n"))
		}
	}
}
