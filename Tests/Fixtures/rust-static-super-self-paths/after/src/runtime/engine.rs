use wasmtime::{Config, Engine};

const FIBER_STACK: usize = super::GUEST_STACK + HEADROOM;
const HEADROOM: usize = self::HOST_FRAMES * 64 * 1024;
const HOST_FRAMES: usize = 8;

pub fn engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(super::GUEST_STACK);
    config.async_stack_size(self::FIBER_STACK);
    Engine::new(&config)
}
