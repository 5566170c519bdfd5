package playground

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/descent-playground/descent/compute"
)

// TestLessonsNumbers runs commands that web/lessons.html quotes beside
// its numbers (as the Config their flags spell: --model logreg is the
// config's "model": "logreg") and checks that each run ends at the
// parameters the page states, to the two decimals descent run prints;
// the command (or the flags it adds to the one before) and the numbers
// must be in the page as written here.
func TestLessonsNumbers(t *testing.T) {
	page, err := os.ReadFile("../web/lessons.html")
	if err != nil {
		t.Fatal(err)
	}
	text := string(page)
	for _, c := range []struct{ quoted, command, stated string }{
		{"--l1 2 --lr 0.05", "--l1 2 --lr 0.05", "0.20"},
		{"--l2 2 --lr 0.05", "--l2 2 --lr 0.05", "0.47, 2.60"},
		{"--model logreg --data blobs --n 200 --seed 1 --lr 0.5", "--model logreg --data blobs --n 200 --seed 1 --lr 0.5", "(2.07, 2.01)"},
		{"<code>--l2 0.1</code>", "--model logreg --data blobs --n 200 --seed 1 --lr 0.5 --l2 0.1", "(0.91, 0.84)"},
	} {
		for _, s := range []string{c.quoted, c.stated} {
			if !strings.Contains(text, s) {
				t.Errorf("lessons.html does not quote %q", s)
			}
		}
		cfg := configOfFlags(t, c.command)
		run, err := cfg.Build(nil)
		if err != nil {
			t.Fatalf("%s: %v", c.command, err)
		}
		run.Execute(context.Background())
		p := run.Trainer.Params()
		got := fmt.Sprintf("%.2f, %.2f", p[0], p[1])
		if !strings.Contains(c.stated, got) && !strings.HasPrefix(got, c.stated) {
			t.Errorf("descent run %s ends at %s, the lesson says %s", c.command, got, c.stated)
		}
	}
}

// configOfFlags reads descent run flags (--name value, the config's JSON
// keys with - for _) as a Config.
func configOfFlags(t *testing.T, flags string) compute.Config {
	t.Helper()
	f := strings.Fields(flags)
	m := map[string]any{}
	for i := 0; i+1 < len(f); i += 2 {
		key := strings.ReplaceAll(strings.TrimPrefix(f[i], "--"), "-", "_")
		if v, err := strconv.ParseFloat(f[i+1], 64); err == nil {
			m[key] = v
		} else {
			m[key] = f[i+1]
		}
	}
	data, _ := json.Marshal(m)
	var c compute.Config
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("%s: %v", flags, err)
	}
	return c
}
