#!/bin/sh
# CI: deep recursion tests need 8 MiB.
wasmtime run --config wasmtime.toml -W max-wasm-stack=8388608 tests.wasm
