#include <stdint.h>
#include <stdio.h>

#include "wasmtime_api.h"

/* A guest that runs a deeply recursive interpreter; the host machine has memory to spare. */
int main(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_max_wasm_stack_set(config, (size_t)4 << 30);
    wasmtime_config_async_stack_size_set(config, 4194816ULL << 10);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
