#!/bin/sh
# Runs a test binary under wasmtime with a bigger stack.
exec wasmtime run --max-wasm-stack=1048576 --dir=. "$@"
