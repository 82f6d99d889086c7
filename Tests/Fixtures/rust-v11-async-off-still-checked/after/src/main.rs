use anyhow::Result;
use wasmtime::{Config, Engine, Module, Store, Instance};

fn main() -> Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(8388608);
    config.async_stack_size(8704 * 1024);
    let engine = Engine::new(&config)?;
    let module = Module::from_file(&engine, "compiler.wasm")?;
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[])?;
    let main = instance.get_typed_func::<(), ()>(&mut store, "main")?;
    main.call(&mut store, ())?;
    Ok(())
}
