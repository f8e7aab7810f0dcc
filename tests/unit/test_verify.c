/* verify: unchanged inputs pass; a changed, missing or added file and a
 * changed result are each named. */
#include "unit.h"

#include "kiemphieu/audit.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/report.h"
#include "kiemphieu/verify.h"

/* Tally dir as `tally --format json` does, into dir/r.json. */
static void results(const char *dir)
{
	struct kp_tally_opts o;
	struct kp_diag_sink s;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_audit a;
	struct kp_buf b = KP_BUF_INIT;
	struct kp_report_meta meta = { KP_VERSION, NULL, &a };

	kp_tally_opts_init(&o);
	meta.limits = &o.limits;
	kp_diag_sink_init(&s, NULL, NULL);
	assert_int_equal(kp_congress_load(&cg, dir, &o.csv, &s), KP_EXIT_OK);
	assert_int_equal(kp_tally_congress(&cg, NULL, &o, &res, &s), KP_EXIT_OK);
	assert_int_equal(kp_audit_congress(&a, &cg, NULL, &s), KP_EXIT_OK);
	kp_report_json(&b, &res, &meta);
	unit_writes(dir, "r.json", b.s);
	kp_buf_release(&b);
	kp_audit_release(&a);
	kp_results_release(&res);
	kp_congress_release(&cg);
}

static unsigned check(const char *dir, struct kp_buf *out)
{
	char path[4200];
	struct kp_csv_opts o;
	struct kp_diag_sink s;
	unsigned changed = 0;

	snprintf(path, sizeof(path), "%s/r.json", dir);
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	kp_buf_reset(out);
	assert_int_equal(kp_verify(path, &o, out, &changed, &s), KP_EXIT_OK);
	return changed;
}

static void what_changed_is_named(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_buf out = KP_BUF_INIT;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nc,secretary,1,3\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\nc,1,An\nc,2,Bình\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2\n1,,x\n2,,x\n3,x,\n");
	results(dir);
	assert_int_equal(check(dir, &out), 0);
	assert_non_null(strstr(out.s, "3 input files unchanged, same results"));
	/* one mark changes: the file's hash and the result */
	unit_writes(dir, "ballots/c.csv", "ballot,1,2\n1,,x\n2,x,\n3,x,\n");
	assert_int_equal(check(dir, &out), 2);
	assert_non_null(strstr(out.s, "c.csv: changed: SHA-256"));
	assert_non_null(strstr(out.s, "contest 'c': the results differ"));
	/* a round added since */
	unit_writes(dir, "ballots/c.csv", "ballot,1,2\n1,,x\n2,,x\n3,x,\n");
	unit_writes(dir, "ballots/c.r2.csv", "ballot,1\n1,\n");
	assert_true(check(dir, &out) >= 1);
	assert_non_null(strstr(out.s, "ballots/c.r2.csv: a file the results do not record"));
	kp_buf_release(&out);
	unit_rmdir(dir);
}

static void not_a_results_file(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_buf out = KP_BUF_INIT;
	struct kp_csv_opts o;
	struct kp_diag_sink s;
	unsigned changed;

	(void)state;
	unit_writes(dir, "r.json", "{\"org\":\"x\"}\n");
	snprintf(path, sizeof(path), "%s/r.json", dir);
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	assert_int_equal(kp_verify(path, &o, &out, &changed, &s), KP_EXIT_DATA);
	assert_int_equal(s.errors, 1); /* no audit trail */
	kp_buf_release(&out);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(what_changed_is_named),
		cmocka_unit_test(not_a_results_file),
	};

	return cmocka_run_group_tests_name("verify", tests, NULL, NULL);
}
