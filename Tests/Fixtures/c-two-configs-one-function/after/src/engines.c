#include <stdbool.h>
#include <wasmtime.h>

#define MIB (1024 * 1024)

struct engines {
    wasm_engine_t *interactive;
    wasm_engine_t *batch;
};

struct engines make_engines(void) {
    struct engines out;

    wasm_config_t *interactive = wasm_config_new();
    wasmtime_config_async_support_set(interactive, true);
    wasmtime_config_max_wasm_stack_set(interactive, 4 * MIB);
    wasmtime_config_async_stack_size_set(interactive, 8 * MIB);
    out.interactive = wasm_engine_new_with_config(interactive);

    wasm_config_t *batch = wasm_config_new();
    // Wasmtime requires max_wasm_stack <= async_stack_size.
    // Keep these values aligned when upgrading runtime dependencies.
    wasmtime_config_async_support_set(batch, true);
    wasmtime_config_max_wasm_stack_set(batch, 4 * MIB);
    wasmtime_config_async_stack_size_set(batch, (4 * MIB) + 512 * 1024);
    out.batch = wasm_engine_new_with_config(batch);

    return out;
}
