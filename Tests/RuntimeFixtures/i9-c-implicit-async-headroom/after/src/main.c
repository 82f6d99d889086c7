#include <stdio.h>

#include "wasmtime_api.h"

int main(void) {
    /* Small guests: the default fiber stack leaves plenty for host calls. */
    wasm_config_t *small = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(small, 256 * 1024);
    wasm_engine_delete(wasm_engine_new_with_config(small));

    /* Exactly the default fiber stack: valid, but nothing left for host calls. */
    wasm_config_t *tight = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_max_wasm_stack_set(tight, 2 * 1024 * 1024);
    wasmtime_config_async_stack_size_set(tight, 2560 * 1024);
    wasm_engine_delete(wasm_engine_new_with_config(tight));
    printf("engines created\n");
    return 0;
}
