use wasmtime::{Config, Engine, Result};

/// 0.30 checks in the setters, in call order.
pub fn ordered(stack: usize) -> Result<Engine> {
    let mut c = Config::new();
    c.async_support(true);
    c.max_wasm_stack(stack)?;
    c.async_stack_size(8 << 20)?;
    Engine::new(&c)
}

/// Already in the right order: the setter is the run-time check.
pub fn checked_by_setter(stack: usize) -> Result<Engine> {
    let mut c = Config::new();
    c.async_support(true);
    c.async_stack_size(8 << 20)?;
    c.max_wasm_stack(stack)?;
    Engine::new(&c)
}

/// Derived, and never below the default async stack the old setter compares with.
pub fn derived(stack: usize) -> Result<Engine> {
    let mut c = Config::new();
    c.async_support(true);
    c.max_wasm_stack(stack)?;
    Engine::new(&c)
}
