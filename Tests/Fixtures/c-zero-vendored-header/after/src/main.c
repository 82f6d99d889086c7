#include <stdio.h>
#include <wasmtime.h>

/* 0 was meant as "no limit"; Wasmtime rejects it. */
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
#define STACK_LIMIT (512 * 1024)

int main(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, STACK_LIMIT);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine %p\n", (void *)engine);
    wasm_engine_delete(engine);
    return 0;
}
