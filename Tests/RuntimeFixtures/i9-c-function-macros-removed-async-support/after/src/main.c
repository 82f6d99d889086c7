#include <stdio.h>

#include "limits.h"
#include "wasmtime_api.h"

int main(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, GUEST_STACK);
    wasmtime_config_async_stack_size_set(config, FIBER_STACK);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
