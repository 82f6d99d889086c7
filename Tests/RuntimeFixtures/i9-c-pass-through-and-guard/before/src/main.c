#include <stdio.h>
#include <stdlib.h>

#include "wasmtime_api.h"

/* The embedding library's own setters: they forward what their callers pass. */
void host_config_set_guest_stack(wasm_config_t *config, size_t size) {
    wasmtime_config_max_wasm_stack_set(config, size);
}

void host_config_set_fiber_stack(wasm_config_t *config, size_t size) {
    wasmtime_config_async_stack_size_set(config, size);
}

static size_t env_size(const char *name, size_t fallback) {
    const char *text = getenv(name);
    return text != NULL ? (size_t)strtoull(text, NULL, 10) : fallback;
}

/* Both values come from the operator; the guard names the one to change. */
static int guarded_engine(size_t stack, size_t fiber) {
    if (stack > fiber) {
        fprintf(stderr, "GUEST_STACK must not exceed FIBER_STACK\n");
        return 1;
    }
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, stack);
    wasmtime_config_async_stack_size_set(config, fiber);
    wasm_engine_delete(wasm_engine_new_with_config(config));
    return 0;
}

int main(void) {
    size_t stack = env_size("GUEST_STACK", 1u << 20);
    size_t fiber = env_size("FIBER_STACK", 2u << 20);
    if (guarded_engine(stack, fiber) != 0) return 1;
    wasm_config_t *config = wasm_config_new();
    host_config_set_guest_stack(config, 256 * 1024);
    host_config_set_fiber_stack(config, 1u << 20);
    wasm_engine_delete(wasm_engine_new_with_config(config));
    printf("engines created\n");
    return 0;
}
