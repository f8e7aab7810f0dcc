#include "kiemphieu/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/xalloc.h"

static const char empty_string[] = "";

void kp_buf_init(struct kp_buf *b)
{
	b->s = NULL;
	b->len = 0;
	b->alloc = 0;
}

void kp_buf_release(struct kp_buf *b)
{
	if (!b)
		return;
	free(b->s);
	kp_buf_init(b);
}

void kp_buf_reset(struct kp_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

static void grow(struct kp_buf *b, size_t extra)
{
	if (extra > (size_t)-1 - b->len - 1)
		extra = (size_t)-1; /* kp_xgrow reports the overflow */
	else
		extra = b->len + extra + 1;
	b->s = kp_xgrow(b->s, &b->alloc, extra, 1);
}

void kp_buf_add(struct kp_buf *b, const void *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void kp_buf_addstr(struct kp_buf *b, const char *s)
{
	kp_buf_add(b, s, strlen(s));
}

void kp_buf_addch(struct kp_buf *b, char c)
{
	kp_buf_add(b, &c, 1);
}

void kp_buf_pad(struct kp_buf *b, char c, size_t n)
{
	grow(b, n);
	memset(b->s + b->len, c, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void kp_buf_vaddf(struct kp_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->s + b->len, b->alloc - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->alloc - b->len) {
		grow(b, (size_t)n);
		n = vsnprintf(b->s + b->len, b->alloc - b->len, fmt, ap);
		if (n < 0)
			return;
	}
	b->len += (size_t)n;
}

void kp_buf_addf(struct kp_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kp_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *kp_buf_detach(struct kp_buf *b)
{
	char *s = b->s;

	if (!s)
		s = kp_xstrdup(empty_string);
	kp_buf_init(b);
	return s;
}
