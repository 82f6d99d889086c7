#!/bin/sh
set -e
echo "running with $# arguments # wasmfix: ignore"
wasmtime run -W max-wasm-stack=16777216,async-stack-size=4194304 parser-tests.wasm
# wasmfix: ignore
wasmtime run -W max-wasm-stack=16777216,async-stack-size=4194304 suite.wasm
