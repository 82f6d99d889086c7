use wasmtime::{Config, Engine, Module, Store, Instance};

fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(3 << 20);
    config.async_stack_size(3584 << 10);
    let engine = Engine::new(&config)?;
    let module = Module::from_file(&engine, "job.wasm")?;
    let mut store = Store::new(&engine, ());
    Instance::new(&mut store, &module, &[])?;
    Ok(())
}
