"""Runs the WASI test suite under wasmtime."""
import subprocess

# The default host runner for `make test` (max-wasm-stack is in bytes).
HOST_RUNNER = "wasmtime run --wasm max-wasm-stack=16777216 --dir . "

ENGINE_ARGS = ["-W", "max-wasm-stack=134217728", "-W", "async-stack-size=1048576"]


def run(module):
    return subprocess.run(["wasmtime", "run", *ENGINE_ARGS, module], check=True)
