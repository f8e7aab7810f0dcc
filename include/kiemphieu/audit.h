#ifndef KP_AUDIT_H
#define KP_AUDIT_H

#include <stddef.h>

#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"

/*
 * The audit trail: which files, with which SHA-256 (OpenSSL libcrypto), gave a
 * result. Recorded in every JSON result, checked by `kiemphieu verify`.
 */

struct kp_audit_file {
	char *name;		/* relative to the congress folder */
	char sha256[65];	/* lower-case hex */
};

struct kp_audit {
	char *congress;		/* the folder as given */
	struct kp_audit_file *files;
	size_t n;
};

/* The SHA-256 of the file at path, as hex, into out[65]. 0, or -1 with
 * errno set. */
int kp_sha256_file(const char *path, char out[65]);

/*
 * Hash every input file of a loaded congress: contests.csv, candidates.csv
 * and every ballot file, in that order (ballot files by contest, then
 * round). A file that cannot be read is reported to sink (KP_EXIT_IO).
 */
int kp_audit_congress(struct kp_audit *a, const struct kp_congress *cg,
		      struct kp_diag_sink *sink);
void kp_audit_release(struct kp_audit *a);

#endif
