#include "kiemphieu/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiemphieu/xalloc.h"

int kp_write_atomic(const char *path, const void *data, size_t len,
		    char *err, size_t errsz)
{
	size_t n = strlen(path);
	char *tmp = kp_xmalloc(n + 16);
	const char *p = data;
	int fd;

	snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errsz, "cannot create a file beside '%s': %s",
			 path, strerror(errno));
		free(tmp);
		return -1;
	}
	while (len) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (fchmod(fd, 0644) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:
	snprintf(err, errsz, "cannot write '%s': %s", path,
		 strerror(errno ? errno : ENOSPC));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}
