#include <wasmtime.hh>

#include "limits.hh"

wasm_engine_t *create_script_engine() {
  using namespace units;
  wasm_config_t *cfg = wasm_config_new();
  wasmtime_config_async_support_set(cfg, true);
  wasmtime_config_max_wasm_stack_set(cfg, limits::kScriptStack);
  wasmtime_config_async_stack_size_set(cfg, 4_MiB);
  return wasm_engine_new_with_config(cfg);
}
