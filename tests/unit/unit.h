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
#include <process.h>
#include <time.h>
#define unit_mkdir(p) _mkdir(p)
#define UNIT_ON_WINDOWS 1
#else
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

static inline void unit_rmdir(char *dir)
{
	char cmd[4200];

#ifdef _WIN32
	char *c;

	snprintf(cmd, sizeof(cmd), "rmdir /s /q \"%s\"", dir);
	for (c = cmd; *c; c++)
		if (*c == '/' && c > cmd + 12)
			*c = '\\';
#else
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
#endif
	assert_int_equal(system(cmd), 0);
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
