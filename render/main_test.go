package render

import (
	"fmt"
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// testGame runs the package's tests inside its first Update, so that they
// can draw and read pixels back, as Ebitengine's own tests do
// (internal/testing/testing.go in its module).
type testGame struct {
	m    *testing.M
	code int
}

func (g *testGame) Update() error {
	g.code = g.m.Run()
	return ebiten.Termination
}

func (*testGame) Draw(*ebiten.Image) {}

func (*testGame) Layout(int, int) (int, int) { return 320, 240 }

// TestMain starts Ebitengine (under Xvfb in CI: xvfb-run -a go test
// ./render) and fails loudly when it cannot, for example without a display
// or when a shader does not compile on the driver.
func TestMain(m *testing.M) {
	g := &testGame{m: m, code: 1}
	ebiten.SetWindowTitle("render tests")
	if err := ebiten.RunGame(g); err != nil {
		fmt.Fprintln(os.Stderr, "render: ebiten.RunGame failed (is there a display? run under xvfb-run):", err)
		os.Exit(2)
	}
	os.Exit(g.code)
}
