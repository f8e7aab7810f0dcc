/* Diagnostics: counting, quoting input, putting parallel lists in order. */
#include "unit.h"

#include "kiemphieu/diag.h"
#include "../../src/diagcodes.h"

static char last_code[64];

static void unit_keep_code(void *ctx, const struct kp_diag *d)
{
	(void)ctx;
	snprintf(last_code, sizeof(last_code), "%s", d->code);
}
#include "kiemphieu/exit.h"

static char last[1024];

static void keep(void *ctx, const struct kp_diag *d)
{
	(void)ctx;
	snprintf(last + strlen(last), sizeof(last) - strlen(last),
		 "%s:%llu:%llu:%c:%s\n", d->file, (unsigned long long)d->line,
		 (unsigned long long)d->col, d->severity == KP_SEV_ERROR ? 'e' : 'w',
		 d->msg);
}

static void errors_and_warnings_are_counted(void **state)
{
	struct kp_diag_sink s;

	(void)state;
	last[0] = '\0';
	kp_diag_sink_init(&s, keep, NULL);
	assert_int_equal(kp_error(&s, "a.csv", 3, 7, "bad %s", "mark"), KP_EXIT_DATA);
	kp_warning(&s, "a.csv", 1, 2, "odd");
	assert_int_equal(s.errors, 1);
	assert_int_equal(s.warnings, 1);
	assert_string_equal(last, "a.csv:3:7:e:bad mark\na.csv:1:2:w:odd\n");
}

static void input_is_quoted_safely(void **state)
{
	char q[128], big[256];

	(void)state;
	/* a format directive in the input is only text */
	assert_string_equal(kp_diag_quote(q, sizeof(q), "%s%n", 4), "%s%n");
	assert_string_equal(kp_diag_quote(q, sizeof(q), "a\tb\x01", 4), "a\\x09b\\x01");
	/* long text is cut at a character boundary, after 48 characters or
	 * when the buffer is full */
	assert_string_equal(kp_diag_quote(q, sizeof(q),
		"ẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢ", 150),
		"ẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢ...");
	assert_string_equal(kp_diag_quote(big, sizeof(big),
		"ẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢ", 150),
		"ẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢẢ...");
	/* a small buffer never overflows */
	assert_string_equal(kp_diag_quote(q, 12, "abcdefghijklmnop", 16), "abcd...");
}

static void lists_flush_in_file_order(void **state)
{
	struct kp_diag_list l[2];
	struct kp_diag_sink out;

	(void)state;
	last[0] = '\0';
	kp_diag_list_init(&l[0], 10);
	kp_diag_list_init(&l[1], 1);
	kp_error(&l[1].sink, "f", 50, 1, "late");
	kp_error(&l[1].sink, "f", 60, 1, "dropped");
	kp_error(&l[0].sink, "f", 9, 4, "second");
	kp_error(&l[0].sink, "f", 9, 2, "first");
	kp_warning(&l[0].sink, "f", 0, 0, "whole file");
	kp_diag_sink_init(&out, keep, NULL);
	kp_diag_list_flush(l, 2, &out);
	assert_string_equal(last, "f:0:0:w:whole file\nf:9:2:e:first\n"
				  "f:9:4:e:second\nf:50:1:e:late\n");
	assert_int_equal(out.errors, 4); /* the dropped one is still counted */
	assert_int_equal(out.warnings, 1);
	assert_int_equal(l[0].n, 0);
	kp_diag_list_release(&l[0]);
	kp_diag_list_release(&l[1]);
}

/* Every diagnostic has a stable code for scripts (docs/formats.md); the
 * table is sorted for its binary search, and its codes are unique. */
static void codes_are_stable_and_unique(void **state)
{
	const char **fmts, **names;
	size_t n = kp_diag_codes(&fmts, &names), i, j;
	struct kp_diag_sink s;

	(void)state;
	assert_true(n > 100);
	for (i = 1; i < n; i++)
		if (strcmp(fmts[i - 1], fmts[i]) >= 0)
			fail_msg("not sorted at %zu: %s", i, fmts[i]);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(names[i], names[j]) == 0)
				fail_msg("code %s twice", names[i]);
	kp_diag_sink_init(&s, unit_keep_code, NULL);
	kp_error(&s, "f.csv", 3, 4, "stray quote: a field that holds a quote must "
		 "be enclosed in quotes, with its quotes doubled");
	assert_string_equal(last_code, "stray-quote");
	kp_warning(&s, "f.csv", 3, 0, "no ballots yet: round %u counts once its "
		   "ballots are typed in", 2u);
	assert_string_equal(last_code, "round-empty");
	assert_string_equal(kp_diag_code_of("not a message of kiemphieu"), "other");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes_are_stable_and_unique),
		cmocka_unit_test(errors_and_warnings_are_counted),
		cmocka_unit_test(input_is_quoted_safely),
		cmocka_unit_test(lists_flush_in_file_order),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
