#include <stdbool.h>
#include <stddef.h>
#include <wasmtime.h>

static const size_t kMaxWasmStack = 4u << 20;

enum stack_sizes {
    STACK_HEADROOM = 512 * 1024,
    ASYNC_STACK_SIZE = (4 << 20) + STACK_HEADROOM,
};

wasm_engine_t *make_engine(void) {
    wasm_config_t *cfg = wasm_config_new();
    wasmtime_config_async_support_set(cfg, 1);
    wasmtime_config_max_wasm_stack_set(cfg, kMaxWasmStack);
    wasmtime_config_async_stack_size_set(cfg, ASYNC_STACK_SIZE);
    return wasm_engine_new_with_config(cfg);
}
