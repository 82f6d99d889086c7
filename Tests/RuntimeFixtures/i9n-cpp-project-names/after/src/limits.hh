#pragma once

#include <cstddef>

namespace limits {
// Guests run a recursive-descent expression parser.
inline constexpr std::size_t kMaxWasmStack = std::size_t{8} << 20;
inline constexpr std::size_t kAsyncStack = kMaxWasmStack + 512 * 1024;
}  // namespace limits
