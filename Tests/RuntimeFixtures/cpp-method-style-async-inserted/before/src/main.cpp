#include <cstdio>

#include "sandbox.hh"

int main() {
  plugin_host::Sandbox sandbox;
  std::printf("engine created (%s)\n", sandbox.engine().capi() != nullptr ? "ok" : "null");
  return 0;
}
