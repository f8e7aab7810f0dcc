/* Every branch here implements a rule of docs/rules.md, named in comments. */
#include "kiemphieu/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

static const char *const kind_names[] = {
	[KP_KIND_COMMITTEE] = "committee",   [KP_KIND_STANDING] = "standing",
	[KP_KIND_SECRETARY] = "secretary",   [KP_KIND_DEPUTY] = "deputy",
	[KP_KIND_INSPECTION] = "inspection", [KP_KIND_DELEGATES] = "delegates",
	[KP_KIND_OTHER] = "other",
};

const char *kp_kind_name(enum kp_kind k)
{
	return kind_names[k];
}

/* The bodies' Vietnamese names, as a counting board writes them: both
 * placements of the tone mark in "ủy"/"uỷ", and the usual abbreviations. */
static const struct {
	const char *name;
	enum kp_kind kind;
} kind_vi[] = {
	{ "ban chấp hành", KP_KIND_COMMITTEE }, { "bch", KP_KIND_COMMITTEE },
	{ "cấp ủy", KP_KIND_COMMITTEE }, { "cấp uỷ", KP_KIND_COMMITTEE },
	{ "ban thường vụ", KP_KIND_STANDING }, { "btv", KP_KIND_STANDING },
	{ "bí thư", KP_KIND_SECRETARY }, { "phó bí thư", KP_KIND_DEPUTY },
	{ "ủy ban kiểm tra", KP_KIND_INSPECTION },
	{ "uỷ ban kiểm tra", KP_KIND_INSPECTION }, { "ubkt", KP_KIND_INSPECTION },
	{ "đại biểu", KP_KIND_DELEGATES },
	{ "đại biểu dự đại hội cấp trên", KP_KIND_DELEGATES },
	{ "khác", KP_KIND_OTHER },
};

int kp_kind_parse(const char *s, size_t len, enum kp_kind *out)
{
	size_t i;

	for (i = 0; i < sizeof(kind_names) / sizeof(kind_names[0]); i++)
		if (kp_text_eq_ascii_ci(s, len, kind_names[i])) {
			*out = (enum kp_kind)i;
			return 0;
		}
	if (!kp_text_valid(s, len))
		return -1;
	for (i = 0; i < sizeof(kind_vi) / sizeof(kind_vi[0]); i++)
		if (kp_text_eq_ci(s, len, kind_vi[i].name)) {
			*out = kind_vi[i].kind;
			return 0;
		}
	return -1;
}

const char *kp_verdict_name(enum kp_verdict v)
{
	static const char *const names[] = {
		[KP_VERDICT_OK] = "ok",
		[KP_VERDICT_BELOW_MIN] = "below-min",
		[KP_VERDICT_ABOVE_MAX] = "above-max",
		[KP_VERDICT_NONE] = "none",
		[KP_VERDICT_NOT_REQUIRED] = "not-required",
	};
	return names[v];
}

int kp_verdict_is_error(enum kp_verdict v)
{
	/* below-min is a warning: the 10-15% binds the convening committee's
	 * own list (QĐ 190 Art. 14.1), a short list is the congress's call
	 * (Art. 14.3) */
	return v == KP_VERDICT_ABOVE_MAX || v == KP_VERDICT_NONE;
}

int kp_rules_surplus_in_band(const struct kp_surplus *s, unsigned min,
			     unsigned max)
{
	uint64_t sur;

	if (s->surplus <= 0 || !s->seats)
		return 0;
	sur = (uint64_t)s->surplus;
	if (s->seats <= 5)
		return sur == 1; /* small bodies: exactly one (2025 guidance) */
	return sur * 100 >= (uint64_t)min * s->seats &&
	       sur * 100 <= (uint64_t)max * s->seats;
}

struct kp_surplus kp_rules_surplus(enum kp_kind kind, uint64_t candidates,
				   uint64_t seats, uint64_t reserves,
				   const struct kp_surplus_limits *lim)
{
	struct kp_surplus s;

	s.candidates = candidates;
	s.seats = seats;
	s.surplus = (int64_t)candidates - (int64_t)seats;
	s.percent_x100 = s.surplus > 0 ?
		kp_rules_percent_x100((uint64_t)s.surplus, seats) : 0;
	if (kind != KP_KIND_COMMITTEE && kind != KP_KIND_STANDING) {
		/* no surplus is required of other lists, only enough names */
		s.verdict = candidates >= seats + reserves ?
			KP_VERDICT_NOT_REQUIRED : KP_VERDICT_NONE;
		return s;
	}
	if (s.surplus <= 0)
		s.verdict = KP_VERDICT_NONE; /* more candidates than seats */
	else if (seats <= 5)
		/* small bodies: a surplus of exactly one (HD 2025 Q&A) */
		s.verdict = s.surplus == 1 ? KP_VERDICT_OK : KP_VERDICT_ABOVE_MAX;
	else if ((uint64_t)s.surplus * 100 < (uint64_t)lim->min_percent * seats)
		s.verdict = KP_VERDICT_BELOW_MIN; /* the 10-15% target */
	else if ((uint64_t)s.surplus * 100 > (uint64_t)lim->max_percent * seats)
		s.verdict = KP_VERDICT_ABOVE_MAX; /* never over 30% */
	else
		s.verdict = KP_VERDICT_OK;
	return s;
}

const char *kp_form_name(enum kp_form f)
{
	return f == KP_FORM_AGREE ? "agree" : "strike";
}

int kp_form_parse(const char *s, size_t len, enum kp_form *out)
{
	if (kp_text_eq_ascii_ci(s, len, "strike")) {
		*out = KP_FORM_STRIKE;
		return 0;
	}
	if (kp_text_eq_ascii_ci(s, len, "agree")) {
		*out = KP_FORM_AGREE;
		return 0;
	}
	if (!kp_text_valid(s, len))
		return -1;
	if (kp_text_eq_ci(s, len, "gạch tên")) {
		*out = KP_FORM_STRIKE;
		return 0;
	}
	if (kp_text_eq_ci(s, len, "đồng ý") ||
	    kp_text_eq_ci(s, len, "đồng ý, không đồng ý")) {
		*out = KP_FORM_AGREE;
		return 0;
	}
	return -1;
}

enum kp_mark kp_rules_agree_mark(const char *s, size_t len)
{
	static const struct {
		const char *text;
		enum kp_mark mark;
	} marks[] = {
		{ "đ", KP_MARK_AGREE },		{ "đồng ý", KP_MARK_AGREE },
		{ "không đồng ý", KP_MARK_DISAGREE },
		{ "đk", KP_MARK_BOTH },		{ "cả hai", KP_MARK_BOTH },
	};
	size_t i;

	while (len && s[0] == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (!len)
		return KP_MARK_NEITHER;
	/* the ASCII marks first: one or two bytes, the usual case */
	if (kp_text_eq_ascii_ci(s, len, "y"))
		return KP_MARK_AGREE;
	if (kp_text_eq_ascii_ci(s, len, "n") || kp_text_eq_ascii_ci(s, len, "k"))
		return KP_MARK_DISAGREE;
	if (kp_text_eq_ascii_ci(s, len, "yn"))
		return KP_MARK_BOTH;
	if (!kp_text_valid(s, len))
		return KP_MARK_BAD;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (kp_text_eq_ci(s, len, marks[i].text))
			return marks[i].mark;
	return KP_MARK_BAD;
}

enum kp_ballot kp_rules_ballot(const struct kp_marks *m, uint64_t seats,
			       int voided)
{
	if (voided)
		return KP_BALLOT_VOID;
	if (m->votes > seats)
		return KP_BALLOT_TOO_MANY;
	/* one name: exactly one box must be marked (QĐ 244 Art. 17.2) */
	if (m->listed == 1 && m->blank)
		return KP_BALLOT_NO_CHOICE;
	/* no vote for anyone on a list of two or more, whatever the surplus */
	if (m->listed >= 2 && m->against == m->listed)
		return KP_BALLOT_ALL_CROSSED;
	return KP_BALLOT_VALID;
}

int kp_rules_majority(uint64_t votes, uint64_t base)
{
	/* 2*votes > base  <=>  votes > floor(base/2), with no overflow */
	return votes > base / 2;
}

uint64_t kp_rules_percent_x100(uint64_t num, uint64_t den)
{
	if (!den)
		return 0;
	if (num <= UINT64_MAX / 20000)
		return (num * 20000 + den) / (2 * den);
	/* counts this large are beyond the stated limits; stay exact enough */
	return (uint64_t)((long double)num * 10000.0L / (long double)den + 0.5L);
}

char *kp_rules_fmt_x100(char out[24], uint64_t h, char sep)
{
	snprintf(out, 24, "%llu%c%02llu", (unsigned long long)(h / 100), sep,
		 (unsigned long long)(h % 100));
	return out;
}

const char *kp_result_name(enum kp_result r)
{
	static const char *const names[] = {
		[KP_RESULT_NOT_ELECTED] = "not-elected",
		[KP_RESULT_ELECTED] = "elected",
		[KP_RESULT_RESERVE] = "reserve",
		[KP_RESULT_TIE] = "tie",
	};
	return names[r];
}

static int by_votes(const void *a, const void *b)
{
	const struct kp_standing *x = *(const struct kp_standing *const *)a;
	const struct kp_standing *y = *(const struct kp_standing *const *)b;

	if (x->votes != y->votes)
		return x->votes > y->votes ? -1 : 1;
	return x->no < y->no ? -1 : x->no > y->no;
}

/*
 * Fill `seats` from order[from..n) with `as`; returns the index after the
 * last candidate given a result, and sets *tied when the cut was a tie.
 */
static size_t fill(struct kp_standing **order, size_t from, size_t n,
		   uint64_t seats, enum kp_result as, int *tied)
{
	size_t i;
	uint64_t v;

	*tied = 0;
	if (n - from <= seats) {
		for (i = from; i < n; i++)
			order[i]->result = as;
		return n;
	}
	if (!seats)
		return from;
	v = order[from + seats - 1]->votes;
	if (order[from + seats]->votes != v) {
		for (i = from; i < from + seats; i++)
			order[i]->result = as;
		return from + seats;
	}
	/* a tie at the last seat: above it elected, at it a re-vote */
	*tied = 1;
	for (i = from; i < n && order[i]->votes > v; i++)
		order[i]->result = as;
	for (; i < n && order[i]->votes == v; i++)
		order[i]->result = KP_RESULT_TIE;
	return i;
}

enum kp_cut kp_rules_elect(struct kp_standing *c, size_t n, uint64_t base,
			   uint64_t official, uint64_t reserves)
{
	struct kp_standing **order = kp_xcalloc(n + 1, sizeof(*order));
	enum kp_cut cut = KP_CUT_NONE;
	size_t over = 0, i, next;
	int tied;

	for (i = 0; i < n; i++) {
		c[i].result = KP_RESULT_NOT_ELECTED;
		if (kp_rules_majority(c[i].votes, base))
			order[over++] = &c[i];
	}
	if (over > 1)
		qsort(order, over, sizeof(*order), by_votes);
	next = fill(order, 0, over, official, KP_RESULT_ELECTED, &tied);
	if (tied)
		cut = KP_CUT_OFFICIAL;
	/* reserves come after the official seats, never past a tie */
	if (!tied && reserves) {
		fill(order, next, over, reserves, KP_RESULT_RESERVE, &tied);
		if (tied)
			cut = KP_CUT_RESERVE;
	}
	free(order);
	return cut;
}

struct kp_seats kp_rules_next_round(enum kp_cut cut, struct kp_seats open)
{
	struct kp_seats s = open;

	/* officials first (QĐ 190 Art. 18): a tie at the official cut is
	 * settled by a re-vote for the official seats alone, the reserves
	 * waiting for it; a tie at the reserve cut by one for the reserves */
	if (cut == KP_CUT_OFFICIAL && open.official)
		s.reserves = 0;
	else if (cut == KP_CUT_RESERVE && !open.official)
		s.official = 0;
	return s;
}

int kp_rules_quorum(uint64_t present, uint64_t base)
{
	/* 3p >= 2b, without overflow: both are at most KP_BASE_MAX-sized in
	 * practice, but present comes from input */
	if (present >= base)
		return 1;
	return present > UINT64_MAX / 3 || 3 * present >= 2 * base;
}

const char *kp_status_name(enum kp_status s)
{
	static const char *const names[] = {
		[KP_STATUS_COMPLETE] = "complete",
		[KP_STATUS_PENDING] = "pending",
		[KP_STATUS_NOT_STARTED] = "not-started",
		[KP_STATUS_CLOSED] = "closed",
		[KP_STATUS_WAITING] = "waiting",
	};
	return names[s];
}

const char *kp_congress_status_name(enum kp_congress_status s)
{
	static const char *const names[] = {
		[KP_CONGRESS_COMPLETE] = "complete",
		[KP_CONGRESS_IN_PROGRESS] = "in-progress",
		[KP_CONGRESS_NOT_STARTED] = "not-started",
	};
	return names[s];
}

enum kp_congress_status kp_rules_congress_status(const enum kp_status *st,
						 size_t n)
{
	size_t i, decided = 0, idle = 0;

	for (i = 0; i < n; i++)
		if (st[i] == KP_STATUS_COMPLETE || st[i] == KP_STATUS_CLOSED)
			decided++;
		else if (st[i] == KP_STATUS_NOT_STARTED || st[i] == KP_STATUS_WAITING)
			idle++;
	if (n && decided == n)
		return KP_CONGRESS_COMPLETE;
	if (idle == n)
		return KP_CONGRESS_NOT_STARTED;
	return KP_CONGRESS_IN_PROGRESS;
}

enum kp_status kp_rules_status(int marked_closed, size_t rounds_held,
			       uint64_t seats_open)
{
	if (marked_closed && seats_open)
		return KP_STATUS_CLOSED;
	if (!rounds_held)
		return KP_STATUS_NOT_STARTED;
	if (!seats_open)
		return KP_STATUS_COMPLETE;
	return KP_STATUS_PENDING;
}
