use std::env;

use wasmtime::{Config, Engine, Result};

/// Our own small take on the usual `cfg_if!`: each branch's tokens are emitted under its
/// condition (`not(..)` of the first for the `else`), as items or as statements.
macro_rules! cfg_if {
    (if #[cfg($condition:meta)] { $($then:tt)* } else { $($otherwise:tt)* }) => {
        #[cfg($condition)]
        emit! { $($then)* }
        #[cfg(not($condition))]
        emit! { $($otherwise)* }
    };
}

macro_rules! emit {
    ($($tokens:tt)*) => { $($tokens)* };
}

/// The limits every engine shares, grouped so they read as one table.
macro_rules! limits {
    ($($item:item)*) => { $($item)* };
}

cfg_if! {
    if #[cfg(feature = "deep-recursion")] {
        const GUEST_STACK: usize = 6 << 20;
        // Wasmtime requires max_wasm_stack <= async_stack_size.
        // Keep these values aligned when upgrading runtime dependencies.
        const FIBER_STACK: usize = GUEST_STACK + 512 * 1024;
        const _: () = assert!(GUEST_STACK <= FIBER_STACK, "max_wasm_stack must be less than or equal to async_stack_size");
    } else {
        const GUEST_STACK: usize = 1 << 20;
        const FIBER_STACK: usize = 2 << 20;
    }
}

limits! {
    /// Request handlers recurse little.
    const HANDLER_STACK: usize = 3 << 20;
}

/// Guests: the stack depends on the build.
fn guest_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(6656 * 1024);
    Engine::new(&config)
}

/// Pooled guests run on fibers sized per build.
fn pooled_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(GUEST_STACK);
    config.async_stack_size(FIBER_STACK);
    Engine::new(&config)
}

/// Request handlers: a fixed stack, but profiling needs more.
fn handler_engine() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    cfg_if! {
        if #[cfg(feature = "profiling")] {
            config.max_wasm_stack(HANDLER_STACK * 2);
            config.async_stack_size((HANDLER_STACK * 2) + 512 * 1024);
        } else {
            config.max_wasm_stack(HANDLER_STACK / 2);
        }
    }
    Engine::new(&config)
}

fn main() -> Result<()> {
    let guest = guest_engine()?;
    let pooled = pooled_engine()?;
    println!("pooled engine: {:?}", pooled.stack_sizes());
    if env::var("GUESTS_ONLY").is_err() {
        let handler = handler_engine()?;
        println!("handler engine: {:?}", handler.stack_sizes());
    }
    println!("guest engine: {:?}", guest.stack_sizes());
    Ok(())
}
