use anyhow::Result;
use wasmtime::{Config, Engine, Linker, Module, OptLevel, Store};

pub struct PluginRuntime {
    engine: Engine,
}

impl PluginRuntime {
    pub fn new() -> Result<Self> {
        let engine = Engine::new(
            Config::new()
                .cranelift_opt_level(OptLevel::Speed)
                .wasm_multi_memory(true)
                // Wasmtime requires max_wasm_stack <= async_stack_size.
                // Keep these values aligned when upgrading runtime dependencies.
                .max_wasm_stack(4 << 20)
                .async_stack_size(4608 << 10)
                .consume_fuel(true),
        )?;
        Ok(Self { engine })
    }

    pub fn run(&self, path: &str) -> Result<()> {
        let module = Module::from_file(&self.engine, path)?;
        let mut store = Store::new(&self.engine, ());
        store.set_fuel(10_000_000)?;
        let linker = Linker::new(&self.engine);
        let instance = linker.instantiate(&mut store, &module)?;
        instance.get_typed_func::<(), ()>(&mut store, "_start")?.call(&mut store, ())?;
        Ok(())
    }
}
