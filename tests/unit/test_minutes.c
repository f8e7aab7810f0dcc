/* The counting minutes: escaped text, one section per round, Vietnamese
 * numbers, the elected by votes. */
#include "unit.h"

#include "kiemphieu/exit.h"
#include "kiemphieu/minutes.h"

static void minutes_of(const char *name, struct kp_buf *out)
{
	char *dir = unit_tmpdir();
	struct kp_tally_opts o;
	struct kp_diag_sink s;
	struct kp_congress cg;
	struct kp_results res;

	kp_tally_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	unit_writes(dir, "contests.csv",
		    "contest,title,kind,seats,reserves,base,issued,date\n"
		    "d,Đại biểu <b>,delegates,1,1,3,3,2020-05-02\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\n");
	{
		char rows[512];

		snprintf(rows, sizeof(rows), "contest,no,name\nd,1,\"%s\"\nd,2,Bình\nd,3,Chi\n", name);
		unit_writes(dir, "candidates.csv", rows);
	}
	/* 1 and 2 get 3 and 2 of base 3: 1 elected, 2 reserve */
	unit_writes(dir, "ballots/d.csv", "ballot,1,2,3\n1,,,x\n2,,,x\n3,,x,x\n");
	assert_int_equal(kp_congress_load(&cg, dir, &o.csv, &s), KP_EXIT_OK);
	assert_int_equal(kp_tally_congress(&cg, NULL, &o, &res, &s), KP_EXIT_OK);
	kp_report_minutes(out, &res, NULL);
	kp_results_release(&res);
	kp_congress_release(&cg);
	unit_rmdir(dir);
}

static void names_are_text_not_markup(void **state)
{
	struct kp_buf b = KP_BUF_INIT;

	(void)state;
	minutes_of("<script>alert(1)</script> & \"\"x\"\" 'y'", &b);
	assert_null(strstr(b.s, "<script"));
	assert_null(strstr(b.s, "Đại biểu <b>")); /* the title as text */
	assert_non_null(strstr(b.s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
				    "&quot;x&quot; &#39;y&#39;"));
	assert_non_null(strstr(b.s, "Đại biểu &lt;b&gt;"));
	kp_buf_release(&b);
}

static void a_page_like_the_form(void **state)
{
	struct kp_buf b = KP_BUF_INIT;

	(void)state;
	minutes_of("An", &b);
	assert_non_null(strstr(b.s, "<!DOCTYPE html>"));
	assert_null(strstr(b.s, "http")); /* no request of any kind */
	assert_non_null(strstr(b.s, "BIÊN BẢN KIỂM PHIẾU"));
	assert_non_null(strstr(b.s, "ngày 02/05/2020"));
	assert_non_null(strstr(b.s, "<li>An: 3 phiếu, 100,00%</li>"));
	assert_non_null(strstr(b.s, "trúng cử đại biểu dự khuyết"));
	assert_non_null(strstr(b.s, "<li>Bình: 2 phiếu, 66,67%</li>"));
	assert_non_null(strstr(b.s, "3 × 2 = 5 + 1"));
	assert_non_null(strstr(b.s, "@page{size:A4"));
	kp_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_are_text_not_markup),
		cmocka_unit_test(a_page_like_the_form),
	};

	return cmocka_run_group_tests_name("minutes", tests, NULL, NULL);
}
