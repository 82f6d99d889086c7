mod runtime;

fn main() -> wasmtime::Result<()> {
    let runtime = runtime::PluginRuntime::new()?;
    runtime.describe();
    Ok(())
}
