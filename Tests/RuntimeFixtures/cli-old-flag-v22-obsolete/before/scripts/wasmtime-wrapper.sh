#!/bin/sh
# Runs a test binary under wasmtime with a bigger stack.
STACK=4194304
exec wasmtime run --max-wasm-stack $STACK --dir=. "$@"
