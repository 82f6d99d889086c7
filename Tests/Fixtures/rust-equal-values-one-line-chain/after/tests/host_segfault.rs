use wasmtime::{Config, Engine, Store};

fn overrun_with_big_stack() -> wasmtime::Result<()> {
    let mut config = Config::default();
    config.async_support(true).max_wasm_stack(100 << 20).async_stack_size(100 << 20);
    let engine = Engine::new(&config)?;
    let _store = Store::new(&engine, ());
    Ok(())
}

fn main() {
    overrun_with_big_stack().unwrap();
}
