#ifndef LIMITS_H
#define LIMITS_H

/* Guests compiled from Scheme recurse deeply. */
#define WASM_STACK_SIZE (8u << 20)
#define ASYNC_STACK_SIZE (WASM_STACK_SIZE + 512 * 1024)

#endif
