use wasmtime::{Config, Engine, InstanceAllocationStrategy};

pub fn edge_engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.allocation_strategy(InstanceAllocationStrategy::pooling());
    config.max_wasm_stack(1024 * 1024);
    Engine::new(&config)
}
