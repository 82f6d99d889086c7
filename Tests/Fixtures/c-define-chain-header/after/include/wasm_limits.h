#ifndef WASM_LIMITS_H
#define WASM_LIMITS_H

#define KIB 1024
#define MIB (1024 * KIB)

/* Stack for the interpreter guest; deep recursion in the regex engine. */
#define GUEST_WASM_STACK (8 * MIB)
#define GUEST_WASM_STACK_LIMIT GUEST_WASM_STACK
#define GUEST_ASYNC_STACK_LIMIT (GUEST_WASM_STACK_LIMIT + 512 * 1024)

#endif /* WASM_LIMITS_H */
