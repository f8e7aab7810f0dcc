/* Tallying congress folders: counts, reasons, rounds, errors, parts. */
#include "unit.h"

#include "../../src/bytemask.h"

#include "kiemphieu/buf.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/tally.h"


struct run {
	struct kp_congress cg;
	struct kp_results res;
	int status;
};

/* the most ballots a file may hold, lowered by a test to reach it */
static uint64_t ballots_max = KP_BALLOTS_MAX;
/* every row through libcsv: the reference the plain rows' counting meets */
static int libcsv_only;

static void tally(const char *dir, unsigned threads, struct run *r)
{
	struct kp_diag_sink s;
	struct kp_tally_opts o;

	unit_diags[0] = '\0';
	kp_tally_opts_init(&o);
	o.csv.threads = threads;
	o.ballots_max = ballots_max;
	o.csv.libcsv_only = libcsv_only;
	kp_diag_sink_init(&s, unit_keep_diag, NULL);
	r->status = kp_congress_load(&r->cg, dir, &o.csv, &s);
	if (kp_tally_congress(&r->cg, NULL, &o, &r->res, &s) != KP_EXIT_OK &&
	    r->status == KP_EXIT_OK)
		r->status = KP_EXIT_DATA;
}

static void done(struct run *r)
{
	kp_results_release(&r->res);
	kp_congress_release(&r->cg);
}

/* Tallies dir with one thread: `status`, and `diags` all that is said. */
static void expect(const char *dir, int status, const char *diags)
{
	struct run r;

	tally(dir, 1, &r);
	assert_int_equal(r.status, status);
	assert_string_equal(unit_diags, diags);
	done(&r);
}

/* Tallies dir with one thread, which must say nothing: its first contest. */
static const struct kp_contest_result *tally_quiet(const char *dir, struct run *r)
{
	tally(dir, 1, r);
	assert_int_equal(r->status, KP_EXIT_OK);
	assert_string_equal(unit_diags, "");
	return &r->res.contests[0];
}

static void congress(const char *dir, const char *contests)
{
	unit_writes(dir, "contests.csv", contests);
	unit_writes(dir, "candidates.csv",
		    "contest,no,name,gender,born\n"
		    "c,1,Nguyễn Văn An,M,1970\n"
		    "c,2,Trần Thị Bích,F,1985\n"
		    "c,3,Lê Đức Cường,M,1990\n"
		    "c,4,Phạm Thị Dung,F,1992\n");
}

static void counts_reasons_and_consistency(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_round_result *rr;
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base,issued\nc,committee,3,7,7\n");
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4,void\n"
		    "1,,,,x,\n"			/* keeps 1,2,3 */
		    "2,,,x,,\n"			/* keeps 1,2,4 */
		    "3,,x,,,\n"			/* keeps 1,3,4 */
		    "4,,,,,\n"			/* keeps 4 of 3: too many */
		    "5,x,x,x,x,\n"		/* crosses all: invalid */
		    "6,,,x,x,Không đóng dấu\n"	/* ruled void */
		    "7,,X,X,x,\n");		/* keeps 1: valid */
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_string_equal(unit_diags, "");
	assert_int_equal(r.res.n, 1);
	assert_int_equal(r.res.contests[0].nrounds, 1);
	rr = &r.res.contests[0].rounds[0];
	assert_int_equal(rr->ballots, 7);
	assert_int_equal(rr->valid, 4);
	assert_int_equal(rr->invalid, 3);
	assert_int_equal(rr->nreasons, 3);
	assert_string_equal(rr->reasons[0].text, "too-many");
	assert_string_equal(rr->reasons[1].text, "all-crossed");
	assert_string_equal(rr->reasons[2].text, "void: Không đóng dấu");
	assert_int_equal(rr->cands[0].votes, 4);
	assert_int_equal(rr->cands[1].votes, 2);
	assert_int_equal(rr->cands[2].votes, 2);
	assert_int_equal(rr->cands[3].votes, 2);
	/* valid x seats = votes cast + unused: 4 x 3 = 10 + 2 */
	assert_int_equal(rr->votes_cast, 10);
	assert_int_equal(rr->unused, 2);
	/* base 7: only 4 votes are over half */
	assert_int_equal(rr->cands[0].result, KP_RESULT_ELECTED);
	assert_int_equal(rr->cands[1].result, KP_RESULT_NOT_ELECTED);
	assert_int_equal(r.res.contests[0].nelected, 1);
	assert_int_equal(r.res.contests[0].unfilled, 2);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_PENDING);
	assert_true(kp_results_pending(&r.res));
	/* the surplus of a 3-seat committee with 4 names: exactly one, ok */
	assert_int_equal(r.res.contests[0].surplus.verdict, KP_VERDICT_OK);
	done(&r);
	unit_rmdir(dir);
}

static void tie_then_second_round_with_reserve(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_contest_result *cr;
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,reserves,base\nc,delegates,1,1,5\n");
	/* round 1, 2 seats: 1 and 2 tie with 4 of base 5, 3 has 1 */
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,,x,x\n2,,,x,x\n3,,,x,x\n4,,,x,x\n5,x,x,,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->status, KP_STATUS_PENDING);
	assert_int_equal(cr->ntied, 2);
	assert_int_equal(cr->tied[0], 1);
	assert_int_equal(cr->tied[1], 2);
	assert_int_equal(cr->rounds[0].cands[0].result, KP_RESULT_TIE);
	assert_int_equal(cr->nreserves, 0); /* no reserve past a tie */
	assert_int_equal(cr->unfilled, 2);
	done(&r);
	/* round 2: the re-vote among the two for the official seat alone
	 * (QĐ 190 Art. 18); ballot 4 keeps both names: too many */
	unit_writes(dir, "ballots/c.r2.csv",
		    "ballot,2,Nguyễn Văn An\n1,,x\n2,,x\n3,,x\n4,,\n5,x,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->status, KP_STATUS_COMPLETE);
	assert_int_equal(cr->nrounds, 2);
	assert_int_equal(cr->rounds[1].seats, 1);
	assert_int_equal(cr->rounds[1].official_open, 1);
	assert_int_equal(cr->rounds[1].reserve_open, 0);
	assert_int_equal(cr->rounds[1].valid, 4);
	assert_string_equal(cr->rounds[1].reasons[0].text, "too-many");
	assert_int_equal(cr->nelected, 1);
	assert_int_equal(cr->elected[0].no, 2);
	assert_int_equal(cr->elected[0].round, 2);
	assert_int_equal(cr->elected[0].votes, 3);
	/* the reserve is the other, over half in round 1: ranked by that
	 * round's votes, and marked reserve in the round that decided it */
	assert_int_equal(cr->nreserves, 1);
	assert_int_equal(cr->reserves[0].no, 1);
	assert_int_equal(cr->reserves[0].round, 1);
	assert_int_equal(cr->reserves[0].votes, 4);
	assert_int_equal(cr->rounds[1].cands[0].no, 1);
	assert_int_equal(cr->rounds[1].cands[0].result, KP_RESULT_RESERVE);
	assert_int_equal(cr->rounds[1].cands[0].votes, 1);
	assert_int_equal(cr->unfilled, 0);
	assert_int_equal(cr->ntied, 0);
	done(&r);
	/* a third round after every seat was filled */
	unit_writes(dir, "ballots/c.r3.csv", "ballot,3\n1,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags, "c.r3.csv:0:0:e:round 3 ballots, but every seat "
				   "of contest 'c' was filled in round 2\n");
	done(&r);
	unit_rmdir(dir);
}

static void later_round_lists_only_open_candidates(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base\nc,committee,3,5\n");
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,x,x,x\n2,,x,x,x\n3,,x,x,x\n4,x,x,x,\n5,x,x,x,\n");
	unit_writes(dir, "ballots/c.r2.csv", "ballot,1,2,2,9\n1,,,,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.r2.csv:1:8:e:candidate 1 (Nguyễn Văn An) was elected in an earlier "
		"round and cannot be on the round 2 list\n"
		"c.r2.csv:1:12:e:candidate 2 (Trần Thị Bích) has two columns\n"
		"c.r2.csv:1:14:e:column '9' is not a candidate of contest 'c': expected "
		"a number 1..N or a full name from candidates.csv\n");
	done(&r);
	unit_rmdir(dir);
}

static void round_one_lists_everyone_and_issued_bounds(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base,issued\nc,committee,3,5,1\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,4\n1,,,\n2,,,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.csv:1:1:e:candidate 3 (Lê Đức Cường) of contest 'c' has no column "
		"in the round 1 ballots\n");
	done(&r);
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4\n1,,,,x\n2,,,,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.csv:0:0:e:2 ballots counted, but contests.csv line 2 says only 1 "
		"were issued\n");
	done(&r);
	unit_rmdir(dir);
}

static void closed_and_not_started(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base,status\n"
		      "c,committee,3,5,closed\n");
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,x,x,x\n2,,x,x,x\n3,,x,x,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_CLOSED);
	assert_int_equal(r.res.contests[0].unfilled, 2);
	assert_false(kp_results_pending(&r.res));
	done(&r);
	unlink(strcat(strcpy(unit_diags, dir), "/ballots/c.csv"));
	tally(dir, 1, &r);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_CLOSED);
	done(&r);
	congress(dir, "contest,kind,seats,base\nc,committee,3,5\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_NOT_STARTED);
	assert_int_equal(r.res.contests[0].nrounds, 0);
	done(&r);
	unit_rmdir(dir);
}

/* A ballot file with its header and no ballot is a sheet not typed in yet:
 * the round is not held, with a warning; a later round after it is an
 * error. One ballot is enough for a round to be held. */
static void an_empty_sheet_is_no_round(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_contest_result *cr;
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,reserves,base\nc,delegates,1,1,5\n");
	unit_writes(dir, "ballots/c.csv", "\xef\xbb\xbf" "ballot,1,2,3,4,void\r\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->status, KP_STATUS_NOT_STARTED);
	assert_int_equal(cr->nrounds, 0);
	assert_string_equal(unit_diags, "c.csv:0:0:w:no ballots yet: round 1 counts "
			    "once its ballots are typed in\n");
	done(&r);
	/* round 1 ties 1 and 2; the round 2 sheet is still empty */
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,,x,x\n2,,,x,x\n3,,,x,x\n4,,,x,x\n5,x,x,,\n");
	unit_writes(dir, "ballots/c.r2.csv", "ballot,1,2\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->status, KP_STATUS_PENDING);
	assert_int_equal(cr->nrounds, 1);
	assert_int_equal(cr->ntied, 2); /* still the tie of round 1 */
	done(&r);
	/* a round 3 file after the empty round 2 */
	unit_writes(dir, "ballots/c.r3.csv", "ballot,1\n1,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.r2.csv:0:0:w:no ballots yet: round 2 counts once its ballots "
		"are typed in\n"
		"c.r3.csv:0:0:e:round 3 ballots, but round 2 has no ballots yet\n");
	done(&r);
	/* one ballot typed in round 2: the round is held */
	unlink(strcat(strcpy(unit_diags, dir), "/ballots/c.r3.csv"));
	unit_writes(dir, "ballots/c.r2.csv", "ballot,1,2\n1,,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_int_equal(r.res.contests[0].nrounds, 2);
	assert_string_equal(unit_diags, "");
	done(&r);
	unit_rmdir(dir);
}

static void bad_rows_are_all_reported(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base\nc,committee,3,5\n");
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,x,x,x\n1,,x,x,x\n,,x,x,x\n3,v,x,,\n4,,x\n5,,x,x,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.csv:3:1:e:duplicate ballot id '1' (first on line 2)\n"
		"c.csv:4:1:e:empty ballot id: every ballot needs one\n"
		"c.csv:5:3:e:mark 'v' for candidate 1: expected empty (kept) or 'x' "
		"(crossed out)\n"
		"c.csv:6:5:e:expected 5 fields as in the header, found 3\n");
	done(&r);
	unit_rmdir(dir);
}

/* A large file read in parts gives the results of one pass, and a
 * duplicate id across two parts is still found. */
static void parts_give_the_same_results(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_buf b = KP_BUF_INIT;
	struct run one, two;
	size_t i, k;
	uint64_t seed = 12345;

	(void)state;
	congress(dir, "contest,kind,seats,base\nc,committee,3,400000\n");
	kp_buf_addstr(&b, "ballot,1,2,3,4,void\n");
	for (i = 0; i < 300000; i++) {
		kp_buf_addf(&b, "B%06zu", i);
		for (k = 0; k < 4; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			kp_buf_addstr(&b, (seed >> 62) ? "," : ",x");
		}
		kp_buf_addstr(&b, i % 1000 == 3 ? ",Rách\n" : ",\n");
	}
	unit_write(dir, "ballots/c.csv", b.s, b.len);
	tally(dir, 1, &one);
	assert_int_equal(one.status, KP_EXIT_OK);
	tally(dir, 2, &two);
	assert_int_equal(two.status, KP_EXIT_OK);
	for (k = 0; k < 4; k++)
		assert_int_equal(one.res.contests[0].rounds[0].cands[k].votes,
				 two.res.contests[0].rounds[0].cands[k].votes);
	assert_int_equal(one.res.contests[0].rounds[0].valid,
			 two.res.contests[0].rounds[0].valid);
	assert_int_equal(one.res.contests[0].rounds[0].reasons[0].count,
			 two.res.contests[0].rounds[0].reasons[0].count);
	assert_int_equal(one.res.contests[0].rounds[0].ballots, 300000);
	done(&one);
	done(&two);
	/* the last ballot repeats the first id: it sits in another part */
	kp_buf_addstr(&b, "B000000,,,,x,\n");
	unit_write(dir, "ballots/c.csv", b.s, b.len);
	tally(dir, 2, &two);
	assert_int_equal(two.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags, "c.csv:300002:1:e:duplicate ballot id 'B000000' "
				   "(first on line 2)\n");
	done(&two);
	kp_buf_release(&b);
	unit_rmdir(dir);
}

/*
 * The limit on ballots per file, reached: exactly the limit is counted,
 * one more is an error, whether the file is read in one pass or in parts.
 * (The limit is KP_BALLOTS_MAX, 100 million; a test lowers it to the
 * 300,000 ballots of a file it can make in a moment.)
 */
static void ballot_limit_at_the_boundary(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_buf b = KP_BUF_INIT;
	struct run r;
	size_t i;

	(void)state;
	assert_int_equal(KP_BALLOTS_MAX, 100000000);
	congress(dir, "contest,kind,seats,base\nc,committee,3,400000\n");
	kp_buf_addstr(&b, "ballot,1,2,3,4\n");
	for (i = 0; i < 300000; i++)
		kp_buf_addf(&b, "%zu,,,,x\n", i + 1);
	unit_write(dir, "ballots/c.csv", b.s, b.len);
	ballots_max = 300000;
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_int_equal(r.res.contests[0].rounds[0].ballots, 300000);
	done(&r);
	tally(dir, 2, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_int_equal(r.res.contests[0].rounds[0].ballots, 300000);
	done(&r);
	kp_buf_addstr(&b, "300001,,,,x\n");
	unit_write(dir, "ballots/c.csv", b.s, b.len);
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags, "c.csv:300002:1:e:more than 300000 ballots "
				   "in one file\n");
	done(&r);
	/* in parts, no part is over: the sum is, found when they are merged */
	tally(dir, 2, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_non_null(strstr(unit_diags, "more than 300000 ballots in one file"));
	done(&r);
	ballots_max = KP_BALLOTS_MAX;
	kp_buf_release(&b);
	unit_rmdir(dir);
}

static void windows_1258_void_reasons(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;
	/* "Không dấu" in Windows-1258: ô is 0xF4, dấu is d + 0xE2 + 0xEC + u */
	static const char f[] = "ballot,1,2,3,4,void\n1,,,,x,Kh\xf4ng d\xe2\xecu\n"
				"2,,,,x,\n";

	(void)state;
	congress(dir, "contest,kind,seats,base\nc,committee,3,2\n");
	unit_writes(dir, "ballots/c.csv", f);
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_string_equal(r.res.contests[0].rounds[0].reasons[0].text,
			    "void: Không dấu");
	assert_int_equal(r.res.contests[0].rounds[0].valid, 1);
	assert_string_equal(unit_diags, "c.csv:2:0:w:not valid UTF-8; reading the file as "
				   "Windows-1258 (--encoding chooses another)\n");
	done(&r);
	unit_rmdir(dir);
}


/* Two tied with a third at the official cut, for 1 official + 1 reserve:
 * the re-vote elects one, and the reserve falls to a tie between the two
 * others (equal votes in round 1), settled by a reserve-only re-vote. */
static void reserve_tie_after_an_official_re_vote(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_contest_result *cr;
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,reserves,base\nc,delegates,1,1,5\n");
	/* 1, 2, 3 have 3 votes each of base 5; 4 has none */
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4\n"
		    "1,,,x,x\n2,,x,,x\n3,x,,,x\n4,,x,x,x\n5,x,,x,x\n6,x,x,,x\n");
	unit_writes(dir, "ballots/c.r2.csv", "ballot,1,2,3\n"
		    "1,,x,x\n2,,x,x\n3,,x,x\n4,x,,x\n5,x,x,\n6,,,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->rounds[0].cands[0].result, KP_RESULT_TIE);
	assert_int_equal(cr->rounds[1].official_open, 1);
	assert_int_equal(cr->rounds[1].reserve_open, 0);
	assert_int_equal(cr->rounds[1].invalid, 1); /* 6 keeps all three */
	assert_int_equal(cr->nelected, 1);
	assert_int_equal(cr->elected[0].no, 1);
	assert_int_equal(cr->nreserves, 0);
	assert_int_equal(cr->status, KP_STATUS_PENDING);
	assert_int_equal(cr->ntied, 2);
	assert_int_equal(cr->tied[0], 2);
	assert_int_equal(cr->tied[1], 3);
	assert_int_equal(cr->rounds[1].cands[1].result, KP_RESULT_TIE);
	assert_int_equal(cr->next.official, 0);
	assert_int_equal(cr->next.reserves, 1);
	done(&r);
	/* round 3: the reserve alone; keeping both names is too many */
	unit_writes(dir, "ballots/c.r3.csv", "ballot,2,3\n"
		    "1,,x\n2,,x\n3,,x\n4,x,\n5,,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->rounds[2].seats, 1);
	assert_int_equal(cr->rounds[2].reserve_open, 1);
	assert_int_equal(cr->rounds[2].invalid, 1);
	assert_int_equal(cr->nreserves, 1);
	assert_int_equal(cr->reserves[0].no, 2);
	assert_int_equal(cr->reserves[0].round, 3);
	assert_int_equal(cr->status, KP_STATUS_COMPLETE);
	assert_int_equal(r.res.status, KP_CONGRESS_COMPLETE);
	done(&r);
	unit_rmdir(dir);
}

/* Three reserves elected over two rounds, in the order the minutes list
 * them: by the round that elected them, then by votes, highest first
 * (QĐ 190 Art. 18; docs/rules.md, rules 5 and 6). Round 1 elects two of
 * them, the one with the higher number first by its votes; round 2 the
 * third, last although it has the most votes. */
static void reserves_ranked_by_round_then_votes(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_contest_result *cr;
	struct run r;
	size_t i;
	static const struct { unsigned no, round; uint64_t votes; } reserves[] = {
		{ 4, 1, 6 }, { 3, 1, 5 }, { 7, 2, 8 },
	};

	(void)state;
	congress(dir, "contest,kind,seats,reserves,base\nc,delegates,2,3,9\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name,gender,born\n"
		    "c,1,Nguyễn Văn An,M,1970\n"
		    "c,2,Trần Thị Bích,F,1985\n"
		    "c,3,Lê Đức Cường,M,1990\n"
		    "c,4,Phạm Thị Dung,F,1992\n"
		    "c,5,Hoàng Văn Em,M,1975\n"
		    "c,6,Vũ Thị Giang,F,1988\n"
		    "c,7,Đặng Quốc Hùng,M,1981\n"
		    "c,8,Bùi Thị Khánh,F,1979\n");
	/* round 1, 5 seats of base 9: 1 has 9, 2 has 8, 4 has 6, 3 has 5,
	 * 5 and 7 have 4 (not over half), 6 has 3, 8 has 1 */
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4,5,6,7,8\n"
		    "1,,,,,,x,x,x\n" "2,,,,,,x,x,x\n" "3,,,,,x,x,,x\n"
		    "4,,,,,x,x,,x\n" "5,,,,,x,,x,x\n" "6,,,x,,x,,,x\n"
		    "7,,,x,x,,,,x\n" "8,,,x,x,,x,x,\n" "9,,x,x,x,x,x,x,x\n");
	cr = tally_quiet(dir, &r);
	assert_int_equal(cr->rounds[0].cands[2].votes, 5);
	assert_int_equal(cr->rounds[0].cands[3].votes, 6);
	assert_int_equal(cr->rounds[0].cands[4].votes, 4);
	assert_int_equal(cr->rounds[0].cands[6].votes, 4);
	assert_int_equal(cr->rounds[0].cands[2].result, KP_RESULT_RESERVE);
	assert_int_equal(cr->rounds[0].cands[3].result, KP_RESULT_RESERVE);
	assert_int_equal(cr->rounds[0].cands[4].result, KP_RESULT_NOT_ELECTED);
	assert_int_equal(cr->nelected, 2);
	assert_int_equal(cr->elected[0].no, 1);
	assert_int_equal(cr->elected[1].no, 2);
	assert_int_equal(cr->nreserves, 2);
	assert_int_equal(cr->reserves[0].no, 4); /* 6 votes before 5 */
	assert_int_equal(cr->reserves[1].no, 3);
	assert_int_equal(cr->unfilled, 1);
	assert_int_equal(cr->status, KP_STATUS_PENDING);
	/* no tie: the open reserve seat alone, on one list */
	assert_int_equal(cr->next.official, 0);
	assert_int_equal(cr->next.reserves, 1);
	done(&r);
	/* round 2, 1 seat: 7 has 8 of base 9, 5 has 1 */
	unit_writes(dir, "ballots/c.r2.csv", "ballot,5,6,7,8\n"
		    "1,x,x,,x\n" "2,x,x,,x\n" "3,x,x,,x\n" "4,x,x,,x\n"
		    "5,x,x,,x\n" "6,x,x,,x\n" "7,x,x,,x\n" "8,x,x,,x\n"
		    "9,,x,x,x\n");
	cr = tally_quiet(dir, &r);
	assert_int_equal(cr->rounds[1].seats, 1);
	assert_int_equal(cr->rounds[1].official_open, 0);
	assert_int_equal(cr->rounds[1].reserve_open, 1);
	assert_int_equal(cr->rounds[1].cands[2].result, KP_RESULT_RESERVE);
	assert_int_equal(cr->nelected, 2);
	assert_int_equal(cr->nreserves, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(cr->reserves[i].no, reserves[i].no);
		assert_int_equal(cr->reserves[i].round, reserves[i].round);
		assert_int_equal(cr->reserves[i].votes, reserves[i].votes);
	}
	assert_int_equal(cr->unfilled, 0);
	assert_int_equal(cr->status, KP_STATUS_COMPLETE);
	done(&r);
	unit_rmdir(dir);
}

/* rounds.csv says what a further round elects, both ways. */
static void rounds_csv_overrides_the_default(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_contest_result *cr;
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,reserves,base\nc,delegates,1,1,5\n");
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,,x,x\n2,,,x,x\n3,,,x,x\n4,,,x,x\n5,x,x,,\n");
	/* after the tie, the congress votes for both seats on one list */
	unit_writes(dir, "rounds.csv", "contest,round,seats,reserves,issued,present\n"
		    "c,2,1,1,5,5\n");
	unit_writes(dir, "ballots/c.r2.csv",
		    "ballot,1,2\n1,,\n2,,\n3,,x\n4,,x\n5,x,\n");
	cr = tally_quiet(dir, &r);
	assert_int_equal(cr->rounds[1].seats, 2);
	assert_int_equal(cr->rounds[1].valid, 5);
	assert_true(cr->rounds[1].has_issued);
	assert_int_equal(cr->rounds[1].present, 5);
	assert_int_equal(cr->elected[0].no, 1);
	assert_int_equal(cr->reserves[0].no, 2);
	assert_int_equal(cr->reserves[0].round, 2); /* ranked by round 2 */
	assert_int_equal(cr->status, KP_STATUS_COMPLETE);
	done(&r);
	/* after a round short of votes (no tie): the official seat alone */
	unit_writes(dir, "ballots/c.csv",
		    "ballot,1,2,3,4\n1,,x,x,x\n2,x,,x,x\n3,x,x,,x\n4,x,x,x,\n5,,x,x,x\n");
	unit_writes(dir, "rounds.csv", "contest,round,reserves\nc,2,0\n");
	unit_writes(dir, "ballots/c.r2.csv",
		    "ballot,1,2\n1,,\n2,,x\n3,,x\n4,,x\n5,x,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->rounds[0].cands[0].result, KP_RESULT_NOT_ELECTED);
	assert_int_equal(cr->rounds[1].seats, 1);
	assert_int_equal(cr->rounds[1].invalid, 1); /* keeping both: too many */
	assert_int_equal(cr->nelected, 1);
	assert_int_equal(cr->nreserves, 0);
	assert_int_equal(cr->status, KP_STATUS_PENDING);
	done(&r);
	/* more than is open, and a round without ballots */
	unit_writes(dir, "rounds.csv", "contest,round,seats\nc,2,2\nc,3,1\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"rounds.csv:3:1:e:round 3 of contest 'c' has no ballot file "
		"(ballots/c.csv for round 1, c.rN.csv after)\n");
	done(&r);
	unit_writes(dir, "rounds.csv", "contest,round,seats\nc,2,2\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"rounds.csv:2:0:e:round 2 of contest 'c' elects 2 seats, but only "
		"1 are open\n");
	done(&r);
	/* round 1 elects every seat; present above the base */
	unit_writes(dir, "rounds.csv", "contest,round,seats,present\nc,1,1,\nc,2,,6\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"rounds.csv:3:6:e:present: 6 present, but the base (those "
		"summoned) is 5\n");
	done(&r);
	unit_writes(dir, "rounds.csv", "contest,round,seats\nc,1,2\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_non_null(strstr(unit_diags, "round 1 elects every seat"));
	done(&r);
	/* more reserves than are open */
	unit_writes(dir, "rounds.csv", "contest,round,seats,reserves\nc,2,,2\n");
	expect(dir, KP_EXIT_DATA,
		"rounds.csv:2:0:e:round 2 of contest 'c' elects 2 reserves, but "
		"only 1 are open\n");
	unit_rmdir(dir);
}

/* A ballot file's header needs its id column, and a later round's at
 * least one candidate; a void cell of quoted spaces says nothing. */
static void what_a_ballot_header_needs(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base\nc,committee,3,5\n");
	unit_writes(dir, "ballots/c.csv", "1,2,3,4\n,,,x\n");
	expect(dir, KP_EXIT_DATA,
		"c.csv:1:1:e:missing required column 'ballot' (the ballot id)\n");
	/* round 1 elects 1 (5 votes) and leaves 2, 3 and 4 tied (3 each,
	 * more than half of 5) for the last two seats */
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4,void\n"
		    "1,,,,x,\n2,,,x,,\n3,,x,,,\n4,,,,x,\n5,,x,x,,\"   \"\n");
	unit_writes(dir, "ballots/c.r2.csv", "ballot\n1\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.r2.csv:1:1:e:no candidate columns: a round 2 list needs at "
		"least one candidate\n");
	/* the quoted spaces did not make ballot 5 void */
	assert_int_equal(r.res.contests[0].rounds[0].valid, 5);
	assert_int_equal(r.res.contests[0].rounds[0].nreasons, 0);
	assert_int_equal(r.res.contests[0].ntied, 3);
	done(&r);
	/* a contest without reserves: rounds.csv leaving out round 2's
	 * seats leaves it nothing to elect */
	unit_writes(dir, "rounds.csv", "contest,round,seats\nc,2,0\n");
	expect(dir, KP_EXIT_DATA,
		"rounds.csv:2:0:e:round 2 of contest 'c' elects no one: every seat "
		"it could elect is filled or left out\n");
	unit_rmdir(dir);
}

/* A list of delegates shorter than its seats and reserves: a warning for
 * tally, which still counts (rules.md 1). */
static void a_short_list_of_delegates(void **state)
{
	char *dir = unit_tmpdir();

	(void)state;
	congress(dir, "contest,kind,seats,reserves,base\nc,delegates,4,1,5\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4\n1,,,,\n2,,,,x\n");
	expect(dir, KP_EXIT_OK,
		"contests.csv:2:1:w:contest 'c': 4 candidates for 4 seats and 1 in "
		"reserve: the list must have at least as many candidates as "
		"seats and reserves\n");
	unit_rmdir(dir);
}

/* A deputy secretary, like the secretary, is elected from the new
 * committee. */
static void a_deputy_comes_from_the_new_committee(void **state)
{
	char *dir = unit_tmpdir();

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\n"
		    "b,committee,2,5\npbt,deputy,1,2\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\n"
		    "b,1,Nguyễn Văn An\nb,2,Trần Thị Bích\nb,3,Lê Đức Cường\n"
		    "pbt,1,Lê Đức Cường\n");
	unit_writes(dir, "ballots/b.csv", "ballot,1,2,3\n"
		    "1,,,x\n2,,,x\n3,,,x\n4,,x,\n5,x,,\n");
	unit_writes(dir, "ballots/pbt.csv", "ballot,1\n1,\n2,\n");
	expect(dir, KP_EXIT_DATA,
		"candidates.csv:5:1:e:candidate 1 (Lê Đức Cường) of contest 'pbt' "
		"is not an elected member of the committee 'b': a deputy secretary "
		"is elected from the new committee\n");
	unit_rmdir(dir);
}

/* present given by the minutes and by contests.csv: they must agree. */
static void minutes_and_contests_disagree_on_present(void **state)
{
	char *dir = unit_tmpdir(), path[4200];

	(void)state;
	congress(dir, "contest,kind,seats,base,present\nc,committee,3,9,9\n");
	snprintf(path, sizeof(path), "%s/results", dir);
	assert_int_equal(unit_mkdir(path), 0);
	unit_writes(dir, "results/c.csv", "item,value\npresent,8\nreturned,8\n"
		    "valid,8\ninvalid,0\n1,8\n2,8\n3,8\n4,0\n");
	expect(dir, KP_EXIT_DATA,
		"c.csv:2:0:e:present: the minutes say 8, contests.csv line 2 says 9\n");
	unit_rmdir(dir);
}

/* A name added for round 2 (QĐ 244 Art. 20.2): not on round 1's list,
 * not in its surplus, welcome in round 2. */
static void name_added_in_round_two(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_contest_result *cr;
	struct run r;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nc,committee,3,5\n");
	unit_writes(dir, "candidates.csv", "contest,no,name,round\n"
		    "c,1,Nguyễn Văn An,\nc,2,Trần Thị Bích,1\nc,3,Lê Đức Cường,1\n"
		    "c,4,Phạm Thị Dung,1\nc,5,Hoàng Văn Đạt,2\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4\n"
		    "1,,,x,x\n2,,,x,x\n3,,,x,x\n4,x,x,,\n5,x,x,,\n");
	unit_writes(dir, "ballots/c.r2.csv", "ballot,3,4,5\n"
		    "1,x,x,\n2,x,x,\n3,x,x,\n4,,x,x\n5,x,,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	cr = &r.res.contests[0];
	assert_int_equal(cr->surplus.candidates, 4);
	assert_int_equal(cr->nelected, 3);
	assert_int_equal(cr->elected[2].no, 5);
	assert_int_equal(cr->elected[2].round, 2);
	done(&r);
	/* in the round 1 header, it is an error */
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4,5\n1,,,x,x,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_non_null(strstr(unit_diags, "c.csv:1:16:e:candidate 5 (Hoàng Văn "
					   "Đạt) stands from round 2"));
	done(&r);
	unit_rmdir(dir);
}

/* The two-box ballot of a list without surplus. */
static void agree_ballots(void **state)
{
	char *dir = unit_tmpdir();
	const struct kp_round_result *rr;
	struct run r;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base,form\n"
		    "c,deputy,2,5,agree\nb,secretary,1,5,đồng ý\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\n"
		    "c,1,Nguyễn Văn An\nc,2,Trần Thị Bích\nb,1,Lê Đức Cường\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2\n"
		    "1,y,đ\n2,yn,n\n3,,Đồng ý\n4,n,k\n5,Y,v\n");
	unit_writes(dir, "ballots/b.csv", "ballot,1\n1,y\n2,yn\n3,\n4,n\n5,đ\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"c.csv:6:5:e:mark 'v' for candidate 2: expected y (đồng ý), n (không "
		"đồng ý), yn (both boxes) or empty (neither)\n");
	done(&r);
	unit_writes(dir, "ballots/c.csv", "ballot,1,2\n"
		    "1,y,đ\n2,yn,n\n3,,Đồng ý\n4,n,k\n5,Y,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	rr = &r.res.contests[0].rounds[0];
	/* 4 disagrees with both: a vote for no one; the rest are valid */
	assert_int_equal(rr->valid, 4);
	assert_string_equal(rr->reasons[0].text, "all-crossed");
	assert_int_equal(rr->cands[0].votes, 2);
	assert_int_equal(rr->cands[1].votes, 2);
	/* one name: both boxes or neither is no choice */
	rr = &r.res.contests[1].rounds[0];
	assert_int_equal(rr->valid, 3);
	assert_int_equal(rr->invalid, 2);
	assert_string_equal(rr->reasons[0].text, "no-choice");
	assert_int_equal(rr->cands[0].votes, 2);
	done(&r);
	unit_rmdir(dir);
}

/* The standing committee and the secretary come from the new committee. */
static void elected_from_the_new_committee(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\n"
		    "t,standing,1,3\nb,committee,3,5\nbt,secretary,1,3\n");
	unit_writes(dir, "candidates.csv", "contest,no,name,person\n"
		    "b,1,Nguyễn Văn An,\nb,2,Trần Thị Bích,\nb,3,Lê Đức Cường,\n"
		    "b,4,Phạm Thị Dung,\nt,1,Nguyễn  Văn An,\nt,2,Trần Thị Bích,\n"
		    "bt,1,Lê Đức Cường,\n");
	/* the committee is pending: the others wait, uncounted */
	unit_writes(dir, "ballots/b.csv", "ballot,1,2,3,4\n1,,,,x\n2,,,x,x\n");
	unit_writes(dir, "ballots/t.csv", "ballot,1,2\n1,,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_WAITING);
	assert_ptr_equal(r.res.contests[0].waits_for, &r.cg.contests[1]);
	assert_int_equal(r.res.contests[0].nrounds, 0);
	assert_int_equal(r.res.contests[2].status, KP_STATUS_WAITING);
	assert_int_equal(r.res.status, KP_CONGRESS_IN_PROGRESS);
	assert_string_equal(unit_diags,
		"t.csv:0:0:w:not counted yet: contest 't' is elected from the new "
		"committee, and the committee 'b' is not complete\n");
	done(&r);
	/* complete, without Lê Đức Cường: the secretary's candidate is not a
	 * member; the standing committee's are (spaces folded) */
	unit_writes(dir, "ballots/b.csv", "ballot,1,2,3,4\n"
		    "1,,,x,\n2,,,x,\n3,,,x,x\n4,x,x,,\n5,x,,x,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"candidates.csv:8:1:e:candidate 1 (Lê Đức Cường) of contest 'bt' "
		"is not an elected member of the committee 'b': the secretary is "
		"elected from the new committee\n");
	assert_int_equal(r.res.contests[0].status, KP_STATUS_PENDING); /* counted */
	done(&r);
	/* two people of one name: the person column tells them apart */
	unit_writes(dir, "candidates.csv", "contest,no,name,person\n"
		    "b,1,Nguyễn Văn An,A1\nb,2,Trần Thị Bích,\nb,3,Lê Đức Cường,\n"
		    "b,4,Nguyễn Văn An,A2\nt,1,Nguyễn Văn An,A2\nt,2,Trần Thị Bích,\n"
		    "bt,1,Trần Thị Bích,\n");
	unit_writes(dir, "ballots/b.csv", "ballot,1,2,3,4\n"
		    "1,,,,x\n2,,,,x\n3,,,,x\n4,x,x,,\n5,x,,x,\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_non_null(strstr(unit_diags, "candidates.csv:6:1:e:candidate 1 "
					   "(Nguyễn Văn An) of contest 't' is "
					   "not an elected member"));
	done(&r);
	unit_rmdir(dir);
}

/* Attendance: present above the base is an error, counts above present
 * or the base and attendance under two thirds are warnings. */
static void attendance(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	congress(dir, "contest,kind,seats,base,issued,present\nc,committee,3,9,5,4\n");
	unit_writes(dir, "ballots/c.csv", "ballot,1,2,3,4\n"
		    "1,,,,x\n2,,,,x\n3,,,,x\n4,,,,x\n5,,,,x\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_OK);
	assert_string_equal(unit_diags,
		"c.csv:0:0:w:5 ballots counted, but contests.csv line 2 says 4 "
		"were present\n"
		"contests.csv:2:0:w:contest 'c' round 1: 5 ballots issued to 4 present\n"
		"contests.csv:2:0:w:contest 'c' round 1: 4 of 9 summoned present, "
		"fewer than two thirds\n");
	assert_int_equal(r.res.contests[0].rounds[0].present, 4);
	done(&r);
	congress(dir, "contest,kind,seats,base,present\nc,committee,3,4,5\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"contests.csv:2:17:e:present: 5 present, but the base (those "
		"summoned) is 4\n");
	done(&r);
	congress(dir, "contest,kind,seats,base\nc,committee,3,4\n");
	tally(dir, 1, &r);
	assert_non_null(strstr(unit_diags, "c.csv:0:0:w:5 ballots counted, more "
					   "than the base of 4 summoned"));
	done(&r);
	unit_rmdir(dir);
}

/* Nothing to count is an error, not "ok (0 contests)". */
static void no_election_listed(void **state)
{
	char *dir = unit_tmpdir();
	struct run r;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\n");
	tally(dir, 1, &r);
	assert_int_equal(r.status, KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"contests.csv:0:0:e:no election is listed: nothing to count (a row "
		"per election: contest, kind, seats, base)\n");
	done(&r);
	unit_rmdir(dir);
}

/* The vector byte masks against the loop, for every length up to 300 and
 * every start within a word, on bytes drawn around the ones that matter. */
static void byte_masks_match_the_loop(void **state)
{
	static const char pick[] = ",;\txXyY\"a0 \x80\xd8\xf8\x00";
	char buf[400];
	uint64_t a[8], b[8], c[8], d[8];
	uint64_t seed = 99;
	size_t len, off, i;

	(void)state;
	for (len = 0; len <= 300; len++)
		for (off = 0; off < 8; off++) {
			for (i = 0; i < len; i++) {
				seed = seed * 6364136223846793005ull + 1442695040888963407ull;
				buf[off + i] = pick[(seed >> 33) % (sizeof(pick) - 1)];
			}
			memset(a, 0xaa, sizeof(a));
			memset(c, 0x55, sizeof(c));
			kp_bytemask(buf + off, len, ',', 'x', a, b);
			kp_bytemask_portable(buf + off, len, ',', 'x', c, d);
			assert_memory_equal(a, c, (len + 63) / 64 * sizeof(*a));
			assert_memory_equal(b, d, (len + 63) / 64 * sizeof(*b));
			for (i = 0; i < len; i++) {
				int isd = buf[off + i] == ',';
				int isx = buf[off + i] == 'x' || buf[off + i] == 'X';

				assert_int_equal((int)(c[i / 64] >> (i % 64) & 1), isd);
				assert_int_equal((int)(d[i / 64] >> (i % 64) & 1), isx);
			}
			if (len % 64) /* the bits past the end are clear */
				assert_int_equal(a[len / 64] >> (len % 64), 0);
		}
}

/* The vector count of one byte, and of CRs without an LF after them,
 * against the loop and against a count made here, at every length to
 * 300 and at every alignment, through the 255-block wrap of its
 * counters (a file of 20,000 bytes). */
static void byte_counts_match_the_loop(void **state)
{
	static const char pick[] = "\r\n\r\na,\n\rx";
	static char buf[20016];
	uint64_t seed = 7;
	size_t len, off, i, want, lone;

	(void)state;
	for (len = 0; len <= 20000; len += len < 300 ? 1 : 4900)
		for (off = 0; off < 8; off++) {
			want = lone = 0;
			for (i = 0; i < len; i++) {
				seed = seed * 6364136223846793005ull + 1442695040888963407ull;
				buf[off + i] = pick[(seed >> 33) % (sizeof(pick) - 1)];
			}
			for (i = 0; i < len; i++) {
				want += buf[off + i] == '\n';
				lone += i + 1 < len && buf[off + i] == '\r' &&
					buf[off + i + 1] != '\n';
			}
			assert_int_equal(kp_bytecount(buf + off, len, '\n', 0), want);
			assert_int_equal(kp_bytecount_portable(buf + off, len, '\n', 0), want);
			assert_int_equal(kp_bytecount(buf + off, len, 0, 1), lone);
			assert_int_equal(kp_bytecount_portable(buf + off, len, 0, 1), lone);
		}
}

/*
 * Plain rows are counted from masks of their bytes (tally.c's
 * ballot_plain), every other row as a record: the same file read both ways
 * gives the same counts and the same diagnostics, in one part and in two.
 * The rows test the edges of the plain count: the id in the middle, the
 * void column in the middle and at the end, capital X, an x inside an
 * id, two x in one mark, a mark that is not one, a wrong width, an empty
 * and a repeated id, a quoted row, a row past 64 bytes and one past 128.
 */
static void plain_rows_count_as_records_do(void **state)
{
	static const char *const files[] = {
		"ballot,1,2,3,4,void\n"
		"1,,,,x,\n" "2,X,,x,,\n" "3,x,x,x,x,\n" "4,,,,,\n" "x5,,x,,,\n"
		"6,xx,,,,\n" "7,,y,,,\n" "8,,,,\n" "9,,,,,,\n" ",,x,,,\n"
		"1,,,x,,\n" "\"10\",,,,x,\n" "11,,,,x,Rách\n" "12,,,,x,x\n"
		"13x,,x,,x,\n" "x,,,,x,\n" "X,x,,,,\n"
		"0123456789012345678901234567890123456789012345678901234567,,x,,x,\n"
		"0123456789012345678901234567890123456789012345678901234567"
		"0123456789012345678901234567890123456789012345678901234567"
		"0123456789,x,,x,,\n"
		"14,,x,,x,\n",
		"1,ballot,void,2,3,4\n"
		"x,1,,,x,\n" ",2,,x,,\n" "x,3,,,,\n" "xx,4,,,,\n" ",5,v,,,\n"
		",6,,,,x\n" "x,7,,x,x,x\n" ",x,,,,\n",
		"void,2,ballot,4,3,1\n" ",,1,x,,\n" ",x,2,,x,\n" "x,,3,,,\n"
		",,,x,,\n" ",x,4,x,xX,\n" ",x,5,x,\n",
		/* the same edges, with nothing to report: the counts too */
		"ballot,1,2,3,4,void\n"
		"1,,,,x,\n" "2,X,,x,,\n" "3,x,x,x,x,\n" "4,,,,,\n" "x5,,x,,,\n"
		"\"10\",,,,x,\n" "11,,,,x,Rách\n" "12,,,,x,x\n" "13x,,x,,x,\n"
		"x,,,,x,\n" "X,x,,,,\n" "x y,,x,,,\n"
		"0123456789012345678901234567890123456789012345678901234567,,x,,x,\n"
		"0123456789012345678901234567890123456789012345678901234567"
		"0123456789012345678901234567890123456789012345678901234567"
		"0123456789,x,,x,,\n"
		"14,,x,,x,\n",
		"1,ballot,void,2,3,4\n"
		"x,1,,,x,\n" ",2,,x,,\n" "x,3,,,,\n" ",5,v,,,\n" ",6,,,,x\n"
		"x,7,,x,x,x\n" "x,x,,x,x,x\n" ",8,,,,\n",
		"void,2,ballot,4,3,1\n" ",,1,x,,\n" ",x,2,,x,\n" "x,,3,,,\n"
		",x,4,x,x,\n" ",,x,,,x\n" ",,X,x,x,\n" ",x,5,x,x,X\n",
	};
	static const char *const contests[] = {
		"contest,kind,seats,base\nc,committee,3,100\n",
		"contest,kind,seats,base\nc,committee,2,100\n",
		"contest,kind,seats,base\nc,committee,1,100\n",
		"contest,kind,seats,base\nc,committee,3,100\n",
		"contest,kind,seats,base\nc,committee,2,100\n",
		"contest,kind,seats,base\nc,committee,1,100\n",
	};
	static const size_t nfiles = sizeof(files) / sizeof(*files);
	char *dir = unit_tmpdir();
	struct kp_buf big = KP_BUF_INIT;
	size_t f, k;

	(void)state;
	for (f = 0; f < nfiles + 1; f++) {
		unsigned threads;

		if (f < nfiles) {
			congress(dir, contests[f]);
			unit_writes(dir, "ballots/c.csv", files[f]);
		} else {
			/* large enough to be read in two parts, with void
			 * ballots in each */
			uint64_t seed = 7;

			congress(dir, contests[0]);
			kp_buf_addstr(&big, "ballot,1,2,3,4,void\n");
			for (k = 0; k < 200000; k++) {
				unsigned m;

				kp_buf_addf(&big, "%zu", k);
				for (m = 0; m < 4; m++) {
					seed = seed * 6364136223846793005ull + 1442695040888963407ull;
					kp_buf_addstr(&big, (seed >> 62) == 0 ? ",x" :
						      (seed >> 62) == 1 ? ",X" : ",");
				}
				kp_buf_addstr(&big, k % 50000 == 11 ? ",z\n" : ",\n");
			}
			unit_write(dir, "ballots/c.csv", big.s, big.len);
		}
		for (threads = 1; threads <= 2; threads++) {
			struct run fast, slow;
			char diags[sizeof(unit_diags)];
			const struct kp_round_result *a, *b;

			libcsv_only = 0;
			tally(dir, threads, &fast);
			memcpy(diags, unit_diags, sizeof(diags));
			libcsv_only = 1;
			tally(dir, threads, &slow);
			libcsv_only = 0;
			assert_string_equal(diags, unit_diags);
			assert_int_equal(fast.status, slow.status);
			/* the first three files have errors, the others none */
			if (fast.status != (f < 3 ? KP_EXIT_DATA : KP_EXIT_OK))
				fail_msg("file %zu: status %d: %s", f, fast.status, diags);
			if (f >= 3) {
				a = &fast.res.contests[0].rounds[0];
				b = &slow.res.contests[0].rounds[0];
				assert_int_equal(a->ballots, b->ballots);
				assert_int_equal(a->valid, b->valid);
				assert_int_equal(a->ncands, b->ncands);
				for (k = 0; k < a->ncands; k++)
					assert_int_equal(a->cands[k].votes, b->cands[k].votes);
			}
			/* (a list of 4 for 1 or 2 seats is warned of: not an error) */
			if ((strstr(diags, ":e:") != NULL) != (f < 3))
				fail_msg("file %zu: %s", f, diags);
			done(&fast);
			done(&slow);
		}
	}
	kp_buf_release(&big);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_reasons_and_consistency),
		cmocka_unit_test(tie_then_second_round_with_reserve),
		cmocka_unit_test(reserve_tie_after_an_official_re_vote),
		cmocka_unit_test(reserves_ranked_by_round_then_votes),
		cmocka_unit_test(rounds_csv_overrides_the_default),
		cmocka_unit_test(what_a_ballot_header_needs),
		cmocka_unit_test(a_short_list_of_delegates),
		cmocka_unit_test(a_deputy_comes_from_the_new_committee),
		cmocka_unit_test(minutes_and_contests_disagree_on_present),
		cmocka_unit_test(name_added_in_round_two),
		cmocka_unit_test(agree_ballots),
		cmocka_unit_test(elected_from_the_new_committee),
		cmocka_unit_test(attendance),
		cmocka_unit_test(no_election_listed),
		cmocka_unit_test(later_round_lists_only_open_candidates),
		cmocka_unit_test(round_one_lists_everyone_and_issued_bounds),
		cmocka_unit_test(closed_and_not_started),
		cmocka_unit_test(an_empty_sheet_is_no_round),
		cmocka_unit_test(bad_rows_are_all_reported),
		cmocka_unit_test(parts_give_the_same_results),
		cmocka_unit_test(ballot_limit_at_the_boundary),
		cmocka_unit_test(windows_1258_void_reasons),
		cmocka_unit_test(byte_masks_match_the_loop),
		cmocka_unit_test(byte_counts_match_the_loop),
		cmocka_unit_test(plain_rows_count_as_records_do),
	};

	return cmocka_run_group_tests_name("tally", tests, NULL, NULL);
}
