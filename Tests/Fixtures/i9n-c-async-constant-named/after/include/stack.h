#ifndef STACK_H
#define STACK_H

/* Builds may pass -DGUEST_STACK_BYTES=... for bigger guests. */
#ifndef GUEST_STACK_BYTES
#define GUEST_STACK_BYTES (4u << 20) /* 4 MiB */
#endif
#define GUEST_ASYNC_STACK_BYTES (GUEST_STACK_BYTES + 512 * 1024)

#endif
