package gpu

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/compute"
	"github.com/descent-playground/descent/shaders"
)

// Backend runs compute's heavy loops through Kage shaders. Work the shaders
// do not cover falls back to the CPU backend, the reference. Its methods
// draw and read pixels, so they must be called from inside the Ebitengine
// game loop (a Game's Update), on one goroutine at a time.
type Backend struct {
	cpu     *compute.CPU
	shaders map[string]*ebiten.Shader
	// data caches data sets uploaded as images (data.go); nil until used.
	data *dataCache
}

var _ compute.Backend = (*Backend)(nil)

// NewBackend compiles every shader in package shaders. An error names the
// file; the caller should then fall back to the CPU backend.
func NewBackend() (*Backend, error) {
	b := &Backend{cpu: compute.NewCPU(), shaders: map[string]*ebiten.Shader{}}
	names, err := fs.Glob(shaders.FS, "*.kage")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if name == "codec.kage" {
			continue
		}
		src, err := shaders.FS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		sh, err := compile(name, src)
		if err != nil {
			return nil, err
		}
		b.shaders[strings.TrimSuffix(name, ".kage")] = sh
	}
	return b, nil
}

// Name returns "gpu".
func (*Backend) Name() string { return "gpu" }

// shader returns the compiled shader of file name (without .kage).
func (b *Backend) shader(name string) *ebiten.Shader {
	sh, ok := b.shaders[name]
	if !ok {
		panic(fmt.Sprintf("gpu: no shader %s.kage", name))
	}
	return sh
}
