/* CI harness: runs every module in tests/wasm with the stack size CI asks for. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <wasmtime.h>

static size_t stack_from_env(void) {
    const char *value = getenv("WASM_STACK");
    return value ? (size_t)strtoull(value, NULL, 10) : (size_t)1 << 20;
}

int main(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_async_support_set(config, true);
    size_t max_wasm_stack = stack_from_env();
    wasmtime_config_max_wasm_stack_set(config, max_wasm_stack);
    size_t async_stack_size = strtoull(getenv("WASM_ASYNC_STACK"), NULL, 0);
    wasmtime_config_async_stack_size_set(config, async_stack_size);
    if (max_wasm_stack > async_stack_size) {
        fprintf(stderr, "max_wasm_stack must be less than or equal to async_stack_size\n");
        abort();
    }
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    if (!engine) {
        fputs("engine creation failed\n", stderr);
        return 1;
    }
    wasm_engine_delete(engine);
    return 0;
}
