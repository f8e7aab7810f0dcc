/* Unicode text: NFC, white space, width, ASCII case. */
#include "unit.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nfc_makes_equal_names_equal),
		cmocka_unit_test(nfc_folds_white_space),
		cmocka_unit_test(display_width),
		cmocka_unit_test(validity_and_case),
		cmocka_unit_test(vietnamese_caseless),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
