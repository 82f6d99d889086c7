WASMTIME_VERSION=22.0.0
wasmtime run -W max-wasm-stack=1048576 a.wasm
