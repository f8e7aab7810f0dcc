/* Rounds counted from the minutes: the identities at their edges. */
#include "unit.h"

#include "kiemphieu/buf.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/tally.h"
#include "kiemphieu/text.h"
#include "../../src/results.h"

struct run {
	struct kp_congress cg;
	struct kp_results res;
	int status;
};

static void tally(const char *dir, struct run *r)
{
	struct kp_diag_sink s;
	struct kp_tally_opts o;

	unit_diags[0] = '\0';
	kp_tally_opts_init(&o);
	kp_diag_sink_init(&s, unit_keep_diag, NULL);
	r->status = kp_congress_load(&r->cg, dir, &o.csv, &s);
	if (kp_tally_congress(&r->cg, NULL, &o, &r->res, &s) != KP_EXIT_OK &&
	    r->status == KP_EXIT_OK)
		r->status = KP_EXIT_DATA;
}

static void done(struct run *r, char *dir)
{
	kp_results_release(&r->res);
	kp_congress_release(&r->cg);
	unit_rmdir(dir);
}

/* Base 10, 2 seats, 3 candidates; results/c.csv holds `minutes`. */
static char *congress(const char *minutes)
{
	char *dir = unit_tmpdir(), path[4200];

	unit_writes(dir, "contests.csv",
		    "contest,kind,seats,base,issued\nc,delegates,2,10,10\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name\n"
		    "c,1,Nguyễn Văn An\nc,2,Trần Thị Bích\nc,3,Lê Đức Cường\n");
	snprintf(path, sizeof(path), "%s/results", dir);
	assert_int_equal(unit_mkdir(path), 0);
	unit_writes(dir, "results/c.csv", minutes);
	return dir;
}

/* Minutes that must be refused: `round1` in results/c.csv and, when
 * given, `round2` in results/c.r2.csv; `diag` is all that is said, and
 * nothing is derived from the refused minutes (`elected` is what round 1
 * elects on its own). */
static void refused(const char *round1, const char *round2, const char *diag,
		    size_t elected)
{
	char *dir = congress(round1);
	struct run r;

	if (round2)
		unit_writes(dir, "results/c.r2.csv", round2);
	tally(dir, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags, diag);
	assert_int_equal(r.res.contests[0].nelected, elected);
	done(&r, dir);
}

/* Every identity holds with equality: valid + invalid = returned =
 * issued = present = base, a candidate with every valid ballot, the
 * votes exactly valid x seats. Counted, no diagnostic. */
static void identities_at_their_edges(void **state)
{
	char *dir = congress("item,value\n"
			     "present,10\nissued,10\nreturned,10\n"
			     "valid,9\ninvalid,1\ninvalid: too-many,1\n"
			     "1,9\n2,9\n3,0\n");
	const struct kp_round_result *rr;
	struct run r;

	(void)state;
	tally(dir, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_string_equal(unit_diags, "");
	rr = &r.res.contests[0].rounds[0];
	assert_int_equal(rr->source, KP_SOURCE_RESULTS);
	assert_int_equal(rr->ballots, 10);
	assert_int_equal(rr->valid, 9);
	assert_int_equal(rr->invalid, 1);
	assert_int_equal(rr->votes_cast, 18);
	assert_int_equal(rr->unused, 0);
	assert_int_equal(rr->nreasons, 1);
	assert_string_equal(rr->reasons[0].text, "too-many");
	/* 9 of a base of 10 is more than half: 1 and 2 elected */
	assert_int_equal(r.res.contests[0].nelected, 2);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_COMPLETE);
	done(&r, dir);
}

/* One past each edge: each identity fails alone, with its check. */
static void one_past_each_edge(void **state)
{
	static const struct {
		const char *minutes, *diag;
	} cases[] = {
		{ "item,value\nissued,9\nreturned,10\nvalid,10\ninvalid,0\n1,5\n2,5\n3,0\n",
		  "c.csv:3:0:e:check M.02: 10 ballots returned, more than the 9 "
		  "issued: recount, or correct the minutes\n" },
		{ "item,value\npresent,9\nissued,10\nreturned,9\nvalid,9\ninvalid,0\n"
		  "1,5\n2,5\n3,0\n",
		  "c.csv:3:0:e:check M.03: 10 ballots issued to 9 present: recount, "
		  "or correct the minutes\n" },
		{ "item,value\npresent,11\nreturned,9\nvalid,9\ninvalid,0\n1,5\n2,5\n3,0\n",
		  "c.csv:2:0:e:check M.04: 11 present, more than the 10 summoned "
		  "(contests.csv's base): correct the minutes or the base\n" },
		{ "item,value\nreturned,9\nvalid,9\ninvalid,1\ninvalid: too-many,1\n"
		  "1,5\n2,5\n3,0\n",
		  "c.csv:2:0:e:check M.05: valid 9 + invalid 1 is 10, not the 9 "
		  "returned: recount, or correct the minutes\n" },
		{ "item,value\nreturned,9\nvalid,8\ninvalid,1\ninvalid: too-many,2\n"
		  "1,5\n2,5\n3,0\n",
		  "c.csv:5:0:e:check M.06: the invalid ballots by reason add up to 2, "
		  "not the 1 invalid: correct the minutes\n" },
		{ "item,value\nreturned,9\nvalid,9\ninvalid,0\n1,10\n2,5\n3,0\n",
		  "c.csv:5:0:e:check M.07: candidate 1 has 10 votes, more than the 9 "
		  "valid ballots: recount, or correct the minutes\n" },
		{ "item,value\nreturned,9\nvalid,9\ninvalid,0\n1,9\n2,9\n3,1\n",
		  "c.csv:0:0:e:check M.08: 19 votes in all, more than valid 9 x 2 "
		  "seats = 18: recount, or correct the minutes\n" },
		{ "item,value\nreturned,9\nvalid,9\ninvalid,0\n1,9\n2,9\n",
		  "c.csv:0:0:e:check M.09: candidate 3 (Lê Đức Cường) of the round 1 "
		  "list has no row: add their votes\n" },
		{ "item,value\nvalid,9\ninvalid,0\n1,9\n2,9\n3,0\n",
		  "c.csv:0:0:e:check M.01: the minutes give no 'returned' (số phiếu "
		  "thu vào): add its row\n" },
		{ "item,value\nreturned,9\ninvalid,0\n1,9\n2,9\n3,0\n",
		  "c.csv:0:0:e:check M.01: the minutes give no 'valid' (số phiếu "
		  "hợp lệ): add its row\n" },
		{ "item,value\nreturned,9\nvalid,9\n1,9\n2,9\n3,0\n",
		  "c.csv:0:0:e:check M.01: the minutes give no 'invalid' (số phiếu "
		  "không hợp lệ): add its row\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		refused(cases[i].minutes, NULL, cases[i].diag, 0);
}

/* Rows the minutes cannot hold, each reported where it is, and nothing
 * counted from minutes with any of them. */
static void rows_the_minutes_refuse(void **state)
{
	static const struct {
		const char *minutes, *diag;
	} cases[] = {
		{ "item,value\nreturned,9\nvalid,9,9\ninvalid,0\n1,9\n2,9\n3,0\n",
		  "c.csv:3:9:e:expected 2 fields as in the header, found 3\n" },
		{ "item,value\nreturned,9\nvalid,9\ninvalid,0\n1,9\n2,9\n3,0\n"
		  "Trần Thị Bích,8\n",
		  "c.csv:8:1:e:candidate 2 (Trần Thị Bích) has two rows (first on "
		  "line 6)\n" },
		{ "item,value\nreturned,9\nvalid,9\ninvalid,0\n1,9\n2,9\n3,0\n"
		  "spoilt,1\n",
		  "c.csv:8:1:e:'spoilt' is neither a figure of the minutes (present, "
		  "issued, returned, valid, invalid) nor a candidate of contest 'c'\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		refused(cases[i].minutes, NULL, cases[i].diag, 0);
}

/* Two rows of one reason, in English and in Vietnamese, are one reason:
 * their ballots add up (a choice: formats.md, "The minutes"). */
static void a_reason_given_twice_adds_up(void **state)
{
	char *dir = congress("item,value\nreturned,10\nvalid,7\ninvalid,3\n"
			     "invalid: too-many,1\nkhông hợp lệ: bầu quá số lượng,1\n"
			     "invalid: all-crossed,1\n1,7\n2,6\n3,1\n");
	const struct kp_round_result *rr;
	struct run r;

	(void)state;
	tally(dir, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_string_equal(unit_diags, "c.csv:4:0:w:3 of 10 ballots returned are "
			    "invalid, more than a tenth: is that what the minutes say?\n");
	rr = &r.res.contests[0].rounds[0];
	assert_int_equal(rr->invalid, 3);
	assert_int_equal(rr->nreasons, 2);
	assert_string_equal(rr->reasons[0].text, "too-many");
	assert_int_equal(rr->reasons[0].count, 2);
	assert_string_equal(rr->reasons[1].text, "all-crossed");
	assert_int_equal(rr->reasons[1].count, 1);
	done(&r, dir);
}

/* The minutes of round 2: its list is the candidates still open who stand
 * in it (M.09), and it must give their votes. */
static void minutes_of_a_later_round(void **state)
{
	static const struct {
		const char *minutes, *diag;
	} cases[] = {
		{ "item,value\nreturned,10\nvalid,10\ninvalid,0\n1,6\n2,4\n",
		  "c.r2.csv:5:1:e:candidate 1 (Nguyễn Văn An) was elected in an "
		  "earlier round and cannot be on the round 2 list\n" },
		{ "item,value\nreturned,10\nvalid,10\ninvalid,0\n",
		  "c.r2.csv:0:0:e:check M.09: no candidate rows: the minutes give "
		  "each candidate's votes\n" },
	};
	size_t i;

	(void)state;
	/* round 1: only 1 has more than half of the base of 10 */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		refused("item,value\nreturned,10\nvalid,10\ninvalid,0\n1,8\n2,5\n3,4\n",
			cases[i].minutes, cases[i].diag, 1);
}

/* A candidate who stands from round 2 has no row in round 1's minutes. */
static void a_later_candidate_is_not_on_round_one(void **state)
{
	char *dir = congress("item,value\nreturned,10\nvalid,10\ninvalid,0\n"
			     "1,8\n2,5\n3,4\n4,2\n");
	struct run r;

	(void)state;
	unit_writes(dir, "candidates.csv", "contest,no,name,round\n"
		    "c,1,Nguyễn Văn An,\nc,2,Trần Thị Bích,\nc,3,Lê Đức Cường,\n"
		    "c,4,Phạm Thị Dung,2\n");
	tally(dir, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.csv:8:1:e:candidate 4 (Phạm Thị Dung) stands from round 2 "
		"(candidates.csv line 5) and cannot be on the round 1 list\n");
	done(&r, dir);
}

/* Every candidate over 90% of the valid ballots on a list longer than its
 * seats: a warning, since it can only be a typing slip. It adds up
 * (M.08) only with ten seats or more: 11 x 901 <= 10 x 1,000. */
static void every_candidate_over_ninety_percent(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_buf b = KP_BUF_INIT;
	struct run r;
	int i, votes;

	(void)state;
	for (votes = 900; votes <= 901; votes++) {
		unit_writes(dir, "contests.csv",
			    "contest,kind,seats,base\nc,delegates,10,1000\n");
		kp_buf_reset(&b);
		kp_buf_addstr(&b, "contest,no,name\n");
		for (i = 1; i <= 11; i++)
			kp_buf_addf(&b, "c,%d,Nguyễn Văn %c\n", i, 'A' + i);
		unit_writes(dir, "candidates.csv", b.s);
		kp_buf_reset(&b);
		kp_buf_addstr(&b, "item,value\nreturned,1000\nvalid,1000\ninvalid,0\n");
		for (i = 1; i <= 11; i++)
			kp_buf_addf(&b, "%d,%d\n", i, votes);
		snprintf(path, sizeof(path), "%s/results", dir);
		unit_mkdir(path);
		unit_writes(dir, "results/c.csv", b.s);
		tally(dir, &r);
		assert_int_equal(r.status, KP_EXIT_OK);
		/* 900 is 90% exactly: not more than 90% */
		assert_string_equal(unit_diags, votes == 900 ? "" :
			"c.csv:0:0:w:every candidate has more than 90% of the valid "
			"ballots on a list longer than its seats: is that what the "
			"minutes say?\n");
		kp_results_release(&r.res);
		kp_congress_release(&r.cg);
	}
	kp_buf_release(&b);
	unit_rmdir(dir);
}

/* In Vietnamese, with candidates by name (spaces folded, as in ballot
 * headers) and by number, out of order:
 * the round's list comes back in ballot order. */
static void vietnamese_items_and_names(void **state)
{
	char *dir = congress("mục,số\n"
			     "Thu vào,10\nHợp lệ,10\nKhông hợp lệ,0\n"
			     "Lê Đức Cường,4\n1,7\nTrần  Thị Bích,6\n");
	const struct kp_round_result *rr;
	struct run r;

	(void)state;
	tally(dir, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_string_equal(unit_diags, "");
	rr = &r.res.contests[0].rounds[0];
	assert_int_equal(rr->ncands, 3);
	assert_int_equal(rr->cands[0].no, 1);
	assert_int_equal(rr->cands[0].votes, 7);
	assert_int_equal(rr->cands[1].no, 2);
	assert_int_equal(rr->cands[1].votes, 6);
	assert_int_equal(rr->cands[2].no, 3);
	assert_int_equal(rr->cands[2].votes, 4);
	done(&r, dir);
}

/* Every name of a figure is its own kp_text_key, so that a row's key
 * finds it by strcmp. */
static void item_names_are_keys(void **state)
{
	size_t i, j, n = 0;
	const char *w;
	char key[KP_TEXT_SHORT];

	(void)state;
	for (i = 0; i < KP_ITEM_N; i++)
		for (j = 0; (w = kp_item_name(i, j)); j++, n++)
			if (kp_text_key(w, strlen(w), key, sizeof(key)) < 0 ||
			    strcmp(key, w) != 0)
				fail_msg("'%s' is not its own key", w);
	assert_true(n >= 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(item_names_are_keys),
		cmocka_unit_test(identities_at_their_edges),
		cmocka_unit_test(one_past_each_edge),
		cmocka_unit_test(vietnamese_items_and_names),
		cmocka_unit_test(rows_the_minutes_refuse),
		cmocka_unit_test(a_reason_given_twice_adds_up),
		cmocka_unit_test(minutes_of_a_later_round),
		cmocka_unit_test(a_later_candidate_is_not_on_round_one),
		cmocka_unit_test(every_candidate_over_ninety_percent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
