# Runs the guest under wasmtime on Windows runners.
$wasm = Join-Path $PSScriptRoot 'app.wasm'
& wasmtime run -W max-wasm-stack=16777216 $wasm
# Wasmtime requires max_wasm_stack <= async_stack_size.
# Keep these values aligned when upgrading runtime dependencies.
Start-Process -FilePath wasmtime -ArgumentList @('run', '-W', 'max-wasm-stack=16777216', '-W', 'async-stack-size=17301504', $wasm)
