#ifndef KP_RULES_H
#define KP_RULES_H

#include <stddef.h>
#include <stdint.h>

/*
 * The counting rules of the Party's election regulation (docs/rules.md), as
 * pure functions on integers: no I/O, no allocation but where stated.
 * Percentages are only ever for display; every decision is on counts.
 */

enum kp_kind {
	KP_KIND_COMMITTEE,	/* ban chấp hành (cấp ủy) */
	KP_KIND_STANDING,	/* ban thường vụ */
	KP_KIND_SECRETARY,	/* bí thư */
	KP_KIND_DEPUTY,		/* phó bí thư */
	KP_KIND_INSPECTION,	/* ủy ban kiểm tra */
	KP_KIND_DELEGATES,	/* đại biểu dự đại hội cấp trên */
	KP_KIND_OTHER
};

const char *kp_kind_name(enum kp_kind k);
/* 0 and *out set when s[0..len) names a kind (ASCII case ignored). */
int kp_kind_parse(const char *s, size_t len, enum kp_kind *out);

/* --- surplus (số dư): QĐ 244 Art. 11, QĐ 190 Art. 14 --- */

enum kp_verdict {
	KP_VERDICT_OK,
	KP_VERDICT_BELOW_MIN,
	KP_VERDICT_ABOVE_MAX,
	KP_VERDICT_NONE,
	KP_VERDICT_NOT_REQUIRED
};

const char *kp_verdict_name(enum kp_verdict v);

/* The top of the 10-15% band the convening committee prepares. */
#define KP_SURPLUS_TARGET_MAX 15u

struct kp_surplus_limits {
	unsigned min_percent;	/* 10: the convening committee's target floor */
	unsigned max_percent;	/* 30: the regulation's ceiling */
};

struct kp_surplus {
	uint64_t candidates, seats;
	int64_t surplus;		/* candidates - seats, may be negative */
	uint64_t percent_x100;		/* surplus as hundredths of a percent of seats, 0 if negative */
	enum kp_verdict verdict;
};

/*
 * The surplus verdict of a round 1 list of `candidates` for `seats` (and
 * `reserves`, delegates only). Committee and standing lists: `none` unless
 * candidates > seats; 5 seats or fewer need a surplus of exactly 1; larger
 * bodies need surplus*100 >= min*seats (else `below-min`) and
 * surplus*100 <= max*seats (else `above-max`). Other kinds: `not-required`
 * when candidates >= seats + reserves, else `none`.
 */
struct kp_surplus kp_rules_surplus(enum kp_kind kind, uint64_t candidates,
				   uint64_t seats, uint64_t reserves,
				   const struct kp_surplus_limits *lim);

/* Non-zero when the verdict breaks the rules: `none` and `above-max`, an
 * error for `check`. `below-min` is only below what the convening committee
 * prepares (QĐ 190 Art. 14.1), which the congress may change (Art. 14.3):
 * a warning. */
int kp_verdict_is_error(enum kp_verdict v);

/* Non-zero when a committee or standing list's surplus lies within
 * min..max percent of its seats (the 10-15% the convening committee
 * prepares), on integers; a body of 5 or fewer with a surplus of 1 is
 * within. */
int kp_rules_surplus_in_band(const struct kp_surplus *s, unsigned min,
			     unsigned max);

/* --- ballots: QĐ 244 Art. 17, QĐ 190 Art. 15 --- */

/* How the ballot lets a voter say no: by striking the name (a list with a
 * surplus), or by the boxes "đồng ý" / "không đồng ý" beside each name (a
 * list without surplus, QĐ 244 Art. 17.1). */
enum kp_form {
	KP_FORM_STRIKE,
	KP_FORM_AGREE
};

const char *kp_form_name(enum kp_form f);
/* 0 and *out set when s[0..len) is "strike" or "agree" (ASCII case
 * ignored), or the Vietnamese "gạch tên" / "đồng ý" (any case, NFC). */
int kp_form_parse(const char *s, size_t len, enum kp_form *out);

/* What an agree-form cell says of one name. */
enum kp_mark {
	KP_MARK_AGREE,		/* "đồng ý": a vote */
	KP_MARK_DISAGREE,	/* "không đồng ý" */
	KP_MARK_BOTH,		/* both boxes: no vote, the ballot stays valid */
	KP_MARK_NEITHER,	/* neither box: likewise */
	KP_MARK_BAD		/* not a mark kiemphieu knows */
};

/*
 * The mark of an agree-form cell: `y`, `đ`, `đồng ý` agree; `n`, `k`,
 * `không đồng ý` disagree; `yn`, `đk`, `cả hai` both boxes; empty (or only
 * spaces) neither. Case is ignored after NFC; s need not be valid UTF-8
 * (then it is KP_MARK_BAD).
 */
enum kp_mark kp_rules_agree_mark(const char *s, size_t len);

/* What one ballot says of the names on its round's list. */
struct kp_marks {
	uint64_t listed;	/* names on the list */
	uint64_t votes;		/* kept (strike form) or agree (agree form) */
	uint64_t against;	/* struck (strike) or disagree (agree) */
	uint64_t blank;		/* agree form: both boxes or neither */
};

enum kp_ballot {
	KP_BALLOT_VALID,
	KP_BALLOT_VOID,		/* ruled invalid by the counting board */
	KP_BALLOT_TOO_MANY,	/* keeps more names than seats */
	KP_BALLOT_ALL_CROSSED,	/* votes for no one on a list of two or more */
	KP_BALLOT_NO_CHOICE	/* a one-name agree ballot: both boxes or none */
};

/*
 * Classify a ballot for a round electing `seats` (official and reserve
 * together); `voided` when the board wrote a reason in its void column.
 * In this order: void; more votes than seats (`too-many`); a one-name list
 * with both boxes or neither (`no-choice`, QĐ 244 Art. 17.2); every name of
 * a list of two or more struck or marked disagree (`all-crossed`, whatever
 * the surplus); else valid.
 */
enum kp_ballot kp_rules_ballot(const struct kp_marks *m, uint64_t seats,
			       int voided);

/* --- majority: Điều lệ Art. 12.3, QĐ 244 Art. 32, QĐ 190 Art. 30 --- */

/* Non-zero when votes are more than half of base: 2*votes > base, computed
 * without overflow. */
int kp_rules_majority(uint64_t votes, uint64_t base);

/* num/den in hundredths of a percent, rounded half up; 0 when den is 0. */
uint64_t kp_rules_percent_x100(uint64_t num, uint64_t den);

/* Write hundredths h as "83.33" (sep '.') or "83,33" into out[16]. */
char *kp_rules_fmt_x100(char out[24], uint64_t h, char sep);

/* --- who is elected in a round: docs/rules.md "Who is elected" --- */

enum kp_result {
	KP_RESULT_NOT_ELECTED,
	KP_RESULT_ELECTED,
	KP_RESULT_RESERVE,
	KP_RESULT_TIE
};

const char *kp_result_name(enum kp_result r);

struct kp_standing {
	unsigned no;		/* ballot position: orders equal votes */
	uint64_t votes;
	enum kp_result result;	/* set by kp_rules_elect */
};

/* Where a round's tie fell, which decides what the next round elects. */
enum kp_cut {
	KP_CUT_NONE,		/* no tie */
	KP_CUT_OFFICIAL,	/* a tie at the last official seat */
	KP_CUT_RESERVE		/* a tie at the last reserve seat */
};

/*
 * Decide a round: of the candidates c[0..n) with more than half of base,
 * highest votes first (equal votes: lower `no` first), fill `official` seats;
 * if the candidates over half do not fit and the last seat's votes are shared
 * with the next one, everyone above that vote count is elected and everyone
 * at it is a `tie`. Then, unless the official seats ended in a tie, the next
 * candidates over half fill `reserves` the same way. Everyone else is
 * `not-elected`. Returns where a tie fell. Allocates a scratch array.
 */
enum kp_cut kp_rules_elect(struct kp_standing *c, size_t n, uint64_t base,
			   uint64_t official, uint64_t reserves);

/* The seats a round elects: official, then reserve delegates. */
struct kp_seats {
	uint64_t official, reserves;
};

/*
 * What the next round elects by default (QĐ 190 Art. 18: officials first),
 * with `open` seats still open after a round whose tie fell at `cut`: after
 * a tie at the official cut, the open official seats only; after one at the
 * reserve cut, the open reserve seats only; otherwise every open seat on
 * one list. rounds.csv may say otherwise.
 */
struct kp_seats kp_rules_next_round(enum kp_cut cut, struct kp_seats open);

/* --- attendance --- */

/* Non-zero when `present` is at least two thirds of `base` (3 x present >=
 * 2 x base): the quorum below which kiemphieu warns (docs/rules.md,
 * attendance: a choice, no text was found). */
int kp_rules_quorum(uint64_t present, uint64_t base);

/* --- a contest's status: docs/rules.md "Rounds" --- */

enum kp_status {
	KP_STATUS_COMPLETE,
	KP_STATUS_PENDING,
	KP_STATUS_NOT_STARTED,
	KP_STATUS_CLOSED,
	KP_STATUS_WAITING	/* elected from the new committee, which is not
				 * complete yet */
};

const char *kp_status_name(enum kp_status s);

/* closed if marked so with seats open; not-started with no round held;
 * complete with no seat open; else pending. */
enum kp_status kp_rules_status(int marked_closed, size_t rounds_held,
			       uint64_t seats_open);

/* A whole congress, from its elections' statuses. */
enum kp_congress_status {
	KP_CONGRESS_COMPLETE,		/* every election complete or closed */
	KP_CONGRESS_IN_PROGRESS,	/* something counted, something not decided */
	KP_CONGRESS_NOT_STARTED		/* no election has a round held */
};

const char *kp_congress_status_name(enum kp_congress_status s);

/* The status of a congress whose elections have statuses st[0..n) (n 0:
 * not started). */
enum kp_congress_status kp_rules_congress_status(const enum kp_status *st,
						 size_t n);

#endif
