// Command serve serves the static playground in web/ on the loopback
// interface, so that "make serve" needs nothing but Go.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "web", "directory to serve")
	flag.Parse()
	if _, err := os.Stat(*dir); err != nil {
		fmt.Fprintf(os.Stderr, "serve: %v (run make web first)\n", err)
		os.Exit(2)
	}
	fmt.Printf("Descent playground: http://%s/  (Ctrl-C stops)\n", *addr)
	log.Fatal(http.ListenAndServe(*addr, noCache(http.FileServer(http.Dir(*dir)))))
}

// noCache makes the browser fetch a rebuilt .wasm instead of a stale copy.
func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}
