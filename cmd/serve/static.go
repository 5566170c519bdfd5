package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// staticHandler serves the files of one folder through an os.Root, which
// refuses paths and symbolic links that lead outside it.
type staticHandler struct {
	root *os.Root
	// csp is the Content-Security-Policy sent with every answer.
	csp string

	mu    sync.Mutex
	etags map[string]etag // by path, valid while size and time match
}

type etag struct {
	size int64
	mod  time.Time
	tag  string
}

// newStaticHandler serves dir.
func newStaticHandler(dir string) (*staticHandler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &staticHandler{root: root, csp: contentPolicy(defaultFrameAncestors), etags: map[string]etag{}}, nil
}

// defaultFrameAncestors lets the page be embedded (an <iframe> of the
// embed mode) by pages of its own origin only.
const defaultFrameAncestors = "'self'"

// contentPolicy is the page's Content-Security-Policy: everything from the
// page's own origin only; scripts from files only, with WebAssembly
// compilation ('wasm-unsafe-eval') but no eval or inline script; styles
// from files only (scripts may still set element.style); images from the
// origin and data: URLs (the page's empty favicon); fetches (descent.wasm)
// from the origin; no plugins, <base> or form submission; and framing by
// the pages that frameAncestors lists.
func contentPolicy(frameAncestors string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors " + frameAncestors
}

// checkFrameAncestors refuses a frame-ancestors source list that would
// break out of its directive.
func checkFrameAncestors(list string) error {
	if strings.TrimSpace(list) == "" || strings.ContainsAny(list, ";,\r\n") {
		return fmt.Errorf("frame-ancestors: %q: want sources separated by spaces ('self', 'none', https://example.org)", list)
	}
	return nil
}

// ServeHTTP answers GET and HEAD with the named file (index.html for the
// folder itself), its gzip twin when the client accepts gzip and the twin
// is at least as new, headers that let browsers cache and revalidate, and
// the security headers (contentPolicy, nosniff, no referrer).
func (h *staticHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	w.Header().Set("Content-Security-Policy", h.csp)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, info, err := h.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Vary", "Accept-Encoding")
	// no-cache: keep a copy but ask each time; the ETag makes the answer a
	// 304 when nothing changed, and a rebuilt .wasm is never stale.
	w.Header().Set("Cache-Control", "no-cache")
	content, served := io.ReadSeeker(f), info
	if acceptsGzip(r) {
		if gz, gzInfo, err := h.open(name + ".gz"); err == nil {
			defer gz.Close()
			if !gzInfo.ModTime().Before(info.ModTime()) {
				content, served = gz, gzInfo
				w.Header().Set("Content-Encoding", "gzip")
			}
		}
	}
	key := name
	if served != info {
		key += ".gz"
	}
	tag, err := h.etag(key, served, content)
	if err != nil {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("ETag", tag)
	http.ServeContent(w, r, "", served.ModTime(), content)
}

// cleanPath turns a URL path into a name inside the root: index.html for
// a folder, and not ok for any segment that starts with a dot.
func cleanPath(p string) (string, bool) {
	p = path.Clean("/" + p)
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	name := strings.TrimPrefix(p, "/")
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	return name, true
}

// open opens a regular file of the root; folders, devices and the like
// are refused.
func (h *staticHandler) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := h.root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errors.New("not a regular file")
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// etag returns a strong ETag of the content (a hash, kept while the file's
// size and time stay the same) and rewinds it.
func (h *staticHandler) etag(name string, info fs.FileInfo, content io.ReadSeeker) (string, error) {
	h.mu.Lock()
	e, ok := h.etags[name]
	h.mu.Unlock()
	if ok && e.size == info.Size() && e.mod.Equal(info.ModTime()) {
		return e.tag, nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, content); err != nil {
		return "", err
	}
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	tag := fmt.Sprintf("%q", hex.EncodeToString(sum.Sum(nil))[:32])
	h.mu.Lock()
	h.etags[name] = etag{size: info.Size(), mod: info.ModTime(), tag: tag}
	h.mu.Unlock()
	return tag, nil
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip:
// "gzip" or "*" with no q, or a q above 0.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.TrimSpace(coding)
		if !strings.EqualFold(coding, "gzip") && coding != "*" {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.TrimSpace(k) == "q" {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		return q > 0
	}
	return false
}
