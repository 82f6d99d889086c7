#ifndef WASMTIME_CONFIG_H
#define WASMTIME_CONFIG_H

#include <wasm.h>

/**
 * \brief Configures the maximum stack size, in bytes, that JIT code can use.
 *
 * The default is 512 KiB. Setting this to 0 makes engine creation fail.
 */
WASM_API_EXTERN void wasmtime_config_max_wasm_stack_set(wasm_config_t *, size_t);

/**
 * \brief Configures the size of the stacks used for asynchronous execution.
 */
WASM_API_EXTERN void wasmtime_config_async_stack_size_set(wasm_config_t *, size_t);

#endif // WASMTIME_CONFIG_H
