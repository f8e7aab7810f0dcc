/* Bit masks of a line's bytes (bytemask.h). */
#include "bytemask.h"

#include <string.h>

void kp_bytemask_portable(const char *s, size_t len, char d, char lower,
			  uint64_t *dm, uint64_t *lm)
{
	size_t i, words = (len + 63) / 64;

	memset(dm, 0, words * sizeof(*dm));
	memset(lm, 0, words * sizeof(*lm));
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* c | 0x20 is the letter for it and its capital only */
		if (c == (unsigned char)d)
			dm[i / 64] |= 1ull << (i % 64);
		else if ((c | 0x20) == (unsigned char)lower)
			lm[i / 64] |= 1ull << (i % 64);
	}
}

size_t kp_bytecount_portable(const char *s, size_t n, char c, int lone_cr)
{
	size_t i, k = 0;

	if (lone_cr) {
		for (i = 0; i + 1 < n; i++)
			k += s[i] == '\r' && s[i + 1] != '\n';
		return k;
	}
	for (i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* The count by sixteen bytes at a time: each compare adds one (as -1) to
 * a byte's counter, and the counters are summed before they can wrap. */
static size_t count_sse2(const char *s, size_t n, char c, int lone_cr)
{
	const __m128i cv = _mm_set1_epi8(lone_cr ? '\r' : c), lf = _mm_set1_epi8('\n');
	const __m128i zero = _mm_setzero_si128();
	/* a lone CR reads the byte after each: the last byte is not counted */
	size_t m = lone_cr ? (n ? n - 1 : 0) : n, i = 0, k = 0;

	while (i + 16 <= m) {
		__m128i acc = zero, sum;
		size_t stop = m - i >= 16 * 255 ? i + 16 * 255 : i + (m - i) / 16 * 16;

		for (; i < stop; i += 16) {
			__m128i e = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), cv);

			if (lone_cr)
				e = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i + 1)), lf), e);
			acc = _mm_sub_epi8(acc, e);
		}
		sum = _mm_sad_epu8(acc, zero);
		k += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
	}
	return k + kp_bytecount_portable(s + i, n - i, c, lone_cr);
}

/* Sixteen bytes at p: the delimiter's and the letter's bits. */
static inline void piece(const char *p, __m128i dl, __m128i lw, uint64_t *dw,
			 uint64_t *lwd)
{
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)p);

	*dw = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, dl));
	*lwd = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(b, _mm_set1_epi8(0x20)), lw));
}

/* The last len - i bytes (fewer than 64: one word) in pieces of sixteen,
 * the last piece ending at the line's end so that nothing past it is
 * read; a line shorter than sixteen bytes by the loop. */
static void tail(const char *s, size_t len, size_t i, char d, char lower,
		 uint64_t *dm, uint64_t *lm)
{
	const __m128i dl = _mm_set1_epi8(d), lw = _mm_set1_epi8(lower);
	uint64_t dw = 0, lwd = 0, a, b;
	size_t j = i;

	if (i >= len)
		return;
	if (len < 16) {
		kp_bytemask_portable(s + i, len - i, d, lower, dm + i / 64, lm + i / 64);
		return;
	}
	for (; j + 16 <= len; j += 16) {
		piece(s + j, dl, lw, &a, &b);
		dw |= a << (j - i);
		lwd |= b << (j - i);
	}
	if (j < len) {
		unsigned k = (unsigned)(len - j); /* 1..15 */

		piece(s + len - 16, dl, lw, &a, &b);
		dw |= (a >> (16 - k)) << (j - i);
		lwd |= (b >> (16 - k)) << (j - i);
	}
	dm[i / 64] = dw;
	lm[i / 64] = lwd & ~dw;
}

static void block_sse2(const char *s, char d, char lower, uint64_t *dm,
		       uint64_t *lm)
{
	const __m128i dl = _mm_set1_epi8(d), lw = _mm_set1_epi8(lower);
	const __m128i up = _mm_set1_epi8(0x20);
	uint64_t dw = 0, lwd = 0;
	int k;

	for (k = 0; k < 4; k++) {
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)
					    (s + 16 * k));

		dw |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, dl))
		      << (16 * k);
		lwd |= (uint64_t)(unsigned)_mm_movemask_epi8(
			       _mm_cmpeq_epi8(_mm_or_si128(b, up), lw))
		       << (16 * k);
	}
	*dm = dw;
	*lm = lwd & ~dw;
}

__attribute__((target("avx2")))
static void block_avx2(const char *s, char d, char lower, uint64_t *dm,
		       uint64_t *lm)
{
	const __m256i dl = _mm256_set1_epi8(d), lw = _mm256_set1_epi8(lower);
	const __m256i up = _mm256_set1_epi8(0x20);
	__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)s);
	__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + 32));
	uint64_t dw = (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, dl)) |
		      (uint64_t)(unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, dl)) << 32;
	uint64_t lwd = (uint64_t)(unsigned)_mm256_movemask_epi8(
			       _mm256_cmpeq_epi8(_mm256_or_si256(a, up), lw)) |
		       (uint64_t)(unsigned)_mm256_movemask_epi8(
			       _mm256_cmpeq_epi8(_mm256_or_si256(b, up), lw)) << 32;

	*dm = dw;
	*lm = lwd & ~dw;
}

typedef void block_fn(const char *, char, char, uint64_t *, uint64_t *);

/* Whole blocks of 64 bytes by the vector code, then the tail. */
static void blocks(block_fn *block, const char *s, size_t len, char d,
		   char lower, uint64_t *dm, uint64_t *lm)
{
	size_t i = 0;

	for (; i + 64 <= len; i += 64)
		block(s + i, d, lower, dm + i / 64, lm + i / 64);
	tail(s, len, i, d, lower, dm, lm);
}

/* What the processor said of a feature, kept in `known` (0 not asked yet,
 * 1 no, 2 yes): each feature is asked once. */
static int remember(_Atomic int *known, int yes)
{
	*known = yes ? 2 : 1;
	return yes;
}

int kp_cpu_avx2(void)
{
	static _Atomic int known;
	int k = known;

	if (k)
		return k == 2;
	__builtin_cpu_init();
	return remember(&known, __builtin_cpu_supports("avx2"));
}

int kp_cpu_popcnt(void)
{
	static _Atomic int known;
	int k = known;

	if (k)
		return k == 2;
	__builtin_cpu_init();
	return remember(&known, __builtin_cpu_supports("popcnt"));
}

void kp_bytemask(const char *s, size_t len, char d, char lower, uint64_t *dm,
		 uint64_t *lm)
{
	blocks(kp_cpu_avx2() ? block_avx2 : block_sse2, s, len, d, lower, dm, lm);
}

size_t kp_bytecount(const char *s, size_t n, char c, int lone_cr)
{
	return count_sse2(s, n, c, lone_cr);
}
#else
int kp_cpu_avx2(void)
{
	return 0;
}

int kp_cpu_popcnt(void)
{
	return 0;
}

void kp_bytemask(const char *s, size_t len, char d, char lower, uint64_t *dm,
		 uint64_t *lm)
{
	kp_bytemask_portable(s, len, d, lower, dm, lm);
}

size_t kp_bytecount(const char *s, size_t n, char c, int lone_cr)
{
	return kp_bytecount_portable(s, n, c, lone_cr);
}
#endif
