/* The audit trail: SHA-256 of files, and of a congress's inputs. */
#include "unit.h"

#include "kiemphieu/audit.h"
#include "kiemphieu/exit.h"

static void sha256_of_known_texts(void **state)
{
	char *dir = unit_tmpdir(), path[4200], hex[65];

	(void)state;
	/* FIPS 180-2 test vectors */
	unit_writes(dir, "abc", "abc");
	snprintf(path, sizeof(path), "%s/abc", dir);
	assert_int_equal(kp_sha256_file(path, hex), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	unit_write(dir, "empty", "", 0);
	snprintf(path, sizeof(path), "%s/empty", dir);
	assert_int_equal(kp_sha256_file(path, hex), 0);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
				 "27ae41e4649b934ca495991b7852b855");
	snprintf(path, sizeof(path), "%s/none", dir);
	assert_int_equal(kp_sha256_file(path, hex), -1);
	unit_rmdir(dir);
}

static void every_input_of_a_congress(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_congress c;
	struct kp_audit a;
	struct kp_csv_opts o;
	struct kp_diag_sink s;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nx,other,1,3\ny,other,1,3\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\nx,1,A\ny,1,B\n");
	unit_writes(dir, "ballots/y.csv", "ballot,1\n1,\n");
	unit_writes(dir, "ballots/x.r2.csv", "ballot,1\n1,\n");
	unit_writes(dir, "ballots/x.csv", "ballot,1\n1,x\n");
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	assert_int_equal(kp_congress_load(&c, dir, &o, &s), KP_EXIT_OK);
	assert_int_equal(kp_audit_congress(&a, &c, NULL, &s), KP_EXIT_OK);
	assert_int_equal(a.n, 5);
	/* contests, candidates, then by contest and round */
	assert_string_equal(a.files[0].name, "contests.csv");
	assert_string_equal(a.files[1].name, "candidates.csv");
	assert_string_equal(a.files[2].name, "ballots/x.csv");
	assert_string_equal(a.files[3].name, "ballots/x.r2.csv");
	assert_string_equal(a.files[4].name, "ballots/y.csv");
	/* the same bytes, the same hash */
	assert_string_equal(a.files[3].sha256, a.files[4].sha256);
	kp_audit_release(&a);
	kp_congress_release(&c);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_of_known_texts),
		cmocka_unit_test(every_input_of_a_congress),
	};

	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
