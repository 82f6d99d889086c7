#include <wasmtime.hh>

#include "limits.hh"

wasmtime::Engine make_engine() {
  wasmtime::Config config;
  config.max_wasm_stack(limits::kMaxWasmStack);  // 8 MiB stack
  return wasmtime::Engine(std::move(config));
}
