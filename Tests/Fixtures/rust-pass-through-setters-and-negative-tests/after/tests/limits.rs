use wasmtime::{Config, Engine};

#[test]
fn zero_stack_is_rejected() {
    let mut config = Config::new();
    config.max_wasm_stack(0);
    assert!(Engine::new(&config).is_err());
}

#[test]
#[should_panic]
fn oversized_stack_panics() {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(8 << 20);
    Engine::new(&config).unwrap();
}

#[test]
fn too_big_is_an_error() {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(8 << 20);
    let err = Engine::new(&config).unwrap_err();
    assert!(err.to_string().contains("cannot exceed"));
}
