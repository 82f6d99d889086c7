#include <stdio.h>

#include "wasmtime_api.h"

int main(void) {
    wasm_config_t *config = wasm_config_new();
    /* The guest's parser recurses deeply. */
    wasmtime_config_max_wasm_stack_set(config, 4 * 1024 * 1024);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
