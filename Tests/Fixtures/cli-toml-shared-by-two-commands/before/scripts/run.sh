#!/bin/sh
# Local runs: 4 MiB guests.
wasmtime run --config wasmtime.toml -W max-wasm-stack=4194304 app.wasm "$@"
