#include <cstdio>
#include <wasmtime.hh>

int main() {
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(8 << 20);  // the guest's recursive descent parser
  wasmtime::Engine engine(std::move(config));
  std::puts("engine created");
  return 0;
}
