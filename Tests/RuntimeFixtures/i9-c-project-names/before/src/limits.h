#ifndef LIMITS_H
#define LIMITS_H

/* Guests compiled from Scheme recurse deeply. */
#define WASM_STACK_SIZE (8u << 20)

#endif
