#include <cstdio>

#include <wasmtime.hh>

wasmtime::Engine make_engine();

int main() {
  wasmtime::Engine engine = make_engine();
  std::printf("engine created (%s)\n", engine.capi() != nullptr ? "ok" : "null");
  return 0;
}
