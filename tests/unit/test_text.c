/* Unicode text: NFC, white space, width, ASCII case. */
#include "unit.h"

#include <uninorm.h>
#include <unistr.h>

#include "kiemphieu/text.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nfc_makes_equal_names_equal),
		cmocka_unit_test(nfc_folds_white_space),
		cmocka_unit_test(nfc_drops_invisible_characters),
		cmocka_unit_test(ids_fold_compatibility_forms),
		cmocka_unit_test(hidden_controls_found),
		cmocka_unit_test(safe_for_a_terminal),
		cmocka_unit_test(display_width),
		cmocka_unit_test(validity_and_case),
		cmocka_unit_test(vietnamese_caseless),
		cmocka_unit_test(caseless_fast_paths_agree),
		cmocka_unit_test(text_nfc_short_cut),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
