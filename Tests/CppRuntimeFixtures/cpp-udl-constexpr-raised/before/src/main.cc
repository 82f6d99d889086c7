#include <cstdio>
#include <wasmtime.hh>

#include "limits.hh"

int main() {
  wasm_config_t *cfg = wasm_config_new();
  wasmtime_config_async_support_set(cfg, true);
  wasmtime_config_max_wasm_stack_set(cfg, host::kGuestStack);
  wasmtime_config_async_stack_size_set(cfg, 4_MiB);
  wasm_engine_t *engine = wasm_engine_new_with_config(cfg);
  wasm_engine_delete(engine);
  std::puts("engine created");
  return 0;
}
