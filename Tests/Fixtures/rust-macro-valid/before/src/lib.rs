use wasmtime::{Config, Engine, Result};

mod platform;

/// Applies a setting and logs it; the call inside is a configuration like any other.
macro_rules! traced {
    ($call:expr) => {{
        let applied = $call;
        let _ = applied;
    }};
}

/// A template, not a configuration: `$config` and `$size` are filled in where it is used.
macro_rules! stack_of {
    ($config:expr, $size:expr) => {
        $config.max_wasm_stack($size)
    };
}

pub fn engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    cfg_if::cfg_if! {
        if #[cfg(debug_assertions)] {
            config.max_wasm_stack(4 << 20);
            config.async_stack_size(5 << 20);
        } else {
            config.max_wasm_stack(1 << 20);
            traced!(config.async_stack_size(2 << 20));
        }
    }
    Engine::new(&config)
}

pub struct Limits {
    pub max_wasm_stack: usize,
    pub async_stack_size: usize,
}

/// Field names in an assertion and a string in a log line are not settings.
pub fn check(limits: &Limits) {
    assert!(limits.max_wasm_stack <= limits.async_stack_size, "config.max_wasm_stack(..) too big");
    println!("{}", "config.async_stack_size(1)");
}

pub fn sized(size: usize) -> Config {
    let mut config = Config::new();
    stack_of!(config, size);
    config
}
