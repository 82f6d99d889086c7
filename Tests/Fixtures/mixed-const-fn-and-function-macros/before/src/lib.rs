use wasmtime::{Config, Engine, Result};

const fn mib(n: usize) -> usize {
    n << 20
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(mib(8));
    config.async_stack_size(mib(4));
    Engine::new(&config)
}
