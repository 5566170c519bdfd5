# Descent. `make serve` and `make test` do all the set-up on a fresh
# Debian/Ubuntu machine; see README.md.

GO       ?= go
GOROOT   := $(shell $(GO) env GOROOT)
WASMEXEC := $(firstword $(wildcard $(GOROOT)/lib/wasm/wasm_exec.js $(GOROOT)/misc/wasm/wasm_exec.js))
WASMTEST := $(firstword $(wildcard $(GOROOT)/lib/wasm/go_js_wasm_exec $(GOROOT)/misc/wasm/go_js_wasm_exec))
PYTHON   ?= /usr/bin/python3

.PHONY: all run serve web test deps check unit wasm-test bench bench-peers clean

all: bin/descent web

bin/descent: FORCE
	$(GO) build -o bin/descent ./cmd/native

## run: build the native program and run the classic example headless.
run: bin/descent
	./bin/descent run

## web: build the WebAssembly playground into web/.
web:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o web/descent.wasm ./cmd/wasm
	cp $(WASMEXEC) web/wasm_exec.js

## serve: build the playground and serve it on http://127.0.0.1:8080.
serve: web
	$(GO) run ./cmd/serve -addr 127.0.0.1:8080 -dir web

## test: install missing system packages, check formatting and vet, run every test.
test: deps check unit wasm-test

deps:
	@scripts/ensure-deps.sh

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/wasm ./compute

unit:
	$(GO) test -count=1 ./...

## wasm-test: the compute core's tests compiled to js/wasm and run under Node.
wasm-test:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASMTEST)" ./compute

## bench: Go benchmarks reported as ratios against baselines run in the same command.
bench:
	$(GO) run ./scripts/bench

## bench-peers: the same work in numpy (and PyTorch when installed) beside ours.
bench-peers:
	$(GO) test -run XXX -bench 'Peer' -benchtime 20x ./compute | tee /tmp/descent-peer-go.txt
	$(PYTHON) scripts/bench_peers.py /tmp/descent-peer-go.txt

clean:
	rm -rf bin web/descent.wasm web/wasm_exec.js

FORCE:
