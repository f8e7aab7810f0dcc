#ifndef KP_CAMPAIGN_H
#define KP_CAMPAIGN_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/composition.h"
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

/* What campaign.csv says of a congress's course. */
enum kp_org_state {
	KP_STATE_ACTIVE,	/* held, or to be held, as scheduled */
	KP_STATE_SUSPENDED,	/* tạm dừng */
	KP_STATE_POSTPONED	/* hoãn */
};

const char *kp_org_state_name(enum kp_org_state s);

struct kp_org {
	char *id, *name, *parent;
	char *level;			/* e.g. "co-so"; "" when not given */
	int pilot;
	struct kp_date scheduled;	/* year 0 when not given */
	enum kp_org_state state;
	char *state_reason;		/* why suspended or postponed; "" */
	unsigned young_under;		/* this congress's threshold; 0: the
					 * report's */
	char *dir;			/* as written in campaign.csv */
	char *path;			/* the campaign folder joined with dir */
	char *summary;			/* a district's progress summary (JSON)
					 * standing for its congresses; NULL */
	uint64_t line;
	size_t via;			/* merged from summary via - 1 of the
					 * campaign; 0: a congress folder */
};

/* A district's summary merged into a campaign (kp_campaign_merge). */
struct kp_merged {
	char *file;			/* as campaign.csv writes it */
	char sha256[65];		/* of its bytes */
	char *version;			/* of the kiemphieu that wrote it */
	char *campaign, *as_of;		/* the district's campaign, its day */
	size_t n;			/* congresses it brought */
};

struct kp_summary;

struct kp_campaign {
	char *dir;
	char *file;			/* DIR/campaign.csv */
	char *name;			/* the folder's last component */
	struct kp_org *orgs;
	size_t n, alloc;
	struct kp_merged *merged;	/* the summaries merged, in order */
	size_t nmerged;
	/* after a merge: pre[i] is orgs[i]'s summary when orgs[i].via, read
	 * from its district's file instead of evaluated; else NULL */
	struct kp_summary *pre;
};

/* When the folder above the congress's holds a campaign.csv that lists
 * it, fill in what its congress.csv does not say from its row: the name
 * and the parent (kp_congress_fill). Nothing is said of a campaign.csv
 * that cannot be read: the congress is read on its own then. */
void kp_campaign_name_congress(struct kp_congress *cg, const struct kp_csv_opts *o);

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
void kp_org_release(struct kp_org *o);

enum kp_org_status {
	KP_ORG_DONE,		/* every contest complete or closed */
	KP_ORG_IN_PROGRESS,	/* ballots tallied, but a contest pending or not started */
	KP_ORG_NOT_STARTED,	/* no ballot yet */
	KP_ORG_INVALID		/* its data has an error */
};

const char *kp_org_status_name(enum kp_org_status s);

#define KP_SUMMARY_ERRORS 3	/* first errors kept for the report */

/* Why a congress is not done, as data: a summary carries these, and each
 * reader writes them in its own language. */
enum kp_why {
	KP_WHY_DATA_ERRORS,	/* its data has errors */
	KP_WHY_NO_ELECTION,	/* contests.csv lists none */
	KP_WHY_NO_BALLOTS,	/* nothing counted yet */
	KP_WHY_TIE,		/* contest: a tie between nos */
	KP_WHY_OPEN_SEATS,	/* contest: seats open after round */
	KP_WHY_NOT_STARTED,	/* contest: not started */
	KP_WHY_WAITING,		/* contest: waits for the committee other */
	KP_WHY_SUMMARY_ERRORS,	/* a district's summary could not be read */
	KP_WHY_N
};

const char *kp_why_name(enum kp_why w);	/* "tie", "seats-open"... */

struct kp_why_item {
	enum kp_why why;
	char *contest, *other;		/* ids; "" when none */
	unsigned *nos;			/* a tie's candidates */
	size_t nnos;
	uint64_t seats, round;		/* seats open after round */
};

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
	struct kp_why_item *whys;	/* the same, as data */
	size_t nwhys;
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
	/* the people of the new bodies, and of the outgoing ones where
	 * previous.csv lists them */
	struct kp_body bodies[KP_BODY_N];
	struct kp_body prev_bodies[KP_BODY_N];
	int started;			/* some round held */
	struct kp_date done_date;	/* done: the day of its last election */
	uint64_t seats, filled;		/* of its decided elections, reserves
					 * included */
	uint64_t summoned, present;	/* the committee election's round 1 */
	int has_present;
	int by_minutes;			/* a round counted from the minutes */
	struct kp_audit_file *files;	/* its inputs' hashes (for summaries) */
	size_t nfiles;
	/* members of the outgoing committee (previous.csv) not elected to
	 * the new one; known when both are */
	uint64_t not_reelected;
	int has_not_reelected;
	unsigned young_under;		/* the threshold `young` was counted with */
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

/* Add a reason why it is not done: to whys, and to reason and
 * reason_text in English and in the language of the messages (the
 * strings and numbers are copied; nos: a tie's, seats open after round). */
void kp_summary_why(struct kp_summary *s, enum kp_why kind, const char *contest,
		    const char *other, const unsigned *nos, size_t nnos,
		    uint64_t seats, uint64_t round);

/* Free what a summary holds (it may be zeroed or summarized). */
void kp_summary_release(struct kp_summary *s);

/* Evaluate one congress folder: load, tally, summarize. Diagnostics go to
 * sink; the first errors are also kept in the summary. */
void kp_evaluate(struct kp_summary *s, const char *path,
		 const struct kp_tally_opts *o, unsigned young_under,
		 struct kp_diag_sink *sink);

/* --- the progress report --- */

/* A share the campaign's directive sets (targets.csv, --target): of the
 * members of the new committees, women >= 15%, young >= 10%... */
enum kp_target_figure {
	KP_TARGET_WOMEN,		/* women in the committee */
	KP_TARGET_YOUNG,		/* young members */
	KP_TARGET_MINORITY,		/* ethnic minority members */
	KP_TARGET_STANDING_WOMAN,	/* standing committees with a woman */
	KP_TARGET_N
};

const char *kp_target_name(enum kp_target_figure f);
/* 0 and *out set when s names a figure (English, or Vietnamese: nữ, trẻ,
 * dân tộc thiểu số, thường vụ có nữ). */
int kp_target_parse(const char *s, size_t len, enum kp_target_figure *out);

struct kp_target {
	enum kp_target_figure figure;
	unsigned percent;		/* at least this share */
};

#define KP_TARGETS_MAX 8

struct kp_progress_opts {
	int pilots_only;
	const char *parent;		/* only this parent, or NULL */
	const char *level;		/* only this level, or NULL */
	struct kp_date as_of;
	unsigned young_under;
	struct kp_surplus_limits limits;
	unsigned target_max;		/* top of the 10-15% target band */
	unsigned jobs;			/* threads to write the JSON (0: 1) */
	struct kp_bands bands;		/* age bands */
	struct kp_target targets[KP_TARGETS_MAX];
	size_t ntargets;
};

/* Read the targets of DIR/targets.csv (columns figure, percent: e.g.
 * women,15) into po, when the file is there. KP_EXIT_OK, or KP_EXIT_DATA /
 * KP_EXIT_IO after an error. */
int kp_targets_load(struct kp_progress_opts *po, const char *dir,
		    const struct kp_csv_opts *opts, struct kp_diag_sink *sink);

/*
 * Merge the districts' summaries that campaign.csv lists (a `summary`
 * column, or a `dir` ending in .json): each row standing for a summary is
 * replaced by the congresses it holds, their summaries in c->pre, young
 * counted again where the threshold differs from the one they were made
 * with. A summary that cannot be read or is not one stays one congress,
 * invalid, and its errors go to sink. Returns KP_EXIT_OK, KP_EXIT_DATA or
 * KP_EXIT_IO.
 */
int kp_campaign_merge(struct kp_campaign *c, const struct kp_progress_opts *o,
		      struct kp_diag_sink *sink);

/* Count young again with threshold y (the committee's members and, where
 * previous.csv lists them, the outgoing committee's). */
void kp_summary_reyoung(struct kp_summary *s, unsigned y);

/* The threshold of "young" for org i: its own (campaign.csv), or the
 * report's. */
unsigned kp_progress_young_under(const struct kp_progress_opts *o,
				 const struct kp_org *org);

struct kp_parent_count {
	const char *parent;
	uint64_t done, total, started;
	struct kp_date finished;	/* every congress done: the last day;
					 * year 0 otherwise or when unknown */
};

struct kp_level_count {
	const char *level;
	uint64_t done, total, started;
};

/* How a target fares: over the congresses, and over the whole. */
struct kp_target_result {
	struct kp_target t;
	uint64_t met, of;		/* congresses meeting it, of those with
					 * a decided committee */
	uint64_t num, den;		/* the whole campaign's share */
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
	size_t *parent_of;		/* parent_of[i]: org i's in parents[] */
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
	/* completion beyond done */
	uint64_t started, suspended, postponed;
	struct kp_level_count *levels;	/* in order of first appearance */
	size_t nlevels;
	size_t *finish_order;		/* parents that finished, by the day */
	size_t nfinished;
	/* seats of the decided elections of valid congresses */
	uint64_t seats_decided, seats_filled, unfilled_orgs;
	/* the people elected, over the valid congresses; young by each
	 * congress's threshold */
	struct kp_comp committees;	/* of decided committees */
	uint64_t committees_n;		/* such committees */
	struct kp_comp prev_committees;	/* outgoing, from previous.csv */
	uint64_t prev_committees_n, not_reelected, not_reelected_of;
	struct kp_comp secretaries;
	uint64_t secretaries_direct;
	uint64_t standing_n, standing_with_woman;
	struct kp_comp delegates, reserves;
	/* attendance at the committee election */
	uint64_t attendance_orgs, summoned, present;
	struct kp_target_result targets[KP_TARGETS_MAX];
	size_t ntargets;
	unsigned char *target_met;	/* [i * KP_TARGETS_MAX + t]: 1 met, 2
					 * not met, 0 not applicable */
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
/* The dashboard's figures as PDF (A4, fonts embedded, bars for its
 * charts): 0, or -1 when this build has no PDF. */
int kp_progress_pdf(struct kp_buf *b, const struct kp_progress *p, const char **why);

/* One row per congress; `flags` as for kp_csv_put_row(). */
void kp_progress_csv(struct kp_buf *b, const struct kp_progress *p,
		     unsigned flags);

#endif
