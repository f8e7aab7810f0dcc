#ifndef KP_OUTFILE_H
#define KP_OUTFILE_H

#include <stddef.h>

#include "kiemphieu/diag.h"

/*
 * Write data[0..len) to `path` whole or not at all: into a temporary file
 * in the same folder (".NAME.kiemphieu-PID-RANDOM.tmp", made with the
 * umask's permissions), flushed to disk, then renamed over `path`, so that
 * a crash or a full disk never leaves half a file. A path that is a link
 * replaces what the link points to. A path that is not a regular file (a
 * device such as /dev/stdout or /dev/null, a pipe) is written directly:
 * renaming over it would replace it. Returns KP_EXIT_OK, or KP_EXIT_IO
 * after an error at `path` reported to sink (the temporary file removed).
 */
int kp_write_atomic(const char *path, const void *data, size_t len,
		    struct kp_diag_sink *sink);

/* kp_write_atomic, but never through what is at `path`: a link or a pipe
 * planted there is replaced itself, so that a write into a folder of
 * results cannot be led out of it. */
#define KP_WRITE_NOFOLLOW 1u
int kp_write_file(const char *path, const void *data, size_t len,
		  unsigned flags, struct kp_diag_sink *sink);

/* Remove the file (or link) at path if there is one: KP_EXIT_OK, or
 * KP_EXIT_IO after an error reported to sink. */
int kp_remove_file(const char *path, struct kp_diag_sink *sink);

/* Remove from folder dir the temporary files that kiemphieu processes no
 * longer running left there (killed during a write). */
void kp_write_clean(const char *dir);

/*
 * Write data[0..len) to `path` as a new file, whole or not at all, never
 * replacing anything there: a file, a link or a folder at `path` is an
 * error ("File exists"). Returns KP_EXIT_OK, or KP_EXIT_IO after an error
 * reported to sink.
 */
int kp_write_new(const char *path, const void *data, size_t len,
		 struct kp_diag_sink *sink);

#endif
