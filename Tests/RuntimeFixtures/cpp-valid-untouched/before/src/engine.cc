#include <cstddef>
#include <cstdio>
#include <utility>

#include <wasmtime.hh>

namespace {

constexpr std::size_t kWasmStack = 1 << 20;   // 1 MiB for guest frames
constexpr std::size_t kFiberStack = 2 << 20;  // each fiber's whole stack, host frames included

wasmtime::Engine make_engine() {
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(kWasmStack);
  wasmtime_config_async_stack_size_set(config.capi(), kFiberStack);
  return wasmtime::Engine(std::move(config));
}

}  // namespace

int main() {
  wasmtime::Engine engine = make_engine();
  std::puts(engine.capi() != nullptr ? "engine created" : "no engine");
  return engine.capi() != nullptr ? 0 : 1;
}
