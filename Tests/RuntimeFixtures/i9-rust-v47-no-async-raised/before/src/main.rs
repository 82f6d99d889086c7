use wasmtime::{Config, Engine, OptLevel, Result};

/// A synchronous engine: deterministic actors, no async host calls.
fn actor_engine() -> Result<Engine> {
    let mut c = Config::default();
    c.cranelift_opt_level(OptLevel::None);
    c.consume_fuel(true);
    // Actors compiled from Go recurse deeply.
    c.max_wasm_stack(4 << 20);
    Engine::new(&c)
}

fn main() -> Result<()> {
    let engine = actor_engine()?;
    let (max, async_size) = engine.stack_sizes();
    println!("engine created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
