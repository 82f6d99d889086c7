S=4194304
wasmtime run -W max-wasm-stack="1048576" a.wasm
wasmtime run -Wmax-wasm-stack="$S" -W async-stack-size=1048576 a.wasm
