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
	assert_non_null(strstr(b.s, "ĐẢNG CỘNG SẢN VIỆT NAM"));
	assert_non_null(strstr(b.s, "ngày 2 tháng 5 năm 2020"));
	/* two forms of the one ballot: the official and the reserve delegate */
	assert_non_null(strstr(b.s, "Bầu đại biểu chính thức — Đại biểu &lt;b&gt;"));
	assert_non_null(strstr(b.s, "Bầu đại biểu dự khuyết — Đại biểu &lt;b&gt;"));
	assert_non_null(strstr(b.s, "<li>Đồng chí An: 3 phiếu, đạt 100,00%</li>"));
	assert_non_null(strstr(b.s, "trúng cử đại biểu dự khuyết"));
	assert_non_null(strstr(b.s, "<li>Đồng chí Bình: 2 phiếu, đạt 66,67%</li>"));
	/* the consistency in words: 3 valid x 2 = 6 = 5 + 1 */
	assert_non_null(strstr(b.s, "3 phiếu hợp lệ × 2 = 6 lượt bầu, gồm 5 lượt"));
	assert_non_null(strstr(b.s, "và 1 lượt không bầu"));
	/* the signatures kept with the last results */
	assert_non_null(strstr(b.s, "<div class=keep>"));
	assert_true(strstr(b.s, "<div class=keep>") < strstr(b.s, "TRƯỞNG BAN KIỂM PHIẾU"));
	assert_non_null(strstr(b.s, "@page{size:A4"));
	assert_non_null(strstr(b.s, "counter(pages)"));
	kp_buf_release(&b);
}

/* The same minutes as PDF: A4 pages, each form numbered on its own. */
static void load(const char *ballots, struct kp_congress *cg, struct kp_results *res,
		 char **dir)
{
	struct kp_tally_opts o;
	struct kp_diag_sink s;

	*dir = unit_tmpdir();
	kp_tally_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	unit_writes(*dir, "contests.csv",
		    "contest,kind,seats,base,date\nc,committee,1,3,2020-05-02\n");
	unit_writes(*dir, "candidates.csv", "contest,no,name\nc,1,An\nc,2,Bình\n");
	unit_writes(*dir, "ballots/c.csv", ballots);
	assert_int_equal(kp_congress_load(cg, *dir, &o.csv, &s), KP_EXIT_OK);
	assert_int_equal(kp_tally_congress(cg, NULL, &o, res, &s), KP_EXIT_OK);
}

static void the_same_as_pdf(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: kiemphieu.exe has no PDF (docs/dependencies.md)\n");
	skip();
#else
	struct kp_buf b = KP_BUF_INIT;
	struct kp_congress cg;
	struct kp_results res;
	const char *why = NULL;
	char *dir;

	(void)state;
	load("ballot,1,2\n1,,x\n2,,x\n3,x,\n", &cg, &res, &dir);
	assert_int_equal(kp_report_minutes_pdf(&b, &res, NULL, &why), 0);
	assert_true(b.len > 1000);
	assert_memory_equal(b.s, "%PDF-", 5);
	assert_non_null(memmem(b.s, b.len, "/MediaBox [ 0 0 595.276 841.89 ]", 32));
	assert_non_null(memmem(b.s, b.len, "FontFile", 8)); /* embedded */
	kp_buf_release(&b);
	kp_results_release(&res);
	kp_congress_release(&cg);
	unit_rmdir(dir);
#endif
}

/* The results' hash: 64 hex digits, and another when a vote differs. */
static void the_results_hash(void **state)
{
	struct kp_congress cg;
	struct kp_results res;
	char *dir, a[65], c[65];

	(void)state;
	load("ballot,1,2\n1,,x\n2,,x\n3,x,\n", &cg, &res, &dir);
	kp_results_digest(&res, a);
	assert_int_equal(strlen(a), 64);
	kp_results_release(&res);
	kp_congress_release(&cg);
	unit_rmdir(dir);
	load("ballot,1,2\n1,,x\n2,,x\n3,,x\n", &cg, &res, &dir);
	kp_results_digest(&res, c);
	assert_string_not_equal(a, c);
	kp_results_release(&res);
	kp_congress_release(&cg);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_are_text_not_markup),
		cmocka_unit_test(a_page_like_the_form),
		cmocka_unit_test(the_same_as_pdf),
		cmocka_unit_test(the_results_hash),
	};

	return cmocka_run_group_tests_name("minutes", tests, NULL, NULL);
}
