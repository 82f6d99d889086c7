#include <cstdio>
#include <cstdlib>

#include <wasmtime.hh>

wasm_engine_t *create_script_engine();

int main() {
  wasm_engine_t *engine = create_script_engine();
  if (engine == nullptr) {
    std::fputs("no engine\n", stderr);
    return EXIT_FAILURE;
  }
  std::puts("engine created");
  wasm_engine_delete(engine);
  return EXIT_SUCCESS;
}
