use wasmtime::{Config, Engine, Result};

/// Runs `$apply` when the option is set and the crate feature is compiled in; otherwise a
/// set option is an error.
macro_rules! when_enabled {
    ([$feature:tt : $option:expr] $bound:pat => $apply:expr, _ => err,) => {
        #[cfg(feature = $feature)]
        if let Some($bound) = $option {
            $apply;
        }
        #[cfg(not(feature = $feature))]
        if $option.is_some() {
            return Err(wasmtime::Error::msg(concat!("built without ", $feature)));
        }
    };
}

pub struct HostOptions {
    pub deep_recursion: Option<bool>,
    pub fuel: Option<u64>,
}

pub fn engine(options: &HostOptions) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    when_enabled! {
        ["deep-recursion" : options.deep_recursion]
        _ => config.max_wasm_stack(6 << 20),
        _ => err,
    }
    when_enabled! {
        ["metering" : options.fuel]
        _ => config.consume_fuel(true),
        _ => err,
    }
    Engine::new(&config)
}
