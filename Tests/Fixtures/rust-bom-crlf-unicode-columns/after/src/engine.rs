use wasmtime::{Config, Engine};

/// Engine für große Gäste (written on Windows: BOM + CRLF).
pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_stack_size(3584 << 10);
    /* Größe → */ config.max_wasm_stack(3 << 20);
    Engine::new(&config)
}
