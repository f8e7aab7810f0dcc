#include "kiemphieu/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"

/* Write all of data to fd; 0 or -1. */
static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int kp_write_atomic(const char *path, const void *data, size_t len,
		    struct kp_diag_sink *sink)
{
	const char *asked = path;
	struct stat st;
	char *real = NULL, *tmp;
	const char *p = data;
	size_t n;
	int fd;

	/* a link: replace what it points to, and keep the link */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    (real = realpath(path, NULL)))
		path = real;
	/* a device, a pipe, a terminal (-o /dev/stdout): there is nothing to
	 * rename over, and renaming over it would replace it: write to it */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0 || write_all(fd, p, len) != 0 || close(fd) != 0) {
			kp_error_errno(sink, asked, 0, 0, errno ? errno : EIO,
				       "cannot write");
			if (fd >= 0)
				close(fd);
			free(real);
			return KP_EXIT_IO;
		}
		free(real);
		return KP_EXIT_OK;
	}
	n = strlen(path);
	tmp = kp_xmalloc(n + 16);

	snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		kp_error_errno(sink, asked, 0, 0, errno,
			       "cannot create a temporary file in its folder");
		free(tmp);
		free(real);
		return KP_EXIT_IO;
	}
	if (write_all(fd, p, len) != 0)
		goto fail;
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
	free(real);
	return KP_EXIT_OK;
fail:
	kp_error_errno(sink, asked, 0, 0, errno ? errno : ENOSPC, "cannot write");
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	free(real);
	return KP_EXIT_IO;
}
