#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <wasm.h>
#include <wasmtime.h>

#include "../include/limits.h"

static wasm_engine_t *make_engine(void) {
    wasm_config_t *cfg = wasm_config_new();
    wasmtime_config_async_support_set(cfg, true);
    wasmtime_config_max_wasm_stack_set(cfg, EMBED_WASM_STACK);
    return wasm_engine_new_with_config(cfg);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "script.wasm";
    wasm_engine_t *engine = make_engine();
    if (engine == NULL) {
        fprintf(stderr, "runner: could not create the engine for %s\n", path);
        return EXIT_FAILURE;
    }
    wasmtime_store_t *store = wasmtime_store_new(engine, NULL, NULL);
    /* ... load `path`, instantiate, call "run" asynchronously ... */
    wasmtime_store_delete(store);
    wasm_engine_delete(engine);
    return EXIT_SUCCESS;
}
