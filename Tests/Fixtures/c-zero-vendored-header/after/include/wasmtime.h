/**
 * \file wasmtime.h
 *
 * Vendored copy of the Wasmtime C API umbrella header (trimmed).
 */
#ifndef WASMTIME_API_H
#define WASMTIME_API_H

#include <wasi.h>
#include <wasmtime/config.h>

/**
 * \brief Wasmtime version string.
 */
#define WASMTIME_VERSION "47.0.0"
/**
 * \brief Wasmtime major version number.
 */
#define WASMTIME_VERSION_MAJOR 47
/**
 * \brief Wasmtime minor version number.
 */
#define WASMTIME_VERSION_MINOR 0
/**
 * \brief Wasmtime patch version number.
 */
#define WASMTIME_VERSION_PATCH 0

#endif // WASMTIME_API_H
