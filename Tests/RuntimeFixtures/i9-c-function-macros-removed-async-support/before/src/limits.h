#ifndef LIMITS_H
#define LIMITS_H

#define KiB(x) ((size_t)(x) * 1024)
#define MiB(x) (KiB(x) * 1024)

#define GUEST_STACK MiB(6)
#define FIBER_STACK KiB(4096)

#endif
