#include "kiemphieu/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/exit.h"

void kp_xdie_oom(size_t n)
{
	fprintf(stderr, "kiemphieu: error: out of memory (asked for %zu bytes)\n", n);
	exit(KP_EXIT_IO);
}

void *kp_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		kp_xdie_oom(n);
	return p;
}

void *kp_xcalloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		kp_xdie_oom(SIZE_MAX);
	p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		kp_xdie_oom(n * size);
	return p;
}

void *kp_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		kp_xdie_oom(n);
	return q;
}

void *kp_xgrow(void *p, size_t *alloc, size_t need, size_t size)
{
	size_t n = *alloc;

	if (need <= n)
		return p;
	if (n < 8)
		n = 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			kp_xdie_oom(SIZE_MAX);
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		kp_xdie_oom(SIZE_MAX);
	*alloc = n;
	return kp_xrealloc(p, n * size);
}

void *kp_xpush(void *p, size_t n, size_t size)
{
	size_t room = n ? 2 * n : 8;

	if (n < 8 ? n != 0 : (n & (n - 1)) != 0)
		return p; /* room for 8 from 0, for 2n from n */
	if (n > SIZE_MAX / 2 / size)
		kp_xdie_oom(SIZE_MAX);
	return kp_xrealloc(p, room * size);
}

char *kp_xstrdup(const char *s)
{
	return kp_xstrndup(s, strlen(s));
}

char *kp_xstrndup(const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		kp_xdie_oom(n);
	p = kp_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
