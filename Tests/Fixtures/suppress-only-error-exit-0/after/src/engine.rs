use wasmtime::*;

/// The only error is suppressed: exit 0, and --write leaves the file alone.
pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(8 << 20); // wasmfix: ignore[WF001] measured in production, see ops#7
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}
