use wasmtime::{Config, Engine};

/// The project's own builder: callers never touch `Config` directly.
struct EngineSettings {
    config: Config,
}

impl EngineSettings {
    fn set_wasm_stack(&mut self, bytes: usize) -> &mut Self {
        self.config.max_wasm_stack(bytes);
        self
    }

    fn set_fiber_stack(&mut self, bytes: usize) -> &mut Self {
        self.config.async_stack_size(bytes);
        self
    }
}

fn main() {
    let mut settings = EngineSettings { config: Config::new() };
    settings.set_wasm_stack(8 << 20);
    settings.set_fiber_stack(2 << 20);
    // A name that merely contains a wrapper's is not a call to it.
    let reset_wasm_stack_count = 0;
    let engine = Engine::new(&settings.config).unwrap();
}
