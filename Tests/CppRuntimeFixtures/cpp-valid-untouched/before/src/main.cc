#include <cstdio>
#include <wasmtime.hh>

int main() {
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(1 << 20);
  wasmtime_config_async_stack_size_set(config.capi(), 2 << 20);
  wasmtime::Engine engine(std::move(config));
  std::puts("engine created");
  return 0;
}
