use wasmtime::{Config, Engine};

const MAX_WASM_STACK: usize = 2 << 20;
const ASYNC_STACK_SIZE: usize = 4 << 20;
const _: () = assert!(MAX_WASM_STACK <= ASYNC_STACK_SIZE, "max_wasm_stack must be less than or equal to async_stack_size");

fn documented() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(1 << 20);
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}

fn main() -> wasmtime::Result<()> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.max_wasm_stack(MAX_WASM_STACK);
    config.async_stack_size(ASYNC_STACK_SIZE);
    let _engine = Engine::new(&config)?;
    let _other = documented()?;
    Ok(())
}
