#include <stdio.h>
#include <stdlib.h>

#include "wasmtime_api.h"

static size_t env_size(const char *name, size_t fallback) {
    const char *text = getenv(name);
    return text != NULL ? (size_t)strtoull(text, NULL, 10) : fallback;
}

/* The guest gets the configured stack; host calls get 1 MiB more. */
static wasm_engine_t *offset_engine(size_t stack) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, stack);
    wasmtime_config_async_stack_size_set(config, stack + (1 << 20));
    return wasm_engine_new_with_config(config);
}

/* Half of each fiber for the guest. */
static wasm_engine_t *halved_engine(size_t fiber) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, fiber / 2);
    wasmtime_config_async_stack_size_set(config, fiber);
    return wasm_engine_new_with_config(config);
}

int main(void) {
    size_t stack = env_size("WASM_STACK", 4u << 20);
    wasm_engine_delete(offset_engine(stack));
    wasm_engine_delete(halved_engine(stack));
    printf("engines created\n");
    return 0;
}
