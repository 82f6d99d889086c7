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
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, stack_from_env());
    wasmtime_config_async_stack_size_set(config, strtoull(getenv("WASM_ASYNC_STACK"), NULL, 0));
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    if (!engine) {
        fputs("engine creation failed\n", stderr);
        return 1;
    }
    wasm_engine_delete(engine);
    return 0;
}
