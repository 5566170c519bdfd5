package gpu

import (
	"testing"

	"github.com/descent-playground/descent/internal/frametest"
)

func TestMain(m *testing.M) { frametest.Main(m) }
