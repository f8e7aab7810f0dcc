#ifndef KP_AUDIT_H
#define KP_AUDIT_H

#include <stddef.h>

#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"
#include "kiemphieu/tally.h"

/*
 * The audit trail: which files, with which SHA-256, gave a result. Recorded
 * in every JSON result, checked by `kiemphieu verify`. The hash of a file
 * that was counted is that of the bytes counted (kp_csv_read_hashed);
 * only files the tally did not read are hashed here.
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

/* The SHA-256 of the regular file at path, as hex, into out[65]. 0, or -1
 * with errno set (EINVAL for a pipe, a device or a folder). */
int kp_sha256_file(const char *path, char out[65]);

/*
 * The audit trail of a loaded congress and its tally (res may be NULL):
 * contests.csv, candidates.csv, rounds.csv when there is one, and every
 * ballot file, in that order (ballot files by contest, then round), with
 * the hashes taken as they were read; a file the tally did not count (a
 * sheet not typed in, an election waiting) is hashed now. A file that
 * cannot be read is reported to sink (KP_EXIT_IO).
 */
int kp_audit_congress(struct kp_audit *a, const struct kp_congress *cg,
		      const struct kp_results *res, struct kp_diag_sink *sink);
void kp_audit_release(struct kp_audit *a);

#endif
