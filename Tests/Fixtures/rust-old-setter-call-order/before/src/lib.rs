use wasmtime::{Config, Engine, Result};

pub fn engine() -> Result<Engine> {
    let mut c = Config::new();
    c.max_wasm_stack(4 << 20)?;
    c.async_stack_size(8 << 20)?;
    Engine::new(&c)
}
