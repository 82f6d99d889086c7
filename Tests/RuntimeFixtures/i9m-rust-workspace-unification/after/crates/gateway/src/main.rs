fn main() -> wasmtime::Result<()> {
    let engine = sandbox::engine()?;
    println!("sandbox engine: {:?}", engine.stack_sizes());
    Ok(())
}
