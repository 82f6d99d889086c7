#include <stdio.h>
#include <wasmtime.h>

/* Synchronous runner: async support is never enabled. */
int run_module(const wasm_byte_vec_t *wasm) {
    wasm_config_t *config = wasm_config_new();
    wasmtime_config_max_wasm_stack_set(config, 3 * 1024 * 1024);
    wasmtime_config_consume_fuel_set(config, true);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    wasmtime_store_t *store = wasmtime_store_new(engine, NULL, NULL);
    wasmtime_module_t *module = NULL;
    wasmtime_error_t *error = wasmtime_module_new(engine, (const uint8_t *)wasm->data, wasm->size, &module);
    int status = error == NULL ? 0 : 1;
    if (module) wasmtime_module_delete(module);
    wasmtime_store_delete(store);
    wasm_engine_delete(engine);
    return status;
}
