package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// site writes a small site: index.html, a large app.wasm with its gzip
// twin, a dot-file, a folder without index, and a symbolic link out.
func site(t *testing.T) (dir string, wasm []byte) {
	t.Helper()
	dir = t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	wasm = bytes.Repeat([]byte("descent-wasm-"), 10000)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(wasm)
	zw.Close()
	files := []struct {
		name string
		data []byte
	}{
		{"index.html", []byte("<!doctype html><title>Descent</title>")}, {"app.wasm", wasm},
		{".env", []byte("SECRET=1")}, {"sub/data.txt", []byte("x")},
		{"app.wasm.gz", gz.Bytes()}, // after app.wasm, and dated after it below
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	later := time.Now().Add(time.Second)
	if err := os.Chtimes(filepath.Join(dir, "app.wasm.gz"), later, later); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(outside, []byte("outside"), 0o644)
	if err := os.Symlink(outside, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return dir, wasm
}

func serveTest(t *testing.T) (*httptest.Server, []byte) {
	dir, wasm := site(t)
	h, err := newStaticHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	return httptest.NewServer(h), wasm
}

func get(t *testing.T, srv *httptest.Server, method, path string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// TestServesPrecompressedWhenAccepted checks gzip for clients that accept
// it (the decompressed body is the file), the plain file otherwise, the
// type of the original, and Vary.
func TestServesPrecompressedWhenAccepted(t *testing.T) {
	srv, wasm := serveTest(t)
	defer srv.Close()
	resp, body := get(t, srv, "GET", "/app.wasm", map[string]string{"Accept-Encoding": "br, gzip"})
	if resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Content-Type") != "application/wasm" ||
		resp.Header.Get("Vary") != "Accept-Encoding" || len(body) >= len(wasm) {
		t.Fatalf("gzip request: %v, %d bytes", resp.Header, len(body))
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(zr); !bytes.Equal(plain, wasm) {
		t.Error("the gzip body is not the file")
	}
	for _, enc := range []string{"", "identity", "gzip;q=0"} {
		resp, body = get(t, srv, "GET", "/app.wasm", map[string]string{"Accept-Encoding": enc})
		if resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, wasm) {
			t.Errorf("Accept-Encoding %q: encoding %q, %d bytes", enc, resp.Header.Get("Content-Encoding"), len(body))
		}
	}
}

// TestRevalidatesWithETag checks that a repeated request with the ETag is
// answered 304 and that the headers ask browsers to revalidate.
func TestRevalidatesWithETag(t *testing.T) {
	srv, _ := serveTest(t)
	defer srv.Close()
	resp, _ := get(t, srv, "GET", "/index.html", nil)
	tag := resp.Header.Get("ETag")
	if tag == "" || resp.Header.Get("Cache-Control") != "no-cache" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("headers %v", resp.Header)
	}
	resp, body := get(t, srv, "GET", "/index.html", map[string]string{"If-None-Match": tag})
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("revalidation: %d with %d bytes", resp.StatusCode, len(body))
	}
}

// TestRefuses checks methods other than GET and HEAD, dot-files, folder
// listings, paths out of the folder and symbolic links out of it.
func TestRefuses(t *testing.T) {
	srv, _ := serveTest(t)
	defer srv.Close()
	cases := []struct {
		method, path string
		code         int
	}{
		{"POST", "/index.html", http.StatusMethodNotAllowed},
		{"DELETE", "/", http.StatusMethodNotAllowed},
		{"GET", "/.env", http.StatusNotFound},
		{"GET", "/sub/", http.StatusNotFound},
		{"GET", "/sub", http.StatusNotFound},
		{"GET", "/../secret.txt", http.StatusNotFound},
		{"GET", "/link.txt", http.StatusNotFound},
		{"HEAD", "/", http.StatusOK},
		{"GET", "/", http.StatusOK},
		{"GET", "/sub/data.txt", http.StatusOK},
	}
	for _, c := range cases {
		resp, body := get(t, srv, c.method, c.path, nil)
		if resp.StatusCode != c.code || strings.Contains(string(body), "outside") || strings.Contains(string(body), "SECRET") {
			t.Errorf("%s %s: %d %q, want %d", c.method, c.path, resp.StatusCode, body, c.code)
		}
	}
	if resp, _ := get(t, srv, "POST", "/", nil); resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("405 without Allow: %v", resp.Header)
	}
}

// TestHalfOpenConnectionsDoNotLockOut opens 500 connections that send
// part of a request and stop, checks that a normal request is still
// served within a second, and that the server closes the half-open ones
// after its read-header timeout (shortened here), so that they cannot
// pile up until its file descriptors run out.
func TestHalfOpenConnectionsDoNotLockOut(t *testing.T) {
	dir, _ := site(t)
	h, err := newStaticHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(ln.Addr().String(), h)
	if srv.ReadHeaderTimeout == 0 || srv.IdleTimeout == 0 || srv.WriteTimeout == 0 || srv.ReadTimeout == 0 {
		t.Fatalf("the server lacks timeouts: %+v", srv)
	}
	srv.ReadHeaderTimeout = 300 * time.Millisecond
	go srv.Serve(ln)
	defer srv.Close()
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range 500 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n")
		conns = append(conns, c)
	}
	client := &http.Client{Timeout: time.Second}
	start := time.Now()
	resp, err := client.Get("http://" + ln.Addr().String() + "/")
	if err != nil {
		t.Fatalf("a normal request with 500 half-open connections: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
	t.Logf("served in %v beside 500 half-open connections", time.Since(start))
	closed := 0
	buf := make([]byte, 512)
	deadline := time.Now().Add(2 * time.Second)
	for _, c := range conns {
		c.SetReadDeadline(deadline)
		if _, err := c.Read(buf); err != nil {
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				closed++ // EOF or a reset: the server hung up
			}
		} else if _, err := io.ReadAll(c); err == nil {
			closed++ // it answered (408) and hung up
		}
	}
	if closed != len(conns) {
		t.Errorf("the server closed %d of %d half-open connections after its read-header timeout", closed, len(conns))
	}
}

// TestSecurityHeaders checks that every answer (a page, the wasm, a 404)
// carries the strict Content-Security-Policy, with WebAssembly allowed and
// eval and inline code not, and nosniff; and the frame-ancestors check.
func TestSecurityHeaders(t *testing.T) {
	srv, _ := serveTest(t)
	defer srv.Close()
	for _, path := range []string{"/", "/app.wasm", "/missing"} {
		resp, _ := get(t, srv, "GET", path, map[string]string{"Accept-Encoding": "gzip"})
		csp := resp.Header.Get("Content-Security-Policy")
		directives := map[string]string{}
		for _, d := range strings.Split(csp, ";") {
			name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
			directives[name] = value
		}
		want := map[string]string{
			"default-src": "'self'", "script-src": "'self' 'wasm-unsafe-eval'", "style-src": "'self'",
			"img-src": "'self' data:", "connect-src": "'self'", "object-src": "'none'", "frame-ancestors": "'self'",
		}
		for name, value := range want {
			if directives[name] != value {
				t.Errorf("%s: %s is %q, want %q (policy %q)", path, name, directives[name], value, csp)
			}
		}
		if strings.Contains(csp, "unsafe-eval'") && !strings.Contains(csp, "'wasm-unsafe-eval'") || strings.Contains(csp, "'unsafe-inline'") ||
			strings.Contains(csp, " 'unsafe-eval'") {
			t.Errorf("%s: the policy allows eval or inline code: %q", path, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff: %v", path, resp.Header)
		}
	}
	if got := contentPolicy("'self' https://example.org"); !strings.HasSuffix(got, "frame-ancestors 'self' https://example.org") {
		t.Errorf("a wider frame-ancestors gives %q", got)
	}
	for list, ok := range map[string]bool{"'self'": true, "'none'": true, "'self' https://example.org": true,
		"": false, "'self'; script-src *": false, "a,b": false, "'self'\r\nX: 1": false} {
		if err := checkFrameAncestors(list); (err == nil) != ok {
			t.Errorf("checkFrameAncestors(%q) = %v", list, err)
		}
	}
}
