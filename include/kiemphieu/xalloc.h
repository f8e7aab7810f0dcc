#ifndef KP_XALLOC_H
#define KP_XALLOC_H

#include <stddef.h>

/*
 * Allocation that cannot fail: on exhaustion these print one line to stderr
 * and exit with KP_EXIT_IO, the one place where the library exits (as git's
 * xmalloc does). Sizes are checked for overflow.
 */
/* Say that memory ran out (n bytes were asked for) and exit with
 * KP_EXIT_IO; for libraries that report exhaustion by returning NULL. */
__attribute__((noreturn)) void kp_xdie_oom(size_t n);

void *kp_xmalloc(size_t n);
void *kp_xcalloc(size_t n, size_t size);
void *kp_xrealloc(void *p, size_t n);
/* Grow *p to hold at least `need` elements of `size` bytes, doubling. */
void *kp_xgrow(void *p, size_t *alloc, size_t need, size_t size);
/* Room for element n (from 0) of an array of `size`-byte elements that only
 * ever grows one at a time, through this alone: its room is implied by n
 * (8, 16, 32...), so that it is reallocated at those counts only. */
void *kp_xpush(void *p, size_t n, size_t size);
char *kp_xstrdup(const char *s);
char *kp_xstrndup(const char *s, size_t n);

#endif
