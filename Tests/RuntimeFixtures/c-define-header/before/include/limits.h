#ifndef GUEST_LIMITS_H
#define GUEST_LIMITS_H

#define KIB 1024
#define MIB (1024 * KIB)

/* Stack for the interpreter guest; deep recursion in the regex engine. */
#define GUEST_WASM_STACK (8 * MIB)
#define GUEST_ASYNC_STACK (2 * MIB)

#endif /* GUEST_LIMITS_H */
