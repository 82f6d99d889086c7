#include <wasmtime.hh>

#include "limits.hh"

wasm_engine_t *create_script_engine() {
  using namespace units;
  wasm_config_t *cfg = wasm_config_new();
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  wasmtime_config_async_support_set(cfg, true);
  wasmtime_config_max_wasm_stack_set(cfg, limits::kScriptStack);
  wasmtime_config_async_stack_size_set(cfg, limits::kScriptAsyncStack);
  return wasm_engine_new_with_config(cfg);
}
