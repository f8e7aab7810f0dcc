#ifndef KP_RESULTS_H
#define KP_RESULTS_H

/*
 * A round counted from the figures of its counting minutes: the file
 * results/ID.csv (round 1) or results/ID.rN.csv, two columns `item,value`
 * as a clerk copies the paper minutes (docs/formats.md, "Results of the
 * minutes"). Private to the tally.
 */

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/csv.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"
#include "kiemphieu/tally.h"

enum {
	KP_ITEM_PRESENT,
	KP_ITEM_ISSUED,
	KP_ITEM_RETURNED,
	KP_ITEM_VALID,
	KP_ITEM_INVALID,
	KP_ITEM_N
};

struct kp_minutes {
	int has[KP_ITEM_N];
	uint64_t v[KP_ITEM_N], line[KP_ITEM_N];	/* value, and its line */
	struct kp_reason *reasons;	/* too-many, all-crossed, no-choice, then
					 * "void: TEXT" sorted */
	size_t nreasons;
	uint64_t reasons_sum, reasons_line;
	unsigned *no;			/* the round's list, in ballot order */
	uint64_t *votes;
	uint64_t *lines;		/* each candidate row's line */
	size_t n;
	char sha256[65];		/* of the bytes read */
};

/* The j-th name of figure i as the minutes write it, or NULL past the last
 * (for the tests: each is its own kp_text_key). */
const char *kp_item_name(size_t i, size_t j);

/*
 * Read the results file at `path` for round `round` of contest ct, whose
 * candidates open[no - 1] may stand in it, and check the identities of the
 * minutes for a round electing `seats`: each failed check an error with
 * its number and the next step for the clerk, each unusual figure a
 * warning. Returns KP_EXIT_OK (m filled), KP_EXIT_DATA or KP_EXIT_IO; m
 * must be released either way.
 */
int kp_minutes_read(const char *path, const struct kp_contest *ct,
		    unsigned round, const unsigned char *open, uint64_t seats,
		    const struct kp_csv_opts *o, struct kp_minutes *m,
		    struct kp_diag_sink *sink);
void kp_minutes_release(struct kp_minutes *m);

/* The key of a minutes row, as two typings must agree on it: a figure's
 * English name ("valid"), "invalid: " and the reason's code, or else the
 * item as written (NFKC, folded as an id). A new string. */
char *kp_minutes_item_key(const char *s, size_t len);

#endif
