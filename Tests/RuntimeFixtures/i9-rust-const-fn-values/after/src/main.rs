use wasmtime::{Config, Engine, Result};

const fn mib(n: usize) -> usize {
    n << 20
}

const fn kib(n: usize) -> usize {
    n * 1024
}

const GUEST_STACK: usize = mib(6);
const GUEST_ASYNC_STACK: usize = GUEST_STACK + 512 * 1024;

fn engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(GUEST_ASYNC_STACK);
    Engine::new(&config)
}

fn main() -> Result<()> {
    let engine = engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
