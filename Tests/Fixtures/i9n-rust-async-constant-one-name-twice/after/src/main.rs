use wasmtime::{Config, Engine, Result};

// Both constants would give their async neighbour the same name: it is declared once, for
// the first configuration; the second keeps the sum at its call.

const WASM_STACK_SIZE: usize = 4 << 20;
const ASYNC_STACK_SIZE: usize = WASM_STACK_SIZE + 512 * 1024;
const MAX_WASM_STACK_SIZE: usize = 6 << 20;

fn a() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(WASM_STACK_SIZE);
    config.async_stack_size(ASYNC_STACK_SIZE);
    Engine::new(&config)
}

fn b() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(MAX_WASM_STACK_SIZE);
    config.async_stack_size(MAX_WASM_STACK_SIZE + 512 * 1024);
    Engine::new(&config)
}
