#ifndef WASMFIX_CSCAN_H
#define WASMFIX_CSCAN_H
#include <stddef.h>
#include <stdint.h>

/// A literal to find. At most 16 needles per search, each 2 to 32 bytes long.
typedef struct {
  const uint8_t *bytes;
  uint32_t length;
  /// The inner byte the SIMD filter compares besides the first and the last; set once with
  /// `wf_prepare_needle` (0 means 1).
  uint32_t middle;
} wf_needle;

/// Picks `needle->middle`: the rarest inner byte in source code, so that `struct ` does not
/// pass the filter for `static `. Call once per needle, not per search.
void wf_prepare_needle(wf_needle *needle);

/// One occurrence: which needle, at which byte offset.
typedef struct {
  uint32_t needle;
  /// 64-bit: `--max-file-size` allows files past 4 GiB.
  uint64_t offset;
} wf_hit;

/// Finds every occurrence of every needle in one pass over `haystack` (SIMD filter on each
/// needle's first, middle and last byte, then an exact compare). Writes up to `capacity` hits in
/// offset order per 32-byte block (not globally sorted) and returns the total number found,
/// which may exceed `capacity`: call again with a larger buffer then.
size_t wf_find_all(const uint8_t *haystack, size_t length, const wf_needle *needles, size_t count,
                   wf_hit *hits, size_t capacity);

/// glibc's memmem, declared here because <string.h> declares it only under _GNU_SOURCE, which
/// Swift's Glibc module does not set (a C declaration, not a guessed Swift signature).
const void *wf_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// For tests: force the scalar (0), SSE2 (1), best AVX2 (2: Teddy where it applies) or AVX2
/// three-compare (3) path; -1 picks the best available.
void wf_set_simd_level(int level);


#endif
