package main

import (
	"os"
	"strings"
	"testing"
)

// TestOutRefusesItsInputs gives --out the path of the run's own data file
// or config file: the file must be refused (exit 2, one line) and left as
// it was, not truncated before the run reads it.
func TestOutRefusesItsInputs(t *testing.T) {
	t.Chdir(t.TempDir())
	data := "x,y\n1,2\n2,4\n3,6.5\n"
	config := `{"optimizer":"adam","data":"points.csv"}`
	os.WriteFile("points.csv", []byte(data), 0o644)
	os.WriteFile("run.json", []byte(config), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--data", "points.csv", "--out", "points.csv"}, "descent run: --out points.csv: the run's data file; name another file"},
		{[]string{"--data", "points.csv", "--out", "./points.csv"}, "descent run: --out ./points.csv: the run's data file; name another file"},
		{[]string{"--config", "run.json", "--out", "run.json"}, "descent run: --out run.json: the run's --config file; name another file"},
		{[]string{"--config", "run.json", "--out", "points.csv"}, "descent run: --out points.csv: the run's data file; name another file"},
	} {
		out, errOut, code := runCLI(append([]string{"run"}, c.args...)...)
		if code != 2 || out != "" || errOut != c.want+"\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, out, errOut, c.want)
		}
		if b, _ := os.ReadFile("points.csv"); string(b) != data {
			t.Fatalf("%q: the data file now holds %q", c.args, b)
		}
		if b, _ := os.ReadFile("run.json"); string(b) != config {
			t.Fatalf("%q: the config file now holds %q", c.args, b)
		}
	}
	// A built-in data set's name is not a file, even when one has its name.
	os.WriteFile("linear", nil, 0o644)
	if _, errOut, code := runCLI("run", "--data", "linear", "--out", "linear"); code != 0 || !strings.Contains(mustRead(t, "linear"), "descent.run/v1") {
		t.Errorf("--data linear --out linear: exit %d, stderr %q", code, errOut)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
