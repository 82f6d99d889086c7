#define KiB(x) ((x) * 1024)
#define GUEST_STACK KiB(6144)
