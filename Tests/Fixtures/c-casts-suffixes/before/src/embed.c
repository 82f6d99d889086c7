#include <stdint.h>
#include <stddef.h>
#include <wasmtime.h>

wasm_engine_t *deep_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, (size_t)(6ULL << 20));
    wasmtime_config_async_stack_size_set(config, (uint64_t)0x400000UL);
    return wasm_engine_new_with_config(config);
}

wasm_engine_t *unlimited_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, SIZE_MAX);
    wasmtime_config_async_stack_size_set(config, (uint64_t)SIZE_MAX);
    return wasm_engine_new_with_config(config);
}

wasm_engine_t *octal_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, 04000000u);
    wasmtime_config_async_stack_size_set(config, 2u * 1024u * 1024u);
    return wasm_engine_new_with_config(config);
}
