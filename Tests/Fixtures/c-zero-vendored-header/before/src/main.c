#include <stdio.h>
#include <wasmtime.h>

/* 0 was meant as "no limit"; Wasmtime rejects it. */
#define STACK_LIMIT 0

int main(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, STACK_LIMIT);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine %p\n", (void *)engine);
    wasm_engine_delete(engine);
    return 0;
}
