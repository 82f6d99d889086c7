#define KiB(x) ((x) * 1024)
#define GUEST_STACK KiB(6144)
#define GUEST_ASYNC_STACK (GUEST_STACK + 512 * 1024)
