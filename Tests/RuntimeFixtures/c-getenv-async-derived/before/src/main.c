#include <stdlib.h>

#include "wasmtime_api.h"

static size_t stack_from_env(void) {
    const char *text = getenv("WASM_STACK");
    return text != NULL ? (size_t)strtoull(text, NULL, 10) : 1024 * 1024;
}

int main(void) {
    wasm_config_t *config = wasm_config_new();
    /* The guest's parser recurses deeply on some inputs. */
    wasmtime_config_max_wasm_stack_set(config, stack_from_env());
    wasm_engine_t *engine = wasm_engine_new_with_config(config);
    wasm_engine_delete(engine);
    return 0;
}
