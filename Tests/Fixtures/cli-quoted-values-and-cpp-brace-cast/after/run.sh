S=4194304
wasmtime run -W max-wasm-stack="1048576" a.wasm
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
wasmtime run -Wmax-wasm-stack="$S" -W async-stack-size=4718592 a.wasm
