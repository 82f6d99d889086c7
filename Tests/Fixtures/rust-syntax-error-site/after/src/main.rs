use wasmtime::{Config, Engine};

fn small_engine() -> wasmtime::Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(256 * 1024);
    config.async_stack_size(1 << 20);
    Engine::new(&config)
}

// Work in progress: the `if` below is never closed and the impl lacks its type.
fn main() {
    let mut config = Config::new();
    if std::env::args().count() > 1 {
        config.max_wasm_stack(4 << 20);
    let engine = Engine::new(&config).unwrap();
}
impl Runner for {
    fn run(&self) { self.config.max_wasm_stack(8 << 20); }
}
