#ifndef KP_TALLY_H
#define KP_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/csv.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"
#include "kiemphieu/rules.h"

/*
 * Tallying: each round's ballot file is streamed once (in parts side by side
 * when it is large), keeping per ballot only its id, to catch duplicates;
 * then each round is decided by the rules of rules.h.
 */

#define KP_BALLOTS_MAX 100000000ull	/* ballots in one file */
#define KP_VOID_REASONS_MAX 100		/* distinct void reasons kept per round */

struct kp_reason {
	char *text;		/* "too-many", "all-crossed" or "void: TEXT" */
	uint64_t count;
};

struct kp_round_result {
	unsigned round;
	const char *path;
	enum kp_source source;		/* counted from ballots, or the minutes */
	uint64_t seats;			/* official_open + reserve_open */
	uint64_t official_open, reserve_open;	/* the seats this round elects */
	int has_issued, has_present;	/* this round's own, when given */
	uint64_t issued, present;
	uint64_t ballots, valid, invalid;
	struct kp_reason *reasons;	/* too-many, all-crossed, no-choice, then
					 * void: sorted */
	size_t nreasons;
	struct kp_standing *cands;	/* this round's list, in ballot order */
	size_t ncands;
	uint64_t votes_cast;		/* sum of votes */
	uint64_t unused;		/* valid * seats - votes_cast */
	char sha256[65];		/* of the bytes counted */
};

struct kp_elected {
	unsigned no;
	unsigned round;		/* the round whose votes ranked the candidate */
	uint64_t votes;		/* in that round */
};

struct kp_contest_result {
	const struct kp_contest *ct;
	struct kp_surplus surplus;
	struct kp_round_result *rounds;
	size_t nrounds;
	struct kp_elected *elected;	/* by round, then votes, then no */
	size_t nelected;
	struct kp_elected *reserves;
	size_t nreserves;
	uint64_t unfilled;		/* seats still open, reserves included */
	unsigned *tied;			/* ballot numbers tied in the last round */
	size_t ntied;
	struct kp_seats next;		/* what the next round elects by default */
	enum kp_status status;
	const struct kp_contest *waits_for;	/* status waiting: the committee */
};

struct kp_results {
	const struct kp_congress *cg;
	struct kp_contest_result *contests;
	size_t n;
	enum kp_congress_status status;	/* over the contests tallied */
};

struct kp_tally_opts {
	struct kp_csv_opts csv;
	struct kp_surplus_limits limits;
	int surplus_errors;	/* report a surplus that breaks the rules as an
				 * error (check) rather than a warning (tally) */
	uint64_t ballots_max;	/* ballots in one file: KP_BALLOTS_MAX; lower
				 * only so that tests can reach the limit */
	int no_hash;		/* the ballot files' SHA-256 is not wanted (no
				 * audit is made from these results): their
				 * sha256 is left "" */
};

void kp_tally_opts_init(struct kp_tally_opts *o);

/*
 * Tally every contest of the congress (only the one named `only` when not
 * NULL: an unknown id is an error). Returns KP_EXIT_OK, KP_EXIT_DATA when
 * any error was reported (the results must then not be shown), or
 * KP_EXIT_IO. The results must be released either way.
 */
int kp_tally_congress(const struct kp_congress *cg, const char *only,
		      const struct kp_tally_opts *o, struct kp_results *res,
		      struct kp_diag_sink *sink);
void kp_results_release(struct kp_results *res);

/* Non-zero when some contest of the results is not decided: pending, not
 * started or waiting (tally's exit 4). */
int kp_results_pending(const struct kp_results *res);

#endif
