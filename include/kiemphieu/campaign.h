#ifndef KP_CAMPAIGN_H
#define KP_CAMPAIGN_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"
#include "kiemphieu/report.h"
#include "kiemphieu/tally.h"

/*
 * A campaign: the congresses of many Party organizations, listed in
 * CAMPAIGN/campaign.csv, each in its own congress folder. Each congress is
 * tallied on its own (in parallel) and boiled down to a summary; the
 * summaries are then aggregated into the figures of a progress report.
 */

struct kp_org {
	char *id, *name, *parent;
	int pilot;
	struct kp_date scheduled;	/* year 0 when not given */
	char *dir;			/* as written in campaign.csv */
	char *path;			/* the campaign folder joined with dir */
	uint64_t line;
};

struct kp_campaign {
	char *dir;
	char *file;			/* DIR/campaign.csv */
	char *name;			/* the folder's last component */
	struct kp_org *orgs;
	size_t n, alloc;
};

/* Non-zero when dir holds a campaign.csv. */
int kp_campaign_detect(const char *dir);

/*
 * Load DIR/campaign.csv. `org` ids are unique; `dir` defaults to the org
 * id and may neither be absolute nor leave the campaign folder. Returns
 * KP_EXIT_OK, KP_EXIT_DATA or KP_EXIT_IO; release it either way.
 */
int kp_campaign_load(struct kp_campaign *c, const char *dir,
		     const struct kp_csv_opts *opts, struct kp_diag_sink *sink);
void kp_campaign_release(struct kp_campaign *c);

enum kp_org_status {
	KP_ORG_DONE,		/* every contest complete or closed */
	KP_ORG_IN_PROGRESS,	/* ballots tallied, but a contest pending or not started */
	KP_ORG_NOT_STARTED,	/* no ballot yet */
	KP_ORG_INVALID		/* its data has an error */
};

const char *kp_org_status_name(enum kp_org_status s);

#define KP_SUMMARY_ERRORS 3	/* first errors kept for the report */

/* What a progress report needs of one congress. */
struct kp_summary {
	enum kp_org_status status;
	int io_error;			/* invalid because a file or folder could
					 * not be read (exit 3, not 1) */
	/*
	 * Why it is not done, and its first errors ("FILE:LINE:COL: msg"):
	 * in English for machine output, and in the language of the messages
	 * for people. Allocated only for a congress that is not done, so that
	 * a nationwide campaign's summaries stay small; NULL when none.
	 */
	char *reason, *reason_text;
	char *errors[KP_SUMMARY_ERRORS], *errors_text[KP_SUMMARY_ERRORS];
	size_t nerrors;
	uint64_t ballots;		/* ballots read, every round */
	/* the committee (the first `committee` contest), if any */
	int has_committee;
	struct kp_surplus surplus;
	int committee_complete;
	int one_round;			/* complete, and filled in round 1 */
	struct kp_date date;		/* of the committee election */
	/* the new committee: its elected members */
	uint64_t members, women, young;
	uint64_t pct_sum_x100;		/* sum of members' % of base, hundredths */
	uint64_t pct_min_x100;
	uint64_t over80, over90;	/* members with more than 80% / 90% of base */
	/* the outgoing committee */
	int has_prev;
	uint64_t prev_members, prev_women, prev_young;
};

/*
 * Summarize a congress from its results into s, zeroed before (or holding
 * only errors kept by kp_evaluate); `data_status` is KP_EXIT_OK when
 * its data loaded and tallied without error (else the congress is
 * invalid). A new committee member is young when younger than
 * `young_under` years on the election's date (a birth year alone counts as
 * January 1 of that year).
 */
void kp_summarize(struct kp_summary *s, const struct kp_results *res,
		  int data_status, unsigned young_under);

/* Free what a summary holds (it may be zeroed or summarized). */
void kp_summary_release(struct kp_summary *s);

/* Evaluate one congress folder: load, tally, summarize. Diagnostics go to
 * sink; the first errors are also kept in the summary. */
void kp_evaluate(struct kp_summary *s, const char *path,
		 const struct kp_tally_opts *o, unsigned young_under,
		 struct kp_diag_sink *sink);

/* --- the progress report --- */

struct kp_progress_opts {
	int pilots_only;
	const char *parent;		/* only this parent, or NULL */
	struct kp_date as_of;
	unsigned young_under;
	struct kp_surplus_limits limits;
	unsigned target_max;		/* top of the 10-15% target band */
	unsigned jobs;			/* threads to write the JSON (0: 1) */
};

struct kp_parent_count {
	const char *parent;
	uint64_t done, total;
};

struct kp_progress {
	const struct kp_campaign *c;
	const struct kp_summary *s;	/* s[i] is c->orgs[i]'s */
	const struct kp_progress_opts *o;
	unsigned char *selected;	/* by the filters */
	unsigned char *overdue;
	/* selected, valid, and its committee list breaks the surplus rules */
	unsigned char *breaking;
	uint64_t total, done, invalid, not_done;
	uint64_t pilots, pilots_done;
	struct kp_parent_count *parents;	/* in order of first appearance */
	size_t nparents;
	/* surplus of the committee lists */
	uint64_t lists, lists_min, lists_target, lists_breaking;
	uint64_t surplus_min_x100, surplus_median_x100, surplus_max_x100;
	/* committees filled in one round, of done congresses with one */
	uint64_t one_round, one_round_of;
	/* vote concentration over elected committee members */
	uint64_t members, pct_sum_x100, pct_min_x100, over80, over90;
	/* composition, new against outgoing committees */
	uint64_t new_members, new_women, new_young;
	uint64_t prev_members, prev_women, prev_young;
	uint64_t composition_orgs;	/* congresses with both */
};

/* Aggregate the summaries s[0..c->n) of a campaign. */
void kp_progress_compute(struct kp_progress *p, const struct kp_campaign *c,
			 const struct kp_summary *s,
			 const struct kp_progress_opts *o);
void kp_progress_release(struct kp_progress *p);

/* Non-zero when org i is overdue: not done, scheduled before as_of. */
int kp_progress_overdue(const struct kp_progress *p, size_t i);

/* style may be NULL: plain text; with bars, completion lines get a bar. */
void kp_progress_text(struct kp_buf *b, const struct kp_progress *p,
		      const struct kp_text_style *style);
void kp_progress_json(struct kp_buf *b, const struct kp_progress *p);
/* The dashboard: one self-contained HTML page with SVG charts, in the
 * language of the messages, every input text escaped. */
void kp_progress_html(struct kp_buf *b, const struct kp_progress *p);
/* One row per congress; `flags` as for kp_csv_put_row(). */
void kp_progress_csv(struct kp_buf *b, const struct kp_progress *p,
		     unsigned flags);

#endif
