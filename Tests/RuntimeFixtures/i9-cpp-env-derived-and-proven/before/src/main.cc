#include <cstdio>
#include <cstdlib>
#include <utility>

#include <wasmtime.hh>

namespace {

size_t env_size(const char *name, size_t fallback) {
  const char *text = std::getenv(name);
  return text != nullptr ? static_cast<size_t>(std::strtoull(text, nullptr, 10)) : fallback;
}

// Operators size the guest's stack; nothing else is configured.
wasmtime::Engine guest_engine(size_t stack) {
  wasmtime::Config config;
  config.max_wasm_stack(stack);  // deepest guest recursion
  return wasmtime::Engine(std::move(config));
}

// Half of each fiber for the guest: holds for every size.
wasmtime::Engine halved_engine(size_t fiber) {
  wasmtime::Config config;
  config.max_wasm_stack(fiber / 2);
  wasmtime_config_async_stack_size_set(config.capi(), fiber);
  return wasmtime::Engine(std::move(config));
}

}  // namespace

int main() {
  size_t stack = env_size("WASM_STACK", 1u << 20);
  wasmtime::Engine engine = guest_engine(stack);
  wasmtime::Engine halved = halved_engine(stack);
  std::printf("engines created (%s)\n", engine.capi() != nullptr && halved.capi() != nullptr ? "ok" : "null");
  return 0;
}
