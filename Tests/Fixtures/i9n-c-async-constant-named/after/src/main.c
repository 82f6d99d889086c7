#include <stddef.h>
#include <wasmtime.h>

#include "../include/stack.h"

/* C's static const is not a constant expression: the sum stays inline. */
static const size_t plugin_stack = 3u << 20;

wasm_engine_t *guest_engine(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_max_wasm_stack_set(config, GUEST_STACK_BYTES); // 4 MiB stack
    wasmtime_config_async_stack_size_set(config, GUEST_ASYNC_STACK_BYTES);
    return wasm_engine_new_with_config(config);
}

wasm_engine_t *plugin_engine(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_max_wasm_stack_set(config, plugin_stack);
    wasmtime_config_async_stack_size_set(config, plugin_stack + 512 * 1024);
    return wasm_engine_new_with_config(config);
}
