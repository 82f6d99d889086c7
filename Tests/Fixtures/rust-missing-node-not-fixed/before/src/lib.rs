fn f() {
    let mut config = Config::new();
    config.async_support(true);
    config.max_wasm_stack(8 << 20);
    config.async_stack_size(2 << 20;
    Engine::new(&config).unwrap();
}
