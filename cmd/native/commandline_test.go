package main

import "testing"

// TestCommandLineQuotesForTheShell checks the descent.command tag's
// quoting: what a POSIX shell would expand or split is single-quoted (it
// was double-quoted, where $ and ` still expand).
func TestCommandLineQuotesForTheShell(t *testing.T) {
	got := commandLine([]string{"--data", "my $HOME `x`.csv", "--lr", "0.1", "--mlflow-run-name", "it's"})
	want := `descent run --data 'my $HOME ` + "`x`" + `.csv' --lr 0.1 --mlflow-run-name 'it'\''s'`
	if got != want {
		t.Errorf("commandLine = %s\nwant           %s", got, want)
	}
}
