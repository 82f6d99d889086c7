#include <wasmtime.h>

wasm_engine_t *legacy_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_async_support_set(config, true);
    /* wasmfix: ignore */
    wasmtime_config_max_wasm_stack_set(config, 8 << 20);
    wasmtime_config_async_stack_size_set(config, 2 << 20);
    return wasm_engine_new_with_config(config);
}

wasm_engine_t *tuned_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, 8 << 20); /* wasmfix: ignore[WF001,WF003] */
    return wasm_engine_new_with_config(config);
}

wasm_engine_t *checked_engine(void) {
    wasm_config_t *config = wasm_config_new();
    const char *hint = "/* wasmfix: ignore */";
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, 8 << 20);
    wasmtime_config_async_stack_size_set(config, 2 << 20);
    return wasm_engine_new_with_config(config);
}
