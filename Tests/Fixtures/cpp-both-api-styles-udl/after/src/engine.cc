#include <wasmtime.hh>
#include "limits.hh"

constexpr unsigned long long operator""_MiB(unsigned long long n) { return n << 20; }

wasmtime::Engine make_engine() {
  wasmtime::Config config;
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(8_MiB);  // guest parser recursion
  wasmtime_config_async_stack_size_set(config.capi(), 8_MiB + 512 * 1024);
  return wasmtime::Engine(std::move(config));
}

wasm_engine_t *make_c_engine() {
  wasm_config_t *cfg = wasm_config_new();
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  wasmtime_config_async_support_set(cfg, true);
  wasmtime_config_max_wasm_stack_set(cfg, kGuestStack);
  wasmtime_config_async_stack_size_set(cfg, kGuestAsyncStack);
  return wasm_engine_new_with_config(cfg);
}
