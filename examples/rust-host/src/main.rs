mod engine;
mod limits;

use anyhow::Result;
use wasmtime::{Linker, Module, Store};

#[tokio::main]
async fn main() -> Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "guest.wasm".to_string());

    // Precompile with the synchronous engine, then run on the async one.
    let compiler = engine::compile_engine()?;
    let _artifact = compiler.precompile_module(&std::fs::read(&path)?)?;

    let engine = engine::async_engine()?;
    let module = Module::from_file(&engine, &path)?;
    let mut store = Store::new(&engine, ());
    let linker = Linker::new(&engine);
    let instance = linker.instantiate_async(&mut store, &module).await?;
    let run = instance.get_typed_func::<(), ()>(&mut store, "run")?;
    run.call_async(&mut store, ()).await?;
    Ok(())
}
