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

/* Write `len` bytes to dir/name (creating dir/ballots when named). */
static inline void unit_write(const char *dir, const char *name,
			      const char *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/ballots", dir);
	mkdir(dir, 0700);
	mkdir(path, 0700);
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
	const char *t = getenv("TMPDIR");
	char *p = malloc(4096);

	snprintf(p, 4096, "%s/kp-unit-XXXXXX", t ? t : "/tmp");
	assert_non_null(mkdtemp(p));
	return p;
}

static inline void unit_rmdir(char *dir)
{
	char cmd[4200];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
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
