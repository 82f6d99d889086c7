use wasmtime::{Config, Engine};

pub fn test_runner_engine() -> Engine {
    let mut config = Config::new();
    config.max_wasm_stack(128 * 1024 * 1024);
    config.async_stack_size(129 * 1024 * 1024);
    Engine::new(&config).unwrap()
}
