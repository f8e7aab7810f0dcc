#ifndef KP_VERIFY_H
#define KP_VERIFY_H

#include "kiemphieu/buf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/diag.h"

/*
 * Check a results file made by `kiemphieu tally --format json` (one object,
 * or JSON Lines for a campaign): for each congress, whether its input files
 * still have the recorded SHA-256, and whether tallying them again under
 * the recorded rules gives the same results. Findings are lines in out;
 * *changed counts them. Returns KP_EXIT_OK when the check could be made
 * (whatever it found), KP_EXIT_DATA when the results file is not one, or
 * KP_EXIT_IO.
 */
int kp_verify(const char *results, const struct kp_csv_opts *o,
	      struct kp_buf *out, unsigned *changed, struct kp_diag_sink *sink);

#endif
