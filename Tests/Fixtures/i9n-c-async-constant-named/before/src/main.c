#include <stddef.h>
#include <wasmtime.h>

#include "../include/stack.h"

/* C's static const is not a constant expression: the sum stays inline. */
static const size_t plugin_stack = 3u << 20;

wasm_engine_t *guest_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, GUEST_STACK_BYTES); // 4 MiB stack
    return wasm_engine_new_with_config(config);
}

wasm_engine_t *plugin_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, plugin_stack);
    return wasm_engine_new_with_config(config);
}
