#include <utility>

#include <wasmtime.hh>

#include "limits.hh"

wasmtime::Engine make_engine() {
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(limits::kMaxWasmStack);  // 8 MiB stack
  return wasmtime::Engine(std::move(config));
}
