//! A stand-in for the `wasmtime` crate, version 25, for the Rust runtime tests
//! (Tests/WasmfixCLITests/RuntimeTests.swift): no crates can be downloaded here, so fixture
//! programs are compiled with `rustc --extern wasmtime=<this, built as an rlib>` instead.
//!
//! It mirrors exactly the part of Wasmtime 25 that wasmfix is about (see
//! ../shared/wasmtime-facts.md §1): `Config`'s builder methods return `&mut Self`, the
//! defaults are `max_wasm_stack` = 512 KiB and `async_stack_size` = 2 MiB, and
//! `Engine::new` runs `Config::validate`, which rejects `max_wasm_stack == 0` always and
//! `max_wasm_stack > async_stack_size` when `async_support(true)` was called (12.0 - 41.x),
//! with Wasmtime's exact error strings.

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

impl Config {
    pub fn new() -> Self {
        Config {
            max_wasm_stack: 512 * 1024,
            async_stack_size: 2 << 20,
            async_support: false,
            consume_fuel: false,
            wasm_multi_memory: false,
            opt_level: OptLevel::Speed,
        }
    }

    pub fn max_wasm_stack(&mut self, size: usize) -> &mut Self {
        self.max_wasm_stack = size;
        self
    }

    pub fn async_stack_size(&mut self, size: usize) -> &mut Self {
        self.async_stack_size = size;
        self
    }

    pub fn async_support(&mut self, enable: bool) -> &mut Self {
        self.async_support = enable;
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

    /// Wasmtime 25's `Config::validate`, limited to the stack rules.
    fn validate(&self) -> Result<()> {
        if self.max_wasm_stack == 0 {
            return Err(Error::msg("max_wasm_stack size cannot be zero"));
        }
        if self.async_support && self.max_wasm_stack > self.async_stack_size {
            return Err(Error::msg("max_wasm_stack size cannot exceed the async_stack_size"));
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
