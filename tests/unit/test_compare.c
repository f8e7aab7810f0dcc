/* Double entry: matching ballots and columns, and every disagreement. */
#include "unit.h"

#include "kiemphieu/compare.h"
#include "kiemphieu/exit.h"

static int run(const char *a, const char *b, struct kp_buf *out,
	       struct kp_compare_result *res)
{
	char *dir = unit_tmpdir(), pa[4200], pb[4200];
	const char *paths[2] = { pa, pb };
	struct kp_csv_opts o;
	struct kp_diag_sink s;
	int rc;

	unit_writes(dir, "a.csv", a);
	unit_writes(dir, "b.csv", b);
	snprintf(pa, sizeof(pa), "%s/a.csv", dir);
	snprintf(pb, sizeof(pb), "%s/b.csv", dir);
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	kp_buf_reset(out);
	rc = kp_compare(paths, 2, &o, out, res, &s);
	unit_rmdir(dir);
	return rc;
}

static void columns_by_header_marks_by_meaning(void **state)
{
	struct kp_buf out = KP_BUF_INIT;
	struct kp_compare_result res;

	(void)state;
	/* other column order, 'X' for 'x', semicolons: all agree */
	assert_int_equal(run("ballot,1,2,void\n1,x,,\n2,,,Rách\n",
			     "ballot;void;2;1\n2;Rách;;\n1;;;X\n", &out, &res),
			 KP_EXIT_OK);
	assert_int_equal(res.ballots, 2);
	assert_int_equal(res.disagreements, 0);
	kp_buf_release(&out);
}

static void every_kind_of_disagreement(void **state)
{
	struct kp_buf out = KP_BUF_INIT;
	struct kp_compare_result res;
	const char *s;

	(void)state;
	assert_int_equal(run("ballot,1,2,void\n1,x,,\n2,,,\n3,,x,\n",
			     "ballot,1,2,void\n1,,,\n2,,,Rách\n4,,,\n", &out, &res),
			 KP_EXIT_OK);
	s = out.s;
	assert_int_equal(res.disagreements, 4);
	assert_non_null(strstr(s, "a.csv:2: "));
	assert_non_null(strstr(s, "ballot '1', candidate '1': 'x' / ''"));
	assert_non_null(strstr(s, "ballot '2', column 'void': '' / 'Rách'"));
	assert_non_null(strstr(s, "ballot '3': 'present' / 'missing'"));
	assert_non_null(strstr(s, "ballot '4': 'missing' / 'present'"));
	kp_buf_release(&out);
}

static void repeated_ids_cannot_be_matched(void **state)
{
	struct kp_buf out = KP_BUF_INIT;
	struct kp_compare_result res;

	(void)state;
	assert_int_equal(run("ballot,1\n1,\n1,x\n", "ballot,1\n1,\n", &out, &res),
			 KP_EXIT_DATA);
	kp_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(columns_by_header_marks_by_meaning),
		cmocka_unit_test(every_kind_of_disagreement),
		cmocka_unit_test(repeated_ids_cannot_be_matched),
	};

	return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
