#pragma once

#include <cstddef>

#include "units.hh"

namespace limits {
using namespace units;

// The scripting guest recurses deeply when it evaluates nested expressions.
constexpr std::size_t kScriptStack = 6_MiB;
constexpr std::size_t kScriptAsyncStack = kScriptStack + 512 * 1024;

}  // namespace limits
