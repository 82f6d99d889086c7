use wasmtime::{Config, Engine, InstanceAllocationStrategy};

pub fn edge_engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.allocation_strategy(InstanceAllocationStrategy::pooling());
    config.max_wasm_stack(1024 * 1024);
    config.async_stack_size(2 * 1024 * 1024);
    Engine::new(&config)
}
