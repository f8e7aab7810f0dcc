/*
 * What the file-based fuzz targets share: a scratch folder, on tmpfs when
 * the machine has one (writing to a disk file system costs most of an
 * execution), and a way to write one file into it.
 */
#ifndef KP_FUZZ_H
#define KP_FUZZ_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static char dir[64];

/* Make the scratch folder once; PREFIX names it for the target. */
static void fuzz_dir(const char *prefix)
{
	struct stat st;
	const char *base = getenv("KP_FUZZ_TMP");

	if (!base)
		base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof(dir), "%s/%s-XXXXXX", base, prefix);
	if (!mkdtemp(dir))
		abort();
}

static void put(const char *name, const void *p, size_t n)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (n && fwrite(p, 1, n, f) != n)
		abort();
	fclose(f);
}

#endif
