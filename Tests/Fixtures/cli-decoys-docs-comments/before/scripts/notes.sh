#!/bin/sh
# wasmtime run -W max-wasm-stack=134217728 app.wasm   (old way, do not use)
echo "pass -W max-wasm-stack=134217728 to wasmtime if the guest overflows"
wasmtime run --dir . app.wasm
