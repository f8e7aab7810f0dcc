/* Bit masks of a line's bytes, 64 bytes to a word, for the counting of
 * plain ballot rows (tally.c); vectorized where the processor can. */
#ifndef KP_BYTEMASK_H
#define KP_BYTEMASK_H

#include <stddef.h>
#include <stdint.h>

/*
 * For s[0..len): bit i of dm[k] is set when byte 64k+i is d, and of lm[k]
 * when it is the letter `lower` or its capital (lower must be a lower-case
 * ASCII letter). Fills (len + 63) / 64 words of each; the bits past len
 * are clear. SSE2 or AVX2, chosen at run time, on x86-64; a portable loop
 * elsewhere. kp_bytemask_portable is that loop, for the tests.
 */
void kp_bytemask(const char *s, size_t len, char d, char lower, uint64_t *dm,
		 uint64_t *lm);
void kp_bytemask_portable(const char *s, size_t len, char d, char lower,
			  uint64_t *dm, uint64_t *lm);

/*
 * How many bytes of s[0..n) are c; with lone_cr, how many CRs of
 * s[0..n - 1) are not followed by an LF (c unused; the last byte, whose
 * next is not known, is not counted). By sixteen bytes at a time on
 * x86-64. kp_bytecount_portable is the loop, for the tests.
 */
size_t kp_bytecount(const char *s, size_t n, char c, int lone_cr);
size_t kp_bytecount_portable(const char *s, size_t n, char c, int lone_cr);

/* Non-zero when the processor has AVX2, or counts bits in one instruction
 * (x86-64's POPCNT): code compiled for it may then run. The one place the
 * processor is asked (csv.c's plain rows too). */
int kp_cpu_avx2(void);
int kp_cpu_popcnt(void);

#endif
