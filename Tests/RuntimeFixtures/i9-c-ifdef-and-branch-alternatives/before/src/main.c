#include <stdio.h>
#include <stdlib.h>

#include "wasmtime_api.h"

/* Debug builds run unoptimised guests, which need a deeper stack. */
static wasm_engine_t *build_profile_engine(void) {
    wasm_config_t *config = wasm_config_new();
#ifndef NDEBUG
    wasmtime_config_max_wasm_stack_set(config, 8 << 20);
#else
    wasmtime_config_max_wasm_stack_set(config, 1 << 20);
#endif
    return wasm_engine_new_with_config(config);
}

/* Operators opt into deep recursion at start-up. */
static wasm_engine_t *operator_engine(int deep) {
    wasm_config_t *config = wasm_config_new();
    if (deep) {
        wasmtime_config_max_wasm_stack_set(config, 6 << 20);
    } else {
        wasmtime_config_max_wasm_stack_set(config, 1 << 20);
    }
    return wasm_engine_new_with_config(config);
}

int main(void) {
    if (getenv("SKIP_PROFILE") == NULL) {
        wasm_engine_delete(build_profile_engine());
    }
    wasm_engine_delete(operator_engine(getenv("DEEP_RECURSION") != NULL));
    printf("engines created\n");
    return 0;
}
