use wasmtime::{Config, Engine, Result};

/// Runs `$apply` with the option's value in builds with the Cargo feature; a set option is an
/// error in builds without it.
macro_rules! with_feature {
    ([$feature:tt : $option:expr] $value:pat => $apply:expr, _ => err $(,)?) => {
        #[cfg(feature = $feature)]
        if let Some($value) = $option {
            $apply;
        }
        #[cfg(not(feature = $feature))]
        if $option.is_some() {
            return Err(wasmtime::Error::msg(concat!("this build lacks the ", $feature, " feature")));
        }
    };
}

pub struct Options {
    pub fiber_stack: Option<usize>,
}

/// The guest stack is fixed; the fiber stack is the operator's to choose.
pub fn engine(options: &Options) -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(3 << 20);
    with_feature! {
        ["async" : options.fiber_stack]
        size => config.async_stack_size(size),
        _ => err,
    }
    Engine::new(&config)
}
