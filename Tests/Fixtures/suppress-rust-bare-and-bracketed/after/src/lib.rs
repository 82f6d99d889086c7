use wasmtime::*;

/// Suppressed on the line above (bracketed): reported as suppressed, not fixed, no exit 1.
pub fn legacy() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    // wasmfix: ignore[WF001, WF002]
    config.max_wasm_stack(8 << 20);
    config.async_stack_size(2 << 20);
    Engine::new(&config)
}

/// Suppressed on its own line (bare): every rule there.
pub fn vendored() -> Result<Engine> {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(16 << 20); // wasmfix: ignore -- upstream's choice, see #42
    Engine::new(&config)
}

/// Not suppressed: the text in the string is no comment, so this is fixed.
pub fn fresh() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    config.async_support(true);
    let _note = "// wasmfix: ignore";
    config.max_wasm_stack(4 << 20);
    config.async_stack_size(4608 << 10);
    Engine::new(&config)
}

/// Only WF003 is silenced: WF001 is still fixed, and the suppression stays next to its line.
pub fn partly() -> Result<Engine> {
    let mut config = Config::new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    // wasmfix: ignore[WF003]
    config.max_wasm_stack(8 << 20);
    config.async_stack_size(8704 << 10);
    config.async_support(true);
    Engine::new(&config)
}
