#include <stdio.h>

#include "limits.h"
#include "wasmtime_api.h"

int main(void) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, WASM_STACK_SIZE); /* 8 MiB stack */
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("engine created\n");
    wasm_engine_delete(engine);
    return 0;
}
