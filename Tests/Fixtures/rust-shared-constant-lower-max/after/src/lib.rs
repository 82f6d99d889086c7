use wasmtime::*;
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
const STACK: usize = 1536 << 10;

pub fn a() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(STACK);
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}

pub fn b() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(STACK);
    config.async_stack_size(4 << 20);
    Engine::new(&config)
}
