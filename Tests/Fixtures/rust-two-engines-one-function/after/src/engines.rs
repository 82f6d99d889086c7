use wasmtime::{Config, Engine, Result};

pub struct Engines {
    /// Runs untrusted guests asynchronously, with epoch interruption.
    pub guest: Engine,
    /// Precompiles modules ahead of time; never runs async.
    pub compiler: Engine,
}

pub fn build() -> Result<Engines> {
    let mut guest_config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    guest_config.async_support(true);
    guest_config.epoch_interruption(true);
    guest_config.max_wasm_stack(6 << 20);
    guest_config.async_stack_size(6656 << 10);

    let mut compiler_config = Config::new();
    compiler_config.max_wasm_stack(6 << 20);
    compiler_config.async_stack_size(8 << 20);

    Ok(Engines {
        guest: Engine::new(&guest_config)?,
        compiler: Engine::new(&compiler_config)?,
    })
}
