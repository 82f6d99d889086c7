#include <wasm.h>
#include <wasmtime.h>

static void host_set_wasm_stack(wasm_config_t *config, size_t bytes) {
    wasmtime_config_max_wasm_stack_set(config, bytes);
}

wasm_engine_t *make_engine(void) {
    wasm_config_t *config = wasm_config_new();
    host_set_wasm_stack(config, 4 << 20);
    wasmtime_config_async_stack_size_set(config, 1 << 20);
    return wasm_engine_new_with_config(config);
}
