#ifndef C_EMBED_LIMITS_H
#define C_EMBED_LIMITS_H

#define EMBED_KIB 1024
#define EMBED_MIB (1024 * EMBED_KIB)

/* The scripting guest recurses deeply while evaluating nested expressions. */
#define EMBED_WASM_STACK (6 * EMBED_MIB)

#endif /* C_EMBED_LIMITS_H */
