//go:build js

package playground

// handleExportKeys does nothing in the browser: the page's keys and
// Export section (web/export.js) download the exports through
// window.descent.
func (g *Game) handleExportKeys(inputCapture) {}
