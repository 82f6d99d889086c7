// Größe des Stacks für die Engine (Latin-1 kodiert)
fn latin1(config: &mut wasmtime::Config) {
    config.max_wasm_stack(1 << 20);
}
