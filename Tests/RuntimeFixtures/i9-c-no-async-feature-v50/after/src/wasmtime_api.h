/* The few Wasmtime C API functions this program uses, declared as wasmtime.h does in a build
 * whose generated wasmtime/conf.h lacks WASMTIME_FEATURE_ASYNC: wasmtime/async.h declares its
 * functions only under that macro (crates/c-api/include/wasmtime/async.h, v25.0.0). */
#ifndef WASMTIME_API_H
#define WASMTIME_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct wasm_config_t wasm_config_t;
typedef struct wasm_engine_t wasm_engine_t;

wasm_config_t *wasm_config_new(void);
wasm_engine_t *wasm_engine_new_with_config(wasm_config_t *config);
void wasm_engine_delete(wasm_engine_t *engine);

void wasmtime_config_max_wasm_stack_set(wasm_config_t *config, size_t size);

#ifdef WASMTIME_FEATURE_ASYNC
void wasmtime_config_async_stack_size_set(wasm_config_t *config, uint64_t size);
#endif

#endif /* WASMTIME_API_H */
