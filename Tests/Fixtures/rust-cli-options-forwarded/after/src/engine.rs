use anyhow::Result;
use wasmtime::{Config, Engine};

use crate::options::StackFlags;

/// Builds the engine right here: this function is the configuration, so its run-time values
/// are still checked.
pub fn engine_for(flags: &StackFlags) -> Result<Engine> {
    let mut config = Config::new();
    if let Some(fiber) = flags.fiber_stack {
        config.async_stack_size(fiber);
    }
    Engine::new(&config)
}
