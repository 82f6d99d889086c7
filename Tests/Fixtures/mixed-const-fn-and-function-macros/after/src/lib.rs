use wasmtime::{Config, Engine, Result};

const fn mib(n: usize) -> usize {
    n << 20
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(mib(8));
    config.async_stack_size(mib(8) + 512 * 1024);
    Engine::new(&config)
}
