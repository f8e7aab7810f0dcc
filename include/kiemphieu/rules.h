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

/* Non-zero when the verdict breaks the rules (an error for `check`). */
int kp_verdict_is_error(enum kp_verdict v);

/* --- ballots: QĐ 244 Art. 17, QĐ 190 Art. 15 --- */

enum kp_ballot {
	KP_BALLOT_VALID,
	KP_BALLOT_VOID,		/* ruled invalid by the counting board */
	KP_BALLOT_TOO_MANY,	/* keeps more names than seats */
	KP_BALLOT_ALL_CROSSED	/* crosses out every name of a list longer than its seats */
};

/*
 * Classify a ballot that keeps `kept` of the `listed` names for `seats`
 * open seats (official and reserve together); `voided` when the board wrote
 * a reason in its void column.
 */
enum kp_ballot kp_rules_ballot(uint64_t kept, uint64_t listed, uint64_t seats,
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

/*
 * Decide a round: of the candidates c[0..n) with more than half of base,
 * highest votes first (equal votes: lower `no` first), fill `official` seats;
 * if the candidates over half do not fit and the last seat's votes are shared
 * with the next one, everyone above that vote count is elected and everyone
 * at it is a `tie`. Then, unless the official seats ended in a tie, the next
 * candidates over half fill `reserves` the same way. Everyone else is
 * `not-elected`. Allocates a scratch array.
 */
void kp_rules_elect(struct kp_standing *c, size_t n, uint64_t base,
		    uint64_t official, uint64_t reserves);

/* --- a contest's status: docs/rules.md "Rounds" --- */

enum kp_status {
	KP_STATUS_COMPLETE,
	KP_STATUS_PENDING,
	KP_STATUS_NOT_STARTED,
	KP_STATUS_CLOSED
};

const char *kp_status_name(enum kp_status s);

/* closed if marked so with seats open; not-started with no round held;
 * complete with no seat open; else pending. */
enum kp_status kp_rules_status(int marked_closed, size_t rounds_held,
			       uint64_t seats_open);

#endif
