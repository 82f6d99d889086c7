macro_rules! define_limits {
    () => {
        /// The guest's stack.
        const GUEST_STACK: usize = 4 << 20;
    };
    ($name:ident = $value:expr) => {
        const $name: usize = $value;
    };
}

define_limits!();
define_limits!(FIBER_STACK = 2 << 20);

pub fn engine() -> wasmtime::Result<wasmtime::Engine> {
    let mut config = wasmtime::Config::new();
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(FIBER_STACK);
    wasmtime::Engine::new(&config)
}
