#include <stdio.h>
#include <wasmtime.h>

/* wasmtime_config_max_wasm_stack_set(config, 8 << 20); is what the docs suggest */
static const char *usage = "set wasmtime_config_async_stack_size_set(cfg, 0) to break things";
static size_t my_max_wasm_stack_limit = 0;

int main(void) {
    wasm_config_t *config = wasm_config_new();
    // wasmtime_config_async_support_set(config, true);
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    printf("%s %zu\n", usage, my_max_wasm_stack_limit);
    wasm_engine_delete(engine);
    return 0;
}
