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
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    size_t max_wasm_stack = stack_from_env();
    wasmtime_config_max_wasm_stack_set(config, max_wasm_stack);
    wasmtime_config_async_stack_size_set(config, 2 * 1024 * 1024);
    if (max_wasm_stack > 2 * 1024 * 1024) {
        fprintf(stderr, "max_wasm_stack must be less than or equal to async_stack_size\n");
        abort();
    }
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    if (reads != 1) {
        fprintf(stderr, "stack_from_env() was called %d times\n", reads);
        return 1;
    }
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
