//! Engine set-up for the actor VM (written against Wasmtime 0.33, whose stack
//! setters still returned `Result`).

use anyhow::Result;
use wasmtime::{Config, Engine, Strategy};

pub fn new_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.strategy(Strategy::Cranelift)?;
    config
        .async_support(true)
        .async_stack_size(4 << 20)?
        .max_wasm_stack(1 << 20)?;
    Engine::new(&config)
}
