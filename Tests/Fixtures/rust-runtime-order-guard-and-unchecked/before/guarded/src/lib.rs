use wasmtime::{Config, Engine, Error, Result};

pub fn guarded(stack: usize, fiber: usize) -> Result<Engine> {
    if stack > fiber {
        return Err(Error::msg("the guest stack must fit in the fiber stack"));
    }
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(fiber);
    Engine::new(&config)
}

pub fn asserted(stack: usize, fiber: usize) -> Result<Engine> {
    assert!(fiber >= stack, "fiber stack too small");
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(fiber);
    Engine::new(&config)
}

/// Not a guard: it only logs.
pub fn logged(stack: usize, fiber: usize) -> Result<Engine> {
    if stack > fiber {
        eprintln!("stack larger than fiber");
    }
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(stack);
    config.async_stack_size(fiber);
    Engine::new(&config)
}
