#pragma once
#include <cstddef>

constexpr unsigned long long operator""_MiB(unsigned long long n) { return n << 20; }

namespace host {
constexpr std::size_t kGuestStack = 6_MiB;
}
