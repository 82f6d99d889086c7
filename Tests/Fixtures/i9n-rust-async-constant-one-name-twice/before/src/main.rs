use wasmtime::{Config, Engine, Result};

// Both constants would give their async neighbour the same name: it is declared once, for
// the first configuration; the second keeps the sum at its call.

const WASM_STACK_SIZE: usize = 4 << 20;
const MAX_WASM_STACK_SIZE: usize = 6 << 20;

fn a() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(WASM_STACK_SIZE);
    Engine::new(&config)
}

fn b() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(MAX_WASM_STACK_SIZE);
    Engine::new(&config)
}
