#include <stdio.h>
#include <stdlib.h>

#include "../include/limits.h"
#include "wasmtime_api.h"

static wasm_engine_t *create_engine(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, GUEST_WASM_STACK);
    wasmtime_config_async_stack_size_set(config, GUEST_ASYNC_STACK);
    return wasm_engine_new_with_config(config);
}

int main(void) {
    wasm_engine_t *engine = create_engine();
    if (engine == NULL) {
        fprintf(stderr, "failed to create engine\n");
        return EXIT_FAILURE;
    }
    printf("engine created\n");
    wasm_engine_delete(engine);
    return EXIT_SUCCESS;
}
