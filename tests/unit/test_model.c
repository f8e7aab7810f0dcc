/* Loading a congress folder: fields, references, numbering, ballot files. */
#include "unit.h"

#include "kiemphieu/buf.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"


static int load(const char *dir, struct kp_congress *c)
{
	struct kp_diag_sink s;
	struct kp_csv_opts o;

	unit_diags[0] = '\0';
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&s, unit_keep_diag, NULL);
	return kp_congress_load(c, dir, &o, &s);
}

static const char contests[] =
	"contest,title,kind,seats,reserves,base,issued,date,status\n"
	"bch,Ban Chấp hành,committee,3,,50,48,2020-05-12,\n"
	"dbd,Đại biểu,delegates,2,1,50,,,closed\n";
static const char candidates[] =
	"contest,no,name,gender,born,note\n"
	"bch,2,Trần Thị Bích,Nữ,1971-03-02,x\n"
	"bch,1,Nguyễn Văn An,M,1970,\n"
	"bch,3,Lê Đức Cường,nam,,\n"
	"bch,4,Phạm Thị Dung,F,,\n"
	"dbd,1,Nguyễn Văn An,M,,\n"
	"dbd,2,Nguyễn Văn An,M,,\n"
	"dbd,3,Hoàng Văn Đạt,M,,\n";

static void numbers_and_dates(void **state)
{
	struct kp_date d;
	uint64_t v;

	(void)state;
	assert_int_equal(kp_parse_uint("120", 3, 1000, &v), 0);
	assert_int_equal(v, 120);
	assert_int_equal(kp_parse_uint("", 0, 1000, &v), -1);
	assert_int_equal(kp_parse_uint("-1", 2, 1000, &v), -1);
	assert_int_equal(kp_parse_uint("1.5", 3, 1000, &v), -1);
	assert_int_equal(kp_parse_uint("1001", 4, 1000, &v), -2);
	assert_int_equal(kp_parse_uint("18446744073709551616", 20, UINT64_MAX, &v), -2);
	assert_int_equal(kp_parse_uint("18446744073709551615", 20, UINT64_MAX, &v), -2);
	assert_int_equal(kp_date_parse("2020-02-29", 10, &d), 0);
	assert_int_equal(d.month, 2);
	assert_int_equal(kp_date_parse("2021-02-29", 10, &d), -1);
	assert_int_equal(kp_date_parse("2020-13-01", 10, &d), -1);
	assert_int_equal(kp_date_parse("2020-04-31", 10, &d), -1);
	assert_int_equal(kp_date_parse("2020-4-1", 8, &d), -1);
	/* day first, as Excel on Vietnamese Windows writes a date into CSV */
	assert_int_equal(kp_date_parse("12/05/2020", 10, &d), 0);
	assert_int_equal(d.day, 12);
	assert_int_equal(d.month, 5);
	assert_int_equal(d.year, 2020);
	assert_int_equal(kp_date_parse("1/2/2020", 8, &d), 0);
	assert_int_equal(d.day, 1);
	assert_int_equal(d.month, 2);
	assert_int_equal(kp_date_parse("29/02/2021", 10, &d), -1);
	assert_int_equal(kp_date_parse("31/04/2020", 10, &d), -1);
	assert_int_equal(kp_date_parse("05/13/2020", 10, &d), -1);
	assert_int_equal(kp_date_parse("12/05/20", 8, &d), -1);
	assert_int_equal(kp_date_parse("123/5/2020", 10, &d), -1);
	assert_int_equal(kp_date_parse("12/5", 4, &d), -1);
	assert_int_equal(kp_date_parse("12//2020", 8, &d), -1);
	assert_int_equal(kp_date_parse("0/5/2020", 8, &d), -1);
}

static void loads_a_congress(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_congress c;
	const struct kp_contest *ct;
	const struct kp_candidate *cd;
	const char *nfd = "Tra\xcc\x82\xcc\x80n Thi\xcc\xa3 Bi\xcc\x81" "ch";
	int amb;

	(void)state;
	unit_writes(dir, "contests.csv", contests);
	unit_writes(dir, "candidates.csv", candidates);
	unit_writes(dir, "ballots/bch.csv", "ballot,1,2,3,4\n");
	unit_writes(dir, "ballots/dbd.csv", "ballot,1,2,3\n");
	unit_writes(dir, "ballots/dbd.r2.csv", "ballot,1\n");
	unit_writes(dir, "ballots/notes.txt", "x");
	assert_int_equal(load(dir, &c), KP_EXIT_OK);
	assert_string_equal(unit_diags,
		"candidates.csv:7:7:w:candidates 1 and 2 of contest 'dbd' have the "
		"same name: ballot headers must name them by number\n"
		"notes.txt:0:0:w:not a ballot file (CONTEST.csv or CONTEST.rN.csv): ignored\n");
	assert_int_equal(c.n, 2);
	ct = kp_congress_find(&c, "bch");
	assert_non_null(ct);
	assert_int_equal(ct->seats, 3);
	assert_int_equal(ct->base, 50);
	assert_true(ct->has_issued);
	assert_int_equal(ct->date.day, 12);
	assert_false(ct->closed);
	assert_int_equal(ct->ncands, 4);
	assert_string_equal(ct->cands[0].name, "Nguyễn Văn An"); /* sorted by no */
	assert_int_equal(ct->cands[1].gender, 'F');
	assert_int_equal(ct->cands[1].born.year, 1971);
	assert_int_equal(ct->cands[2].gender, 'M');
	assert_int_equal(ct->nrounds, 1);
	ct = kp_congress_find(&c, "dbd");
	assert_true(ct->closed);
	assert_int_equal(ct->reserves, 1);
	assert_int_equal(ct->nrounds, 2);
	assert_int_equal(ct->rounds[1].round, 2);
	/* by number, by name in another normal form, and an ambiguous name */
	cd = kp_contest_lookup(kp_congress_find(&c, "bch"), "2", 1, &amb);
	assert_string_equal(cd->name, "Trần Thị Bích");
	cd = kp_contest_lookup(kp_congress_find(&c, "bch"), nfd, strlen(nfd), &amb);
	assert_non_null(cd);
	assert_int_equal(cd->no, 2);
	assert_null(kp_contest_lookup(ct, "Nguyễn Văn An", strlen("Nguyễn Văn An"), &amb));
	assert_true(amb);
	assert_null(kp_contest_lookup(ct, "9", 1, &amb));
	assert_false(amb);
	kp_congress_release(&c);
	unit_rmdir(dir);
}

static void reports_every_problem(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_congress c;

	(void)state;
	unit_writes(dir, "contests.csv",
		    "contest,kind,seats,base,reserves,extra\n"
		    "bch,committee,9,120,,a\n"
		    "bch,committee,9,120,,b\n"
		    "bad id,committee,9,120,,c\n"
		    "bt,standing,0,120,,d\n"
		    "ubkt,inspect,3,abc,,e\n"
		    "bt2,secretary,1,120,1,f\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name,gender\n"
		    "bch,1,A,M\n"
		    "bch,1,B,X\n"
		    "bch,3,,F\n"
		    "zz,1,C,M\n"
		    "bch,4,D,F\n");
	unit_writes(dir, "ballots/bch.r3.csv", "ballot,1\n");
	unit_writes(dir, "ballots/bch.r1.csv", "ballot,1\n");
	unit_writes(dir, "ballots/xx.csv", "ballot,1\n");
	assert_int_equal(load(dir, &c), KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"contests.csv:1:34:w:unknown column 'extra' is ignored\n"
		"contests.csv:3:1:e:contest 'bch' appears twice (first on line 2)\n"
		"contests.csv:4:1:e:contest id 'bad id': expected letters, digits, '_' or '-'\n"
		"contests.csv:5:13:e:seats: expected a whole number from 1 to 1000, got '0'\n"
		"contests.csv:6:6:e:kind 'inspect': expected committee, standing, secretary, deputy, inspection, delegates or other, or the name in Vietnamese (ban chấp hành, ban thường vụ, bí thư, phó bí thư, ủy ban kiểm tra, đại biểu, khác)\n"
		"contests.csv:6:16:e:base: expected a whole number from 1 to 100000000, got 'abc'\n"
		"contests.csv:7:21:e:reserves: only a delegates election has reserve delegates, and contest 'bt2' is not one\n"
		"candidates.csv:3:5:e:candidate 1 of contest 'bch' appears twice (first on line 2)\n"
		"candidates.csv:3:9:e:gender 'X': expected M, F, Nam or Nữ\n"
		"candidates.csv:4:7:e:name: expected the candidate's full name, got an empty field\n"
		"candidates.csv:5:1:e:contest 'zz' is not in contests.csv\n"
		"bch.r1.csv:0:0:e:round 1 ballots belong in 'bch.csv'; further rounds are 'bch.r2.csv' and up\n"
		"xx.csv:0:0:e:ballots of contest 'xx', which is not in contests.csv\n"
		"bch.r3.csv:0:0:e:round 3 ballots, but no round 1 ballots of contest 'bch'\n");
	kp_congress_release(&c);
	unit_rmdir(dir);
}

/* One wrong cell a row, in each of the three files a congress describes
 * itself by: each is an error at its line and column, and every row is
 * still read. */
static void every_cell_is_checked_where_it_is(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_congress c;

	(void)state;
	unit_writes(dir, "contests.csv",
		    "contest,kind,seats,reserves,base,present,form,direct,"
		    "prev_members,prev_women\n"
		    "bch,committee,3,,50,,,,9,10\n"
		    "dbd,delegates,600,500,50,,,,,\n"
		    "bt,secretary,1,,50,,vote,,,\n"
		    "bt2,secretary,1,,50,,,maybe,,\n"
		    "pbt,deputy,1,,50,,,yes,,\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name,education,degree,theory,incumbent,local\n"
		    "bch,1,Nguyễn Văn An,13/12,,,,\n"
		    "bch,2,Trần Thị Bích,,giáo sư,,,\n"
		    "bch,3,Lê Đức Cường,,,cao học,,\n"
		    "bch,4,Phạm Thị Dung,,,,có lẽ,\n"
		    "bch,5,Hoàng Văn Đạt,,,,,perhaps\n");
	unit_writes(dir, "congress.csv",
		    "org_name,from,to,assembly,board_head\n"
		    ",2020-05-12,2020-05-11,all,Nguyễn Văn An;Trần Thị Bích\n"
		    "Đảng bộ xã Đại Đồng,12/05/2020,,,\n");
	assert_int_equal(load(dir, &c), KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"contests.csv:2:26:e:prev_women: 10 is more than prev_members (9)\n"
		"contests.csv:3:15:e:seats and reserves: 1100 in all, over the limit of 1000\n"
		"contests.csv:4:21:e:form 'vote': expected strike (names struck out) or "
		"agree (boxes đồng ý / không đồng ý)\n"
		"contests.csv:5:23:e:direct 'maybe': expected yes or no\n"
		"contests.csv:6:20:e:direct: only a secretary is elected directly at the "
		"congress, and contest 'pbt' is not one\n"
		"candidates.csv:2:21:e:education '13/12': expected 12/12 (or 9/12, "
		"10/10...), THPT, THCS or tiểu học\n"
		"candidates.csv:3:22:e:degree 'giáo sư': expected không, trung cấp, cao "
		"đẳng, đại học, thạc sĩ or tiến sĩ\n"
		"candidates.csv:4:22:e:theory 'cao học': expected không, sơ cấp, trung "
		"cấp, cao cấp or cử nhân\n"
		"candidates.csv:5:24:e:incumbent 'có lẽ': expected yes or no\n"
		"candidates.csv:6:25:e:local 'perhaps': expected yes or no\n"
		"congress.csv:2:1:e:org_name: expected the organisation's name (e.g. "
		"Đảng bộ xã Đại Đồng), got an empty field\n"
		"congress.csv:2:13:e:to: the congress ends before it begins (from)\n"
		"congress.csv:2:24:e:assembly 'all': expected members (đảng viên: every "
		"full member is summoned) or delegates (đại biểu)\n"
		"congress.csv:2:28:e:board_head: one name, the head of the counting "
		"board (its members go in board)\n"
		"congress.csv:3:1:e:a second row: congress.csv describes one congress, "
		"on line 2\n");
	kp_congress_release(&c);
	unit_rmdir(dir);
}

static void missing_columns_and_folders(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_congress c;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,KIND,Seats\nbch,committee,9\n");
	unit_writes(dir, "candidates.csv", "contest,no,name,no\n");
	assert_int_equal(load(dir, &c), KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"contests.csv:1:1:e:missing required column 'base'\n"
		"candidates.csv:1:17:e:column 'no' appears twice (first as column 2)\n");
	kp_congress_release(&c);
	assert_int_equal(load("/nonexistent/congress", &c), KP_EXIT_IO);
	assert_string_equal(unit_diags, "congress:0:0:e:cannot open the congress folder: "
				   "No such file or directory\n");
	kp_congress_release(&c);
	unit_rmdir(dir);
}

static void numbering_has_no_gaps(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_congress c;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nbch,committee,2,9\n");
	unit_writes(dir, "candidates.csv", "contest,no,name\nbch,1,A\nbch,4,D\nbch,2,B\n");
	assert_int_equal(load(dir, &c), KP_EXIT_DATA);
	assert_string_equal(unit_diags, "candidates.csv:3:1:e:contest 'bch' numbers its "
				   "candidates 1..3 without gaps, but 3 is missing\n");
	assert_true(c.contests[0].broken);
	kp_congress_release(&c);
	unit_rmdir(dir);
}

/* The most seats and candidates in a contest: exactly the limit loads,
 * one more is an error. */
static void limits_on_seats_and_candidates(void **state)
{
	char *dir = unit_tmpdir();
	struct kp_buf b = KP_BUF_INIT;
	struct kp_congress c;
	unsigned i;

	(void)state;
	assert_int_equal(KP_SEATS_MAX, 1000);
	assert_int_equal(KP_CANDIDATES_MAX, 1000);
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\no,other,1000,5000\n");
	kp_buf_addstr(&b, "contest,no,name\n");
	for (i = 1; i <= KP_CANDIDATES_MAX; i++)
		kp_buf_addf(&b, "o,%u,Người số %u\n", i, i);
	unit_write(dir, "candidates.csv", b.s, b.len);
	assert_int_equal(load(dir, &c), KP_EXIT_OK);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.contests[0].seats, 1000);
	assert_int_equal(c.contests[0].ncands, 1000);
	kp_congress_release(&c);
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\no,other,1001,5000\n");
	kp_buf_addstr(&b, "o,1001,Người số 1001\n");
	unit_write(dir, "candidates.csv", b.s, b.len);
	assert_int_equal(load(dir, &c), KP_EXIT_DATA);
	assert_string_equal(unit_diags,
		"contests.csv:2:9:e:seats: expected a whole number from 1 to 1000, got '1001'\n"
		"candidates.csv:1002:3:e:no: expected a whole number from 1 to 1000, got '1001'\n");
	kp_congress_release(&c);
	kp_buf_release(&b);
	unit_rmdir(dir);
}

static void paths_relative_and_named(void **state)
{
	static const struct {
		const char *from, *to, *want;
	} cases[] = {
		{ "/a/c", "/a/b", "../b" },
		{ "/a", "/a/b/c", "b/c" },
		{ "/a/b", "/a", ".." },
		{ "/a/bc", "/a/b", "../b" },
		{ "/a/b", "/a/bc", "../bc" },
		{ "/", "/x/y", "x/y" },
		{ "/x/y", "/", "../.." },
		{ "/a", "/a", "." },
		{ "/w/out", "/w/work/dai-hoi/xa", "../work/dai-hoi/xa" },
	};
	size_t i;
	char *p;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		p = kp_path_relative(cases[i].from, cases[i].to);
		if (strcmp(p, cases[i].want) != 0)
			fail_msg("%s -> %s: got %s, want %s", cases[i].from,
				 cases[i].to, p, cases[i].want);
		free(p);
	}
	p = kp_path_name("a/dai-dong/");
	assert_string_equal(p, "dai-dong");
	free(p);
	p = kp_path_name("/");
	if (UNIT_ON_WINDOWS) /* the root of the current drive: its letter */
		assert_true(strlen(p) == 2 && p[1] == ':');
	else
		assert_string_equal(p, "/");
	free(p);
	{
		/* "." names the folder it is */
		char *dir = unit_tmpdir(), cwd[4200], *base = strrchr(dir, '/') + 1;

		assert_non_null(getcwd(cwd, sizeof(cwd)));
		assert_int_equal(chdir(dir), 0);
		p = kp_path_name(".");
		assert_string_equal(p, base);
		free(p);
		assert_int_equal(chdir(cwd), 0);
		unit_rmdir(dir);
	}
}

static void ages_in_whole_years(void **state)
{
	struct kp_date on = { 2020, 5, 12 }, b1 = { 1980, 5, 12 },
		       b2 = { 1980, 5, 13 }, y = { 1980, 0, 0 };

	(void)state;
	assert_int_equal(kp_date_age(&b1, &on), 40);	/* the birthday itself */
	assert_int_equal(kp_date_age(&b2, &on), 39);	/* the day after */
	assert_int_equal(kp_date_age(&y, &on), 40);	/* a year: January 1 */
	assert_true(kp_date_cmp(&b1, &b2) < 0);
	assert_int_equal(kp_date_cmp(&on, &on), 0);
}

/* The congress's number, as the Party writes it, and the hour of a vote. */
static void numbers_and_hours(void **state)
{
	char r[16], t[6];
	unsigned n;

	(void)state;
	assert_string_equal(kp_roman(r, 25), "XXV");
	assert_string_equal(kp_roman(r, 4), "IV");
	assert_string_equal(kp_roman(r, 1999), "MCMXCIX");
	assert_string_equal(kp_roman(r, 0), "");
	assert_int_equal(kp_number_parse("XXV", 3, &n), 0);
	assert_int_equal(n, 25);
	assert_int_equal(kp_number_parse("xxiv", 4, &n), 0);
	assert_int_equal(n, 24);
	assert_int_equal(kp_number_parse("25", 2, &n), 0);
	assert_int_equal(n, 25);
	assert_int_equal(kp_number_parse("IIII", 4, &n), -1);	/* not how 4 is written */
	assert_int_equal(kp_number_parse("XXVX", 4, &n), -1);
	assert_int_equal(kp_number_parse("0", 1, &n), -1);
	assert_int_equal(kp_number_parse("", 0, &n), -1);
	assert_int_equal(kp_time_parse("14:30", 5, t), 0);
	assert_string_equal(t, "14:30");
	assert_int_equal(kp_time_parse("9h05", 4, t), 0);
	assert_string_equal(t, "09:05");
	assert_int_equal(kp_time_parse("24:00", 5, t), -1);
	assert_int_equal(kp_time_parse("14:60", 5, t), -1);
	assert_int_equal(kp_time_parse("14:3", 4, t), -1);
	assert_int_equal(kp_time_parse("1430", 4, t), -1);
}

/* Yes and no, as a clerk types them: the words (each its own kp_text_key)
 * in any case and with stray spaces, by the key and by the slower road of
 * a decomposed letter; nothing else. */
static void yes_no_words(void **state)
{
	static const struct {
		const char *s;
		int ok, v;
	} cases[] = {
		{ "yes", 1, 1 }, { "Y", 1, 1 }, { "x", 1, 1 }, { "X", 1, 1 },
		{ "có", 1, 1 }, { "CÓ", 1, 1 }, { " Có ", 1, 1 }, { "co\xcc\x81", 1, 1 },
		{ "no", 1, 0 }, { "N", 1, 0 }, { "không", 1, 0 }, { "KHÔNG", 1, 0 },
		{ "kho\xcc\x82ng", 1, 0 }, { "", 1, 0 }, { "   ", 1, 0 },
		{ "co", 0, 0 }, { "khong", 0, 0 }, { "yes no", 0, 0 }, { "\xff", 0, 0 },
		{ "c\xc3\xb3\xe2\x80\x8b", 1, 1 },	/* a zero-width space after */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int v = -1, r = kp_parse_yes_no(cases[i].s, strlen(cases[i].s), &v);

		if ((r == 0) != cases[i].ok || (r == 0 && v != cases[i].v))
			fail_msg("'%s': %d, %d", cases[i].s, r, v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(yes_no_words),
		cmocka_unit_test(numbers_and_hours),
		cmocka_unit_test(numbers_and_dates),
		cmocka_unit_test(paths_relative_and_named),
		cmocka_unit_test(ages_in_whole_years),
		cmocka_unit_test(loads_a_congress),
		cmocka_unit_test(reports_every_problem),
		cmocka_unit_test(every_cell_is_checked_where_it_is),
		cmocka_unit_test(missing_columns_and_folders),
		cmocka_unit_test(numbering_has_no_gaps),
		cmocka_unit_test(limits_on_seats_and_candidates),
	};

	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
