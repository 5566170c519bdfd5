package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestColumnNamesCannotInject exports a run on a CSV file whose column
// names hold newlines, quotes and Python code: every line of the generated
// code that mentions the code must be a comment, so that the names cannot
// end the comment they are written in and run as Python.
func TestColumnNamesCannotInject(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "in'j\"ect.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	evil := "PWNED"
	w.WriteAll([][]string{
		{"a\nimport os; print('" + evil + "')\n#", "b\r" + evil + "=1\u2028" + evil, "t\"'\n" + evil + "()"},
		{"1", "2", "3"}, {"2", "1", "4"}, {"3", "3", "5"},
	})
	f.Close()
	cfg := compute.Config{Data: path, Target: "t\"'\n" + evil + "()", Epochs: 3}
	script, err := TorchScript(cfg)
	if err != nil {
		t.Fatal(err)
	}
	nb, err := Notebook(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cells []struct {
			Type   string   `json:"cell_type"`
			Source []string `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(nb, &doc); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"torch script": string(script)}
	for i, c := range doc.Cells {
		texts[fmt.Sprintf("notebook cell %d (%s)", i, c.Type)] = strings.Join(c.Source, "")
	}
	for name, text := range texts {
		for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' }) {
			if !strings.Contains(line, evil) {
				continue
			}
			if strings.Contains(name, "code") || name == "torch script" {
				if !strings.HasPrefix(strings.TrimSpace(line), "#") {
					t.Errorf("%s: the column names escaped a comment: %q", name, line)
				}
			} else if !strings.HasPrefix(line, "- **Data:**") && !strings.Contains(line, `"target"`) {
				t.Errorf("%s: the column names broke a markdown line: %q", name, line)
			}
		}
	}
}
