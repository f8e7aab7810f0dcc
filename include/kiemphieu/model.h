#ifndef KP_MODEL_H
#define KP_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/csv.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/idset.h"
#include "kiemphieu/people.h"
#include "kiemphieu/rules.h"

/*
 * A congress as the files of docs/formats.md describe it: its contests
 * (contests.csv), their candidates (candidates.csv) and the ballot files
 * found under ballots/. Loading checks every field and reference, reports
 * every problem, and keeps nothing per ballot.
 */

#define KP_SEATS_MAX 1000u		/* seats (+ reserves) in one contest */
#define KP_CANDIDATES_MAX 1000u		/* candidates in one contest */
#define KP_BASE_MAX 100000000u		/* the largest base accepted */
#define KP_ROUNDS_MAX 99u

struct kp_date {
	int year, month, day;		/* year 0: no date */
};

/* Parse "YYYY-MM-DD" (a real calendar day); 0 on success. */
int kp_date_parse(const char *s, size_t len, struct kp_date *out);

/* Compare two days: <0, 0, >0. */
int kp_date_cmp(const struct kp_date *a, const struct kp_date *b);

/* Age in whole years on day `on` of someone born on `born` (a year alone
 * counts as January 1). */
int kp_date_age(const struct kp_date *born, const struct kp_date *on);

/* Parse a whole number made only of ASCII digits, at most `max`; returns
 * 0, or -1 when it is not such a number, or -2 when it is over max. */
int kp_parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out);

/* Parse yes/no as a clerk writes it: `yes`, `y`, `có`, `x` are 1; `no`,
 * `n`, `không` and empty are 0 (case ignored); 0 on success, -1 when it is
 * none of these. */
int kp_parse_yes_no(const char *s, size_t len, int *out);

struct kp_candidate {
	unsigned no;		/* position on the ballot, 1..N */
	char *name;		/* NFC, spaces folded */
	char gender;		/* 'M', 'F', or 0 when not given */
	struct kp_date born;	/* month and day 0 when only a year is given */
	unsigned round;		/* the first round the candidate stands in */
	struct kp_particulars p;	/* ethnicity, education... (optional) */
	char *person;		/* one person across elections, when two share
				 * a name; NULL when not given */
	uint64_t line;		/* in candidates.csv */
};

/* The identity of a candidate across the elections of a congress: the
 * `person` column when given, else the name. */
const char *kp_candidate_key(const struct kp_candidate *cd);

/* What the congress decided of one round (rounds.csv; round 1 also from
 * contests.csv's issued and present). */
struct kp_round_plan {
	unsigned round;
	int has_seats, has_reserves, has_issued, has_present;
	uint64_t seats, reserves;	/* official and reserve seats it elects */
	uint64_t issued, present;
	char time[6];			/* "14:30" the vote began; "" */
	const char *file;		/* where it was said: rounds.csv, or
					 * contests.csv for round 1 */
	uint64_t line;
};

/* Where a round's counts come from: the paper ballots typed in, or the
 * figures of the counting minutes. */
enum kp_source {
	KP_SOURCE_BALLOTS,	/* ballots/ID.csv, ballots/ID.rN.csv */
	KP_SOURCE_RESULTS	/* results/ID.csv, results/ID.rN.csv */
};

const char *kp_source_name(enum kp_source s);	/* "ballots", "minutes" */

struct kp_round_file {
	unsigned round;
	enum kp_source source;
	char *path;		/* ballots/ID.csv ... or results/ID.csv ... */
};

struct kp_contest {
	char *id;
	char *title;
	enum kp_kind kind;
	unsigned seats, reserves;
	uint64_t base;
	int has_issued;
	uint64_t issued;
	int has_present;
	uint64_t present;	/* members or delegates present at round 1 */
	enum kp_form form;	/* how its ballots say no */
	int direct;		/* a secretary elected directly at the congress */
	struct kp_date date;
	char time[6];		/* "14:30", round 1's vote; "" */
	int has_prev_members, has_prev_women, has_prev_young;
	unsigned prev_members, prev_women, prev_young;
	int closed;
	int broken;		/* its row or its candidate list has an error:
				 * known, so that its files are not orphans,
				 * but never tallied */
	uint64_t line;		/* in contests.csv */
	struct kp_candidate *cands;	/* sorted by no: cands[i].no == i + 1 */
	size_t ncands, cands_alloc;
	struct kp_round_file *rounds;	/* rounds[i].round == i + 1 */
	size_t nrounds;
	struct kp_round_plan *plans;	/* by round, rounds without a row left out */
	size_t nplans, plans_alloc;
};

/* The plan of round `round`, or NULL when nothing was said of it. */
const struct kp_round_plan *kp_contest_plan(const struct kp_contest *ct,
					    unsigned round);

/* The number of round-1 candidates: the list whose surplus is checked. */
size_t kp_contest_round1(const struct kp_contest *ct);

/* A member of an outgoing body (previous.csv). */
struct kp_previous {
	enum kp_kind kind;		/* the body: committee, standing, ... */
	char *name;			/* NFC, spaces folded */
	char gender;			/* 'M', 'F' or 0 */
	struct kp_date born;
	struct kp_particulars p;
	uint64_t line;
};

/* Who the congress is: ORG/congress.csv (one row), and what a campaign's
 * campaign.csv adds where it says nothing. Every string NFC; "" when not
 * given. */
enum kp_assembly {
	KP_ASSEMBLY_UNKNOWN,
	KP_ASSEMBLY_MEMBERS,	/* đại hội đảng viên: every full member */
	KP_ASSEMBLY_DELEGATES	/* đại hội đại biểu */
};

struct kp_congress_info {
	char *name;		/* "Đảng bộ xã Đại Đồng" */
	char *parent;		/* "Đảng bộ huyện Tiên Du" */
	char *term;		/* "2020-2025" */
	unsigned number;	/* the congress's number (lần thứ), 0 */
	char *place;		/* for "Đại Đồng, ngày 12 tháng 5 năm 2020" */
	struct kp_date from, to;	/* its days; year 0 */
	enum kp_assembly assembly;
	char **board;		/* the counting board, its head first */
	size_t nboard;
	int head_given;		/* board[0] is the head (board_head) */
};

struct kp_congress {
	char *dir;		/* the folder as given */
	char *org;		/* its id: the folder's name, or the campaign's
				 * org id (kp_congress_set_id) */
	char *contests_path, *candidates_path, *rounds_path;
	struct kp_contest *contests;	/* in contests.csv order */
	size_t n, alloc;
	int contests_unreadable;	/* contests.csv could not be read as a
					 * whole: references to it are not errors
					 * of their own */
	int has_rounds;			/* rounds.csv is there */
	int has_previous;		/* previous.csv is there */
	char *previous_path;
	char previous_sha256[65];
	struct kp_previous *prev;	/* its rows, in order */
	size_t nprev, prev_alloc;
	struct kp_idset index;		/* contest id -> position + 1 */
	struct kp_congress_info info;	/* congress.csv */
	int has_info;			/* congress.csv is there */
	char *info_path;
	char info_sha256[65];
	/* the SHA-256 of the bytes each file was read from ("" if not read) */
	char contests_sha256[65], candidates_sha256[65], rounds_sha256[65];
};

/*
 * Load the congress in folder `dir`. Every problem is reported to `sink`;
 * returns KP_EXIT_OK, KP_EXIT_DATA when any error was reported, or
 * KP_EXIT_IO when a file could not be read. The congress is filled as far
 * as it could be read either way, and must be released.
 */
int kp_congress_load(struct kp_congress *c, const char *dir,
		     const struct kp_csv_opts *opts, struct kp_diag_sink *sink);
void kp_congress_release(struct kp_congress *c);

const struct kp_contest *kp_congress_find(const struct kp_congress *c,
					  const char *id);

/* What a campaign says of the congress, where congress.csv does not: its
 * organisation's name and its parent (NULL: nothing). */
void kp_congress_fill(struct kp_congress *c, const char *name,
		      const char *parent);

/* The congress's name: congress.csv's (or the campaign's), else its id. */
const char *kp_congress_name(const struct kp_congress *c);

/* A number in Roman numerals ("XXV"), as the Party numbers its congresses
 * (1 to 3999), into out[16]. */
char *kp_roman(char out[16], unsigned n);

/* Parse a time of day, "14:30", "14h30" or "9:05", into "14:30": 0, or
 * -1. */
int kp_time_parse(const char *s, size_t len, char out[6]);

/* Parse "25" or "XXV" (any case): 0 and *out set, or -1. */
int kp_number_parse(const char *s, size_t len, unsigned *out);

/* Non-zero when previous.csv lists members of bodies of kind k: then they
 * decide who is re-elected (an incumbent). */
int kp_congress_has_previous(const struct kp_congress *c, enum kp_kind k);

/*
 * The candidate a ballot header cell names, by number or by full name
 * (NFC-compared); NULL when none or, for a name, when two candidates share
 * it (*ambiguous set).
 */
const struct kp_candidate *kp_contest_lookup(const struct kp_contest *ct,
					     const char *cell, size_t len,
					     int *ambiguous);

/*
 * Header rows. A table of the columns a file knows maps each to its field
 * index (or -1 when absent); names match ASCII case-insensitively. A missing
 * required column or a repeated one is an error; an unknown one a warning.
 */
struct kp_column {
	const char *name;
	int required;
	long index;		/* set by kp_columns_map */
};

#define KP_COLUMNS_MAX 32	/* (more are looked up cell by cell) */
int kp_columns_map(struct kp_column *cols, size_t n,
		   const struct kp_csv_record *header,
		   struct kp_diag_sink *sink);

/* Join a folder and a name into a new string "dir/name". */
char *kp_path_join(const char *dir, const char *name);

/* The last component of a path, as a new string: "a/b/" gives "b". */
char *kp_path_base(const char *path);

/* The last folder separator in path ('/', and '\\' on Windows), or NULL. */
char *kp_path_last_sep(const char *path);

/* The path of `to` as seen from the folder `from`, both absolute and
 * resolved ("/a/b" from "/a/c" is "../b"), as a new string. */
char *kp_path_relative(const char *from, const char *to);

/* The name of the folder at path, as a new string: its last component,
 * or, for ".", ".." or "/", that of the real path ("." run inside
 * dai-dong gives "dai-dong"). */
char *kp_path_name(const char *path);

#endif
