/* Writing a file whole or not at all. */
#include "unit.h"

#include <dirent.h>
#include <fcntl.h>

#include "kiemphieu/exit.h"
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
	char *dir = unit_tmpdir(), path[4200], buf[64];
	struct kp_diag_sink sink;
	FILE *f;
	size_t n;

	(void)state;
	kp_diag_sink_init(&sink, NULL, NULL);
	snprintf(path, sizeof(path), "%s/r.json", dir);
	assert_int_equal(kp_write_atomic(path, "old\n", 4, &sink), 0);
	assert_int_equal(kp_write_atomic(path, "new data\n", 9, &sink), 0);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(n, 9);
	assert_memory_equal(buf, "new data\n", 9);
	assert_int_equal(entries(dir), 1); /* no temporary file left */
	unit_rmdir(dir);
}

/* A device or a pipe is written to, never replaced: once, renaming a
 * temporary file over "-o /dev/null" replaced the device node. */
static void a_pipe_is_written_not_replaced(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: a FIFO is a Unix thing\n");
	skip();
#else
	char *dir = unit_tmpdir(), path[4200], buf[16];
	struct kp_diag_sink sink;
	struct stat st;
	int rd;

	(void)state;
	kp_diag_sink_init(&sink, NULL, NULL);
	snprintf(path, sizeof(path), "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	rd = open(path, O_RDWR | O_NONBLOCK); /* a reader, so writing won't block */
	assert_true(rd >= 0);
	assert_int_equal(kp_write_atomic(path, "ok\n", 3, &sink), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(read(rd, buf, sizeof(buf)), 3);
	assert_memory_equal(buf, "ok\n", 3);
	close(rd);
	assert_int_equal(entries(dir), 1); /* no temporary file either */
	unit_rmdir(dir);
#endif
}

static void a_link_keeps_being_a_link(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: symbolic links need rights a user lacks on Windows\n");
	skip();
#else
	char *dir = unit_tmpdir(), path[4200], link[4200];
	struct kp_diag_sink sink;
	struct stat st;

	(void)state;
	kp_diag_sink_init(&sink, NULL, NULL);
	snprintf(path, sizeof(path), "%s/target.json", dir);
	snprintf(link, sizeof(link), "%s/latest.json", dir);
	assert_int_equal(kp_write_atomic(path, "1\n", 2, &sink), 0);
	assert_int_equal(symlink("target.json", link), 0);
	assert_int_equal(kp_write_atomic(link, "22\n", 3, &sink), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 3);
	unit_rmdir(dir);
#endif
}

static void failure_leaves_nothing(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_diag_sink sink;

	(void)state;
	unit_diags[0] = '\0';
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	/* a folder that does not exist: nothing can be created; the error is
	 * the system's, at the path asked for, counted */
	assert_int_equal(kp_write_atomic("/nonexistent/dir/r.json", "x", 1, &sink),
			 KP_EXIT_IO);
	assert_string_equal(unit_diags, "r.json:0:0:e:cannot create a temporary "
			    "file in its folder: No such file or directory\n");
	assert_int_equal(sink.errors, 1);
	/* a folder where the file should be: written to a temporary file,
	 * which the rename cannot put there; nothing is left behind */
	snprintf(path, sizeof(path), "%s/r.json", dir);
	assert_int_equal(unit_mkdir(path), 0);
	unit_diags[0] = '\0';
	assert_int_equal(kp_write_atomic(path, "x", 1, &sink), KP_EXIT_IO);
	assert_string_equal(unit_diags, "r.json:0:0:e:cannot write: Is a directory\n");
	assert_int_equal(sink.errors, 2);
	assert_int_equal(entries(dir), 1);
	unit_rmdir(dir);
}

/* A device that is full: the error is the system's, and nothing is
 * pretended written. */
static void a_full_device_is_an_error(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: it has no /dev/full\n");
	skip();
#else
	struct kp_diag_sink sink;

	(void)state;
	unit_diags[0] = '\0';
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	assert_int_equal(kp_write_atomic("/dev/full", "x\n", 2, &sink), KP_EXIT_IO);
	assert_string_equal(unit_diags, "full:0:0:e:cannot write: No space left "
			    "on device\n");
#endif
}

/* A new file (a sheet, a new congress's files) never replaces one that is
 * there; removing leaves a folder alone. */
static void new_files_and_removal(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_diag_sink sink;

	(void)state;
	unit_diags[0] = '\0';
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	snprintf(path, sizeof(path), "%s/s.csv", dir);
	assert_int_equal(kp_write_new(path, "a\n", 2, &sink), KP_EXIT_OK);
	assert_int_equal(kp_write_new(path, "b\n", 2, &sink), KP_EXIT_IO);
	assert_string_equal(unit_diags, "s.csv:0:0:e:not written: File exists\n");
	assert_int_equal(entries(dir), 1);
	unit_diags[0] = '\0';
	assert_int_equal(kp_remove_file(path, &sink), KP_EXIT_OK);
	assert_int_equal(kp_remove_file(path, &sink), KP_EXIT_OK); /* gone: fine */
	assert_int_equal(entries(dir), 0);
	snprintf(path, sizeof(path), "%s/f", dir);
	assert_int_equal(unit_mkdir(path), 0);
	assert_int_equal(kp_remove_file(path, &sink), KP_EXIT_IO);
	assert_string_equal(unit_diags, "f:0:0:e:is a folder: not removed\n");
	assert_int_equal(entries(dir), 1);
	unit_rmdir(dir);
}

/* The umask decides a new file's mode, as for any program (issue 11: it
 * was always 0644). */
static void the_umask_decides_the_mode(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: Windows has no umask or mode bits\n");
	skip();
#else
	char *dir = unit_tmpdir(), path[4200];
	struct kp_diag_sink sink;
	struct stat st;
	mode_t old = umask(027);

	(void)state;
	kp_diag_sink_init(&sink, NULL, NULL);
	snprintf(path, sizeof(path), "%s/r.json", dir);
	assert_int_equal(kp_write_atomic(path, "{}", 2, &sink), KP_EXIT_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	umask(077);
	snprintf(path, sizeof(path), "%s/n.json", dir);
	assert_int_equal(kp_write_new(path, "{}", 2, &sink), KP_EXIT_OK);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	umask(old);
	assert_int_equal(entries(dir), 2); /* no temporary file left */
	unit_rmdir(dir);
#endif
}

/* In a folder of results a planted link is replaced, not followed. */
static void nofollow_replaces_the_link(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: symbolic links need rights a user lacks on Windows\n");
	skip();
#else
	char *dir = unit_tmpdir(), path[4200], target[4200], buf[16];
	struct kp_diag_sink sink;
	struct stat st;
	FILE *f;

	(void)state;
	kp_diag_sink_init(&sink, NULL, NULL);
	snprintf(target, sizeof(target), "%s/outside", dir);
	unit_writes(dir, "outside", "keep");
	snprintf(path, sizeof(path), "%s/r.json", dir);
	assert_int_equal(symlink(target, path), 0);
	assert_int_equal(kp_write_file(path, "{}", 2, KP_WRITE_NOFOLLOW, &sink),
			 KP_EXIT_OK);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	f = fopen(target, "r");
	assert_non_null(f);
	assert_int_equal(fread(buf, 1, sizeof(buf), f), 4);
	fclose(f);
	assert_memory_equal(buf, "keep", 4);
	unit_rmdir(dir);
#endif
}

/* What a killed run left is removed; what runs or is not ours stays. */
static void stale_temporaries_are_removed(void **state)
{
	char *dir = unit_tmpdir(), name[128];

	(void)state;
	unit_writes(dir, ".r.json.kiemphieu-999999999-abc123.tmp", "x");
	snprintf(name, sizeof(name), ".r.json.kiemphieu-%ld-abc123.tmp",
		 (long)getpid());
	unit_writes(dir, name, "x");
	unit_writes(dir, ".kiemphieu-999999999-abc123.tmp", "x"); /* no NAME */
	unit_writes(dir, ".r.json.kiemphieu-999999999-ABC124.tmp", "x");
	unit_writes(dir, "notes.kiemphieu-999999999-abc123.tmp", "x");
	kp_write_clean(dir);
	{
		DIR *d = opendir(dir);
		struct dirent *e;
		size_t n = 0, gone = 1;

		assert_non_null(d);
		while ((e = readdir(d))) {
			n += e->d_name[0] != '.' || strlen(e->d_name) > 2;
			if (strcmp(e->d_name, ".r.json.kiemphieu-999999999-abc123.tmp") == 0)
				gone = 0;
		}
		closedir(d);
		assert_true(gone);
		assert_int_equal(n, 5); /* the four others, and unit_write's ballots/ */
	}
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_file_replaces_the_old_one),
		cmocka_unit_test(a_pipe_is_written_not_replaced),
		cmocka_unit_test(a_link_keeps_being_a_link),
		cmocka_unit_test(failure_leaves_nothing),
		cmocka_unit_test(a_full_device_is_an_error),
		cmocka_unit_test(new_files_and_removal),
		cmocka_unit_test(the_umask_decides_the_mode),
		cmocka_unit_test(nofollow_replaces_the_link),
		cmocka_unit_test(stale_temporaries_are_removed),
	};

	return cmocka_run_group_tests_name("outfile", tests, NULL, NULL);
}
