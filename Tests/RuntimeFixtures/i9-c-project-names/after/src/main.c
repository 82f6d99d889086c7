#include <stdio.h>

#include "limits.h"
#include "wasmtime_api.h"

int main(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_max_wasm_stack_set(config, WASM_STACK_SIZE); /* 8 MiB stack */
    wasmtime_config_async_stack_size_set(config, ASYNC_STACK_SIZE);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
