use wasmtime::{Config, Engine};

/// The production engine: defaults are fine.
pub fn engine() -> wasmtime::Result<Engine> {
    Engine::new(&Config::new())
}
