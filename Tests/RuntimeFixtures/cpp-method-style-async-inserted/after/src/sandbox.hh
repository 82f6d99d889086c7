#pragma once

#include <wasmtime.hh>

namespace plugin_host {

// The engine every plugin sandbox shares. Plugins run on fibers (async support) so a
// slow guest never blocks the host's event loop.
class Sandbox {
 public:
  Sandbox();
  wasmtime::Engine &engine() { return engine_; }

 private:
  static wasmtime::Engine make_engine();
  wasmtime::Engine engine_;
};

}  // namespace plugin_host
