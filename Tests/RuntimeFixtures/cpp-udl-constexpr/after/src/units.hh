#pragma once

namespace units {

constexpr unsigned long long operator""_KiB(unsigned long long n) { return n * 1024; }
constexpr unsigned long long operator""_MiB(unsigned long long n) { return n * 1024 * 1024; }

}  // namespace units
