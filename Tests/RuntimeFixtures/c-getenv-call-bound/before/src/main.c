#include <stdio.h>
#include <stdlib.h>

#include "wasmtime_api.h"

static int reads;

/* Counts its calls: the fix must not evaluate it twice. */
static size_t stack_from_env(void) {
    const char *text = getenv("WASM_STACK");
    reads++;
    return text != NULL ? (size_t)strtoull(text, NULL, 10) : 1024 * 1024;
}

int main(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, stack_from_env());
    wasmtime_config_async_stack_size_set(config, 2 * 1024 * 1024);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    if (reads != 1) {
        fprintf(stderr, "stack_from_env() was called %d times\n", reads);
        return 1;
    }
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
