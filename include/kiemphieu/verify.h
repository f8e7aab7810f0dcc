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

/*
 * Check a SHA-256 typed from the printed minutes (groups of four hex
 * digits, spaces free) against a results file: the hashes it records of
 * each input, and the hash of the results themselves (kp_results_digest).
 * The typed groups are matched with the recorded hash that agrees with
 * the most of them; a line says whether all agree, or which group of
 * which file differs. *changed is 0 when the typed hash is one of the
 * file's whole. KP_EXIT_OK, KP_EXIT_DATA (not a results file, or nothing
 * typed that could be a hash) or KP_EXIT_IO.
 */
int kp_verify_typed(const char *results, const char *typed, struct kp_buf *out,
		    unsigned *changed, struct kp_diag_sink *sink);

#endif
