use wasmtime::{Config, Engine, OptLevel, Result};

pub struct PluginRuntime {
    engine: Engine,
}

impl PluginRuntime {
    pub fn new() -> Result<Self> {
        let engine = Engine::new(
            Config::new()
                // Wasmtime requires max_wasm_stack <= async_stack_size.
                // Keep these values aligned when upgrading runtime dependencies.
                .async_support(true)
                .cranelift_opt_level(OptLevel::Speed)
                .wasm_multi_memory(true)
                .max_wasm_stack(6 << 20)
                .async_stack_size(6656 << 10)
                .consume_fuel(true),
        )?;
        Ok(Self { engine })
    }

    pub fn describe(&self) {
        let (max, async_size) = self.engine.stack_sizes();
        println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    }
}
