// A second engine configured through a pointer-free helper: valid, nothing to fix.
#include <wasmtime.hh>

namespace host {
constexpr size_t kPoolStack = 1 << 20;

wasmtime::Config pool_config() {
  wasmtime::Config config;
  config.max_wasm_stack(kPoolStack);
  wasmtime_config_async_stack_size_set(config.capi(), 2 * kPoolStack);
  return config;
}
}  // namespace host
