# Descent. `make serve` and `make test` do all the set-up on a fresh
# Debian/Ubuntu machine; see README.md.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASMEXEC := $(firstword $(wildcard $(GOROOT)/lib/wasm/wasm_exec.js $(GOROOT)/misc/wasm/wasm_exec.js))
WASMTEST := $(firstword $(wildcard $(GOROOT)/lib/wasm/go_js_wasm_exec $(GOROOT)/misc/wasm/go_js_wasm_exec))
PYTHON   ?= /usr/bin/python3

XVFB     := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: all run serve web test deps check unit wasm-test arm64-test e2e fuzz fuzz-short bench bench-peers clean wheel python-test dist dist-test

all: bin/descent web

bin/descent: FORCE
	$(GO) build -o bin/descent ./cmd/native

## run: build the native program and open the playground in a window.
run: bin/descent
	./bin/descent

## web: build the WebAssembly playground into web/, with gzip twins of the
## large files that cmd/serve hands to browsers which accept gzip.
web:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o web/descent.wasm ./cmd/wasm
	cp $(WASMEXEC) web/wasm_exec.js
	gzip -9 -k -f web/descent.wasm web/wasm_exec.js

## serve: build the playground, serve it on http://127.0.0.1:8080 and open
## it in a browser when one is available.
serve: web
	$(GO) run ./cmd/serve -addr 127.0.0.1:8080 -dir web -open

## test: install missing system packages, check formatting and vet, run every test.
test: deps check unit wasm-test arm64-test e2e fuzz-short python-test dist-test

deps:
	@scripts/ensure-deps.sh

## check: gofmt, go vet (also for js/wasm), no fused multiply-add left in
## compute's arm64 code (it would change trajectories there; see docs/DESIGN.md),
## and no debugui or Ebitengine text input in the page (their font is 2.9 MB
## of it, and the text input's eval breaks a strict Content-Security-Policy).
check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/wasm ./compute ./playground ./tune
	GOOS=js GOARCH=wasm $(GO) vet ./export
	$(GO) vet -tags nogui ./cmd/native
	$(GO) vet -tags nogui,nomlflow ./cmd/native
	@linked=$$(CGO_ENABLED=0 $(GO) list -deps -tags nogui ./cmd/native | grep -E '^github.com/hajimehoshi/ebiten'); \
	if [ -n "$$linked" ]; then echo "the nogui build links Ebitengine:"; echo "$$linked" | head -3; exit 1; fi
	@linked=$$(CGO_ENABLED=0 $(GO) list -deps -tags nogui,nomlflow ./cmd/native | grep -E '^(net/http|crypto/tls)$$'); \
	if [ -n "$$linked" ]; then echo "the wheels' build (nogui,nomlflow) links:"; echo "$$linked"; exit 1; fi
	@linked=$$(GOOS=js GOARCH=wasm $(GO) list -deps ./cmd/wasm | grep -E '^github.com/ebitengine/debugui|/exp/textinput$$'); \
	if [ -n "$$linked" ]; then echo "the page links what it must not (see docs/DESIGN.md, the page's panel):"; echo "$$linked"; exit 1; fi
	@fused=$$(GOARCH=arm64 $(GO) build -gcflags=-S ./compute 2>&1 | grep -E 'FN?M(ADD|SUB)' | grep -oE '[^ (/]+\.go:[0-9]+' | sort -u); \
	if [ -n "$$fused" ]; then echo "compute: fused multiply-adds on arm64, also in code inlined from other packages (round the product first: float64(x*y) + z):"; echo "$$fused"; exit 1; fi

## unit: every Go test; the graphics ones need a display, so all run under Xvfb.
unit:
	$(XVFB) $(GO) test -count=1 ./...

## wasm-test: the compute core's tests compiled to js/wasm and run under Node
## (among them the trajectory hashes, which must equal the native ones).
wasm-test:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASMTEST)" ./compute ./tune

## arm64-test: the compute core's determinism tests and PyTorch goldens
## cross-compiled for linux/arm64 and run under qemu-aarch64: the trajectory
## hashes must equal amd64's.
arm64-test:
	@mkdir -p bin
	GOOS=linux GOARCH=arm64 $(GO) test -c -o bin/compute-arm64.test ./compute
	cd compute && qemu-aarch64 ../bin/compute-arm64.test -test.count=1 \
		-test.run 'TestTrajectoryHashes|TestGradientChunks|TestPortable|TestNormal|Golden'

## e2e: the wasm playground served on 127.0.0.1 and driven in headless
## Chromium, one node process per e2e/*_test.mjs.
e2e: web e2e/node_modules
	$(GO) build -o bin/serve ./cmd/serve
	@port=$$((20000 + $$$$ % 20000)); \
	./bin/serve -addr 127.0.0.1:$$port -dir web >/dev/null & pid=$$!; \
	trap "kill $$pid" EXIT; sleep 0.5; status=0; \
	for t in e2e/*_test.mjs; do echo "== $$t"; node $$t http://127.0.0.1:$$port/ e2e/out || status=1; done; \
	exit $$status

e2e/node_modules: e2e/package.json
	cd e2e && npm ci --no-audit --no-fund
	touch e2e/node_modules

## fuzz: every fuzz test for FUZZTIME each (default 60s); fuzz-short is
## make test's pass of a few seconds each. Failing inputs land in the
## package's testdata/fuzz and stay as regression tests.
FUZZTIME ?= 60s
FUZZ_TARGETS := ./compute:FuzzConfigJSON ./compute:FuzzLoadCSV ./cmd/native:FuzzRunFlags ./playground:FuzzDecodeURL ./playground:FuzzDecodeStateJSON ./playground:FuzzDecodeHistory
fuzz:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; name=$${t#*:}; \
	echo "== $$name ($$pkg, $(FUZZTIME))"; \
	$(XVFB) $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; done

fuzz-short:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=3s

## bench: Go benchmarks reported as ratios against baselines run in the same command.
bench:
	$(GO) run ./scripts/bench

## bench-peers: the same work in numpy (and PyTorch when installed) beside ours.
bench-peers:
	$(PYTHON) scripts/bench_peers.py

## wheel: the Python package's platform wheels in dist/wheels/ (linux
## amd64/arm64, darwin amd64/arm64, windows amd64), each with its platform's
## static graphics-free descent (CGO_ENABLED=0 -tags nogui,nomlflow) and the built page;
## Debian's python3-build, no package index (scripts/wheels.py).
wheel: web
	GO=$(GO) $(PYTHON) scripts/wheels.py

## python-test: the wheels' build's Go tests (tags nogui,nomlflow); then this machine's Linux wheel
## (built alone into bin/pywheel) installed with pip --no-index into a venv that sees Debian's numpy, pandas,
## matplotlib and ipykernel, the package's unit tests (python/tests, Agg
## backend), the example notebook run by nbclient in the venv's own kernel,
## and descent.show's page opened in headless Chromium (e2e/pyshow.mjs).
PYVENV   := bin/pyvenv
WHEELTAG := manylinux_2_17_$(shell uname -m)
python-test: web e2e/node_modules
	$(GO) test -count=1 -tags nogui,nomlflow ./cmd/native
	GO=$(GO) $(PYTHON) scripts/wheels.py bin/pywheel $(WHEELTAG)
	rm -rf $(PYVENV)
	$(PYTHON) -m venv --system-site-packages $(PYVENV)
	$(PYVENV)/bin/pip install -q --no-index --no-cache-dir bin/pywheel/descent-*-py3-none-$(WHEELTAG).whl
	PYDEVD_DISABLE_FILE_VALIDATION=1 $(PYVENV)/bin/python -m ipykernel install --prefix $(PYVENV) --name descent-venv >/dev/null
	cd python/tests && env -u DESCENT_BIN -u DESCENT_WEB MPLBACKEND=Agg ../../$(PYVENV)/bin/python -m unittest discover -s . -t .
	env -u DESCENT_BIN -u DESCENT_WEB -u MPLBACKEND PYDEVD_DISABLE_FILE_VALIDATION=1 $(PYVENV)/bin/python python/tests/run_notebook.py python/examples/descent.ipynb descent-venv
	node e2e/pyshow.mjs $(CURDIR)/$(PYVENV)/bin/python e2e/out

## dist: what a user downloads, into dist/: the native program for Linux,
## Windows and macOS on amd64 and arm64 (pure Go, CGO_ENABLED=0, stamped
## with git describe), the static site as one archive for any static host
## (GitHub Pages: relative paths, a .nojekyll), the wheels (make wheel,
## dist/wheels/), and SHA256SUMS.
DIST_PLATFORMS := linux/amd64 linux/arm64 windows/amd64 windows/arm64 darwin/amd64 darwin/arm64
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
SITE     := *.html *.js *.css *.wasm *.gz
dist: web
	rm -rf dist && mkdir -p dist/descent-site
	@for p in $(DIST_PLATFORMS); do os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	echo "== descent-$$os-$$arch$$ext"; \
	CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '-s -w -X main.version=$(VERSION)' \
		-o dist/descent-$$os-$$arch$$ext ./cmd/native || exit 1; done
	cd web && cp $(SITE) ../dist/descent-site/
	touch dist/descent-site/.nojekyll
	tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -czf dist/descent-site.tar.gz descent-site
	rm -rf dist/descent-site
	$(MAKE) --no-print-directory wheel
	cd dist && sha256sum descent-* wheels/*.whl > SHA256SUMS

## dist-test: the Linux amd64 build of make dist run headless under Xvfb
## (descent run's classic numbers, a screenshot) beside the same commands
## built from source, the site archive's contents and the checksums.
dist-test: dist
	$(XVFB) env DESCENT_DIST_BINARY=$(CURDIR)/dist/descent-linux-amd64 $(GO) test -count=1 -run TestDistBinary -v ./cmd/native
	cd dist && sha256sum -c SHA256SUMS
	@listed=$$(tar -tzf dist/descent-site.tar.gz); for f in index.html lessons.html descent.wasm descent.wasm.gz wasm_exec.js app.js panel.js embed.js lessons.js style.css lessons.css .nojekyll; do \
	echo "$$listed" | grep -qx "descent-site/$$f" || { echo "dist: descent-site.tar.gz lacks $$f"; exit 1; }; done; \
	echo "descent-site.tar.gz: $$(echo "$$listed" | grep -c .) entries, all the page's files"
	@wheels=$$(grep -c '  wheels/descent-.*\.whl$$' dist/SHA256SUMS); [ $$wheels -ge 5 ] || { echo "dist: $$wheels wheels in SHA256SUMS, want 5"; exit 1; }

clean:
	rm -rf bin dist web/descent.wasm web/wasm_exec.js web/*.gz

FORCE:
