#include <stdio.h>

#include "wasmtime_api.h"

int main(void) {
    wasm_config_t *config = wasm_config_new();
    /* The guest's parser recurses deeply. */
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_max_wasm_stack_set(config, 1536 * 1024);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
