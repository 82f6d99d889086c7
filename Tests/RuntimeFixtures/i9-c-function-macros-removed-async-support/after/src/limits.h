#ifndef LIMITS_H
#define LIMITS_H

#define KiB(x) ((size_t)(x) * 1024)
#define MiB(x) (KiB(x) * 1024)

#define GUEST_STACK MiB(6)
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
#define FIBER_STACK (GUEST_STACK + 512 * 1024)
_Static_assert(GUEST_STACK <= FIBER_STACK, "max_wasm_stack must be less than or equal to async_stack_size");

#endif
