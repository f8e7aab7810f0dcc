#include "kiemphieu/text.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "kiemphieu/xalloc.h"

int kp_text_valid(const char *s, size_t len)
{
	return u8_check((const uint8_t *)s, len) == NULL;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *kp_text_nfc(const char *s, size_t len)
{
	char *tmp, *out;
	size_t i, o = 0, n;
	uint8_t *norm;

	/* fold white space first: it is ASCII, so NFC cannot change it */
	tmp = kp_xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		if (is_blank(s[i])) {
			if (o && tmp[o - 1] != ' ')
				tmp[o++] = ' ';
		} else {
			tmp[o++] = s[i];
		}
	}
	while (o && tmp[o - 1] == ' ')
		o--;
	tmp[o] = '\0';
	norm = u8_normalize(UNINORM_NFC, (const uint8_t *)tmp, o, NULL, &n);
	if (!norm) /* only on allocation failure or invalid input */
		return tmp;
	free(tmp);
	out = kp_xstrndup((const char *)norm, n);
	free(norm);
	return out;
}

size_t kp_text_width(const char *s)
{
	int w = u8_strwidth((const uint8_t *)s, "UTF-8");

	return w < 0 ? strlen(s) : (size_t)w;
}

int kp_text_eq_ascii_ci(const char *s, size_t len, const char *t)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char a = s[i], b = t[i];

		if (!b)
			return 0;
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return t[len] == '\0';
}

int kp_text_eq_ci(const char *s, size_t len, const char *t)
{
	char *a = kp_text_nfc(s, len);
	int r, ok;

	/* caseless, after NFC and folding spaces, as names are compared */
	ok = u8_casecmp((const uint8_t *)a, strlen(a), (const uint8_t *)t,
			strlen(t), NULL, UNINORM_NFC, &r) == 0 && r == 0;
	free(a);
	return ok;
}

void kp_text_cell(struct kp_buf *b, const char *s, size_t width)
{
	size_t w = kp_text_width(s);

	kp_buf_addstr(b, s);
	if (w < width)
		kp_buf_pad(b, ' ', width - w);
}

void kp_text_rcell(struct kp_buf *b, const char *s, size_t width)
{
	size_t w = kp_text_width(s);

	if (w < width)
		kp_buf_pad(b, ' ', width - w);
	kp_buf_addstr(b, s);
}
