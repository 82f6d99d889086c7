#include <cstddef>
static constexpr std::size_t kA = std::size_t{8} << 20;
void f() { wasm_config_t *c = wasm_config_new(); wasmtime_config_max_wasm_stack_set(c, kA); }
