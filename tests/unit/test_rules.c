/* The counting rules of docs/rules.md, each with its edges. */
#include "unit.h"

#include "kiemphieu/rules.h"

static const struct kp_surplus_limits lim = { 10, 30 };

static void surplus_committee(void **state)
{
	static const struct {
		enum kp_kind kind;
		uint64_t cands, seats;
		enum kp_verdict want;
		uint64_t pct;
	} cases[] = {
		/* surplus must be > 0 */
		{ KP_KIND_COMMITTEE, 9, 9, KP_VERDICT_NONE, 0 },
		{ KP_KIND_COMMITTEE, 8, 9, KP_VERDICT_NONE, 0 },
		{ KP_KIND_STANDING, 3, 3, KP_VERDICT_NONE, 0 },
		/* >= 10%: 1 of 9 is 11.11%, 1 of 10 exactly 10%, 1 of 11 below */
		{ KP_KIND_COMMITTEE, 10, 9, KP_VERDICT_OK, 1111 },
		{ KP_KIND_COMMITTEE, 11, 10, KP_VERDICT_OK, 1000 },
		{ KP_KIND_COMMITTEE, 12, 11, KP_VERDICT_BELOW_MIN, 909 },
		{ KP_KIND_COMMITTEE, 16, 15, KP_VERDICT_BELOW_MIN, 667 },
		{ KP_KIND_COMMITTEE, 17, 15, KP_VERDICT_OK, 1333 },
		/* <= 30%: 3 of 10 exactly 30%, 4 of 10 above */
		{ KP_KIND_COMMITTEE, 13, 10, KP_VERDICT_OK, 3000 },
		{ KP_KIND_COMMITTEE, 14, 10, KP_VERDICT_ABOVE_MAX, 4000 },
		{ KP_KIND_STANDING, 9, 7, KP_VERDICT_OK, 2857 },
		{ KP_KIND_STANDING, 10, 7, KP_VERDICT_ABOVE_MAX, 4286 },
		/* 5 seats or fewer: exactly one */
		{ KP_KIND_STANDING, 6, 5, KP_VERDICT_OK, 2000 },
		{ KP_KIND_STANDING, 7, 5, KP_VERDICT_ABOVE_MAX, 4000 },
		{ KP_KIND_COMMITTEE, 4, 3, KP_VERDICT_OK, 3333 },
		{ KP_KIND_COMMITTEE, 2, 1, KP_VERDICT_OK, 10000 },
		/* 6 seats: 1 is 16.67%, 2 is 33.33% */
		{ KP_KIND_COMMITTEE, 7, 6, KP_VERDICT_OK, 1667 },
		{ KP_KIND_COMMITTEE, 8, 6, KP_VERDICT_ABOVE_MAX, 3333 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct kp_surplus s = kp_rules_surplus(cases[i].kind, cases[i].cands,
						       cases[i].seats, 0, &lim);

		assert_int_equal(s.verdict, cases[i].want);
		assert_int_equal(s.percent_x100, cases[i].pct);
		assert_int_equal(s.surplus, (int64_t)cases[i].cands - (int64_t)cases[i].seats);
	}
}

static void surplus_limits_are_options(void **state)
{
	struct kp_surplus_limits strict = { 15, 20 };

	(void)state;
	/* 2 of 15 (13.33%) passes 10% but not 15% */
	assert_int_equal(kp_rules_surplus(KP_KIND_COMMITTEE, 17, 15, 0, &lim).verdict,
			 KP_VERDICT_OK);
	assert_int_equal(kp_rules_surplus(KP_KIND_COMMITTEE, 17, 15, 0, &strict).verdict,
			 KP_VERDICT_BELOW_MIN);
	/* 3 of 12 (25%) passes 30% but not 20% */
	assert_int_equal(kp_rules_surplus(KP_KIND_COMMITTEE, 15, 12, 0, &strict).verdict,
			 KP_VERDICT_ABOVE_MAX);
}

static void surplus_other_kinds(void **state)
{
	(void)state;
	assert_int_equal(kp_rules_surplus(KP_KIND_SECRETARY, 1, 1, 0, &lim).verdict,
			 KP_VERDICT_NOT_REQUIRED);
	assert_int_equal(kp_rules_surplus(KP_KIND_DELEGATES, 6, 4, 1, &lim).verdict,
			 KP_VERDICT_NOT_REQUIRED);
	assert_int_equal(kp_rules_surplus(KP_KIND_DELEGATES, 6, 4, 1, &lim).percent_x100,
			 5000); /* as EXPECTED.md: 2 over 4 seats */
	assert_int_equal(kp_rules_surplus(KP_KIND_DELEGATES, 5, 4, 2, &lim).verdict,
			 KP_VERDICT_NONE); /* fewer than seats + reserves */
	assert_int_equal(kp_rules_surplus(KP_KIND_INSPECTION, 2, 3, 0, &lim).verdict,
			 KP_VERDICT_NONE);
	assert_true(kp_verdict_is_error(KP_VERDICT_NONE));
	assert_false(kp_verdict_is_error(KP_VERDICT_BELOW_MIN));
	assert_true(kp_verdict_is_error(KP_VERDICT_ABOVE_MAX));
	assert_false(kp_verdict_is_error(KP_VERDICT_OK));
	assert_false(kp_verdict_is_error(KP_VERDICT_NOT_REQUIRED));
}

/* A strike-form ballot that keeps `kept` of `listed` names. */
static enum kp_ballot strike(uint64_t kept, uint64_t listed, uint64_t seats,
			     int voided)
{
	struct kp_marks m = { listed, kept, listed - kept, 0 };

	return kp_rules_ballot(&m, seats, voided);
}

/* An agree-form ballot: a agree, d disagree, b both or neither. */
static enum kp_ballot agree(uint64_t a, uint64_t d, uint64_t b, uint64_t seats)
{
	struct kp_marks m = { a + d + b, a, d, b };

	return kp_rules_ballot(&m, seats, 0);
}

static void ballot_validity(void **state)
{
	(void)state;
	/* keeps fewer than seats: valid; exactly seats: valid */
	assert_int_equal(strike(3, 10, 9, 0), KP_BALLOT_VALID);
	assert_int_equal(strike(9, 10, 9, 0), KP_BALLOT_VALID);
	assert_int_equal(strike(1, 10, 9, 0), KP_BALLOT_VALID);
	/* more than seats: invalid (an unmarked ballot on a surplus list) */
	assert_int_equal(strike(10, 10, 9, 0), KP_BALLOT_TOO_MANY);
	/* every name crossed on a list of two or more: invalid, whatever
	 * the surplus (a vote for no one) */
	assert_int_equal(strike(0, 10, 9, 0), KP_BALLOT_ALL_CROSSED);
	assert_int_equal(strike(0, 2, 2, 0), KP_BALLOT_ALL_CROSSED);
	assert_int_equal(strike(0, 2, 1, 0), KP_BALLOT_ALL_CROSSED);
	/* one name struck on a one-name list: a valid "disagree" */
	assert_int_equal(strike(0, 1, 1, 0), KP_BALLOT_VALID);
	/* the board's ruling comes first */
	assert_int_equal(strike(3, 10, 9, 1), KP_BALLOT_VOID);
	assert_int_equal(strike(10, 10, 9, 1), KP_BALLOT_VOID);
	assert_int_equal(strike(0, 10, 9, 1), KP_BALLOT_VOID);
	/* an official-only re-vote among two tied for one seat (QĐ 190 Art.
	 * 18): keeping both elects two people */
	assert_int_equal(strike(2, 2, 1, 0), KP_BALLOT_TOO_MANY);
	assert_int_equal(strike(1, 2, 1, 0), KP_BALLOT_VALID);
}

static void ballot_agree_form(void **state)
{
	(void)state;
	/* both boxes or neither for a name: no vote, the ballot stays valid
	 * (QĐ 244 Art. 32.1) */
	assert_int_equal(agree(3, 1, 1, 5), KP_BALLOT_VALID);
	assert_int_equal(agree(0, 0, 5, 5), KP_BALLOT_VALID);
	assert_int_equal(agree(0, 3, 2, 5), KP_BALLOT_VALID);
	/* disagree with every name of a list of two or more: no one voted */
	assert_int_equal(agree(0, 5, 0, 5), KP_BALLOT_ALL_CROSSED);
	assert_int_equal(agree(0, 2, 0, 2), KP_BALLOT_ALL_CROSSED);
	/* a one-name list: exactly one box (QĐ 244 Art. 17.2) */
	assert_int_equal(agree(1, 0, 0, 1), KP_BALLOT_VALID);
	assert_int_equal(agree(0, 1, 0, 1), KP_BALLOT_VALID);
	assert_int_equal(agree(0, 0, 1, 1), KP_BALLOT_NO_CHOICE);
	/* more agrees than seats */
	assert_int_equal(agree(3, 0, 0, 2), KP_BALLOT_TOO_MANY);
}

static void agree_marks(void **state)
{
	static const struct {
		const char *cell;
		enum kp_mark want;
	} cases[] = {
		{ "y", KP_MARK_AGREE }, { "Y", KP_MARK_AGREE },
		{ "đ", KP_MARK_AGREE }, { "Đ", KP_MARK_AGREE },
		{ "đồng ý", KP_MARK_AGREE }, { "Đồng Ý", KP_MARK_AGREE },
		/* decomposed "đồng ý" (o + combining circumflex + grave) */
		{ "\xc4\x91o\xcc\x82\xcc\x80ng y\xcc\x81", KP_MARK_AGREE },
		{ "n", KP_MARK_DISAGREE }, { "k", KP_MARK_DISAGREE },
		{ "K", KP_MARK_DISAGREE }, { "không đồng ý", KP_MARK_DISAGREE },
		{ "yn", KP_MARK_BOTH }, { "YN", KP_MARK_BOTH },
		{ "đk", KP_MARK_BOTH }, { "cả hai", KP_MARK_BOTH },
		{ "", KP_MARK_NEITHER }, { "  ", KP_MARK_NEITHER },
		{ "x", KP_MARK_BAD }, { "v", KP_MARK_BAD }, { "yes", KP_MARK_BAD },
		{ "dong y", KP_MARK_BAD },	/* no tone marks: another word */
		{ "\xff", KP_MARK_BAD },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (kp_rules_agree_mark(cases[i].cell, strlen(cases[i].cell)) !=
		    cases[i].want)
			fail_msg("mark '%s'", cases[i].cell);
}

static void forms(void **state)
{
	enum kp_form f = KP_FORM_STRIKE;

	(void)state;
	assert_int_equal(kp_form_parse("agree", 5, &f), 0);
	assert_int_equal(f, KP_FORM_AGREE);
	assert_int_equal(kp_form_parse("Strike", 6, &f), 0);
	assert_int_equal(f, KP_FORM_STRIKE);
	assert_int_equal(kp_form_parse("Đồng ý", strlen("Đồng ý"), &f), 0);
	assert_int_equal(f, KP_FORM_AGREE);
	assert_int_equal(kp_form_parse("gạch tên", strlen("gạch tên"), &f), 0);
	assert_int_equal(f, KP_FORM_STRIKE);
	assert_int_equal(kp_form_parse("tick", 4, &f), -1);
	assert_string_equal(kp_form_name(KP_FORM_AGREE), "agree");
}

static void next_round_officials_first(void **state)
{
	struct kp_seats open = { 1, 1 }, s;

	(void)state;
	/* after a tie at the official cut: the official seats alone */
	s = kp_rules_next_round(KP_CUT_OFFICIAL, open);
	assert_int_equal(s.official, 1);
	assert_int_equal(s.reserves, 0);
	/* seats left open for lack of votes: every open seat on one list */
	s = kp_rules_next_round(KP_CUT_NONE, open);
	assert_int_equal(s.official, 1);
	assert_int_equal(s.reserves, 1);
	/* a tie at the reserve cut, officials full: the reserves alone */
	open.official = 0;
	open.reserves = 2;
	s = kp_rules_next_round(KP_CUT_RESERVE, open);
	assert_int_equal(s.official, 0);
	assert_int_equal(s.reserves, 2);
}

static void quorum_two_thirds(void **state)
{
	(void)state;
	assert_true(kp_rules_quorum(80, 120));	/* exactly two thirds */
	assert_false(kp_rules_quorum(79, 120));
	assert_true(kp_rules_quorum(7, 10));	/* 21 >= 20 */
	assert_false(kp_rules_quorum(6, 10));	/* 18 < 20 */
	assert_true(kp_rules_quorum(120, 120));
	assert_true(kp_rules_quorum(UINT64_MAX, 10));
	assert_true(kp_rules_quorum(0, 0));
}

static void surplus_band(void **state)
{
	struct kp_surplus s;

	(void)state;
	/* 1 of 9 (11.11%) and 2 of 13 (15.38%: out), 2 of 14 (14.29%: in) */
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 10, 9, 0, &lim);
	assert_true(kp_rules_surplus_in_band(&s, 10, 15));
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 15, 13, 0, &lim);
	assert_false(kp_rules_surplus_in_band(&s, 10, 15));
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 16, 14, 0, &lim);
	assert_true(kp_rules_surplus_in_band(&s, 10, 15));
	/* whole people: no surplus lies within 10-15% of 11 seats */
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 12, 11, 0, &lim);
	assert_false(kp_rules_surplus_in_band(&s, 10, 15));
	assert_int_equal(s.verdict, KP_VERDICT_BELOW_MIN);
	assert_false(kp_verdict_is_error(s.verdict)); /* a warning */
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 13, 11, 0, &lim);
	assert_false(kp_rules_surplus_in_band(&s, 10, 15));
	/* exactly 10% and exactly 15% are in */
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 11, 10, 0, &lim);
	assert_true(kp_rules_surplus_in_band(&s, 10, 15));
	s = kp_rules_surplus(KP_KIND_COMMITTEE, 23, 20, 0, &lim);
	assert_true(kp_rules_surplus_in_band(&s, 10, 15));
	/* small bodies: exactly one */
	s = kp_rules_surplus(KP_KIND_STANDING, 4, 3, 0, &lim);
	assert_true(kp_rules_surplus_in_band(&s, 10, 15));
	s = kp_rules_surplus(KP_KIND_STANDING, 3, 3, 0, &lim);
	assert_false(kp_rules_surplus_in_band(&s, 10, 15));
}

static void congress_status(void **state)
{
	enum kp_status done[] = { KP_STATUS_COMPLETE, KP_STATUS_CLOSED };
	enum kp_status some[] = { KP_STATUS_COMPLETE, KP_STATUS_NOT_STARTED };
	enum kp_status idle[] = { KP_STATUS_NOT_STARTED, KP_STATUS_WAITING };
	enum kp_status wait[] = { KP_STATUS_COMPLETE, KP_STATUS_WAITING };
	enum kp_status pend[] = { KP_STATUS_PENDING };

	(void)state;
	assert_int_equal(kp_rules_congress_status(done, 2), KP_CONGRESS_COMPLETE);
	assert_int_equal(kp_rules_congress_status(some, 2), KP_CONGRESS_IN_PROGRESS);
	assert_int_equal(kp_rules_congress_status(idle, 2), KP_CONGRESS_NOT_STARTED);
	assert_int_equal(kp_rules_congress_status(wait, 2), KP_CONGRESS_IN_PROGRESS);
	assert_int_equal(kp_rules_congress_status(pend, 1), KP_CONGRESS_IN_PROGRESS);
	assert_int_equal(kp_rules_congress_status(NULL, 0), KP_CONGRESS_NOT_STARTED);
	assert_string_equal(kp_congress_status_name(KP_CONGRESS_IN_PROGRESS),
			    "in-progress");
}

static void majority_on_integers(void **state)
{
	(void)state;
	/* 2*votes > base: exactly half is not enough */
	assert_false(kp_rules_majority(60, 120));
	assert_true(kp_rules_majority(61, 120));
	assert_false(kp_rules_majority(60, 121));
	assert_true(kp_rules_majority(61, 121));
	/* the Charter's example: 11 members, 5 votes fail, 6 pass */
	assert_false(kp_rules_majority(5, 11));
	assert_true(kp_rules_majority(6, 11));
	assert_false(kp_rules_majority(5, 10));
	assert_true(kp_rules_majority(6, 10));
	assert_false(kp_rules_majority(0, 1));
	assert_true(kp_rules_majority(1, 1));
	/* no overflow at the top of the range */
	assert_true(kp_rules_majority(UINT64_MAX, UINT64_MAX));
	assert_false(kp_rules_majority(UINT64_MAX / 2, UINT64_MAX));
	/* 50.004% rounds to 50.00 but is still more than half */
	assert_true(kp_rules_majority(12501, 25000));
	assert_int_equal(kp_rules_percent_x100(12501, 25000), 5000);
}

static void percentages_round_half_up(void **state)
{
	char buf[24];

	(void)state;
	assert_int_equal(kp_rules_percent_x100(97, 120), 8083);	 /* 80.833 */
	assert_int_equal(kp_rules_percent_x100(56, 120), 4667);	 /* 46.667 */
	assert_int_equal(kp_rules_percent_x100(1, 8), 1250);	 /* exact */
	assert_int_equal(kp_rules_percent_x100(1, 16), 625);	 /* 6.25 */
	assert_int_equal(kp_rules_percent_x100(1, 32), 313);	 /* 3.125 -> 3.13 */
	assert_int_equal(kp_rules_percent_x100(22566, 100000), 2257); /* 22.566 */
	assert_int_equal(kp_rules_percent_x100(5, 0), 0);
	assert_int_equal(kp_rules_percent_x100(7, 7), 10000);
	assert_string_equal(kp_rules_fmt_x100(buf, 8333, '.'), "83.33");
	assert_string_equal(kp_rules_fmt_x100(buf, 8333, ','), "83,33");
	assert_string_equal(kp_rules_fmt_x100(buf, 5, '.'), "0.05");
	assert_string_equal(kp_rules_fmt_x100(buf, 10000, '.'), "100.00");
}

/* Run kp_rules_elect on votes v[0..n) (ballot numbers 1..n). */
static void elect(const uint64_t *v, size_t n, uint64_t base, uint64_t off,
		  uint64_t res, const enum kp_result *want)
{
	struct kp_standing c[32];
	size_t i;

	for (i = 0; i < n; i++) {
		c[i].no = (unsigned)(i + 1);
		c[i].votes = v[i];
		c[i].result = KP_RESULT_ELECTED; /* must be overwritten */
	}
	kp_rules_elect(c, n, base, off, res);
	for (i = 0; i < n; i++) {
		if (c[i].result != want[i])
			fail_msg("candidate %zu: got %s, want %s", i + 1,
				 kp_result_name(c[i].result),
				 kp_result_name(want[i]));
	}
}

#define E KP_RESULT_ELECTED
#define N KP_RESULT_NOT_ELECTED
#define T KP_RESULT_TIE
#define R KP_RESULT_RESERVE

static void elect_fewer_over_half_than_seats(void **state)
{
	static const uint64_t v[] = { 70, 60, 61, 90 };
	static const enum kp_result w[] = { E, N, E, E };

	(void)state;
	elect(v, 4, 120, 4, 0, w); /* 60 of 120 is not over half */
}

static void elect_more_over_half_than_seats(void **state)
{
	/* the worked example's committee: 9 of 10 over half, 9 seats */
	static const uint64_t v[] = { 97, 69, 94, 74, 66, 87, 104, 85, 64, 75 };
	static const enum kp_result w[] = { E, E, E, E, E, E, E, E, N, E };

	(void)state;
	elect(v, 10, 120, 9, 0, w);
}

static void elect_tie_at_last_seat(void **state)
{
	/* 3 seats; 2nd to 4th share 80: only the first is elected */
	static const uint64_t v[] = { 90, 80, 80, 80, 70 };
	static const enum kp_result w[] = { E, T, T, T, N };
	/* a tie above the cut does not matter */
	static const uint64_t v2[] = { 90, 90, 80, 70 };
	static const enum kp_result w2[] = { E, E, E, N };
	/* a tie exactly at the cut with all tied for every seat */
	static const uint64_t v3[] = { 80, 80, 80 };
	static const enum kp_result w3[] = { T, T, T };

	(void)state;
	elect(v, 5, 120, 3, 0, w);
	elect(v2, 4, 120, 3, 0, w2);
	elect(v3, 3, 120, 2, 0, w3);
}

static void elect_tie_below_half_is_no_tie(void **state)
{
	/* tied at 60 of base 120: neither is over half, so no tie */
	static const uint64_t v[] = { 90, 60, 60 };
	static const enum kp_result w[] = { E, N, N };

	(void)state;
	elect(v, 3, 120, 2, 0, w);
}

static void elect_equal_votes_fit(void **state)
{
	/* two share the last two seats: both elected, no tie */
	static const uint64_t v[] = { 80, 80, 90, 50 };
	static const enum kp_result w[] = { E, E, E, N };

	(void)state;
	elect(v, 4, 100, 3, 0, w);
}

static void elect_reserves(void **state)
{
	/* the worked example's delegates, round 1: 4 + 1, tie at the 4th */
	static const uint64_t v1[] = { 56, 96, 67, 67, 70, 83 };
	static const enum kp_result w1[] = { N, E, T, T, E, E };
	/* round 2: 1 official + 1 reserve among the two tied */
	static const uint64_t v2[] = { 80, 70 };
	static const enum kp_result w2[] = { E, R };
	/* official filled without tie: next over half become reserves */
	static const uint64_t v3[] = { 90, 85, 80, 75, 70, 20 };
	static const enum kp_result w3[] = { E, E, E, R, R, N };
	/* a tie at the reserve cut */
	static const uint64_t v4[] = { 90, 85, 75, 75, 20 };
	static const enum kp_result w4[] = { E, E, T, T, N };
	/* reserves only open: official seats all filled earlier */
	static const uint64_t v5[] = { 70, 80 };
	static const enum kp_result w5[] = { N, R };

	(void)state;
	elect(v1, 6, 120, 4, 1, w1);
	elect(v2, 2, 120, 1, 1, w2);
	elect(v3, 6, 120, 3, 2, w3);
	elect(v4, 5, 120, 2, 1, w4);
	elect(v5, 2, 120, 0, 1, w5);
}

/* Where the tie fell: it decides what the next round elects. */
static void elect_reports_the_cut(void **state)
{
	struct kp_standing c[6];
	static const uint64_t v1[] = { 56, 96, 67, 67, 70, 83 };
	static const uint64_t v4[] = { 90, 85, 75, 75, 20 };
	static const uint64_t v3[] = { 90, 85, 80, 75, 70, 20 };
	size_t i;

	(void)state;
	for (i = 0; i < 6; i++)
		c[i] = (struct kp_standing){ (unsigned)i + 1, v1[i], N };
	assert_int_equal(kp_rules_elect(c, 6, 120, 4, 1), KP_CUT_OFFICIAL);
	for (i = 0; i < 5; i++)
		c[i] = (struct kp_standing){ (unsigned)i + 1, v4[i], N };
	assert_int_equal(kp_rules_elect(c, 5, 120, 2, 1), KP_CUT_RESERVE);
	for (i = 0; i < 6; i++)
		c[i] = (struct kp_standing){ (unsigned)i + 1, v3[i], N };
	assert_int_equal(kp_rules_elect(c, 6, 120, 3, 2), KP_CUT_NONE);
	/* a tie below half is no tie at all */
	c[0] = (struct kp_standing){ 1, 50, N };
	c[1] = (struct kp_standing){ 2, 50, N };
	assert_int_equal(kp_rules_elect(c, 2, 120, 1, 0), KP_CUT_NONE);
}

static void elect_ballot_order_breaks_nothing(void **state)
{
	/* equal votes that fit are ordered by ballot number, both elected */
	struct kp_standing c[2] = { { 2, 80, N }, { 1, 80, N } };

	(void)state;
	kp_rules_elect(c, 2, 100, 2, 0);
	assert_int_equal(c[0].result, E);
	assert_int_equal(c[1].result, E);
}

static void elect_nobody(void **state)
{
	static const uint64_t v[] = { 0, 0, 0 };
	static const enum kp_result w[] = { N, N, N };

	(void)state;
	elect(v, 3, 120, 2, 0, w);
	kp_rules_elect(NULL, 0, 120, 2, 0); /* an empty list is no crash */
}

static void contest_status(void **state)
{
	(void)state;
	assert_int_equal(kp_rules_status(0, 0, 9), KP_STATUS_NOT_STARTED);
	assert_int_equal(kp_rules_status(0, 1, 0), KP_STATUS_COMPLETE);
	assert_int_equal(kp_rules_status(0, 2, 1), KP_STATUS_PENDING);
	/* closed only matters while seats are open */
	assert_int_equal(kp_rules_status(1, 2, 1), KP_STATUS_CLOSED);
	assert_int_equal(kp_rules_status(1, 1, 0), KP_STATUS_COMPLETE);
	assert_int_equal(kp_rules_status(1, 0, 3), KP_STATUS_CLOSED);
}

static void names_and_parsing(void **state)
{
	enum kp_kind k;

	(void)state;
	assert_int_equal(kp_kind_parse("Delegates", 9, &k), 0);
	assert_int_equal(k, KP_KIND_DELEGATES);
	assert_int_equal(kp_kind_parse("committe", 8, &k), -1);
	/* the Vietnamese names: any case, any canonical form, either place of
	 * the tone mark in "ủy", spaces folded; a missing tone mark is not
	 * the same word */
	{
		static const struct {
			const char *s;
			enum kp_kind k;
		} vi[] = {
			{ "Bí thư", KP_KIND_SECRETARY },
			{ "BAN CHẤP HÀNH", KP_KIND_COMMITTEE },
			{ "u\xcc\x89y ban kie\xcc\x82\xcc\x89m tra", KP_KIND_INSPECTION },
			{ "Uỷ ban kiểm tra", KP_KIND_INSPECTION },
			{ "  ban   thường vụ ", KP_KIND_STANDING },
			{ "Phó Bí thư", KP_KIND_DEPUTY },
			{ "Đại biểu", KP_KIND_DELEGATES },
			{ "KHÁC", KP_KIND_OTHER },
		};
		size_t i;

		for (i = 0; i < sizeof(vi) / sizeof(vi[0]); i++) {
			k = KP_KIND_OTHER;
			assert_int_equal(kp_kind_parse(vi[i].s, strlen(vi[i].s), &k), 0);
			assert_int_equal(k, vi[i].k);
		}
		assert_int_equal(kp_kind_parse("bi thu", 6, &k), -1);
		assert_int_equal(kp_kind_parse("bí thư\xff", 9, &k), -1);
	}
	assert_string_equal(kp_kind_name(KP_KIND_STANDING), "standing");
	assert_string_equal(kp_verdict_name(KP_VERDICT_NOT_REQUIRED), "not-required");
	assert_string_equal(kp_result_name(KP_RESULT_NOT_ELECTED), "not-elected");
	assert_string_equal(kp_status_name(KP_STATUS_NOT_STARTED), "not-started");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(surplus_committee),
		cmocka_unit_test(surplus_limits_are_options),
		cmocka_unit_test(surplus_other_kinds),
		cmocka_unit_test(ballot_validity),
		cmocka_unit_test(ballot_agree_form),
		cmocka_unit_test(agree_marks),
		cmocka_unit_test(forms),
		cmocka_unit_test(next_round_officials_first),
		cmocka_unit_test(quorum_two_thirds),
		cmocka_unit_test(surplus_band),
		cmocka_unit_test(congress_status),
		cmocka_unit_test(majority_on_integers),
		cmocka_unit_test(percentages_round_half_up),
		cmocka_unit_test(elect_fewer_over_half_than_seats),
		cmocka_unit_test(elect_more_over_half_than_seats),
		cmocka_unit_test(elect_tie_at_last_seat),
		cmocka_unit_test(elect_tie_below_half_is_no_tie),
		cmocka_unit_test(elect_equal_votes_fit),
		cmocka_unit_test(elect_reserves),
		cmocka_unit_test(elect_reports_the_cut),
		cmocka_unit_test(elect_ballot_order_breaks_nothing),
		cmocka_unit_test(elect_nobody),
		cmocka_unit_test(contest_status),
		cmocka_unit_test(names_and_parsing),
	};

	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
