/* Shared by the cmocka unit tests: includes and a temporary folder. */
#ifndef KP_UNIT_H
#define KP_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "kiemphieu/diag.h"

/*
 * The same tests run on Debian and, built with MinGW, under Wine
 * (make check-windows). A test of something Windows does not have (FIFOs,
 * symbolic links made by a user, permission bits, the PDF module) is
 * skipped there, saying why: the rest of the program stays free of these
 * #ifdefs.
 */
#ifdef _WIN32
#include <direct.h>
#include <io.h>
#include <process.h>
#include <time.h>
#include <wchar.h>
#define unit_mkdir(p) _mkdir(p)
#define UNIT_ON_WINDOWS 1
#else
#include <ftw.h>
#define unit_mkdir(p) mkdir((p), 0700)
#define UNIT_ON_WINDOWS 0
#endif

/* Skip the rest of a test on Windows, saying why. */
#define UNIT_POSIX_ONLY(why)                                              \
	do {                                                              \
		if (UNIT_ON_WINDOWS) {                                    \
			print_message("skipped on Windows: %s\n", why);   \
			skip();                                           \
		}                                                         \
	} while (0)

/* Write `len` bytes to dir/name (creating dir/ballots when named). */
static inline void unit_write(const char *dir, const char *name,
			      const char *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/ballots", dir);
	unit_mkdir(dir);
	unit_mkdir(path);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static inline void unit_writes(const char *dir, const char *name,
			       const char *text)
{
	unit_write(dir, name, text, strlen(text));
}

/* A new empty folder under $TMPDIR; the caller removes it with unit_rmdir. */
static inline char *unit_tmpdir(void)
{
	char *p = malloc(4096);
#ifdef _WIN32
	const char *t = getenv("TEMP");

	static unsigned n;
	char *c;
	int tries = 0;

	do
		snprintf(p, 4096, "%s\\kp-unit-%d-%u-%u", t ? t : ".", _getpid(),
			 (unsigned)time(NULL), n++);
	while (_mkdir(p) != 0 && ++tries < 1000);
	assert_true(tries < 1000);
	/* written with '/' as on Debian, so that the tests join and cut
	 * paths alike (Windows takes both) */
	for (c = p; *c; c++)
		if (*c == '\\')
			*c = '/';
#else
	const char *t = getenv("TMPDIR");

	snprintf(p, 4096, "%s/kp-unit-XXXXXX", t ? t : "/tmp");
	assert_non_null(mkdtemp(p));
#endif
	return p;
}

/*
 * Remove a folder and all it holds, in C: one cmd.exe per test folder
 * under Wine was slow, and once in a CI run it did not start (system()
 * gave -1), failing a test of something else. Windows' names are read
 * and removed as UTF-16, so a name the program wrote in Vietnamese goes
 * as well.
 */
#ifdef _WIN32
static inline int unit_rm_tree(const wchar_t *path)
{
	struct _wfinddata_t fd;
	wchar_t sub[4200];
	size_t n = wcslen(path);
	intptr_t h;
	int rc = 0;

	if (n + 3 > sizeof(sub) / sizeof(sub[0]))
		return -1;
	wmemcpy(sub, path, n);
	wcscpy(sub + n, L"/*");
	h = _wfindfirst(sub, &fd);
	if (h != -1) {
		do {
			size_t m = wcslen(fd.name);

			if (!wcscmp(fd.name, L".") || !wcscmp(fd.name, L".."))
				continue;
			if (n + m + 2 > sizeof(sub) / sizeof(sub[0])) {
				rc = -1;
				continue;
			}
			sub[n] = L'/';
			wcscpy(sub + n + 1, fd.name);
			if (fd.attrib & _A_SUBDIR) {
				rc |= unit_rm_tree(sub);
			} else {
				_wchmod(sub, _S_IREAD | _S_IWRITE);
				rc |= _wunlink(sub);
			}
		} while (_wfindnext(h, &fd) == 0);
		_findclose(h);
	}
	return rc | _wrmdir(path);
}
#else
static inline int unit_rm_one(const char *path, const struct stat *st,
			      int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}
#endif

static inline void unit_rmdir(char *dir)
{
#ifdef _WIN32
	wchar_t w[4200];

	/* unit_tmpdir made the name from TEMP, which is ASCII under Wine */
	assert_true(mbstowcs(w, dir, sizeof(w) / sizeof(w[0])) < sizeof(w) / sizeof(w[0]));
	assert_int_equal(unit_rm_tree(w), 0);
#else
	assert_int_equal(nftw(dir, unit_rm_one, 16, FTW_DEPTH | FTW_PHYS), 0);
#endif
	free(dir);
}

/* Diagnostics as "FILE:LINE:COL:e|w:MSG\n" with FILE's last component,
 * collected in unit_diags by a sink made with unit_diag_sink(). */
static char unit_diags[32768];

static inline void unit_keep_diag(void *ctx, const struct kp_diag *d)
{
	const char *base = strrchr(d->file, '/');

	(void)ctx;
	snprintf(unit_diags + strlen(unit_diags),
		 sizeof(unit_diags) - strlen(unit_diags), "%s:%llu:%llu:%c:%s\n",
		 base ? base + 1 : d->file, (unsigned long long)d->line,
		 (unsigned long long)d->col, d->severity == KP_SEV_ERROR ? 'e' : 'w',
		 d->msg);
}

#endif
