#pragma once
#include <cstddef>

namespace limits {
// Guests run a recursive-descent parser.
inline constexpr std::size_t kMaxWasmStack = std::size_t{8} << 20;
}  // namespace limits
