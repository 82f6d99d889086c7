#!/bin/sh
# Smoke test: defaults only.
wasmtime run --config wasmtime.toml smoke.wasm
