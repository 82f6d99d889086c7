wasm_engine_t *make(void) {
    wasm_config_t *cfg = wasm_config_new();
    wasmtime_config_async_support_set(cfg, true);
#ifdef GUEST_DEBUG
    wasmtime_config_max_wasm_stack_set(cfg, 8 << 20);
#else
    wasmtime_config_max_wasm_stack_set(cfg, 1 << 20);
#endif
    wasmtime_config_async_stack_size_set(cfg, 2 << 20);
    return wasm_engine_new_with_config(cfg);
}
