# Gerbang: the two commands a new user needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
SWIFT ?= swift
export PKG_CONFIG_PATH := $(CURDIR)/scripts/pkgconfig$(if $(PKG_CONFIG_PATH),:$(PKG_CONFIG_PATH))

.PHONY: deps build release test run bench clean

## deps: install missing system and Python packages (idempotent)
deps:
	@scripts/install-deps.sh

## build: debug build of every target
build: deps
	$(SWIFT) build

## release: optimised build (benchmarks, production)
release: deps
	$(SWIFT) build -c release

## test: install dependencies, build, run every test
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@scripts/run-python-tests.sh

## run: build and bring Gerbang up (see README.md)
run: deps
	@scripts/run.sh

## bench: every benchmark of docs/benchmarks.md, release build
bench: release
	@scripts/bench.sh

clean:
	rm -rf .build
