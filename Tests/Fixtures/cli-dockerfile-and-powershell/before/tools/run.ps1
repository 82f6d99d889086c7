# Runs the guest under wasmtime on Windows runners.
$wasm = Join-Path $PSScriptRoot 'app.wasm'
& wasmtime run -W max-wasm-stack=16777216 $wasm
Start-Process -FilePath wasmtime -ArgumentList @('run', '-W', 'max-wasm-stack=16777216', '-W', 'async-stack-size=2097152', $wasm)
