#ifndef WASM_LIMITS_H
#define WASM_LIMITS_H

#define KIB 1024
#define MIB (1024 * KIB)

/* Stack for the interpreter guest; deep recursion in the regex engine. */
#define GUEST_WASM_STACK (8 * MIB)
#define GUEST_WASM_STACK_LIMIT GUEST_WASM_STACK

#endif /* WASM_LIMITS_H */
