#ifndef KP_OUTFILE_H
#define KP_OUTFILE_H

#include <stddef.h>

/*
 * Write data[0..len) to `path` whole or not at all: into a temporary file
 * in the same folder, flushed to disk, then renamed over `path`, so that a
 * crash or a full disk never leaves half a file. A path that is a link
 * replaces what the link points to. A path that is not a regular file (a
 * device such as /dev/stdout or /dev/null, a pipe) is written directly:
 * renaming over it would replace it. Returns 0, or -1 with a message in
 * err[errsz] (the temporary file is removed).
 */
int kp_write_atomic(const char *path, const void *data, size_t len,
		    char *err, size_t errsz);

#endif
