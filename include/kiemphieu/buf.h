#ifndef KP_BUF_H
#define KP_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "kiemphieu/printf.h"

/*
 * A growable byte buffer, always NUL-terminated (git's strbuf). Reports are
 * built in one and written by the caller, so the library never prints.
 */
struct kp_buf {
	char *s;
	size_t len, alloc;
};

#define KP_BUF_INIT { NULL, 0, 0 }

void kp_buf_init(struct kp_buf *b);
void kp_buf_release(struct kp_buf *b);
void kp_buf_reset(struct kp_buf *b);
void kp_buf_add(struct kp_buf *b, const void *p, size_t n);
void kp_buf_addstr(struct kp_buf *b, const char *s);
void kp_buf_addch(struct kp_buf *b, char c);
void kp_buf_addf(struct kp_buf *b, const char *fmt, ...)
	KP_PRINTF(2, 3);
void kp_buf_vaddf(struct kp_buf *b, const char *fmt, va_list ap)
	KP_PRINTF(2, 0);
/* Append n copies of c. */
void kp_buf_pad(struct kp_buf *b, char c, size_t n);
/* Take ownership of the string; the buffer is left empty. */
char *kp_buf_detach(struct kp_buf *b);

#endif
