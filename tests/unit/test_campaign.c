/* Campaigns: campaign.csv, the summary of a congress, the figures. */
#include "unit.h"

#include "kiemphieu/buf.h"

#include "kiemphieu/campaign.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/tally.h"

static struct kp_summary done_summary(uint64_t surplus, uint64_t seats,
				      int one_round, uint64_t members,
				      uint64_t pct_sum, uint64_t pct_min)
{
	struct kp_summary s;

	memset(&s, 0, sizeof(s));
	s.status = KP_ORG_DONE;
	s.has_committee = 1;
	s.surplus.candidates = seats + surplus;
	s.surplus.seats = seats;
	s.surplus.surplus = (int64_t)surplus;
	s.surplus.percent_x100 = kp_rules_percent_x100(surplus, seats);
	s.surplus.verdict = KP_VERDICT_OK;
	s.committee_complete = 1;
	s.one_round = one_round;
	s.members = members;
	s.pct_sum_x100 = pct_sum;
	s.pct_min_x100 = pct_min;
	return s;
}

static void figures_of_a_campaign(void **state)
{
	struct kp_org orgs[4];
	struct kp_campaign c;
	struct kp_summary s[4];
	struct kp_progress_opts o;
	struct kp_progress p;
	char parent_x[] = "X", parent_y[] = "Y";

	(void)state;
	memset(orgs, 0, sizeof(orgs));
	memset(&c, 0, sizeof(c));
	c.orgs = orgs;
	c.n = 4;
	orgs[0].parent = parent_x, orgs[0].pilot = 1;
	orgs[1].parent = parent_x, orgs[1].pilot = 1;
	orgs[2].parent = parent_y, orgs[2].pilot = 0;
	orgs[3].parent = parent_y, orgs[3].pilot = 1;
	orgs[1].scheduled = (struct kp_date){ 2020, 4, 30 };
	orgs[3].scheduled = (struct kp_date){ 2020, 5, 1 };
	/* surplus 1/9 = 11.11%, 2/15 = 13.33%, 3/10 = 30.00% */
	s[0] = done_summary(1, 9, 1, 9, 9 * 8000, 7000);
	s[0].women = 3, s[0].young = 2, s[0].has_prev = 1;
	s[0].prev_members = 9, s[0].prev_women = 1, s[0].prev_young = 1;
	s[1] = done_summary(2, 15, 0, 0, 0, 0);
	s[1].status = KP_ORG_IN_PROGRESS;
	s[1].committee_complete = 0;
	s[2] = done_summary(3, 10, 0, 10, 10 * 9500, 9000);
	s[2].over80 = 10, s[2].over90 = 6;
	s[3] = done_summary(0, 0, 0, 0, 0, 0);
	s[3].status = KP_ORG_INVALID;
	memset(&o, 0, sizeof(o));
	o.as_of = (struct kp_date){ 2020, 5, 1 };
	o.young_under = 40;
	o.limits.min_percent = 10;
	o.limits.max_percent = 30;
	o.target_max = 15;
	kp_progress_compute(&p, &c, s, &o);
	assert_int_equal(p.total, 4);
	assert_int_equal(p.done, 2);
	assert_int_equal(p.invalid, 1);
	assert_int_equal(p.pilots, 3);
	assert_int_equal(p.pilots_done, 1);
	assert_int_equal(p.nparents, 2);
	assert_string_equal(p.parents[0].parent, "X");
	assert_int_equal(p.parents[0].done, 1);
	assert_int_equal(p.parents[1].total, 2);
	/* overdue: not done and scheduled strictly before the report date */
	assert_true(kp_progress_overdue(&p, 1));
	assert_false(kp_progress_overdue(&p, 3)); /* scheduled on the day */
	assert_false(kp_progress_overdue(&p, 0)); /* done */
	/* lists of valid congresses only; 30% reaches 10% but not 15% */
	assert_int_equal(p.lists, 3);
	assert_int_equal(p.lists_min, 3);
	assert_int_equal(p.lists_target, 2);
	assert_int_equal(p.surplus_min_x100, 1111);
	assert_int_equal(p.surplus_median_x100, 1333);
	assert_int_equal(p.surplus_max_x100, 3000);
	/* one round, of the done congresses */
	assert_int_equal(p.one_round_of, 2);
	assert_int_equal(p.one_round, 1);
	/* concentration over members of complete committees */
	assert_int_equal(p.members, 19);
	assert_int_equal(p.pct_sum_x100, 9 * 8000 + 10 * 9500);
	assert_int_equal(p.pct_min_x100, 7000);
	assert_int_equal(p.over90, 6);
	/* composition only where the outgoing figures are known */
	assert_int_equal(p.composition_orgs, 1);
	assert_int_equal(p.new_members, 9);
	assert_int_equal(p.new_women, 3);
	assert_int_equal(p.prev_women, 1);
	kp_progress_release(&p);
	/* the filters */
	o.pilots_only = 1;
	kp_progress_compute(&p, &c, s, &o);
	assert_int_equal(p.total, 3);
	assert_int_equal(p.lists, 2);
	kp_progress_release(&p);
	o.pilots_only = 0;
	o.parent = "Y";
	kp_progress_compute(&p, &c, s, &o);
	assert_int_equal(p.total, 2);
	assert_int_equal(p.done, 1);
	assert_int_equal(p.nparents, 1);
	kp_progress_release(&p);
}

static void median_of_an_even_count(void **state)
{
	struct kp_org orgs[2];
	struct kp_campaign c;
	struct kp_summary s[2];
	struct kp_progress_opts o;
	struct kp_progress p;
	char parent[] = "";

	(void)state;
	memset(orgs, 0, sizeof(orgs));
	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	c.orgs = orgs;
	c.n = 2;
	orgs[0].parent = orgs[1].parent = parent;
	o.limits.min_percent = 10;
	o.target_max = 15;
	s[0] = done_summary(1, 9, 1, 0, 0, 0);	/* 11.11% */
	s[1] = done_summary(2, 15, 1, 0, 0, 0);	/* 13.33% */
	kp_progress_compute(&p, &c, s, &o);
	/* (11.11 + 13.33) / 2 = 12.22 */
	assert_int_equal(p.surplus_median_x100, 1222);
	assert_int_equal(p.pct_min_x100, 0); /* no members: no lowest */
	kp_progress_release(&p);
}

/* Which committee lists break the surplus rules: those of selected, valid
 * congresses whose verdict is an error, as the rules module gives it. */
static void lists_that_break_the_rules(void **state)
{
	static const struct kp_surplus_limits lim = { 10, 30 };
	struct kp_org orgs[4];
	struct kp_campaign c;
	struct kp_summary s[4];
	struct kp_progress_opts o;
	struct kp_progress p;
	char parent_x[] = "X", parent_y[] = "Y";
	size_t i;

	(void)state;
	memset(orgs, 0, sizeof(orgs));
	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	c.orgs = orgs;
	c.n = 4;
	for (i = 0; i < 4; i++) {
		orgs[i].parent = i < 3 ? parent_x : parent_y;
		s[i] = done_summary(0, 0, 1, 0, 0, 0);
	}
	o.limits = lim;
	o.target_max = 15;
	/* 13 for 10 seats: 30%, the ceiling itself, keeps the rules */
	s[0].surplus = kp_rules_surplus(KP_KIND_COMMITTEE, 13, 10, 0, &lim);
	/* 14 for 10 seats: 40%, above it */
	s[1].surplus = kp_rules_surplus(KP_KIND_COMMITTEE, 14, 10, 0, &lim);
	s[1].status = KP_ORG_IN_PROGRESS;
	/* as many as seats, but the data are invalid: not counted */
	s[2].surplus = kp_rules_surplus(KP_KIND_COMMITTEE, 10, 10, 0, &lim);
	s[2].status = KP_ORG_INVALID;
	/* 10 for 10 seats under another parent: filtered out below */
	s[3].surplus = kp_rules_surplus(KP_KIND_COMMITTEE, 10, 10, 0, &lim);
	assert_int_equal(s[0].surplus.verdict, KP_VERDICT_OK);
	assert_int_equal(s[1].surplus.verdict, KP_VERDICT_ABOVE_MAX);
	assert_true(kp_verdict_is_error(s[2].surplus.verdict));
	assert_true(kp_verdict_is_error(s[3].surplus.verdict));
	kp_progress_compute(&p, &c, s, &o);
	assert_int_equal(p.lists_breaking, 2);
	assert_int_equal(p.not_done, 2);
	assert_false(p.breaking[0]);
	assert_true(p.breaking[1]);
	assert_false(p.breaking[2]);
	assert_true(p.breaking[3]);
	kp_progress_release(&p);
	o.parent = "X";
	kp_progress_compute(&p, &c, s, &o);
	assert_int_equal(p.lists_breaking, 1);
	assert_false(p.breaking[3]);
	kp_progress_release(&p);
}

static void summary_of_a_congress(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_tally_opts o;
	struct kp_summary s;
	struct kp_diag_sink sink;

	(void)state;
	kp_tally_opts_init(&o);
	kp_diag_sink_init(&sink, NULL, NULL);
	unit_writes(dir, "contests.csv",
		    "contest,kind,seats,base,date,prev_members,prev_women,prev_young\n"
		    "bch,committee,2,10,2020-04-15,2,0,0\n"
		    "bt,secretary,1,2,,,,\n");
	/* Bình turns 40 on the day after the election: still young */
	unit_writes(dir, "candidates.csv",
		    "contest,no,name,gender,born\n"
		    "bch,1,An,F,1980-04-16\nbch,2,Bình,M,1980-04-15\nbch,3,Chi,F,1990\n"
		    "bt,1,An,F,1980-04-16\n");
	/* votes 9 (90%: not over 90), 8 (80%: not over 80), 3 */
	unit_writes(dir, "ballots/bch.csv",
		    "ballot,1,2,3\n1,,,x\n2,,,x\n3,,,x\n4,,,x\n5,,,x\n6,,,x\n"
		    "7,,x,\n8,,x,\n9,,,x\n10,x,,\n");
	kp_evaluate(&s, dir, &o, 40, &sink);
	assert_int_equal(s.status, KP_ORG_IN_PROGRESS);
	assert_string_equal(s.reason, "bt: not started");
	assert_true(s.committee_complete);
	assert_true(s.one_round);
	assert_int_equal(s.members, 2);
	assert_int_equal(s.over80, 1);	/* 9 of 10 */
	assert_int_equal(s.over90, 0);	/* 9 of 10 is exactly 90% */
	assert_int_equal(s.pct_min_x100, 8000);
	assert_int_equal(s.women, 1);
	assert_int_equal(s.young, 1);	/* An is 39; Bình turned 40 that day */
	assert_int_equal(s.ballots, 10);
	/* an error makes the congress invalid, with its first errors kept */
	unit_writes(dir, "ballots/bt.csv", "ballot,1\n1,v\n");
	kp_summary_release(&s);
	kp_evaluate(&s, dir, &o, 40, &sink);
	assert_int_equal(s.status, KP_ORG_INVALID);
	assert_int_equal(s.nerrors, 1);
	assert_non_null(strstr(s.errors[0], "bt.csv:2:3: column B: mark 'v' for candidate 1"));
	assert_string_equal(s.errors[0], s.errors_text[0]); /* no catalogue */
	assert_string_equal(s.reason, "its data has errors");
	kp_summary_release(&s);
	unit_rmdir(dir);
}

/* One wrong cell a row of campaign.csv: each an error at its line and
 * column, every row still read, and only the good rows kept. A fullwidth
 * 'ａ' is the id 'a' (kp_text_fold_id). */
static void every_cell_of_a_campaign_is_checked(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_campaign c;
	struct kp_diag_sink sink;
	struct kp_tally_opts o;

	(void)state;
	unit_writes(dir, "campaign.csv",
		    "org,name,pilot,scheduled,status,young_under,summary,dir\n"
		    "a,Xã A,có,2020-05-01,,,,\n"
		    "a/b,Xã B,,,,,,b\n"
		    "c,Xã C,maybe,,,,,c\n"
		    "d,Xã D,,2020-02-30,,,,d\n"
		    "e,Xã E,,,stopped,,,e\n"
		    "f,Xã F,,,tạm dừng,0,,f\n"
		    "g,Xã G,,,,,../g.json,\n"
		    "h,Xã H\n"
		    "\xef\xbd\x81,Xã A again,,,,,,a2\n"
		    "i,Xã I,,,hoãn,35,,a\n");
	snprintf(path, sizeof(path), "%s/a", dir);
	assert_int_equal(unit_mkdir(path), 0);
	kp_tally_opts_init(&o);
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	unit_diags[0] = '\0';
	assert_int_equal(kp_campaign_load(&c, dir, &o.csv, &sink), KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"campaign.csv:3:1:e:org 'a/b': expected an id, without '/'\n"
		"campaign.csv:4:8:e:pilot 'maybe': expected yes or no\n"
		"campaign.csv:5:9:e:scheduled '2020-02-30': expected a day as "
		"YYYY-MM-DD or DD/MM/YYYY\n"
		"campaign.csv:6:10:e:status 'stopped': expected empty, suspended (tạm "
		"dừng) or postponed (hoãn)\n"
		"campaign.csv:7:19:e:young_under '0': expected an age from 1 to 120\n"
		"campaign.csv:8:12:e:summary '../g.json': expected a file inside the "
		"campaign folder, not an absolute path or one that leaves it\n"
		"campaign.csv:9:7:e:expected 8 fields as in the header, found 2\n"
		"campaign.csv:10:1:e:org 'a' appears twice (first on line 2)\n"
		"campaign.csv:11:19:e:dir 'a' is the folder of org 'a' on line 2 too: "
		"a congress is listed once\n");
	/* the first row alone stands, a pilot, scheduled */
	assert_int_equal(c.n, 1);
	assert_string_equal(c.orgs[0].id, "a");
	assert_true(c.orgs[0].pilot);
	assert_int_equal(c.orgs[0].scheduled.day, 1);
	kp_campaign_release(&c);
	unit_rmdir(dir);
}

/* A tie among a hundred candidates: the reason lists as many of their
 * numbers as it holds, whole, in both languages' buffers. */
static void a_tie_among_many(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_buf b = KP_BUF_INIT;
	struct kp_tally_opts o;
	struct kp_summary s;
	struct kp_diag_sink sink;
	unsigned i, k;

	(void)state;
	kp_tally_opts_init(&o);
	kp_diag_sink_init(&sink, NULL, NULL);
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nc,committee,199,10\n");
	kp_buf_addstr(&b, "contest,no,name\n");
	for (i = 1; i <= 200; i++)
		kp_buf_addf(&b, "c,%u,Người %u\n", i, i);
	unit_write(dir, "candidates.csv", b.s, b.len);
	/* ballot r crosses out candidates 10r+1..10r+10: those hundred have 9
	 * votes, the others 10; 99 seats remain for a hundred tied at 9 */
	kp_buf_reset(&b);
	kp_buf_addstr(&b, "ballot");
	for (i = 1; i <= 200; i++)
		kp_buf_addf(&b, ",%u", i);
	kp_buf_addch(&b, '\n');
	for (k = 0; k < 10; k++) {
		kp_buf_addf(&b, "%u", k + 1);
		for (i = 1; i <= 200; i++)
			kp_buf_addstr(&b, i > 10 * k && i <= 10 * k + 10 ? ",x" : ",");
		kp_buf_addch(&b, '\n');
	}
	unit_write(dir, "ballots/c.csv", b.s, b.len);
	kp_evaluate(&s, dir, &o, 40, &sink);
	assert_int_equal(s.status, KP_ORG_IN_PROGRESS);
	assert_non_null(s.reason);
	assert_true(strncmp(s.reason, "c: a tie between candidates 1, 2, 3, ", 37) == 0);
	assert_non_null(strstr(s.reason, ", a further round is needed"));
	assert_true(strlen(s.reason) < 256);
	kp_summary_release(&s);
	kp_buf_release(&b);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(figures_of_a_campaign),
		cmocka_unit_test(median_of_an_even_count),
		cmocka_unit_test(lists_that_break_the_rules),
		cmocka_unit_test(summary_of_a_congress),
		cmocka_unit_test(a_tie_among_many),
		cmocka_unit_test(every_cell_of_a_campaign_is_checked),
	};

	return cmocka_run_group_tests_name("campaign", tests, NULL, NULL);
}
