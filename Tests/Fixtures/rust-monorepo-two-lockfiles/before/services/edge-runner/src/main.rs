use wasmtime::{Config, Engine, Module, Store, Instance};

fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    config.max_wasm_stack(3 << 20);
    let engine = Engine::new(&config)?;
    let module = Module::from_file(&engine, "job.wasm")?;
    let mut store = Store::new(&engine, ());
    Instance::new(&mut store, &module, &[])?;
    Ok(())
}
