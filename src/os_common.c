/* What the platform modules (src/os_posix.c, src/os_win32.c) share: plain
 * string work, no system call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"

void kp_os_temp_name(char *out, size_t n, const char *path, long pid, uint64_t *seed)
{
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	const char *name = path, *p;
	char rnd[7];
	int k;

	for (p = path; *p; p++)
		if (kp_os_is_sep((unsigned char)*p))
			name = p + 1;
	for (k = 0; k < 6; k++) {
		*seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
		rnd[k] = alnum[(*seed >> 33) % 36];
	}
	rnd[6] = '\0';
	snprintf(out, n, "%.*s.%s.kiemphieu-%ld-%s.tmp", (int)(name - path), path, name,
		 pid, rnd);
}

/* ".NAME.kiemphieu-PID-XXXXXX.tmp": the pid, or 0 when not such a name. */
long kp_os_temp_pid(const char *e)
{
	const char *k = NULL, *p;
	long pid = 0;
	int i;

	if (e[0] != '.')
		return 0;
	for (p = e + 1; (p = strstr(p, ".kiemphieu-")); p++)
		k = p;
	if (!k || k == e + 1)
		return 0;
	p = k + 11;
	if (*p < '1' || *p > '9')
		return 0;
	for (; *p >= '0' && *p <= '9' && pid < 100000000; p++)
		pid = pid * 10 + (*p - '0');
	if (*p++ != '-')
		return 0;
	for (i = 0; i < 6; i++, p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return 0;
	return strcmp(p, ".tmp") == 0 ? pid : 0;
}

static int by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void kp_os_sort_names(char **v, size_t n)
{
	/* the order of a folder listing is the file system's: sorted, for
	 * stable output */
	if (n > 1)
		qsort(v, n, sizeof(*v), by_bytes);
}
