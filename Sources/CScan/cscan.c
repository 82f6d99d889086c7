// One-pass multi-literal search for wasmfix's prefilter and definition scan.
// Why: glibc's memmem makes one pass per needle and is slow on short needles ("const ");
// scanning every file for five literals was the largest cost of a whole-repository scan.
// The filter is the classic "first and last byte" SIMD test, plus the second byte: a position
// is a candidate when all three match; candidates are confirmed byte by byte.
#include "cscan.h"
#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

typedef struct {
  size_t found;
  wf_hit *hits;
  size_t capacity;
} sink;

static inline void record(sink *s, uint32_t needle, size_t offset) {
  if (s->found < s->capacity) {
    s->hits[s->found].needle = needle;
    s->hits[s->found].offset = (uint32_t)offset;
  }
  s->found += 1;
}

static size_t max_last(const wf_needle *needles, size_t count) {
  size_t m = 0;
  for (size_t i = 0; i < count; i++) if (needles[i].length - 1 > m) m = needles[i].length - 1;
  return m;
}

// Scalar check of every position in [from, length).
static void scan_scalar(const uint8_t *h, size_t length, size_t from, const wf_needle *n, size_t count, sink *s) {
  for (size_t p = from; p < length; p++) {
    for (size_t i = 0; i < count; i++) {
      size_t len = n[i].length;
      if (p + len <= length && h[p] == n[i].bytes[0] && memcmp(h + p, n[i].bytes, len) == 0) record(s, (uint32_t)i, p);
    }
  }
}

// Bytes 1..length-2 still to confirm after the SIMD filter matched bytes 0, 1 and length-1.
static inline int confirm(const uint8_t *at, const wf_needle *n) {
  for (uint32_t k = 2; k + 1 < n->length; k++) if (at[k] != n->bytes[k]) return 0;
  return 1;
}

// Records the confirmed candidates of one block, needle by needle.
static inline void confirm_block(const uint8_t *h, size_t p, const uint32_t *masks, const wf_needle *n, size_t count, sink *s) {
  for (size_t i = 0; i < count; i++) {
    uint32_t mask = masks[i];
    while (mask) {
      unsigned bit = (unsigned)__builtin_ctz(mask);
      if (confirm(h + p + bit, &n[i])) record(s, (uint32_t)i, p + bit);
      mask &= mask - 1;
    }
  }
}

#if defined(__x86_64__)
// The filter compares three bytes (first, second, last): three-byte false candidates are rare
// in source code, so almost every block is decided by one OR-ed test. One body, two widths.
#define WF_SCAN_BODY(VEC, WIDTH, SET1, LOADU, AND, CMPEQ, MOVEMASK)                                \
  VEC first[16], second[16], last[16];                                                            \
  for (size_t i = 0; i < count; i++) {                                                            \
    first[i] = SET1((char)n[i].bytes[0]);                                                         \
    second[i] = SET1((char)n[i].bytes[1]);                                                        \
    last[i] = SET1((char)n[i].bytes[n[i].length - 1]);                                            \
  }                                                                                               \
  size_t tail = max_last(n, count);                                                               \
  size_t p = 0;                                                                                   \
  uint32_t masks[16];                                                                             \
  for (; p + WIDTH + tail <= length; p += WIDTH) {                                                \
    VEC block = LOADU((const VEC *)(h + p));                                                      \
    VEC next = LOADU((const VEC *)(h + p + 1));                                                   \
    uint32_t any = 0;                                                                             \
    for (size_t i = 0; i < count; i++) {                                                          \
      VEC end = LOADU((const VEC *)(h + p + n[i].length - 1));                                    \
      VEC hit = AND(AND(CMPEQ(block, first[i]), CMPEQ(next, second[i])), CMPEQ(end, last[i]));    \
      masks[i] = (uint32_t)MOVEMASK(hit);                                                         \
      any |= masks[i];                                                                            \
    }                                                                                             \
    if (any) confirm_block(h, p, masks, n, count, s);                                             \
  }                                                                                               \
  return p;

__attribute__((target("avx2")))
static size_t scan_avx2(const uint8_t *h, size_t length, const wf_needle *n, size_t count, sink *s) {
  WF_SCAN_BODY(__m256i, 32, _mm256_set1_epi8, _mm256_loadu_si256, _mm256_and_si256, _mm256_cmpeq_epi8, _mm256_movemask_epi8)
}

static size_t scan_sse2(const uint8_t *h, size_t length, const wf_needle *n, size_t count, sink *s) {
  WF_SCAN_BODY(__m128i, 16, _mm_set1_epi8, _mm_loadu_si128, _mm_and_si128, _mm_cmpeq_epi8, _mm_movemask_epi8)
}
#endif

static int simd_level = -1;

void wf_set_simd_level(int level) { simd_level = level; }

size_t wf_find_all(const uint8_t *haystack, size_t length, const wf_needle *needles, size_t count,
                   wf_hit *hits, size_t capacity) {
  sink s = {0, hits, capacity};
  if (count == 0 || count > 16) return 0;
  for (size_t i = 0; i < count; i++) if (needles[i].length < 2 || needles[i].length > 32) return 0;
  size_t done = 0;
#if defined(__x86_64__)
  int level = simd_level;
  if (level < 0) level = __builtin_cpu_supports("avx2") ? 2 : 1;
  if (level == 2) done = scan_avx2(haystack, length, needles, count, &s);
  else if (level == 1) done = scan_sse2(haystack, length, needles, count, &s);
#endif
  scan_scalar(haystack, length, done, needles, count, &s);
  return s.found;
}
