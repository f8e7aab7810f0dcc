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

/* Non-zero when the processor has AVX2, or counts bits in one instruction
 * (x86-64's POPCNT): code compiled for it may then run. The one place the
 * processor is asked (csv.c's plain rows too). */
int kp_cpu_avx2(void);
int kp_cpu_popcnt(void);

#endif
