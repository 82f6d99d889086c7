#include <stdint.h>
#include <stdio.h>

#include "wasmtime_api.h"

static wasm_engine_t *interpreter_engine(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_async_support_set(config, true);
    wasmtime_config_max_wasm_stack_set(config, (size_t)8u << 20);
    wasmtime_config_async_stack_size_set(config, 8704 << 10);
    return wasm_engine_new_with_config(config);
}

static wasm_engine_t *compiler_engine(void) {
    wasm_config_t *config = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_async_support_set(config, 1);
    wasmtime_config_max_wasm_stack_set(config, 8ULL * 1024 * 1024);
    wasmtime_config_async_stack_size_set(config, 8704 * 1024);
    return wasm_engine_new_with_config(config);
}

int main(void) {
    wasm_engine_t *interpreter = interpreter_engine();
    printf("interpreter engine created\n");
    wasm_engine_t *compiler = compiler_engine();
    printf("compiler engine created\n");
    wasm_engine_delete(compiler);
    wasm_engine_delete(interpreter);
    return 0;
}
