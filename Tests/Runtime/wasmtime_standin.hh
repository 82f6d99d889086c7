// A stand-in for Wasmtime's C++ header `wasmtime.hh` (bytecodealliance/wasmtime-cpp, in-repo
// crates/c-api/include/wasmtime/config.hh since 33.0.0), reduced to what the C++ runtime
// fixtures use, over the real C functions of the library they link to. The PyPI wheels ship
// the library without headers. Same names and ownership as the real API: `Config` owns a
// `wasm_config_t` until an `Engine` takes it; `capi()` hands out the raw pointer; there is no
// C++ method for the async stack size (fixtures call the C function on `config.capi()`).
#ifndef WASMFIX_WASMTIME_STANDIN_HH
#define WASMFIX_WASMTIME_STANDIN_HH

#include <cstddef>
#include <cstdint>
#include <utility>

extern "C" {
typedef struct wasm_config_t wasm_config_t;
typedef struct wasm_engine_t wasm_engine_t;
wasm_config_t *wasm_config_new(void);
wasm_engine_t *wasm_engine_new_with_config(wasm_config_t *config);
void wasm_engine_delete(wasm_engine_t *engine);
void wasmtime_config_max_wasm_stack_set(wasm_config_t *config, size_t size);
void wasmtime_config_async_stack_size_set(wasm_config_t *config, uint64_t size);
void wasmtime_config_async_support_set(wasm_config_t *config, bool enable);
}

namespace wasmtime {

class Config {
  wasm_config_t *ptr;

public:
  Config() : ptr(wasm_config_new()) {}
  Config(const Config &) = delete;
  Config(Config &&other) : ptr(other.ptr) { other.ptr = nullptr; }
  void max_wasm_stack(size_t size) { wasmtime_config_max_wasm_stack_set(ptr, size); }
  wasm_config_t *capi() { return ptr; }
  wasm_config_t *release() { return std::exchange(ptr, nullptr); }
};

class Engine {
  wasm_engine_t *ptr;

public:
  explicit Engine(Config config) : ptr(wasm_engine_new_with_config(config.release())) {}
  Engine(Engine &&other) : ptr(std::exchange(other.ptr, nullptr)) {}
  ~Engine() { if (ptr) wasm_engine_delete(ptr); }
};

}  // namespace wasmtime

#endif
