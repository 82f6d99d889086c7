use wasmtime::{Config, Engine};

pub struct DeterministicStackLimit {
    pub native_stack_max: u32,
}

pub struct Semantics {
    pub deterministic_stack_limit: Option<DeterministicStackLimit>,
}

fn common_config(semantics: &Semantics) -> std::result::Result<Config, String> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    let native_stack_max = match semantics.deterministic_stack_limit {
        Some(DeterministicStackLimit { native_stack_max }) => native_stack_max,
        // In `wasmtime` 0.35 the default stack size limit was changed from 1MB to 512KB.
        None => 1024 * 1024,
    };
    let max_wasm_stack: usize = native_stack_max as usize;
    config.max_wasm_stack(max_wasm_stack);
    config.async_stack_size(max_wasm_stack.saturating_add(512 * 1024));
    Ok(config)
}

pub fn engine_with_fibers(semantics: &Semantics, fiber_stack: usize) -> Engine {
    let mut config = common_config(semantics).expect("valid config");
    config.async_stack_size(fiber_stack);
    Engine::new(&config).expect("engine")
}
