#pragma once
#include <cstddef>
static constexpr std::size_t kGuestStack = 4 * 1024 * 1024;
static constexpr std::size_t kGuestAsyncStack = kGuestStack + 512 * 1024;
