use wasmtime::{Config, Engine};

/// Engine für große Gäste (written on Windows: BOM + CRLF).
pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.async_stack_size(2 << 20);
    /* Größe → */ config.max_wasm_stack(3 << 20);
    Engine::new(&config)
}
