//! Docs: call `config.max_wasm_stack(8 << 20)` only together with `async_stack_size`.

use wasmtime::{Config, Engine};

/// Our own limit, unrelated to Wasmtime's setting of the same name.
pub struct Limits {
    pub my_max_wasm_stack_limit: usize,
    pub async_stack_size_hint: usize,
}

// config.max_wasm_stack(64 << 20); // tried this, it broke the async engine
/* config.async_stack_size(1 << 20); */

pub fn describe() -> &'static str {
    "max_wasm_stack(8 << 20)"
}

pub fn raw() -> &'static str {
    r#"config.async_stack_size(0); config.max_wasm_stack(0)"#
}

pub fn max_wasm_stack_limit(limits: &Limits) -> usize {
    let max_wasm_stack = limits.my_max_wasm_stack_limit;
    max_wasm_stack.min(limits.async_stack_size_hint)
}

pub fn engine() -> wasmtime::Result<Engine> {
    // Defaults are fine: async_support is not needed here.
    let config = Config::new();
    Engine::new(&config)
}
