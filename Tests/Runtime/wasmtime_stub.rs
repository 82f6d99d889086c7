//! A stand-in for the `wasmtime` crate for the Rust runtime tests
//! (Tests/WasmfixCLITests/RuntimeTests.swift): no crates can be downloaded here, so fixture
//! programs are compiled with `rustc --extern wasmtime=<this, built as an rlib>` instead.
//!
//! It mirrors exactly the part of Wasmtime that wasmfix is about (../shared/wasmtime-facts.md
//! §1-2), per version. The test builds it once per (version, features) a case asks for, with
//! `--cfg 'feature="async"'` (and/or `"stack-switching"`) for the Cargo features and one
//! cumulative `--cfg since_*` per release boundary the version has reached. Each boundary was
//! read in `crates/wasmtime/src/config.rs` (and `Cargo.toml`) at the release tags:
//!
//! * 0.25.0 / 0.30.0: `max_wasm_stack` and `async_stack_size` return `Result<&mut Self>` and
//!   check at call time: `max_wasm_stack` rejects `size > self.async_stack_size` under
//!   `#[cfg(feature = "async")]` and `size == 0` always; `async_stack_size` (itself
//!   `#[cfg(feature = "async")]`) rejects `size < self.max_wasm_stack`. Defaults: max `1 << 20`,
//!   async `2 << 20`. `async_support` is `#[cfg(feature = "async")]` (as it stays up to 48.0.0).
//! * `since_0_35` (v0.35.0): default max `512 * 1024`.
//! * `since_0_39` (v0.39.0): the setters return `&mut Self`; `Config::validate` (run by
//!   `Engine::new`) checks `max > async` under `#[cfg(feature = "async")]`, whatever
//!   `async_support` says, and `max == 0` always, with the new error strings.
//! * `since_12` (v12.0.0): the check also needs `self.async_support` (v12.0.0 validate).
//! * `since_35` (v35.0.0): `async_stack_size` and the check are
//!   `#[cfg(any(feature = "async", feature = "stack-switching"))]` (v34.0.0 still had
//!   `feature = "async"` only).
//! * `since_42` (v42.0.0): `async_support` is `#[deprecated(note = "no longer has any effect")]`
//!   and ignored; the check runs whenever the cfg above holds.
//! * `since_47` (v47.0.0): `async_stack_size` has no cfg and the check none either.
//!
//! The default build (no `since_*` beyond 12, feature `async`) is Wasmtime 25 as the crate
//! ships by default.

use std::fmt;

/// Like `wasmtime::Error` (an `anyhow::Error`): `Debug` prints the message, so
/// `fn main() -> wasmtime::Result<()>` reports `Error: <message>` and exits with 1.
pub struct Error(String);

impl Error {
    pub fn msg(message: impl Into<String>) -> Self {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptLevel {
    None,
    Speed,
    SpeedAndSize,
}

#[derive(Clone, Debug)]
pub struct Config {
    max_wasm_stack: usize,
    async_stack_size: usize,
    #[allow(dead_code)]
    async_support: bool,
    consume_fuel: bool,
    wasm_multi_memory: bool,
    opt_level: OptLevel,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

/// The setters' return type: `Result<&mut Self>` before 0.39.0, `&mut Self` from then on.
#[cfg(not(since_0_39))]
pub type Setter<'a> = Result<&'a mut Config>;
#[cfg(since_0_39)]
pub type Setter<'a> = &'a mut Config;

#[cfg(not(since_0_39))]
fn setter(config: &mut Config) -> Setter<'_> {
    Ok(config)
}
#[cfg(since_0_39)]
fn setter(config: &mut Config) -> Setter<'_> {
    config
}

impl Config {
    pub fn new() -> Self {
        Config {
            max_wasm_stack: if cfg!(since_0_35) { 512 * 1024 } else { 1 << 20 },
            async_stack_size: 2 << 20,
            async_support: false,
            consume_fuel: false,
            wasm_multi_memory: false,
            opt_level: OptLevel::Speed,
        }
    }

    pub fn max_wasm_stack(&mut self, size: usize) -> Setter<'_> {
        #[cfg(not(since_0_39))]
        {
            #[cfg(feature = "async")]
            if size > self.async_stack_size {
                return Err(Error::msg("wasm stack size cannot exceed the async stack size"));
            }
            if size == 0 {
                return Err(Error::msg("wasm stack size cannot be zero"));
            }
        }
        self.max_wasm_stack = size;
        setter(self)
    }

    #[cfg(any(
        since_47,
        feature = "async",
        all(since_35, feature = "stack-switching")
    ))]
    pub fn async_stack_size(&mut self, size: usize) -> Setter<'_> {
        #[cfg(not(since_0_39))]
        if size < self.max_wasm_stack {
            return Err(Error::msg("async stack size cannot be less than the maximum wasm stack size"));
        }
        self.async_stack_size = size;
        setter(self)
    }

    #[cfg(all(feature = "async", not(since_42)))]
    pub fn async_support(&mut self, enable: bool) -> &mut Self {
        self.async_support = enable;
        self
    }

    #[cfg(all(feature = "async", since_42))]
    #[deprecated(note = "no longer has any effect")]
    pub fn async_support(&mut self, _enable: bool) -> &mut Self {
        self
    }

    pub fn consume_fuel(&mut self, enable: bool) -> &mut Self {
        self.consume_fuel = enable;
        self
    }

    pub fn wasm_multi_memory(&mut self, enable: bool) -> &mut Self {
        self.wasm_multi_memory = enable;
        self
    }

    pub fn cranelift_opt_level(&mut self, level: OptLevel) -> &mut Self {
        self.opt_level = level;
        self
    }

    /// Whether `Config::validate` compares the two stacks in this build.
    fn stacks_checked(&self) -> bool {
        if cfg!(since_47) {
            true
        } else if cfg!(since_42) {
            cfg!(any(feature = "async", feature = "stack-switching"))
        } else if cfg!(since_12) {
            let compiled = cfg!(feature = "async") || (cfg!(since_35) && cfg!(feature = "stack-switching"));
            compiled && self.async_support
        } else if cfg!(since_0_39) {
            cfg!(feature = "async")
        } else {
            // Before 0.39 the setters checked; validate did not.
            false
        }
    }

    /// `Config::validate`, limited to the stack rules.
    fn validate(&self) -> Result<()> {
        if !cfg!(since_0_39) {
            return Ok(());
        }
        if self.stacks_checked() && self.max_wasm_stack > self.async_stack_size {
            return Err(Error::msg("max_wasm_stack size cannot exceed the async_stack_size"));
        }
        if self.max_wasm_stack == 0 {
            return Err(Error::msg("max_wasm_stack size cannot be zero"));
        }
        Ok(())
    }
}

#[derive(Clone, Debug)]
pub struct Engine {
    config: Config,
}

impl Engine {
    pub fn new(config: &Config) -> Result<Engine> {
        config.validate()?;
        Ok(Engine { config: config.clone() })
    }

    /// The effective values, so fixture programs can print what they got.
    pub fn stack_sizes(&self) -> (usize, usize) {
        (self.config.max_wasm_stack, self.config.async_stack_size)
    }
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new(&Config::new()).unwrap()
    }
}
