package gpu

import (
	"testing"

	"github.com/descent-playground/descent/internal/frametest"
)

// TestSelfCheck runs the self-check the browser page runs, under Mesa, and
// expects every kernel within its bound.
func TestSelfCheck(t *testing.T) {
	var rep CheckReport
	err := frametest.Do(func() error {
		b, err := NewBackend()
		if err != nil {
			return err
		}
		rep, err = SelfCheck(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || rep.MapAgreement < 0.999 || rep.AdamMapAgreement < 0.999 {
		t.Errorf("self-check failed: %+v", rep)
	}
	t.Logf("%+v", rep)
}
