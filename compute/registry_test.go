package compute

import (
	"os"
	"strings"
	"testing"
)

// TestEveryOptimizerHasGoldensAndAFormula walks the registry: every
// registered optimizer has a formula, a title, help for each
// hyperparameter, golden trajectories from PyTorch on both surfaces, and
// (except where the name is only a preset of another torch class) one on
// data.
func TestEveryOptimizerHasGoldensAndAFormula(t *testing.T) {
	surfaces := map[string]map[string]bool{}
	data := map[string]bool{}
	for _, c := range loadGolden(t, "testdata/golden_surfaces.json") {
		name := goldenName(c)
		if surfaces[name] == nil {
			surfaces[name] = map[string]bool{}
		}
		surfaces[name][c.Surface] = true
	}
	for _, c := range loadGolden(t, "testdata/golden_data.json") {
		data[goldenName(c)] = true
	}
	for _, spec := range Optimizers() {
		if strings.TrimSpace(spec.Formula) == "" || spec.Title == "" || spec.New == nil {
			t.Errorf("%s: missing formula, title or constructor", spec.Name)
		}
		for _, h := range spec.Hypers {
			if h.Help == "" || h.Short == "" || h.Symbol == "" && !h.Bool {
				t.Errorf("%s: %s lacks help, a short key or a symbol", spec.Name, h.Key)
			}
		}
		if !surfaces[spec.Name]["rosenbrock"] || !surfaces[spec.Name]["beale"] {
			t.Errorf("%s: no PyTorch golden on both surfaces (have %v)", spec.Name, surfaces[spec.Name])
		}
		if !data[spec.Name] && spec.Name != "momentum" {
			t.Errorf("%s: no PyTorch golden on data", spec.Name)
		}
	}
}

// goldenName is the registered optimizer a golden case exercises: torch's
// class name, with SGD split into sgd, momentum and nesterov.
func goldenName(c goldenCase) string {
	if c.Optimizer != "sgd" {
		return c.Optimizer
	}
	switch {
	case c.Hyper["nesterov"] == true:
		return "nesterov"
	case c.Hyper["momentum"] != 0.0:
		return "momentum"
	}
	return "sgd"
}

// TestShortKeysAreUnique checks that no two hyperparameters share a URL key
// and that a key's description is the same in every optimizer that has it.
func TestShortKeysAreUnique(t *testing.T) {
	seen := map[string]string{}
	for _, spec := range Optimizers() {
		for _, h := range spec.Hypers {
			if k, ok := seen[h.Short]; ok && k != h.Key {
				t.Errorf("short key %q is both %s and %s", h.Short, k, h.Key)
			}
			seen[h.Short] = h.Key
			if first, _ := HyperByKey(h.Key); first.Short != h.Short || first.Bool != h.Bool || first.Symbol != h.Symbol {
				t.Errorf("%s: %s differs from its first description", spec.Name, h.Key)
			}
		}
	}
}

// TestDocsNameEveryOptimizer checks that the package doc and the README,
// which list the optimizers for readers, name every registered one.
func TestDocsNameEveryOptimizer(t *testing.T) {
	for _, file := range []string{"doc.go", "../README.md"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ToLower(string(data))
		for _, spec := range Optimizers() {
			if !strings.Contains(text, spec.Name) {
				t.Errorf("%s does not name %s", file, spec.Name)
			}
		}
	}
}
