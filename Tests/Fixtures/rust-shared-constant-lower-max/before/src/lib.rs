use wasmtime::*;
const STACK: usize = 8 << 20;

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
