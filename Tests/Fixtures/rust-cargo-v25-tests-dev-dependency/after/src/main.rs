use wasmtime::{Config, Engine};

fn main() -> wasmtime::Result<()> {
    // The command-line runner: synchronous, the default stacks.
    let config = Config::new();
    let _engine = Engine::new(&config)?;
    Ok(())
}
