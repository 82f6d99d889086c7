// A stand-in for Wasmtime's C++ header `wasmtime.hh` (bytecodealliance/wasmtime-cpp; in the
// Wasmtime tree since 33.0.0 as crates/c-api/include/wasmtime/{config,engine}.hh), reduced to
// what the C++ runtime fixtures use and implemented over the real C functions of the library
// they link to: the PyPI wheels ship libwasmtime.so without headers. The runtime tests copy it
// into a temporary include folder as `wasmtime.hh`, so fixtures `#include <wasmtime.hh>`.
//
// Same names and ownership as the real API:
//   * `Config` owns its `wasm_config_t` (a unique_ptr deleting with wasm_config_delete) and
//     is move-only; `capi()` lends the raw pointer (the way to reach C setters the C++ API
//     lacks, such as wasmtime_config_async_stack_size_set); `capi_release()` gives it up.
//   * `Engine(Config)` takes the config by value and hands its pointer to
//     wasm_engine_new_with_config, which consumes it. An invalid configuration makes that
//     C function panic, which aborts the process with Wasmtime's message, as with the real
//     header.
//   * There is no C++ method for async support or the async stack size.
// As in the real `wasmtime.h`, the C functions are declared at global scope.
#ifndef WASMFIX_WASMTIME_STANDIN_HH
#define WASMFIX_WASMTIME_STANDIN_HH

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

extern "C" {
typedef struct wasm_config_t wasm_config_t;
typedef struct wasm_engine_t wasm_engine_t;

wasm_config_t *wasm_config_new(void);
void wasm_config_delete(wasm_config_t *config);
wasm_engine_t *wasm_engine_new(void);
wasm_engine_t *wasm_engine_new_with_config(wasm_config_t *config);
void wasm_engine_delete(wasm_engine_t *engine);

void wasmtime_config_max_wasm_stack_set(wasm_config_t *config, size_t size);
// uint64_t in 25.0.0's wasmtime/config.h (size_t in some other releases; same ABI on x86_64).
void wasmtime_config_async_stack_size_set(wasm_config_t *config, uint64_t size);
void wasmtime_config_async_support_set(wasm_config_t *config, bool enable);
}

namespace wasmtime {

class Config {
  struct deleter {
    void operator()(wasm_config_t *p) const { wasm_config_delete(p); }
  };
  std::unique_ptr<wasm_config_t, deleter> ptr;

public:
  using Raw = wasm_config_t;

  /// Default settings.
  Config() : ptr(wasm_config_new()) {}
  /// Takes ownership of `raw`.
  explicit Config(Raw *raw) : ptr(raw) {}
  Config(Config &&other) = default;
  Config &operator=(Config &&other) = default;
  ~Config() = default;

  /// The maximum native stack WebAssembly may consume, in bytes.
  void max_wasm_stack(size_t stack) { wasmtime_config_max_wasm_stack_set(ptr.get(), stack); }

  /// The underlying C API pointer, still owned by this object.
  Raw *capi() { return ptr.get(); }
  const Raw *capi() const { return ptr.get(); }
  /// Gives up ownership of the underlying C API pointer.
  Raw *capi_release() { return ptr.release(); }
};

class Engine {
  struct deleter {
    void operator()(wasm_engine_t *p) const { wasm_engine_delete(p); }
  };
  std::unique_ptr<wasm_engine_t, deleter> ptr;

public:
  using Raw = wasm_engine_t;

  /// Default settings.
  Engine() : ptr(wasm_engine_new()) {}
  /// Consumes `config` (its pointer goes to the engine).
  explicit Engine(Config config) : ptr(wasm_engine_new_with_config(config.capi_release())) {}
  Engine(Engine &&other) = default;
  Engine &operator=(Engine &&other) = default;
  ~Engine() = default;

  Raw *capi() { return ptr.get(); }
  const Raw *capi() const { return ptr.get(); }
};

} // namespace wasmtime

#endif // WASMFIX_WASMTIME_STANDIN_HH
