#include "kiemphieu/text.h"

#include <stdint.h>
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

/* Characters that show nothing: a byte order mark inside text, zero-width
 * spaces and joiners, the word joiner, the soft hyphen. */
static int invisible(ucs4_t c)
{
	return c == 0xfeff || (c >= 0x200b && c <= 0x200d) || c == 0x2060 ||
	       c == 0xad;
}

/* Spaces that look like a space: no-break, en, em, thin, ideographic... */
static int other_space(ucs4_t c)
{
	return c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	       c == 0x202f || c == 0x205f || c == 0x3000;
}

static int has_high(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] & 0x80)
			return 1;
	return 0;
}

/* The length of the space or invisible character s begins (*c set to it),
 * or 0. */
static int space_bytes(const char *s, size_t left, ucs4_t *c)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == 0xc2 && left >= 2 && (u[1] == 0xa0 || u[1] == 0xad)) {
		*c = u[1];
		return 2;
	}
	if (left < 3 || (u[0] != 0xe1 && u[0] != 0xe2 && u[0] != 0xe3 && u[0] != 0xef))
		return 0;
	*c = ((ucs4_t)(u[0] & 0x0f) << 12) | ((ucs4_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
	if ((u[1] & 0xc0) != 0x80 || (u[2] & 0xc0) != 0x80)
		return 0;
	if (*c == 0x1680 || (*c >= 0x2000 && *c <= 0x200d) || *c == 0x202f ||
	    *c == 0x205f || *c == 0x2060 || *c == 0x3000 || *c == 0xfeff)
		return 3;
	return 0;
}

/*
 * Into tmp (room for len + 1): s with white space folded to single spaces
 * and trimmed, invisible characters dropped and other spaces made spaces
 * (so that two names that look the same are the same). Returns its length.
 */
static size_t fold_spaces(const char *s, size_t len, char *tmp)
{
	size_t i = 0, o = 0;

	while (i < len) {
		ucs4_t c = (unsigned char)s[i];
		int n;

		if (c < 0x80) {
			/* (no ASCII character is invisible or another space) */
			if (!is_blank(s[i]))
				tmp[o++] = s[i];
			else if (o && tmp[o - 1] != ' ')
				tmp[o++] = ' ';
			i++;
			continue;
		}
		/* the spaces and invisible characters (U+00A0, U+00AD, U+1680,
		 * U+2000-U+200D, U+202F, U+205F, U+2060, U+3000, U+FEFF) by
		 * their bytes; any other byte kept as it is (the unit test
		 * nfc_every_code_point holds this to decoding) */
		n = space_bytes(s + i, len - i, &c);
		if (!n) {
			tmp[o++] = s[i++];
			continue;
		}
		if (other_space(c)) {
			if (o && tmp[o - 1] != ' ')
				tmp[o++] = ' ';
		} else if (!invisible(c)) {
			memcpy(tmp + o, s + i, (size_t)n);
			o += (size_t)n;
		}
		i += (size_t)n;
	}
	while (o && tmp[o - 1] == ' ')
		o--;
	tmp[o] = '\0';
	return o;
}

/*
 * Non-zero when every code point of s is ASCII or precomposed Latin
 * (U+00C0-U+024F, U+1E00-U+1EFF): text in NFC already, with no combining
 * mark to compose (the unit test text_nfc_short_cut checks every one of
 * these code points against libunistring), and in NFKC too but for the
 * few letters with compatibility forms (ĳ, ŀ, ŉ, ǆ…,
 * U+0132-U+0133, U+013F-U+0140, U+0149, U+017F, U+01C4-U+01CC,
 * U+01F1-U+01F3, U+1E9A-U+1E9B), which are left to libunistring.
 */
static int not_precomposed_latin(ucs4_t c)
{
	return !((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) ||
	       c == 0x132 || c == 0x133 || c == 0x13f || c == 0x140 || c == 0x149 ||
	       c == 0x17f || (c >= 0x1c4 && c <= 0x1cc) || (c >= 0x1f1 && c <= 0x1f3) ||
	       c == 0x1e9a || c == 0x1e9b;
}

/* Where the first code point of s beyond ASCII that `pred` says yes to
 * begins (a byte that is not UTF-8 counts as one when `bad`), or len. */
static size_t find_high(const char *s, size_t len, int (*pred)(ucs4_t), int bad)
{
	size_t i = 0;

	while (i < len) {
		ucs4_t c;
		int n;

		if (!((unsigned char)s[i] & 0x80)) {
			i++;
			continue;
		}
		n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		if (n < 1) {
			if (bad)
				return i;
			n = 1;
		} else if (pred(c)) {
			return i;
		}
		i += (size_t)n;
	}
	return len;
}

static int any_high(const char *s, size_t len, int (*pred)(ucs4_t))
{
	return find_high(s, len, pred, 1) < len;
}

/* No code point of s for which not_precomposed_latin says yes, nor a byte
 * that is not UTF-8: read byte by byte (the code points it admits begin
 * C3-C9, two bytes, or E1 B8-BB, three; the unit test
 * nfc_every_code_point holds it to decoding). */
static int latin_precomposed(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char b = u[i], t;

		if (b < 0x80) {
			i++;
			continue;
		}
		if (b >= 0xc3 && b <= 0xc9) {
			if (i + 1 >= len || (u[i + 1] & 0xc0) != 0x80)
				return 0;
			t = u[i + 1];
			if ((b == 0xc9 && t > 0x8f) ||			/* past U+024F */
			    (b == 0xc4 && (t == 0xb2 || t == 0xb3 || t == 0xbf)) ||
			    (b == 0xc5 && (t == 0x80 || t == 0x89 || t == 0xbf)) ||
			    (b == 0xc7 && ((t >= 0x84 && t <= 0x8c) || (t >= 0xb1 && t <= 0xb3))))
				return 0;
			i += 2;
			continue;
		}
		if (b == 0xe1 && i + 2 < len && u[i + 1] >= 0xb8 && u[i + 1] <= 0xbb &&
		    (u[i + 2] & 0xc0) == 0x80) {
			if (u[i + 1] == 0xba && (u[i + 2] == 0x9a || u[i + 2] == 0x9b))
				return 0;
			i += 3;
			continue;
		}
		return 0;
	}
	return 1;
}

/* s normalized into buf (cap bytes) when it fits there and is in the form
 * already once its spaces are folded, else allocated (the caller frees
 * what is not buf). */
static char *normalize_in(const char *s, size_t len, uninorm_t form, char *buf,
			  size_t cap)
{
	char *tmp, *out;
	size_t o, n;
	uint8_t *norm;

	tmp = len < cap ? buf : kp_xmalloc(len + 1);
	o = fold_spaces(s, len, tmp);
	/* ASCII is in every normal form already, and so is precomposed
	 * Latin (Vietnamese as a keyboard types it) */
	if (!has_high(tmp, o) || latin_precomposed(tmp, o))
		return tmp;
	norm = u8_normalize(form, (const uint8_t *)tmp, o, NULL, &n);
	if (!norm) /* only on allocation failure or invalid input */
		return tmp;
	if (tmp != buf)
		free(tmp);
	out = kp_xstrndup((const char *)norm, n);
	free(norm);
	return out;
}

static char *normalize(const char *s, size_t len, uninorm_t form)
{
	return normalize_in(s, len, form, NULL, 0);
}

char *kp_text_nfc(const char *s, size_t len)
{
	return normalize(s, len, UNINORM_NFC);
}

char *kp_text_nfc_in(const char *s, size_t len, char *buf, size_t cap)
{
	return normalize_in(s, len, UNINORM_NFC, buf, cap);
}

char *kp_text_fold_id(const char *s, size_t len)
{
	char *t, *out;

	if (!has_high(s, len))
		return kp_xstrndup(s, len);
	/* compatibility forms too: a fullwidth digit is a digit; the spaces
	 * NFKC makes are folded again */
	t = normalize(s, len, UNINORM_NFKC);
	out = kp_xmalloc(strlen(t) + 1);
	fold_spaces(t, strlen(t), out);
	free(t);
	return out;
}

/* Control characters and the invisible marks that reorder text. */
static int hidden_control(ucs4_t c)
{
	return (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e ||
	       c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/*
 * Every hidden control is one of C2 80-9F, D8 9C, E2 80 8E-8F, E2 80 AA-AE
 * and E2 81 A6-A9; a byte from C2 up always begins a character (the rest
 * of a character is 80-BF, and so is what an invalid sequence is made of
 * after its first byte), so that looking at those bytes alone finds what
 * decoding every character finds (the unit test
 * hidden_controls_every_code_point tries every code point up to U+FFFF).
 */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Has one of the eight bytes of w the value b? */
static int has_byte(uint64_t w, unsigned char b)
{
	uint64_t v = w ^ (ONES * b);

	return ((v - ONES) & ~v & HIGHS) != 0;
}

size_t kp_text_find_hidden(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	/* eight bytes at a time past those with none of C2, D8, E2 */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, u + i, 8);
		if ((w & HIGHS) && (has_byte(w, 0xc2) || has_byte(w, 0xd8) ||
				    has_byte(w, 0xe2)))
			break;
	}
	for (; i + 1 < len; i++) {
		if (u[i] < 0xc2)
			continue;
		if (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
			return i;
		if (u[i] == 0xd8 && u[i + 1] == 0x9c)
			return i;
		if (u[i] == 0xe2 && i + 2 < len &&
		    ((u[i + 1] == 0x80 && ((u[i + 2] >= 0x8e && u[i + 2] <= 0x8f) ||
					   (u[i + 2] >= 0xaa && u[i + 2] <= 0xae))) ||
		     (u[i + 1] == 0x81 && u[i + 2] >= 0xa6 && u[i + 2] <= 0xa9)))
			return i;
	}
	return len;
}

char *kp_text_safe(const char *s)
{
	struct kp_buf b = KP_BUF_INIT;

	kp_text_add_safe(&b, s);
	return b.s ? kp_buf_detach(&b) : kp_xstrdup("");
}

void kp_text_add_safe(struct kp_buf *b, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		unsigned char ch = (unsigned char)s[i];
		ucs4_t c;
		int n;

		if (ch >= 0x20 && ch < 0x7f) {
			kp_buf_addch(b, (char)ch);
			i++;
			continue;
		}
		if (ch < 0x80) {
			kp_buf_addf(b, "\\x%02x", ch);
			i++;
			continue;
		}
		/* an invalid sequence gives U+FFFD for one byte; a real U+FFFD
		 * is three */
		n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		if (c == 0xfffd && !(n == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0)) {
			kp_buf_addf(b, "\\x%02x", ch);
			i++;
			continue;
		}
		if (hidden_control(c) || invisible(c))
			kp_buf_addf(b, "\\u%04x", (unsigned)c);
		else
			kp_buf_add(b, s + i, (size_t)n);
		i += (size_t)n;
	}
}

size_t kp_text_width(const char *s)
{
	int w = u8_strwidth((const uint8_t *)s, "UTF-8");

	return w < 0 ? strlen(s) : (size_t)w;
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int kp_text_eq_ascii_ci(const char *s, size_t len, const char *t)
{
	size_t i;

	for (i = 0; i < len; i++) {
		char a = s[i], b = t[i];

		if (!b || ascii_lower(a) != ascii_lower(b))
			return 0;
	}
	return t[len] == '\0';
}

/* Code points whose full case folding is all ASCII: ß, ſ, the Kelvin
 * sign, ẞ and the Latin ligatures ﬀ…ﬆ (CaseFolding.txt). Any other
 * non-ASCII code point folds to something that is not ASCII. */
static int folds_to_ascii(ucs4_t c)
{
	return c == 0xdf || c == 0x17f || c == 0x212a || c == 0x1e9e ||
	       (c >= 0xfb00 && c <= 0xfb06);
}

static int may_fold_to_ascii(const char *s, size_t len)
{
	return any_high(s, len, folds_to_ascii);
}

/* A first code point whose case folding is its lower case, one code
 * point: Latin, Latin Extended and Vietnamese (U+1E00-U+1EFF), but for
 * those that fold to more than one code point or to another letter (µ,
 * ſ). */
static int simple_fold(ucs4_t c)
{
	return (c < 0x250 && c != 0xb5 && c != 0xdf && c != 0x130 && c != 0x149 &&
		c != 0x17f && c != 0x1f0) ||
	       (c >= 0x1e00 && c <= 0x1eff && !(c >= 0x1e96 && c <= 0x1e9e));
}

int kp_text_eq_ci_nfc(const char *a, size_t alen, const char *t)
{
	size_t tlen = strlen(t), i = 0, j = 0;
	int ah, th, r;

	/* letter by letter while both are letters whose folding is their
	 * lower case (ASCII, Latin, Vietnamese): the answer, in most cases,
	 * without folding whole strings */
	while (i < alen && j < tlen) {
		ucs4_t x, y;
		int n, m;

		if (!((unsigned char)a[i] & 0x80) && !((unsigned char)t[j] & 0x80)) {
			/* two ASCII letters: their lower case, no decoding */
			if (ascii_lower(a[i]) != ascii_lower(t[j]))
				return 0;
			i++;
			j++;
			continue;
		}
		n = u8_mbtouc(&x, (const uint8_t *)a + i, alen - i);
		m = u8_mbtouc(&y, (const uint8_t *)t + j, tlen - j);

		if (n < 1 || m < 1 || !simple_fold(x) || !simple_fold(y))
			break;
		if (uc_tolower(x) != uc_tolower(y))
			return 0;
		i += (size_t)n;
		j += (size_t)m;
	}
	if (i == alen && j == tlen)
		return 1;
	if (i == alen || j == tlen) {
		/* one ended: the other's next letter, if simple, is left over */
		ucs4_t z;
		const char *rest = i == alen ? t + j : a + i;
		size_t left = i == alen ? tlen - j : alen - i;

		if (u8_mbtouc(&z, (const uint8_t *)rest, left) > 0 && simple_fold(z))
			return 0;
	}
	ah = has_high(a, alen);
	th = has_high(t, tlen);
	/* one ASCII: the other folds to ASCII only through a few letters */
	if (!ah && th && !may_fold_to_ascii(t, tlen))
		return 0;
	if (!th && ah && !may_fold_to_ascii(a, alen))
		return 0;
	return u8_casecmp((const uint8_t *)a, alen, (const uint8_t *)t, tlen, NULL,
			  UNINORM_NFC, &r) == 0 && r == 0;
}

/* The lower case of the Vietnamese letter s[0..left) begins, by its bytes,
 * into out: its length (that of s's letter too), or 0 for any other (the
 * unit test text_key_is_caseless_nfc holds every letter to libunistring).
 * Two bytes: À-Þ but ×, à-ÿ, Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ơ ơ, Ư ư; three: the
 * letters with tone marks, U+1EA0-U+1EF9, upper case even, lower odd. */
static int vi_lower(const unsigned char *u, size_t left, unsigned char *out)
{
	unsigned char t;

	if (left < 2 || (u[1] & 0xc0) != 0x80)
		return 0;
	t = u[1];
	out[0] = u[0];
	switch (u[0]) {
	case 0xc3:
		if (t >= 0x80 && t <= 0x9e && t != 0x97)
			t = (unsigned char)(t + 0x20);
		else if (t < 0xa0)
			return 0;
		break;
	case 0xc4:
		if (t == 0x82 || t == 0x90 || t == 0xa8)
			t++;
		else if (t != 0x83 && t != 0x91 && t != 0xa9)
			return 0;
		break;
	case 0xc5:
		if (t == 0xa8)
			t++;
		else if (t != 0xa9)
			return 0;
		break;
	case 0xc6:
		if (t == 0xa0 || t == 0xaf)
			t++;
		else if (t != 0xa1 && t != 0xb0)
			return 0;
		break;
	case 0xe1:
		if (left < 3 || (u[2] & 0xc0) != 0x80 ||
		    !((t == 0xba && u[2] >= 0xa0) || (t == 0xbb && u[2] <= 0xb9)))
			return 0;
		out[1] = t;
		out[2] = (unsigned char)(u[2] | 1);
		return 3;
	default:
		return 0;
	}
	out[1] = t;
	return 2;
}

long kp_text_key(const char *s, size_t len, char *key, size_t cap)
{
	size_t i = 0, o = 0;
	int space = 0;

	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		ucs4_t c;
		int n, m;

		if (is_blank((char)b)) {
			space = o > 0;
			i++;
			continue;
		}
		if (o + (size_t)space + 4 >= cap)
			return -1;
		if (space)
			key[o++] = ' ';
		space = 0;
		if (b < 0x80) {
			key[o++] = ascii_lower((char)b);
			i++;
			continue;
		}
		n = vi_lower((const unsigned char *)s + i, len - i, (unsigned char *)key + o);
		if (n) {
			o += (size_t)n;
			i += (size_t)n;
			continue;
		}
		n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		/* (an invalid byte decodes as U+FFFD, which is not simple) */
		if (n < 1 || !simple_fold(c) || not_precomposed_latin(c))
			return -1;
		m = u8_uctomb((uint8_t *)key + o, uc_tolower(c), (int)(cap - o));
		if (m < 1)
			return -1;
		o += (size_t)m;
		i += (size_t)n;
	}
	key[o] = '\0';
	return (long)o;
}

int kp_text_eq_ci(const char *s, size_t len, const char *t)
{
	char buf[KP_TEXT_SHORT], *a;
	int ok;

	/* caseless, after NFC and folding spaces, as names are compared */
	a = kp_text_nfc_in(s, len, buf, sizeof(buf));
	ok = kp_text_eq_ci_nfc(a, strlen(a), t);
	if (a != buf)
		free(a);
	return ok;
}

void kp_text_cell_init(struct kp_text_cell *c, const char *s, size_t len)
{
	c->nfc = NULL;
	c->nlen = 0;
	c->key = kp_text_key(s, len, c->buf, sizeof(c->buf)) >= 0;
	if (!c->key && kp_text_valid(s, len)) {
		c->nfc = kp_text_nfc_in(s, len, c->buf, sizeof(c->buf));
		c->nlen = strlen(c->nfc);
	}
}

void kp_text_cell_release(struct kp_text_cell *c)
{
	if (c->nfc && c->nfc != c->buf)
		free(c->nfc);
	c->nfc = NULL;
}

void kp_text_cell(struct kp_buf *b, const char *s, size_t width)
{
	size_t w = kp_text_width(s);

	kp_buf_addstr(b, s);
	if (w < width)
		kp_buf_pad(b, ' ', width - w);
}

void kp_text_cell_cut(struct kp_buf *b, const char *s, size_t width)
{
	size_t len = strlen(s), i = 0, w = 0;

	if (kp_text_width(s) <= width) {
		kp_text_cell(b, s, width);
		return;
	}
	/* whole characters (a letter with its marks) up to width - 1, then … */
	while (i < len && width) {
		ucs4_t c;
		int n = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
		int cw = uc_width(c, "UTF-8");

		if (n < 1)
			n = 1;
		if (cw < 0)
			cw = 1;
		if (w + (size_t)cw > width - 1)
			break;
		kp_buf_add(b, s + i, (size_t)n);
		w += (size_t)cw;
		i += (size_t)n;
	}
	if (width) {
		kp_buf_addstr(b, "\u2026");
		w++;
	}
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
