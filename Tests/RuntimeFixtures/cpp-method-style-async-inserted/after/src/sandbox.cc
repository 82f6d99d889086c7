#include "sandbox.hh"

#include <utility>

namespace plugin_host {

Sandbox::Sandbox() : engine_(make_engine()) {}

wasmtime::Engine Sandbox::make_engine() {
  wasmtime::Config config;
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  wasmtime_config_async_support_set(config.capi(), true);
  // Guests embed a recursive-descent template parser; the default stack is too small.
  config.max_wasm_stack(8 << 20);
  wasmtime_config_async_stack_size_set(config.capi(), 8704 << 10);
  return wasmtime::Engine(std::move(config));
}

}  // namespace plugin_host
