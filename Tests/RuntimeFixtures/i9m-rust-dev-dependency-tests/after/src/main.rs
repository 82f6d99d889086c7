fn main() -> wasmtime::Result<()> {
    let engine = plugin_host::engine()?;
    println!("host engine: {:?}", engine.stack_sizes());
    Ok(())
}
