use anyhow::Result;
use wasmtime::Config;

/// Stack flags as the user typed them; unset flags keep Wasmtime's defaults.
pub struct StackFlags {
    pub guest_stack: Option<usize>,
    pub fiber_stack: Option<usize>,
}

pub struct RunnerOptions {
    pub stacks: StackFlags,
}

impl RunnerOptions {
    /// Turns the flags into a `Config`; Wasmtime itself rejects a bad pair when the engine
    /// is built, with its own message, so nothing is checked here.
    pub fn to_config(&self) -> Result<Config> {
        let mut config = Config::new();
        if let Some(size) = self.stacks.fiber_stack {
            config.async_stack_size(size);
        }
        if let Some(guest) = self.stacks.guest_stack {
            config.max_wasm_stack(guest);
            if self.stacks.fiber_stack.is_none() {
                const HOST_HEADROOM: usize = 256 << 10;
                config.async_stack_size(guest + HOST_HEADROOM);
            }
        }
        Ok(config)
    }
}
