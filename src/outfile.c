/* Writing output files whole or not at all (outfile.h). */
#include "kiemphieu/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

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
	if (kp_os_write_all(fd, p, len) != 0 || kp_os_fsync(fd) != 0) {
		kp_error_errno(sink, asked, 0, 0, errno ? errno : ENOSPC,
			       "cannot write");
		kp_os_close(fd);
		goto fail;
	}
	if (kp_os_close(fd) != 0) {
		kp_error_errno(sink, asked, 0, 0, errno ? errno : ENOSPC,
			       "cannot write");
		goto fail;
	}
	return tmp;
fail:
	kp_os_remove(tmp);
	free(tmp);
	return NULL;
}

/* Write to something that is not a regular file (a device, a pipe, a
 * terminal: -o /dev/stdout): there is nothing to rename over, and renaming
 * over it would replace it. */
static int write_through(const char *path, const char *asked, const void *data,
			 size_t len, struct kp_diag_sink *sink)
{
	int fd = kp_os_open_output(path), status = KP_EXIT_OK;

	if (fd < 0 || kp_os_write_all(fd, data, len) != 0) {
		status = kp_error_errno(sink, asked, 0, 0, errno ? errno : EIO,
					"cannot write");
		if (fd >= 0)
			kp_os_close(fd);
	} else if (kp_os_close(fd) != 0) {
		/* closed even so: not to be closed again */
		status = kp_error_errno(sink, asked, 0, 0, errno, "cannot write");
	}
	return status;
}

int kp_write_file(const char *path, const void *data, size_t len,
		  unsigned flags, struct kp_diag_sink *sink)
{
	const char *asked = path;
	char *real = NULL, *tmp;
	int status = KP_EXIT_OK;

	if (!(flags & KP_WRITE_NOFOLLOW)) {
		/* a link: replace what it points to, and keep the link */
		enum kp_os_kind k;

		if (kp_os_kind(path, 0) == KP_OS_LINK && (real = kp_os_realpath(path)))
			path = real;
		k = kp_os_kind(path, 1);
		if (k != KP_OS_NONE && k != KP_OS_FILE) {
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
		kp_os_remove(tmp);
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
	char *tmp;
	int status = KP_EXIT_OK;

	if (kp_os_kind(path, 0) != KP_OS_NONE)
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
	kp_os_remove(tmp);
	free(tmp);
	return status;
}

int kp_remove_file(const char *path, struct kp_diag_sink *sink)
{
	enum kp_os_kind k = kp_os_kind(path, 0);

	if (k == KP_OS_NONE)
		return KP_EXIT_OK;
	if (k == KP_OS_DIR)
		return kp_error(sink, path, 0, 0, "is a folder: not removed"),
		       KP_EXIT_IO;
	if (kp_os_remove(path) != 0)
		return kp_error_errno(sink, path, 0, 0, errno, "cannot remove");
	return KP_EXIT_OK;
}

void kp_write_clean(const char *dir)
{
	kp_os_remove_stale_temps(dir && *dir ? dir : ".");
}
