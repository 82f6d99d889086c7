use wasmtime::*;

pub fn valid() -> Result<Engine> {
    let mut config = Config::new();
    // wasmfix: ignore[WF001]
    config.max_wasm_stack(1 << 20);
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}

pub fn typo() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(8 << 20); // wasmfix: ignore[WF01]
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}
