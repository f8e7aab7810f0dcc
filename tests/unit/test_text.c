/* Unicode text: NFC, white space, width, ASCII case. */
#include "unit.h"

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "kiemphieu/text.h"

#define S(s) s, strlen(s)

static void nfc_makes_equal_names_equal(void **state)
{
	/* "Nguyễn" decomposed (e + circumflex + tilde) and precomposed */
	static const char nfd[] = "Nguye\xcc\x82\xcc\x83n V\xc4\x83n An";
	static const char nfc[] = "Nguy\xe1\xbb\x85n V\xc4\x83n An";
	char *a, *b;

	(void)state;
	a = kp_text_nfc(nfd, strlen(nfd));
	b = kp_text_nfc(nfc, strlen(nfc));
	assert_string_equal(a, b);
	assert_string_equal(a, nfc);
	free(a);
	free(b);
}

static void nfc_folds_white_space(void **state)
{
	char *a;

	(void)state;
	a = kp_text_nfc("  Trần \t Thị   Bích  ", strlen("  Trần \t Thị   Bích  "));
	assert_string_equal(a, "Trần Thị Bích");
	free(a);
	a = kp_text_nfc("   ", 3);
	assert_string_equal(a, "");
	free(a);
}

/* Names that look the same are the same (issue 11). */
static void nfc_drops_invisible_characters(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "Nguy\xe1\xbb\x85n\xc2\xa0V\xc4\x83n An", "Nguyễn Văn An" }, /* NBSP */
		{ "Nguy\xe1\xbb\x85n V\xc4\x83n An\xe2\x80\x8b", "Nguyễn Văn An" }, /* ZWSP */
		{ "\xef\xbb\xbfNguy\xe1\xbb\x85n V\xc4\x83n An", "Nguyễn Văn An" }, /* BOM */
		{ "Nguy\xe1\xbb\x85n\xe2\x80\x83\xe2\x80\x83V\xc4\x83n An", "Nguyễn Văn An" }, /* em spaces */
		{ "L\xc3\xaa\xc2\xadV\xc4\x83n", "LêVăn" },	/* soft hyphen */
		{ "An\xe2\x80\x8d", "An" },			/* ZWJ */
		{ "plain ascii", "plain ascii" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *a = kp_text_nfc(cases[i].in, strlen(cases[i].in));

		assert_string_equal(a, cases[i].want);
		free(a);
	}
}

static void ids_fold_compatibility_forms(void **state)
{
	char *a;

	(void)state;
	a = kp_text_fold_id("\xef\xbc\x90\xef\xbc\x90\xef\xbc\x91", 9); /* ００１ */
	assert_string_equal(a, "001");
	free(a);
	a = kp_text_fold_id("00\xe2\x80\x8b" "1", 6);
	assert_string_equal(a, "001");
	free(a);
	a = kp_text_fold_id("001\xc2\xa0", 5);
	assert_string_equal(a, "001");
	free(a);
	a = kp_text_fold_id("01", 2);	/* ASCII as it is: 01 is not 001 */
	assert_string_equal(a, "01");
	free(a);
	a = kp_text_fold_id("\xe2\x80\x8b", 3);	/* nothing left */
	assert_string_equal(a, "");
	free(a);
}

static void hidden_controls_found(void **state)
{
	(void)state;
	assert_int_equal(kp_text_find_hidden("An\xc2\x9b" "31m", 7), 2);	/* CSI */
	assert_int_equal(kp_text_find_hidden("x\xe2\x80\xae" "y", 5), 1);	/* RLO */
	assert_int_equal(kp_text_find_hidden("\xe2\x81\xa6", 3), 0);	/* LRI */
	assert_int_equal(kp_text_find_hidden("\xe2\x80\x8f", 3), 0);	/* RLM */
	assert_int_equal(kp_text_find_hidden("Nguy\xe1\xbb\x85n", 8), 8);
	assert_int_equal(kp_text_find_hidden("\xc2\xa0\xc2\xbf", 4), 4);	/* not C1 */
}

/* What kp_text_find_hidden must find: the first control or bidirectional
 * mark, decoding character by character as libunistring does. */
static size_t hidden_by_decoding(const char *s, size_t len)
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
		if (n >= 1 && ((c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e ||
			       c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
			       (c >= 0x2066 && c <= 0x2069)))
			return i;
		i += n < 1 ? 1 : (size_t)n;
	}
	return len;
}

/* Its byte-wise search finds what decoding finds: every code point up to
 * U+FFFF, alone, after a letter and after the broken starts of a
 * character, and cut short; and at every place of the first two blocks of
 * eight bytes it looks at at once, after Vietnamese text. */
static void hidden_controls_every_code_point(void **state)
{
	static const char *const before[] = { "", "a", "\xe2", "\xf0\x9f", "\xc3",
					      "\xe2\x80", "\x80" };
	static const char text[] = "Nguy\xe1\xbb\x85n V\xc4\x83n Anh,";
	ucs4_t c;
	size_t b, found = 0, nb = sizeof(before) / sizeof(before[0]);

	(void)state;
	for (c = 0x80; c <= 0xffff; c++) {
		char in[40];
		size_t pre, n;
		int k;

		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		for (b = 0; b < nb + sizeof(text); b++) {
			if (b < nb) {
				pre = strlen(before[b]);
				memcpy(in, before[b], pre);
			} else {
				pre = b - nb; /* the text's first bytes, cut anywhere */
				memcpy(in, text, pre);
			}
			k = u8_uctomb((uint8_t *)in + pre, c, 8);
			assert_true(k > 0);
			n = pre + (size_t)k;
			in[n] = 'z';
			for (; n + 1 > pre; n--) /* whole, then cut byte by byte */
				if (kp_text_find_hidden(in, n + 1) != hidden_by_decoding(in, n + 1))
					fail_msg("U+%04X after %zu bytes of '%s', %zu bytes",
						 (unsigned)c, pre, b < nb ? before[b] : text,
						 n + 1);
			if (b < nb && hidden_by_decoding(in, pre + (size_t)k) < pre + (size_t)k)
				found++;
		}
	}
	assert_int_equal(found, 7 * (32 + 1 + 2 + 5 + 4));
}

static void safe_for_a_terminal(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "a\nb", "a\\x0ab" },
		{ "\033[2J", "\\x1b[2J" },
		{ "x\x7f", "x\\x7f" },
		{ "C1\xc2\x9b", "C1\\u009b" },
		{ "r\xe2\x80\xae" "ev", "r\\u202eev" },
		{ "zw\xe2\x80\x8bsp", "zw\\u200bsp" },
		{ "in\xf4", "in\\xf4" },		/* not UTF-8 */
		{ "\xef\xbf\xbd", "\xef\xbf\xbd" },	/* a real U+FFFD */
		{ "Đặng Quang Hải", "Đặng Quang Hải" },
		{ "tab\there", "tab\\x09here" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *a = kp_text_safe(cases[i].in);

		assert_string_equal(a, cases[i].want);
		free(a);
	}
}

static void display_width(void **state)
{
	(void)state;
	assert_int_equal(kp_text_width("Đặng Quang Hải"), 14);
	assert_int_equal(kp_text_width("Nguye\xcc\x82\xcc\x83n"), 6); /* marks take none */
	assert_int_equal(kp_text_width(""), 0);
}

static void validity_and_case(void **state)
{
	(void)state;
	assert_true(kp_text_valid("Lê", 3));
	assert_false(kp_text_valid("L\xc3", 2));
	assert_false(kp_text_valid("\xed\xa0\x80", 3)); /* a surrogate */
	assert_true(kp_text_eq_ascii_ci("BALLOT", 6, "ballot"));
	assert_false(kp_text_eq_ascii_ci("ballots", 7, "ballot"));
	assert_false(kp_text_eq_ascii_ci("ballo", 5, "ballot"));
}

/* Caseless equality of Vietnamese text: case, composed or not, spaces. */
static void vietnamese_caseless(void **state)
{
	(void)state;
	assert_true(kp_text_eq_ci("ĐẠI BIỂU", 13, "đại biểu"));
	/* "Đại" with the dot below as a combining mark (U+0323) */
	assert_true(kp_text_eq_ci("\xc4\x90" "a\xcc\xa3i bi\xe1\xbb\x83u", 13, "đại biểu"));
	assert_true(kp_text_eq_ci(" đại  biểu ", 16, "đại biểu"));
	assert_false(kp_text_eq_ci("dai bieu", 8, "đại biểu"));	/* no tones */
	assert_false(kp_text_eq_ci("đại biểu x", 15, "đại biểu"));
	assert_false(kp_text_eq_ci("", 0, "đại biểu"));
}

/* The letter-by-letter and ASCII short cuts of kp_text_eq_ci give what
 * libunistring's full comparison gives, at their edges. */
static void caseless_fast_paths_agree(void **state)
{
	static const struct {
		const char *a, *b;
		int eq;
	} cases[] = {
		{ "Đại Học", "đại học", 1 },
		{ "ĐẠI HỌC", "đại học", 1 },
		{ "đại", "đại học", 0 },
		{ "đại học", "đại", 0 },
		{ "trung cấp", "tiến sĩ", 0 },
		{ "TRUNG CẤP", "trung cấp", 1 },
		{ "Kinh", "kinh", 1 },
		{ "\xe2\x84\xaainh", "kinh", 1 },	/* the Kelvin sign folds to k */
		{ "STRASSE", "straße", 1 },		/* ß folds to ss */
		{ "straße", "STRASSE", 1 },
		{ "\xef\xac\x81le", "file", 1 },	/* the ligature ﬁ */
		{ "ſ", "s", 1 },			/* long s */
		{ "µ", "μ", 1 },			/* micro sign and mu */
		{ "Tày", "kinh", 0 },
		{ "", "", 1 },
		{ "a", "", 0 },
		{ "có", "co", 0 },
		{ "Ngô", "ngô", 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *a = kp_text_nfc(cases[i].a, strlen(cases[i].a));
		char *b = kp_text_nfc(cases[i].b, strlen(cases[i].b));

		if (kp_text_eq_ci(cases[i].a, strlen(cases[i].a), b) != cases[i].eq)
			fail_msg("'%s' and '%s': expected %s", cases[i].a, cases[i].b,
				 cases[i].eq ? "equal" : "different");
		free(a);
		free(b);
	}
}

/* kp_text_nfc and kp_text_fold_id leave precomposed Latin as it is,
 * without libunistring: for every such code point, alone and after a
 * letter, that is what libunistring's NFC and NFKC give. */
static void text_nfc_short_cut(void **state)
{
	static const ucs4_t ranges[][2] = { { 0xc0, 0x24f }, { 0x1e00, 0x1eff } };
	size_t r;

	(void)state;
	for (r = 0; r < 2; r++) {
		ucs4_t c;

		for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
			uint8_t in[16];
			size_t n = 1, len;
			uint8_t *want;
			char *got;
			int k;

			in[0] = 'a';
			k = u8_uctomb(in + 1, c, 8);
			assert_true(k > 0);
			n += (size_t)k;
			want = u8_normalize(UNINORM_NFC, in, n, NULL, &len);
			got = kp_text_nfc((const char *)in, n);
			if (len != strlen(got) || memcmp(want, got, len) != 0)
				fail_msg("NFC of U+%04X", (unsigned)c);
			free(want);
			free(got);
			want = u8_normalize(UNINORM_NFKC, in, n, NULL, &len);
			got = kp_text_fold_id((const char *)in, n);
			if (len != strlen(got) || memcmp(want, got, len) != 0)
				fail_msg("NFKC of U+%04X", (unsigned)c);
			free(want);
			free(got);
		}
	}
}

/* What kp_text_nfc must give: white space folded by decoding character by
 * character, then libunistring's NFC (which leaves NFC text as it is; text
 * that is not UTF-8 stays as folded). */
static char *fold_by_decoding(const char *s, size_t len, uninorm_t form)
{
	char *t = malloc(len + 1);
	size_t i = 0, o = 0, n;
	uint8_t *norm;

	assert_non_null(t);
	while (i < len) {
		ucs4_t c = (unsigned char)s[i];
		int k = 1;

		if (c & 0x80) {
			k = u8_mbtouc(&c, (const uint8_t *)s + i, len - i);
			if (k < 1)
				k = 1;
		}
		if (c == 0xfeff || (c >= 0x200b && c <= 0x200d) || c == 0x2060 || c == 0xad) {
			i += (size_t)k;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xa0 ||
		    c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
		    c == 0x205f || c == 0x3000) {
			if (o && t[o - 1] != ' ')
				t[o++] = ' ';
		} else {
			memcpy(t + o, s + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	while (o && t[o - 1] == ' ')
		o--;
	t[o] = '\0';
	norm = u8_normalize(form, (const uint8_t *)t, o, NULL, &n);
	if (norm) {
		free(t);
		t = malloc(n + 1);
		assert_non_null(t);
		memcpy(t, norm, n);
		t[n] = '\0';
		free(norm);
	}
	return t;
}

static char *nfc_by_decoding(const char *s, size_t len)
{
	return fold_by_decoding(s, len, UNINORM_NFC);
}

/* kp_text_fold_id: NFKC, its spaces folded again */
static char *id_by_decoding(const char *s, size_t len)
{
	char *t = fold_by_decoding(s, len, UNINORM_NFKC), *u;
	size_t i;
	int ascii = 1;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] & 0x80)
			ascii = 0;
	if (ascii) { /* ASCII comes back as it is */
		free(t);
		t = malloc(len + 1);
		assert_non_null(t);
		memcpy(t, s, len);
		t[len] = '\0';
		return t;
	}
	u = fold_by_decoding(t, strlen(t), UNINORM_NFKC);
	free(t);
	return u;
}

/* kp_text_nfc and kp_text_fold_id read spaces, invisible characters and
 * precomposed Latin by their bytes: for every code point up to U+FFFF,
 * alone, between letters, twice, after the broken starts of a character
 * and cut short, they give what decoding and libunistring give. */
static void nfc_every_code_point(void **state)
{
	static const char *const ctx[][2] = {
		{ "", "" }, { " a", "b " }, { "\xe2", "" }, { "\xe2\x80", "x" },
		{ "\xc3", "" }, { "\xe1\xba", "" }, { "\xe1", "\xbb" }, { "\xc4\x91", "\xcc\x81" },
	};
	ucs4_t c;
	size_t x;

	(void)state;
	for (c = 0x80; c <= 0xffff; c++) {
		uint8_t ch[8];
		int k;

		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		k = u8_uctomb(ch, c, 8);
		assert_true(k > 0);
		for (x = 0; x <= sizeof(ctx) / sizeof(ctx[0]); x++) {
			char in[32];
			size_t n = 0, cut;

			if (x < sizeof(ctx) / sizeof(ctx[0])) {
				n = strlen(ctx[x][0]);
				memcpy(in, ctx[x][0], n);
				memcpy(in + n, ch, (size_t)k);
				n += (size_t)k;
				memcpy(in + n, ctx[x][1], strlen(ctx[x][1]));
				n += strlen(ctx[x][1]);
			} else {
				memcpy(in, ch, (size_t)k);
				memcpy(in + k, ch, (size_t)k);
				n = 2 * (size_t)k;
			}
			for (cut = n; cut + 2 > n && cut > 0; cut--) {
				char *got = kp_text_nfc(in, cut), *want = nfc_by_decoding(in, cut);

				if (strcmp(got, want) != 0)
					fail_msg("U+%04X in context %zu, %zu bytes", (unsigned)c, x, cut);
				free(got);
				free(want);
				got = kp_text_fold_id(in, cut);
				want = id_by_decoding(in, cut);
				if (strcmp(got, want) != 0)
					fail_msg("id: U+%04X in context %zu, %zu bytes", (unsigned)c,
						 x, cut);
				free(got);
				free(want);
			}
		}
	}
}

/* kp_text_key: for a letter it admits (ASCII, precomposed Latin folding to
 * its lower case), alone and after a letter, the key equals a lower-case
 * letter's exactly when libunistring's caseless NFC comparison says the
 * two are equal; what it refuses is left to kp_text_eq_ci. And spaces fold
 * as kp_text_nfc folds them. */
static void text_key_is_caseless_nfc(void **state)
{
	static const ucs4_t ranges[][2] = { { 0x20, 0x7e }, { 0x80, 0x24f },
					    { 0x1e00, 0x1eff } };
	static ucs4_t lower[2048];
	size_t r, nl = 0, i, admitted = 0;
	ucs4_t c;
	char key[32];

	(void)state;
	for (r = 0; r < 3; r++)
		for (c = ranges[r][0]; c <= ranges[r][1]; c++)
			if (uc_tolower(c) == c) {
				uint8_t one[8];
				int k = u8_uctomb(one, c, 8);

				/* (the letters a word that is its own key holds) */
				if (kp_text_key((const char *)one, (size_t)k, key, sizeof(key)) >= 0)
					lower[nl++] = c;
			}
	for (r = 0; r < 3; r++)
		for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
			uint8_t in[8];
			int k = u8_uctomb(in + 1, c, 7);
			long kl;

			in[0] = 'a';
			assert_true(k > 0);
			kl = kp_text_key((const char *)in, (size_t)k + 1, key, sizeof(key));
			if (kl < 0)
				continue;
			if (c == ' ')
				assert_string_equal(key, "a");
			admitted++;
			for (i = 0; i < nl; i++) {
				uint8_t d[8];
				int m = u8_uctomb(d + 1, lower[i], 7), res;

				d[0] = 'a';
				assert_true(u8_casecmp(in, (size_t)k + 1, d, (size_t)m + 1,
						       NULL, UNINORM_NFC, &res) == 0);
				if (c == ' ')
					continue; /* (trailing: folded away) */
				if ((res == 0) != ((size_t)kl == (size_t)m + 1 &&
						   memcmp(key, d, (size_t)m + 1) == 0))
					fail_msg("U+%04X against U+%04X", (unsigned)c,
						 (unsigned)lower[i]);
			}
		}
	assert_true(admitted > 700);
	/* refused: what folds beyond its lower case, spaces that are not
	 * ASCII, invisible marks, combining marks, bytes that are not UTF-8 */
	assert_int_equal(kp_text_key(S("stra\xc3\x9f" "e"), key, sizeof(key)), -1);
	assert_int_equal(kp_text_key(S("a\xc2\xa0" "b"), key, sizeof(key)), -1);
	assert_int_equal(kp_text_key(S("a\xe2\x80\x8b" "b"), key, sizeof(key)), -1);
	assert_int_equal(kp_text_key(S("tha\xcc\xa3" "c"), key, sizeof(key)), -1);
	assert_int_equal(kp_text_key(S("a\xff"), key, sizeof(key)), -1);
	assert_int_equal(kp_text_key(S("\xe2\x84\xaa"), key, sizeof(key)), -1);
	/* white space as kp_text_nfc folds it, and what does not fit */
	assert_int_equal(kp_text_key(S(" \tĐẠI \r\n HỌC  "), key, sizeof(key)), 12);
	assert_string_equal(key, "đại học");
	assert_int_equal(kp_text_key(S(""), key, sizeof(key)), 0);
	assert_string_equal(key, "");
	assert_int_equal(kp_text_key(S("a b c d e f g h i j k l m n o p"), key, 16), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nfc_makes_equal_names_equal),
		cmocka_unit_test(nfc_folds_white_space),
		cmocka_unit_test(nfc_drops_invisible_characters),
		cmocka_unit_test(ids_fold_compatibility_forms),
		cmocka_unit_test(hidden_controls_found),
		cmocka_unit_test(hidden_controls_every_code_point),
		cmocka_unit_test(safe_for_a_terminal),
		cmocka_unit_test(display_width),
		cmocka_unit_test(validity_and_case),
		cmocka_unit_test(vietnamese_caseless),
		cmocka_unit_test(caseless_fast_paths_agree),
		cmocka_unit_test(text_nfc_short_cut),
		cmocka_unit_test(text_key_is_caseless_nfc),
		cmocka_unit_test(nfc_every_code_point),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
