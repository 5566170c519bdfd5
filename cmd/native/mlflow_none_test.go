//go:build nomlflow

package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestNoMLflowBuild checks the nomlflow build's answer to --mlflow-uri:
// one line that says where MLflow logging is, exit status 2, no file.
func TestNoMLflowBuild(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	code := realMain([]string{"run", "--mlflow-uri", "http://127.0.0.1:1", "--out", dir + "/r.json"}, &out, &errb)
	msg := errb.String()
	if code != 2 || !strings.Contains(msg, "no MLflow client") || strings.Count(msg, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want 2 and one line saying this build has no MLflow client", code, msg)
	}
}
