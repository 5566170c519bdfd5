// Command serve serves the static playground in web/ on the loopback
// interface, so that "make serve" needs nothing but Go. It serves the
// gzip files that "make web" writes beside the large ones to clients that
// accept gzip, answers GET and HEAD only, lists no directories, serves no
// dot-files and nothing outside its folder (symbolic links included), and
// times out slow clients. Every answer carries a strict
// Content-Security-Policy (no eval, no inline script or style, nothing from
// other origins; see contentPolicy) and X-Content-Type-Options: nosniff;
// -frame-ancestors says which pages may embed the playground (its own
// origin by default). With -open it opens the page in a browser when
// one is available.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "web", "directory to serve")
	open := flag.Bool("open", false, "open the page in a browser when one is available")
	frames := flag.String("frame-ancestors", defaultFrameAncestors,
		"the pages that may embed the playground in a frame: CSP sources separated by spaces, e.g. \"'self' https://example.org\"")
	flag.Parse()
	if err := checkFrameAncestors(*frames); err != nil {
		fmt.Fprintf(os.Stderr, "serve: %v\n", err)
		os.Exit(2)
	}
	h, err := newStaticHandler(*dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "serve: %v (run make web first)\n", err)
		os.Exit(2)
	}
	h.csp = contentPolicy(*frames)
	url := fmt.Sprintf("http://%s/", *addr)
	fmt.Printf("Descent playground: %s  (Ctrl-C stops)\n", url)
	if *open {
		openBrowser(url)
	}
	log.Fatal(newServer(*addr, h).ListenAndServe())
}

// newServer returns a server for h with timeouts, so that slow or
// half-open connections cannot hold it.
func newServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr: addr, Handler: h,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 2 * time.Minute, IdleTimeout: time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
}

// openBrowser starts the system's opener on url when there is one and,
// on Linux, a display to show it on; otherwise it does nothing.
func openBrowser(url string) {
	name, args := "xdg-open", []string{url}
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		name, args = "rundll32", []string{"url.dll,FileProtocolHandler", url}
	default:
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return
		}
	}
	if _, err := exec.LookPath(name); err != nil {
		return
	}
	if err := exec.Command(name, args...).Start(); err != nil {
		fmt.Fprintf(os.Stderr, "serve: could not open a browser: %v\n", err)
	}
}
