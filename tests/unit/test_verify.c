/* verify: unchanged inputs pass; a changed, missing or added file and a
 * changed result are each named. */
#include "unit.h"

#include "kiemphieu/audit.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/report.h"
#include "kiemphieu/verify.h"

#include <jansson.h>

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

static unsigned typed(const char *dir, const char *hex, struct kp_buf *out)
{
	char path[4200];
	struct kp_diag_sink s;
	unsigned changed = 0;

	snprintf(path, sizeof(path), "%s/r.json", dir);
	kp_diag_sink_init(&s, NULL, NULL);
	kp_buf_reset(out);
	assert_int_equal(kp_verify_typed(path, hex, out, &changed, &s), KP_EXIT_OK);
	return changed;
}

/* One group, or one digit past a group, is said in the singular. */
static void typed_groups_are_counted_in_words(void **state)
{
	char *dir = unit_tmpdir(), path[4200], hex[80];
	struct kp_buf out = KP_BUF_INIT;
	json_t *r;
	const char *sha;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nc,secretary,1,3\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\nc,1,An\nc,2,Bình\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2\n1,,x\n2,,x\n3,x,\n");
	results(dir);
	snprintf(path, sizeof(path), "%s/r.json", dir);
	r = json_load_file(path, 0, NULL);
	sha = json_string_value(json_object_get(
		json_array_get(json_object_get(json_object_get(r, "audit"), "files"), 0),
		"sha256"));
	assert_non_null(sha);
	assert_int_equal(strlen(sha), 64);

	snprintf(hex, sizeof(hex), "%.4s", sha);
	assert_int_equal(typed(dir, hex, &out), 1);
	assert_non_null(strstr(out.s, ": 1 group of 16 typed, and it agrees\n"));
	assert_null(strstr(out.s, "digit"));

	snprintf(hex, sizeof(hex), "%.4s %.1s", sha, sha + 4);
	assert_int_equal(typed(dir, hex, &out), 1);
	assert_non_null(strstr(out.s, ": the last group typed has 1 digit of 4\n"));
	assert_non_null(strstr(out.s, ": 1 group of 16 typed, and it agrees\n"));

	snprintf(hex, sizeof(hex), "%.4s-%.4s-%.3s", sha, sha + 4, sha + 8);
	assert_int_equal(typed(dir, hex, &out), 1);
	assert_non_null(strstr(out.s, ": the last group typed has 3 digits of 4\n"));
	assert_non_null(strstr(out.s, ": 2 groups of 16 typed; 2 agree\n"));

	assert_int_equal(typed(dir, sha, &out), 0);
	assert_non_null(strstr(out.s, ": all 16 groups agree\n"));

	/* a group no recorded hash has: every digit of the first one moved on */
	for (size_t i = 0; i < 4; i++)
		hex[i] = "123456789abcdef0"[strchr("0123456789abcdef", sha[i]) -
					    "0123456789abcdef"];
	hex[4] = '\0';
	assert_int_equal(typed(dir, hex, &out), 1);
	assert_string_equal(out.s, "no recorded hash has the group typed\n");
	json_decref(r);
	kp_buf_release(&out);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(what_changed_is_named),
		cmocka_unit_test(not_a_results_file),
		cmocka_unit_test(typed_groups_are_counted_in_words),
	};

	return cmocka_run_group_tests_name("verify", tests, NULL, NULL);
}
