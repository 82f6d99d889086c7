// One-pass multi-literal search for wasmfix's prefilter and definition scan.
// Why: glibc's memmem makes one pass per needle and is slow on short needles ("const ");
// scanning every file for five literals was the largest cost of a whole-repository scan.
// The filter is the classic "first and last byte" SIMD test, plus the needle's rarest inner
// byte: a position is a candidate when all three match; candidates are confirmed byte by byte.
// (An AVX-512BW copy was measured no faster than AVX2 on the benchmark machine: not kept.)
#define _GNU_SOURCE
#include "cscan.h"
#include <string.h>
#include <stdint.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

typedef struct {
  size_t found;
  wf_hit *hits;
  size_t capacity;
  /// Added to every offset (the tail is searched in a padded copy; see wf_find_all).
  size_t base;
  /// Matches must end at or before this offset (the copy's padding is not text).
  size_t limit;
  const wf_needle *needles;
} sink;

static inline void record(sink *s, uint32_t needle, size_t offset) {
  if (offset + s->needles[needle].length > s->limit) return;
  offset += s->base;
  if (s->found < s->capacity) {
    s->hits[s->found].needle = needle;
    s->hits[s->found].offset = (uint64_t)offset;
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

// The inner bytes still to confirm after the SIMD filter matched the first, last and one
// middle byte (checking that one again costs less than skipping it).
static inline int confirm(const uint8_t *at, const wf_needle *n) {
  for (uint32_t k = 1; k + 1 < n->length; k++) if (at[k] != n->bytes[k]) return 0;
  return 1;
}

// Bytes of source code from most to least frequent (measured on the benchmark's generated
// Rust, C and C# and close to what real code shows). A byte not listed is rarer than all.
static const char common_bytes[] = " e\nt_sarionclmd(),;.:=pu*f\"bgh{}xyvk>w0S1CT";

static uint32_t shortest_length(const wf_needle *needles, size_t count) {
  uint32_t shortest = UINT32_MAX;
  for (size_t i = 0; i < count; i++) if (needles[i].length < shortest) shortest = needles[i].length;
  return shortest;
}

static int frequency_rank(uint8_t byte) {
  for (int i = 0; common_bytes[i]; i++) if ((uint8_t)common_bytes[i] == byte) return i;
  return (int)sizeof(common_bytes);
}

// The needle's inner byte the filter compares besides the first and the last: the rarest,
// so that `struct ` does not pass for `static ` nor `count ` for `const `.
void wf_prepare_needle(wf_needle *n) {
  uint32_t best = 1;
  for (uint32_t k = 2; k + 1 < n->length; k++) {
    if (frequency_rank(n->bytes[k]) > frequency_rank(n->bytes[best])) best = k;
  }
  n->middle = best;
}

static inline uint32_t middle_offset(const wf_needle *n) {
  return n->middle > 0 && n->middle < n->length ? n->middle : 1;
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
// The filter compares three bytes (first, middle, last): three-byte false candidates are rare
// in source code, so almost every block is decided by one test. The needles' results are
// OR-ed as vectors and moved to a scalar mask once per block; only a block with a candidate
// computes the per-needle masks again. One body, two widths; `COUNT` is a compile-time
// constant in the specialised copies (1 to 4 needles, the prefilter's sizes), so the loop over
// needles unrolls and the broadcast bytes stay in registers.
#define WF_SCAN_BODY(VEC, WIDTH, SET1, LOADU, AND, OR, CMPEQ, MOVEMASK, ZERO)                      \
  VEC first[16], middle[16], last[16];                                                            \
  uint32_t offset_middle[16], offset_last[16];                                                    \
  for (size_t i = 0; i < count; i++) {                                                            \
    offset_middle[i] = middle_offset(&n[i]);                                                      \
    offset_last[i] = n[i].length - 1;                                                             \
    first[i] = SET1((char)n[i].bytes[0]);                                                         \
    middle[i] = SET1((char)n[i].bytes[offset_middle[i]]);                                         \
    last[i] = SET1((char)n[i].bytes[offset_last[i]]);                                             \
  }                                                                                               \
  size_t tail = max_last(n, count);                                                               \
  size_t p = 0;                                                                                   \
  uint32_t masks[16];                                                                             \
  for (; p + WIDTH + tail <= length; p += WIDTH) {                                                \
    VEC block = LOADU((const VEC *)(h + p));                                                      \
    VEC any = ZERO();                                                                             \
    for (size_t i = 0; i < count; i++) {                                                          \
      VEC mid = LOADU((const VEC *)(h + p + offset_middle[i]));                                   \
      VEC end = LOADU((const VEC *)(h + p + offset_last[i]));                                     \
      any = OR(any, AND(AND(CMPEQ(block, first[i]), CMPEQ(mid, middle[i])), CMPEQ(end, last[i]))); \
    }                                                                                             \
    if (MOVEMASK(any)) {                                                                          \
      for (size_t i = 0; i < count; i++) {                                                        \
        VEC mid = LOADU((const VEC *)(h + p + offset_middle[i]));                                 \
        VEC end = LOADU((const VEC *)(h + p + offset_last[i]));                                   \
        masks[i] = (uint32_t)MOVEMASK(AND(AND(CMPEQ(block, first[i]), CMPEQ(mid, middle[i])), CMPEQ(end, last[i]))); \
      }                                                                                           \
      confirm_block(h, p, masks, n, count, s);                                                    \
    }                                                                                             \
  }                                                                                               \
  return p;

// `count` becomes a constant in the specialised callers below, so the needle loops unroll.
#define WF_ALWAYS_INLINE static inline __attribute__((always_inline))
__attribute__((target("avx2"))) WF_ALWAYS_INLINE size_t
scan_avx2_body(const uint8_t *h, size_t length, const wf_needle *n, size_t count, sink *s) {
  WF_SCAN_BODY(__m256i, 32, _mm256_set1_epi8, _mm256_loadu_si256, _mm256_and_si256, _mm256_or_si256,
               _mm256_cmpeq_epi8, _mm256_movemask_epi8, _mm256_setzero_si256)
}

WF_ALWAYS_INLINE size_t scan_sse2_body(const uint8_t *h, size_t length, const wf_needle *n, size_t count, sink *s) {
  WF_SCAN_BODY(__m128i, 16, _mm_set1_epi8, _mm_loadu_si128, _mm_and_si128, _mm_or_si128,
               _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_setzero_si128)
}

// The prefilter searches 3 or 4 literals per language; other counts take the generic copy.
#define WF_SPECIALISE(NAME, BODY, TARGET)                                                         \
  TARGET static size_t NAME(const uint8_t *h, size_t length, const wf_needle *n, size_t count, sink *s) { \
    switch (count) {                                                                              \
    case 1: return BODY(h, length, n, 1, s);                                                      \
    case 2: return BODY(h, length, n, 2, s);                                                      \
    case 3: return BODY(h, length, n, 3, s);                                                      \
    case 4: return BODY(h, length, n, 4, s);                                                      \
    default: return BODY(h, length, n, count, s);                                                 \
    }                                                                                             \
  }

WF_SPECIALISE(scan_avx2, scan_avx2_body, __attribute__((target("avx2"))))
WF_SPECIALISE(scan_sse2, scan_sse2_body, )

// Teddy (Hyperscan's multi-literal filter, also behind ripgrep): each needle owns one bit
// ("bucket") of a byte; for three fingerprint offsets shared by all needles, two 16-entry
// tables map a byte's low and high nibble to the buckets whose needle has a byte with that
// nibble there. A `pshufb` per nibble looks up 32 positions at once; AND-ing the six lookups
// leaves, per position, the needles whose three fingerprint bytes all match. With at most 8
// needles (one per bucket) that is an exact three-byte test. The cost per block does not grow
// with the number of needles, where the filter above pays three compares per needle: the
// prefilter's 4 to 7 literals made that filter the largest cost of a scan.
typedef struct {
  __m256i low[3], high[3];
  uint32_t offsets[3];
} teddy_tables;

// The buckets matching at each of the 32 positions from `at`. With ASCII needles the low
// nibble needs no mask: `pshufb` ignores index bits 4-6 and gives 0 for bit 7, and a byte
// with bit 7 set matches no ASCII needle byte anyway (the high nibble is masked regardless:
// the 16-bit shift brings in the next byte's bits).
__attribute__((target("avx2"))) WF_ALWAYS_INLINE __m256i
teddy_block(const uint8_t *at, const teddy_tables *t, __m256i nibble, int ascii) {
  __m256i found = _mm256_set1_epi8((char)0xFF);
  for (int k = 0; k < 3; k++) {
    __m256i v = _mm256_loadu_si256((const __m256i *)(at + t->offsets[k]));
    __m256i lo = _mm256_shuffle_epi8(t->low[k], ascii ? v : _mm256_and_si256(v, nibble));
    __m256i hi = _mm256_shuffle_epi8(t->high[k], _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    found = k == 0 ? _mm256_and_si256(lo, hi) : _mm256_and_si256(found, _mm256_and_si256(lo, hi));
  }
  return found;
}

// Confirms the candidates at the set bits of `positions` (from `p`; buckets per position in
// `lanes`), in offset order. Out of line: the hot loop then holds only the SIMD filter, and
// the rare calls (a block in thirty) do not make the compiler spill its registers every block.
__attribute__((noinline)) static void
teddy_confirm(const uint8_t *h, size_t p, uint64_t positions, const uint8_t *lanes, const wf_needle *n, sink *s) {
  while (positions) {
    unsigned bit = (unsigned)__builtin_ctzll(positions);
    uint32_t buckets = lanes[bit];
    while (buckets) {
      unsigned i = (unsigned)__builtin_ctz(buckets);
      const uint8_t *at = h + p + bit, *needle = n[i].bytes;
      uint32_t k = 0, len = n[i].length;
      while (k < len && at[k] == needle[k]) k++;
      if (k == len) record(s, i, p + bit);
      buckets &= buckets - 1;
    }
    positions &= positions - 1;
  }
}

// Positions (bits) where a block's lookup found some bucket.
__attribute__((target("avx2"))) WF_ALWAYS_INLINE uint64_t teddy_positions(__m256i found) {
  return (uint32_t)~_mm256_movemask_epi8(_mm256_cmpeq_epi8(found, _mm256_setzero_si256()));
}

// 64 bytes per iteration with one test for both blocks: the filter is ~20 instructions per
// block, so the loop's own bookkeeping and branch were a large share of it.
__attribute__((target("avx2"))) WF_ALWAYS_INLINE size_t
teddy_body(const uint8_t *h, size_t length, const teddy_tables *tables, size_t tail, const wf_needle *n, sink *s, int ascii) {
  const teddy_tables t = *tables;
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  size_t p = 0;
  uint8_t lanes[64];
  if (length >= 64 + tail) {
    // The last p the pair loop takes, computed once (the loop test is then one compare).
    const size_t last = length - 64 - tail;
    for (; p <= last; p += 64) {
      __m256i a = teddy_block(h + p, &t, nibble, ascii);
      __m256i b = teddy_block(h + p + 32, &t, nibble, ascii);
      __m256i any = _mm256_or_si256(a, b);
      if (_mm256_testz_si256(any, any)) continue;
      _mm256_storeu_si256((__m256i *)lanes, a);
      _mm256_storeu_si256((__m256i *)(lanes + 32), b);
      teddy_confirm(h, p, teddy_positions(a) | teddy_positions(b) << 32, lanes, n, s);
    }
  }
  if (p + 32 + tail <= length) {
    __m256i a = teddy_block(h + p, &t, nibble, ascii);
    if (!_mm256_testz_si256(a, a)) {
      _mm256_storeu_si256((__m256i *)lanes, a);
      teddy_confirm(h, p, teddy_positions(a), lanes, n, s);
    }
    p += 32;
  }
  return p;
}

__attribute__((target("avx2"))) static size_t
scan_teddy_avx2(const uint8_t *h, size_t length, const wf_needle *n, size_t count, sink *s) {
  uint32_t shortest = 32;
  for (size_t i = 0; i < count; i++) if (n[i].length < shortest) shortest = n[i].length;
  teddy_tables t;
  t.offsets[0] = 0;
  t.offsets[1] = (shortest - 1) / 2;
  t.offsets[2] = shortest - 1;
  uint8_t low[3][16] = {{0}}, high[3][16] = {{0}};
  // Only the fingerprint bytes go through the tables (the rest is compared exactly).
  int ascii = 1;
  for (size_t i = 0; i < count; i++) {
    for (int k = 0; k < 3; k++) {
      uint8_t byte = n[i].bytes[t.offsets[k]];
      if (byte >= 0x80) ascii = 0;
      low[k][byte & 15] |= (uint8_t)(1u << i);
      high[k][byte >> 4] |= (uint8_t)(1u << i);
    }
  }
  for (int k = 0; k < 3; k++) {
    t.low[k] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)low[k]));
    t.high[k] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)high[k]));
  }
  size_t tail = max_last(n, count);
  if (ascii) return teddy_body(h, length, &t, tail, n, s, 1);
  return teddy_body(h, length, &t, tail, n, s, 0);
}
#endif

static int simd_level = -1;

void wf_set_simd_level(int level) { simd_level = level; }

size_t wf_find_all(const uint8_t *haystack, size_t length, const wf_needle *needles, size_t count,
                   wf_hit *hits, size_t capacity) {
  sink s = {0, hits, capacity, 0, SIZE_MAX, needles};
  if (count == 0 || count > 16) return 0;
  for (size_t i = 0; i < count; i++) if (needles[i].length < 2 || needles[i].length > 32) return 0;
  size_t done = 0;
#if defined(__x86_64__)
  int level = simd_level;
  if (level < 0) level = __builtin_cpu_supports("avx2") ? 2 : 1;
  if (level >= 1) {
    // The SIMD loops stop where a whole block plus the longest needle no longer fits: the last
    // bytes (fewer than 64) go through the same loop in a zero-padded copy, instead of a
    // byte-by-byte pass that cost more per file than the rest of its search.
    int teddy = level == 2 && count <= 8 && shortest_length(needles, count) >= 3;
    if (teddy) done = scan_teddy_avx2(haystack, length, needles, count, &s);
    else if (level >= 2) done = scan_avx2(haystack, length, needles, count, &s);
    else done = scan_sse2(haystack, length, needles, count, &s);
    size_t rest = length - done;
    if (rest > 0 && rest < 64) {
      uint8_t padded[128] = {0};
      memcpy(padded, haystack + done, rest);
      s.base = done;
      s.limit = rest;
      size_t covered;
      if (teddy) covered = scan_teddy_avx2(padded, rest + 64, needles, count, &s);
      else if (level >= 2) covered = scan_avx2(padded, rest + 64, needles, count, &s);
      else covered = scan_sse2(padded, rest + 64, needles, count, &s);
      s.base = 0;
      s.limit = SIZE_MAX;
      if (covered >= rest) done = length;
    }
  }
#endif
  scan_scalar(haystack, length, done, needles, count, &s);
  return s.found;
}

const void *wf_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
  return memmem(haystack, haystack_length, needle, needle_length);
}

