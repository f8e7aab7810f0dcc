/* Reports: exact bytes of JSON, CSV and text for a small congress. */
#include "unit.h"

#include "kiemphieu/buf.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/report.h"

struct run {
	struct kp_congress cg;
	struct kp_results res;
};

/* Loads and tallies the congress in dir. */
static void tally_dir(struct run *r, const char *dir)
{
	struct kp_diag_sink s;
	struct kp_tally_opts o;

	kp_tally_opts_init(&o);
	kp_diag_sink_init(&s, NULL, NULL);
	assert_int_equal(kp_congress_load(&r->cg, dir, &o.csv, &s), KP_EXIT_OK);
	assert_int_equal(kp_tally_congress(&r->cg, NULL, &o, &r->res, &s), KP_EXIT_OK);
}

static void load(struct run *r, char **dir)
{
	*dir = unit_tmpdir();
	unit_writes(*dir, "contests.csv",
		    "contest,title,kind,seats,base,issued,date\n"
		    "bt,\"Bí thư, khóa mới\",secretary,1,3,3,2020-05-13\n");
	unit_writes(*dir, "candidates.csv",
		    "contest,no,name\nbt,1,Đặng Quang Hải\nbt,2,Ngô Minh\n");
	/* 2 of 3: 66.67% of base, 100% of valid; one invalid */
	unit_writes(*dir, "ballots/bt.csv",
		    "ballot,1,2\n1,,x\n2,,x\n3,,\n");
	tally_dir(r, *dir);
}

static void done(struct run *r, char *dir)
{
	kp_results_release(&r->res);
	kp_congress_release(&r->cg);
	unit_rmdir(dir);
}

static void json_has_exact_percentages(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	struct run r;
	char *dir, want[2048];
	const char *org;

	(void)state;
	load(&r, &dir);
	org = strrchr(dir, '/') + 1;
	kp_report_json(&b, &r.res, NULL);
	snprintf(want, sizeof(want),
		 "{\"org\":\"%s\",\"dir\":\"%s\",\"congress\":{\"name\":null,"
		 "\"parent\":null,\"term\":null,\"number\":null,\"place\":null,"
		 "\"from\":null,\"to\":null,\"assembly\":null,\"board_head\":null,"
		 "\"board\":[]},\"status\":\"complete\",\"contests\":[{\"contest\":"
		 "\"bt\",\"title\":\"Bí thư, "
		 "khóa mới\",\"kind\":\"secretary\",\"seats\":1,\"reserves\":0,\"base\":3,"
		 "\"issued\":3,\"present\":null,\"form\":\"strike\",\"direct\":false,"
		 "\"date\":\"2020-05-13\",\"status\":\"complete\",\"surplus\":"
		 "{\"candidates\":2,\"seats\":1,\"surplus\":1,\"percent\":100.0,\"verdict\":"
		 "\"not-required\"},\"rounds\":[{\"round\":1,\"source\":\"ballots\",\"seats\":1,\"official_open\":1,"
		 "\"reserve_open\":0,\"issued\":3,\"present\":null,\"ballots\":3,"
		 "\"valid\":2,\"invalid\":1,"
		 "\"invalid_reasons\":{\"too-many\":1},\"votes_cast\":2,\"unused\":0,"
		 "\"candidates\":[{\"no\":1,\"name\":\"Đặng Quang Hải\",\"votes\":2,"
		 "\"percent_of_base\":66.67,\"percent_of_valid\":100.0,\"result\":"
		 "\"elected\"},{\"no\":2,\"name\":\"Ngô Minh\",\"votes\":0,"
		 "\"percent_of_base\":0.0,\"percent_of_valid\":0.0,\"result\":"
		 "\"not-elected\"}]}],\"elected\":[{\"no\":1,\"name\":\"Đặng Quang Hải\","
		 "\"round\":1,\"votes\":2}],\"reserves_elected\":[],\"unfilled\":0,"
		 "\"tied\":[]}]}\n", org, dir);
	assert_string_equal(b.s, want);
	kp_buf_release(&b);
	done(&r, dir);
}

static void csv_is_long_format(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	struct run r;
	char *dir, want[1024];
	const char *org;

	(void)state;
	load(&r, &dir);
	org = strrchr(dir, '/') + 1;
	kp_report_csv(&b, &r.res, 1, 0);
	snprintf(want, sizeof(want),
		 "org,contest,kind,round,seats,ballots,valid,invalid,no,name,votes,"
		 "percent_of_base,percent_of_valid,result,source\n"
		 "%s,bt,secretary,1,1,3,2,1,1,Đặng Quang Hải,2,66.67,100.00,elected,ballots\n"
		 "%s,bt,secretary,1,1,3,2,1,2,Ngô Minh,0,0.00,0.00,not-elected,ballots\n",
		 org, org);
	assert_string_equal(b.s, want);
	kp_buf_release(&b);
	done(&r, dir);
}

/* An election not held yet is a row with its status, so that a table of
 * the whole campaign still lists it. */
static void csv_lists_an_election_not_held(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	struct run r;
	char *dir = unit_tmpdir(), want[1024];
	const char *org = strrchr(dir, '/') + 1;

	(void)state;
	unit_writes(dir, "contests.csv",
		    "contest,kind,seats,reserves,base\n"
		    "bt,secretary,1,,3\ndbd,delegates,2,1,3\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name\nbt,1,Đặng Quang Hải\nbt,2,Ngô Minh\n"
		    "dbd,1,Lò Thị Mai\ndbd,2,Hà Văn Tú\ndbd,3,Nông Thị Hoa\n");
	unit_writes(dir, "ballots/bt.csv", "ballot,1,2\n1,,x\n2,,x\n3,,\n");
	tally_dir(&r, dir);
	kp_report_csv(&b, &r.res, 0, 0);
	snprintf(want, sizeof(want),
		 "%s,bt,secretary,1,1,3,2,1,1,Đặng Quang Hải,2,66.67,100.00,elected,ballots\n"
		 "%s,bt,secretary,1,1,3,2,1,2,Ngô Minh,0,0.00,0.00,not-elected,ballots\n"
		 "%s,dbd,delegates,,3,,,,,,,,,not-started,\n",
		 org, org, org);
	assert_string_equal(b.s, want);
	kp_buf_release(&b);
	done(&r, dir);
}

static void text_aligns_by_display_width(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	struct run r;
	char *dir;

	(void)state;
	load(&r, &dir);
	kp_report_text(&b, &r.res, NULL);
	/* "Đặng Quang Hải" is 14 columns but 19 bytes: the columns line up */
	assert_non_null(strstr(b.s,
		"     No  Name             Votes   % base  % valid  Result\n"
		"      1  Đặng Quang Hải       2    66.67   100.00  elected\n"
		"      2  Ngô Minh             0     0.00     0.00  not-elected\n"));
	assert_non_null(strstr(b.s, "valid x seats = votes cast + unused: 2 x 1 = 2 + 0\n"));
	assert_non_null(strstr(b.s, "ballots 3, valid 2, invalid 1 (too-many 1)\n"));
	kp_buf_release(&b);
	done(&r, dir);
}

static void bars_in_eighths(void **state)
{
	struct kp_buf b = KP_BUF_INIT;

	(void)state;
	kp_text_bar(&b, 0, 20);
	assert_string_equal(b.s ? b.s : "", "");
	kp_text_bar(&b, 10000, 4);
	assert_string_equal(b.s, "\u2588\u2588\u2588\u2588");
	kp_buf_reset(&b);
	kp_text_bar(&b, 625, 20);	/* 1.25 cells: one and two eighths */
	assert_string_equal(b.s, "\u2588\u258e");
	kp_buf_reset(&b);
	kp_text_bar(&b, 12000, 2);	/* never past the width */
	assert_string_equal(b.s, "\u2588\u2588");
	kp_buf_release(&b);
}

static void format_names(void **state)
{
	enum kp_format f;

	(void)state;
	assert_int_equal(kp_format_parse("json", &f), 0);
	assert_int_equal(f, KP_FORMAT_JSON);
	assert_int_equal(kp_format_parse("JSON", &f), -1);
	assert_int_equal(kp_format_parse("xml", &f), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_has_exact_percentages),
		cmocka_unit_test(csv_is_long_format),
		cmocka_unit_test(csv_lists_an_election_not_held),
		cmocka_unit_test(text_aligns_by_display_width),
		cmocka_unit_test(bars_in_eighths),
		cmocka_unit_test(format_names),
	};

	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
