package gpu

import (
	"bytes"
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/descent-playground/descent/shaders"
)

// compile compiles a Kage shader with the shared float codec appended
// (Kage has no imports). Errors name the file. NewShader checks Kage only;
// a driver that rejects the translated shader fails at draw time, which
// tests catch through known values.
func compile(name string, src []byte) (*ebiten.Shader, error) {
	full := make([]byte, 0, len(src)+len(shaders.Codec)+1)
	full = append(full, src...)
	full = append(full, '\n')
	full = append(full, shaders.Codec...)
	if !bytes.HasPrefix(src, []byte("//kage:unit pixels")) {
		return nil, fmt.Errorf("shader %s: must start with //kage:unit pixels", name)
	}
	s, err := ebiten.NewShader(full)
	if err != nil {
		return nil, fmt.Errorf("shader %s: %w", name, err)
	}
	return s, nil
}
