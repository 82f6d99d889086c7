#ifndef GUEST_LIMITS_H
#define GUEST_LIMITS_H

#define KIB 1024
#define MIB (1024 * KIB)

/* Stack for the interpreter guest; deep recursion in the regex engine. */
#define GUEST_WASM_STACK (8 * MIB)
// Wasmtime requires max_wasm_stack <= async_stack_size.
// Keep these values aligned when upgrading runtime dependencies.
#define GUEST_ASYNC_STACK (GUEST_WASM_STACK + 512 * 1024)
_Static_assert(GUEST_WASM_STACK <= GUEST_ASYNC_STACK, "max_wasm_stack must be less than or equal to async_stack_size");

#endif /* GUEST_LIMITS_H */
