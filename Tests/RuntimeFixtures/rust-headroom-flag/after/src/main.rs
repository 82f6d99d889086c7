use wasmtime::{Config, Engine, Result};

const GUEST_STACK: usize = 3 * 1024 * 1024;
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
const FIBER_STACK: usize = GUEST_STACK + 1 * 1024 * 1024;
const _: () = assert!(GUEST_STACK <= FIBER_STACK, "max_wasm_stack must be less than or equal to async_stack_size");

fn main() -> Result<()> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(FIBER_STACK);
    let engine = Engine::new(&config)?;
    let (max, async_size) = engine.stack_sizes();
    assert!(async_size - max >= 1024 * 1024, "headroom below 1 MiB");
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
