/* Writing a file whole or not at all. */
#include "unit.h"

#include <dirent.h>

#include "kiemphieu/outfile.h"

static size_t entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void whole_file_replaces_the_old_one(void **state)
{
	char *dir = unit_tmpdir(), path[4200], err[256], buf[64];
	FILE *f;
	size_t n;

	(void)state;
	snprintf(path, sizeof(path), "%s/r.json", dir);
	assert_int_equal(kp_write_atomic(path, "old\n", 4, err, sizeof(err)), 0);
	assert_int_equal(kp_write_atomic(path, "new data\n", 9, err, sizeof(err)), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(n, 9);
	assert_memory_equal(buf, "new data\n", 9);
	assert_int_equal(entries(dir), 1); /* no temporary file left */
	unit_rmdir(dir);
}

static void failure_leaves_nothing(void **state)
{
	char err[256];

	(void)state;
	/* a folder that does not exist: nothing can be created */
	assert_int_equal(kp_write_atomic("/nonexistent/dir/r.json", "x", 1, err,
					 sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot create a file beside '/nonexistent/dir/r.json'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_file_replaces_the_old_one),
		cmocka_unit_test(failure_leaves_nothing),
	};

	return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
