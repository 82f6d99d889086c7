#include <cstddef>
static constexpr std::size_t kA = std::size_t{8} << 20;
static constexpr std::size_t kAsyncStackSize = kA + 512 * 1024;
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
void f() { wasm_config_t *c = wasm_config_new(); wasmtime_config_max_wasm_stack_set(c, kA);
wasmtime_config_async_stack_size_set(c, kAsyncStackSize); }
