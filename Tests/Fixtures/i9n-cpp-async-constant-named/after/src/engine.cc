#include <wasmtime.hh>

#include "limits.hh"

wasmtime::Engine make_engine() {
  wasmtime::Config config;
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  config.max_wasm_stack(limits::kMaxWasmStack);  // 8 MiB stack
  wasmtime_config_async_stack_size_set(config.capi(), limits::kAsyncStack);
  return wasmtime::Engine(std::move(config));
}
