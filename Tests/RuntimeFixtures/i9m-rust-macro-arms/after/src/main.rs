use std::env;

use wasmtime::{Config, Engine, Result};

/// Applies `$apply` with the option's value when the build has the Cargo feature; a set option
/// in a build without it is an error (the operator asked for something this binary lacks).
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

/// What the operator asked for on start-up.
struct Options {
    guest_stack: Option<usize>,
    small_fibers: Option<()>,
}

fn options() -> Options {
    Options {
        guest_stack: env::var("GUEST_STACK").ok().map(|v| v.parse().expect("GUEST_STACK is a byte count")),
        small_fibers: env::var("SMALL_FIBERS").ok().map(|_| ()),
    }
}

/// The guest's stack is the operator's to choose.
fn guest_engine(options: &Options) -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    with_feature! {
        ["async" : options.guest_stack]
        size => config.max_wasm_stack(size).async_stack_size(size.saturating_add(512 * 1024)),
        _ => err,
    }
    Engine::new(&config)
}

/// Many small fibers for the request handlers, when asked for.
fn handler_engine(options: &Options) -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(1536 << 10);
    with_feature! {
        ["async" : options.small_fibers]
        _ => config.async_stack_size(2 << 20),
        _ => err,
    }
    Engine::new(&config)
}

fn main() -> Result<()> {
    let options = options();
    let guest = guest_engine(&options)?;
    let handler = handler_engine(&options)?;
    println!("engines created: guest {:?}, handler {:?}", guest.stack_sizes(), handler.stack_sizes());
    Ok(())
}
