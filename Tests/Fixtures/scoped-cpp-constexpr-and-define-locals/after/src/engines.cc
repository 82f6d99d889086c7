#include <cstddef>
#include <wasmtime.hh>

wasmtime::Engine small_engine() {
  constexpr std::size_t kStack = 1 << 20;
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(kStack);
  wasmtime_config_async_stack_size_set(config.capi(), 2 << 20);
  return wasmtime::Engine(std::move(config));
}

wasmtime::Engine big_engine() {
  constexpr std::size_t kStack = 8 << 20;
  constexpr std::size_t kAsyncStack = kStack + 512 * 1024;
  wasmtime::Config config;
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(kStack);
  wasmtime_config_async_stack_size_set(config.capi(), kAsyncStack);
  return wasmtime::Engine(std::move(config));
}

// The preprocessor knows no blocks: GUEST_STACK holds from its #define on, in the functions
// below it too, until it is defined again.
wasmtime::Engine guest_engine() {
#define GUEST_STACK (1 << 20)
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(GUEST_STACK);
  wasmtime_config_async_stack_size_set(config.capi(), 2 << 20);
  return wasmtime::Engine(std::move(config));
}

wasmtime::Engine second_guest_engine() {
  wasmtime::Config config;
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(GUEST_STACK);
  wasmtime_config_async_stack_size_set(config.capi(), 2 << 20);
  return wasmtime::Engine(std::move(config));
}

wasmtime::Engine deep_guest_engine() {
#undef GUEST_STACK
#define GUEST_STACK (16 << 20)
#define GUEST_ASYNC_STACK (GUEST_STACK + 512 * 1024)
  wasmtime::Config config;
  // Wasmtime requires max_wasm_stack <= async_stack_size.
  // Keep these values aligned when upgrading runtime dependencies.
  wasmtime_config_async_support_set(config.capi(), true);
  config.max_wasm_stack(GUEST_STACK);
  wasmtime_config_async_stack_size_set(config.capi(), GUEST_ASYNC_STACK);
  return wasmtime::Engine(std::move(config));
}
