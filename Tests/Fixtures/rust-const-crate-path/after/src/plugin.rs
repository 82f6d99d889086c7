use anyhow::Result;
use std::path::Path;
use wasmtime::{Config, Engine};

pub struct PluginHost {
    engine: Engine,
}

impl PluginHost {
    pub fn new() -> Result<Self> {
        let mut config = Config::new();
        config.max_wasm_stack(crate::limits::MAX);
        config.async_stack_size(crate::limits::ASYNC_STACK);
        Ok(Self { engine: Engine::new(&config)? })
    }

    pub fn load_all(&self, dir: impl AsRef<Path>) -> Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let _module = wasmtime::Module::from_file(&self.engine, &path)?;
        }
        Ok(())
    }
}
