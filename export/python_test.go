package export

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"
)

// python returns a python3 that has numpy and nbformat (the one on PATH,
// else Debian's), or skips the test.
func python(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import numpy, nbformat").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 with numpy and nbformat")
	return ""
}

// pythonJSON runs prog with python3, writes input as JSON to its stdin and
// decodes each line it prints into a new T.
func pythonJSON[T any](t *testing.T, prog []string, input any) []T {
	t.Helper()
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python(t), prog...)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.Bytes())
	}
	var res []T
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		var v T
		if err := json.Unmarshal(line, &v); err != nil {
			t.Fatalf("python3 printed %q: %v", line, err)
		}
		res = append(res, v)
	}
	return res
}
