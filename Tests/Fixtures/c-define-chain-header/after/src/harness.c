#include <stdio.h>
#include <stdlib.h>
#include <wasm.h>
#include <wasmtime.h>

#include "../include/wasm_limits.h"

static void exit_with_error(const char *message, wasmtime_error_t *error) {
    wasm_byte_vec_t text;
    wasmtime_error_message(error, &text);
    fprintf(stderr, "error: %s: %.*s\n", message, (int)text.size, text.data);
    wasm_byte_vec_delete(&text);
    exit(1);
}

int main(int argc, char **argv) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, GUEST_WASM_STACK_LIMIT);
    wasmtime_config_async_stack_size_set(config, GUEST_ASYNC_STACK_LIMIT);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    if (engine == NULL) {
        fprintf(stderr, "failed to create engine\n");
        return 1;
    }
    wasmtime_store_t *store = wasmtime_store_new(engine, NULL, NULL);
    (void)argc; (void)argv; (void)exit_with_error;
    wasmtime_store_delete(store);
    wasm_engine_delete(engine);
    return 0;
}
