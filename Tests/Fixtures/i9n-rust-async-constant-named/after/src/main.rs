use wasmtime::{Config, Engine, Result};

mod limits;

/// Interpreters compiled to Wasm recurse deeply.
pub(crate) const WASM_STACK_SIZE: usize = 6 << 20; // 6 MiB
pub(crate) const ASYNC_STACK_SIZE: usize = WASM_STACK_SIZE + 512 * 1024;

const WORKER_STACK: usize = 7 << 20;
/// The name a new constant would get is taken (a metrics label): the sum stays inline.
const WORKER_ASYNC_STACK: &str = "worker-async-stack";

fn guest_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(WASM_STACK_SIZE); // 6 MiB stack
    config.async_stack_size(ASYNC_STACK_SIZE);
    Engine::new(&config)
}

fn worker_engine() -> Result<Engine> {
    println!("{WORKER_ASYNC_STACK}");
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(WORKER_STACK);
    config.async_stack_size(WORKER_STACK + 512 * 1024);
    Engine::new(&config)
}

/// A constant from another module, by path: the new one sits next to it, with its visibility.
fn plugin_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(limits::PluginMaxStack);
    config.async_stack_size(limits::PluginAsyncStack);
    Engine::new(&config)
}

fn main() -> Result<()> {
    guest_engine()?;
    worker_engine()?;
    plugin_engine()?;
    Ok(())
}
