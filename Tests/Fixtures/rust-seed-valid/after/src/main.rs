mod engine;

use anyhow::Result;
use wasmtime::{Module, Store};

#[tokio::main]
async fn main() -> Result<()> {
    let engine = engine::build_engine()?;
    let module = Module::from_file(&engine, "guest.wasm")?;
    let mut store = Store::new(&engine, ());
    let instance = wasmtime::Instance::new_async(&mut store, &module, &[]).await?;
    let run = instance.get_typed_func::<(), ()>(&mut store, "run")?;
    run.call_async(&mut store, ()).await?;
    Ok(())
}
