/* Writing output files whole or not at all (outfile.h). */
#include "kiemphieu/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

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

/*
 * Write data into a new temporary file beside `path`, flushed to disk, and
 * return its name (to be renamed or linked into place), or NULL after an
 * error at `asked` reported to sink.
 */
static char *write_temporary(const char *path, const char *asked,
			     const char *p, size_t len,
			     struct kp_diag_sink *sink)
{
	char *tmp;
	int fd = kp_os_create_temp(path, &tmp);

	if (fd < 0) {
		kp_error_errno(sink, asked, 0, 0, errno,
			       "cannot create a temporary file in its folder");
		return NULL;
	}
	errno = 0;
	if (write_all(fd, p, len) != 0 || kp_os_fsync(fd) != 0) {
		kp_error_errno(sink, asked, 0, 0, errno ? errno : ENOSPC,
			       "cannot write");
		close(fd);
		goto fail;
	}
	if (close(fd) != 0) {
		kp_error_errno(sink, asked, 0, 0, errno ? errno : ENOSPC,
			       "cannot write");
		goto fail;
	}
	return tmp;
fail:
	unlink(tmp);
	free(tmp);
	return NULL;
}

/* Write to something that is not a regular file (a device, a pipe, a
 * terminal: -o /dev/stdout): there is nothing to rename over, and renaming
 * over it would replace it. */
static int write_through(const char *path, const char *asked, const void *data,
			 size_t len, struct kp_diag_sink *sink)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), status = KP_EXIT_OK;

	if (fd < 0 || write_all(fd, data, len) != 0) {
		status = kp_error_errno(sink, asked, 0, 0, errno ? errno : EIO,
					"cannot write");
		if (fd >= 0)
			close(fd);
	} else if (close(fd) != 0) {
		/* closed even so: not to be closed again */
		status = kp_error_errno(sink, asked, 0, 0, errno, "cannot write");
	}
	return status;
}

int kp_write_file(const char *path, const void *data, size_t len,
		  unsigned flags, struct kp_diag_sink *sink)
{
	const char *asked = path;
	struct stat st;
	char *real = NULL, *tmp;
	int status = KP_EXIT_OK;

	if (!(flags & KP_WRITE_NOFOLLOW)) {
		/* a link: replace what it points to, and keep the link */
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
		    (real = kp_os_realpath(path)))
			path = real;
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			status = write_through(path, asked, data, len, sink);
			free(real);
			return status;
		}
	}
	tmp = write_temporary(path, asked, data, len, sink);
	if (!tmp) {
		status = KP_EXIT_IO;
	} else if (kp_os_replace(tmp, path) != 0) {
		status = kp_error_errno(sink, asked, 0, 0, errno, "cannot write");
		unlink(tmp);
	}
	free(tmp);
	free(real);
	return status;
}

int kp_write_atomic(const char *path, const void *data, size_t len,
		    struct kp_diag_sink *sink)
{
	return kp_write_file(path, data, len, 0, sink);
}

int kp_write_new(const char *path, const void *data, size_t len,
		 struct kp_diag_sink *sink)
{
	struct stat st;
	char *tmp;
	int status = KP_EXIT_OK;

	if (lstat(path, &st) == 0)
		return kp_error_errno(sink, path, 0, 0, EEXIST, "not written");
	tmp = write_temporary(path, path, data, len, sink);
	if (!tmp)
		return KP_EXIT_IO;
	if (kp_os_place_new(tmp, path) != 0) {
		int e = errno;

		if (e == EEXIST)
			status = kp_error_errno(sink, path, 0, 0, e, "not written");
		else
			status = kp_error_errno(sink, path, 0, 0, e, "cannot write");
	}
	unlink(tmp);
	free(tmp);
	return status;
}

int kp_remove_file(const char *path, struct kp_diag_sink *sink)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		return KP_EXIT_OK;
	if (S_ISDIR(st.st_mode))
		return kp_error(sink, path, 0, 0, "is a folder: not removed"),
		       KP_EXIT_IO;
	if (unlink(path) != 0)
		return kp_error_errno(sink, path, 0, 0, errno, "cannot remove");
	return KP_EXIT_OK;
}

void kp_write_clean(const char *dir)
{
	kp_os_remove_stale_temps(dir && *dir ? dir : ".");
}
