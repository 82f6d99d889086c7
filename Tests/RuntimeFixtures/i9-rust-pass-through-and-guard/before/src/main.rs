use std::env;

use wasmtime::{Config, Engine, Error, Result};

/// A builder the embedder's users call; it forwards whatever they pass.
struct EngineBuilder {
    config: Config,
}

impl EngineBuilder {
    fn new() -> Self {
        let mut config = Config::new();
        config.async_support(true);
        EngineBuilder { config }
    }

    fn max_wasm_stack(mut self, size: usize) -> Self {
        self.config.max_wasm_stack(size);
        self
    }

    fn async_stack_size(mut self, size: usize) -> Self {
        self.config.async_stack_size(size);
        self
    }

    fn build(self) -> Result<Engine> {
        Engine::new(&self.config)
    }
}

/// A free function that forwards its parameter.
fn set_guest_stack(config: &mut Config, stack: usize) {
    config.max_wasm_stack(stack);
}

/// Both values come from the operator; the guard says which one to change.
fn guarded(stack: usize, fiber: usize) -> Result<Engine> {
    if stack > fiber {
        return Err(Error::msg("GUEST_STACK must not exceed FIBER_STACK"));
    }
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(fiber);
    Engine::new(&config)
}

fn number(name: &str, default: usize) -> usize {
    env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn main() -> Result<()> {
    let stack = number("GUEST_STACK", 1 << 20);
    let fiber = number("FIBER_STACK", 2 << 20);
    let engine = EngineBuilder::new().max_wasm_stack(stack).async_stack_size(fiber).build()?;
    guarded(stack, fiber)?;
    let mut plain = Config::new();
    set_guest_stack(&mut plain, stack);
    Engine::new(&plain)?;
    let (max, async_size) = engine.stack_sizes();
    println!("engines created: max_wasm_stack={max} async_stack_size={async_size}");
    Ok(())
}
