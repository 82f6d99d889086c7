#include <stdbool.h>
#include <stddef.h>
#include <wasmtime.h>

wasm_engine_t *small_engine(void) {
    static const size_t STACK = 1u << 20;
    wasm_config_t *cfg = wasm_config_new();
    wasmtime_config_async_support_set(cfg, true);
    wasmtime_config_max_wasm_stack_set(cfg, STACK);
    wasmtime_config_async_stack_size_set(cfg, 2u << 20);
    return wasm_engine_new_with_config(cfg);
}

wasm_engine_t *big_engine(void) {
    enum { STACK = 8 << 20 };
    wasm_config_t *cfg = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_async_support_set(cfg, true);
    wasmtime_config_max_wasm_stack_set(cfg, STACK);
    wasmtime_config_async_stack_size_set(cfg, STACK + 512 * 1024);
    return wasm_engine_new_with_config(cfg);
}
