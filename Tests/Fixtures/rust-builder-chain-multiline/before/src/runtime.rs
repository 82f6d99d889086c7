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
                .max_wasm_stack(4 << 20)
                .async_stack_size(3 << 20)
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
