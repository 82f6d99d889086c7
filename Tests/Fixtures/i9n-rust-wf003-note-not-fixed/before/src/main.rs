use wasmtime::{Config, Engine, Result};

/// 1 MiB: the 2 MiB default async stack leaves 1 MiB for host calls. A note, left alone.
fn small_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(1 << 20);
    Engine::new(&config)
}

/// 1792 KiB: only 256 KiB left above it. A warning, pinned with the headroom.
fn tight_engine() -> Result<Engine> {
    let mut config = Config::new();
    config.max_wasm_stack(1792 << 10);
    Engine::new(&config)
}

fn main() -> Result<()> {
    small_engine()?;
    tight_engine()?;
    Ok(())
}
