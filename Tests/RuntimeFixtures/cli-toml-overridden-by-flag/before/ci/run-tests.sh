#!/bin/sh
set -e
# The parser tests need more stack than the rest of the suite.
wasmtime run --config wasmtime.toml -W max-wasm-stack=16777216 parser-tests.wasm
wasmtime run --config wasmtime.toml suite.wasm
