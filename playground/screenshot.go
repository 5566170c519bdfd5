package playground

import (
	"fmt"
	"os"

	"github.com/hajimehoshi/ebiten/v2"
)

// writeScreenshot saves the screen as a PNG file.
func writeScreenshot(screen *ebiten.Image, path string) error {
	data, err := screenPNG(screen)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	return nil
}
