/* Ballot-entry sheets: which rounds, which candidates, and a header that
 * reads back. */
#include "unit.h"

#include <unistr.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/sheet.h"
#include "kiemphieu/tally.h"

struct run {
	struct kp_congress cg;
	struct kp_results res;
	struct kp_sheet *s;
	size_t n;
};

static void plan(const char *dir, struct run *r)
{
	struct kp_diag_sink sink;
	struct kp_tally_opts o;

	unit_diags[0] = '\0';
	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	assert_int_equal(kp_congress_load(&r->cg, dir, &o.csv, &sink), KP_EXIT_OK);
	assert_int_equal(kp_tally_congress(&r->cg, NULL, &o, &r->res, &sink),
			 KP_EXIT_OK);
	r->n = kp_sheets_plan(&r->res, &r->s);
}

/* The text of a UTF-16LE buffer after its byte order mark, as UTF-8. */
static const char *utf8_of(const struct kp_buf *b)
{
	static char out[1024];
	static uint16_t units[512];
	size_t n = (b->len - 2) / 2, i, room = sizeof(out) - 1;

	/* libunistring decodes, not the code under test */
	assert_true(n <= 512);
	for (i = 0; i < n; i++)
		units[i] = (uint16_t)((unsigned char)b->s[2 + 2 * i] |
				      (unsigned char)b->s[3 + 2 * i] << 8);
	assert_non_null(u16_to_u8(units, n, (uint8_t *)out, &room));
	out[room] = '\0';
	return out;
}

static void done(struct run *r)
{
	kp_sheets_release(r->s, r->n);
	kp_results_release(&r->res);
	kp_congress_release(&r->cg);
}

static void nos_are(const struct kp_sheet *s, const unsigned *want, size_t n)
{
	size_t i;

	assert_int_equal(s->n, n);
	for (i = 0; i < n; i++)
		assert_int_equal(s->nos[i], want[i]);
}

/* a: not started; t: a tie in round 1; p: pending, one of two seats
 * filled; f: complete. Base 5 everywhere: 3 votes elect. */
static void the_next_round_of_each_contest(void **state)
{
	static const unsigned all4[] = { 1, 2, 3, 4 }, tied[] = { 1, 2 },
			      open_rest[] = { 2, 3, 4 };
	char *dir = unit_tmpdir();
	struct run r;
	char *name;

	(void)state;
	unit_writes(dir, "contests.csv",
		    "contest,kind,seats,reserves,base\n"
		    "a,committee,3,,5\nt,delegates,1,1,5\np,inspection,2,,5\n"
		    "f,secretary,1,,5\nr,delegates,1,1,5\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name\n"
		    "a,1,An\na,2,Bình\na,3,Chi\na,4,Dũng\n"
		    "t,1,An\nt,2,Bình\nt,3,Chi\nt,4,Dũng\n"
		    "p,1,An\np,2,Bình\np,3,Chi\np,4,Dũng\n"
		    "f,1,An\n"
		    "r,1,An\nr,2,Bình\nr,3,Chi\nr,4,Dũng\n");
	/* t: 1 and 2 tie with 4 votes for 2 seats (1 official, 1 reserve) */
	unit_writes(dir, "ballots/t.csv",
		    "ballot,1,2,3,4\n1,,,x,x\n2,,,x,x\n3,,,x,x\n4,,,x,x\n5,x,x,,\n");
	/* p: 1 has 4 votes, nobody else 3 */
	unit_writes(dir, "ballots/p.csv",
		    "ballot,1,2,3,4\n1,,x,x,x\n2,,x,x,x\n3,,x,x,x\n4,,x,x,x\n5,x,,x,x\n");
	unit_writes(dir, "ballots/f.csv", "ballot,1\n1,\n2,\n3,\n");
	/* r: 1 is elected with 5 votes; 3, with 2, is not a reserve */
	unit_writes(dir, "ballots/r.csv",
		    "ballot,1,2,3,4\n1,,x,,x\n2,,x,,x\n3,,x,x,x\n4,,x,x,x\n5,,x,x,x\n");
	plan(dir, &r);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.s[0].ct->id, "a");
	assert_int_equal(r.s[0].round, 1);
	assert_false(r.s[0].tie);
	assert_false(r.s[0].present);
	nos_are(&r.s[0], all4, 4);
	assert_string_equal(r.s[1].ct->id, "t");
	assert_int_equal(r.s[1].round, 2);
	assert_true(r.s[1].tie);
	nos_are(&r.s[1], tied, 2);
	assert_string_equal(r.s[2].ct->id, "p");
	assert_int_equal(r.s[2].round, 2);
	assert_false(r.s[2].tie);
	nos_are(&r.s[2], open_rest, 3);
	/* r: the reserve seat is open: everyone not elected */
	assert_string_equal(r.s[3].ct->id, "r");
	nos_are(&r.s[3], open_rest, 3);
	name = kp_sheet_name(&r.s[0], 0);
	assert_string_equal(name, "a.csv");
	free(name);
	name = kp_sheet_name(&r.s[1], 0);
	assert_string_equal(name, "t.r2.csv");
	free(name);
	done(&r);
	unit_rmdir(dir);
}

/* The header: names, but a number where a name would not read back as
 * that candidate alone or could run in Excel; a typed sheet is accepted. */
static void a_header_that_reads_back(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_buf b = KP_BUF_INIT;
	struct kp_diag_sink sink;
	struct run r;

	(void)state;
	unit_writes(dir, "contests.csv", "contest,kind,seats,base\nc,committee,6,9\n");
	unit_writes(dir, "candidates.csv",
		    "contest,no,name\n"
		    "c,1,Nguyễn Văn An\nc,2,\"Lê, Thị Bé\"\nc,3,Nguyễn Văn An\n"
		    "c,4,=1+1\nc,5,Void\nc,6,7\nc,7,Trần Bình\n");
	plan(dir, &r);
	assert_int_equal(r.n, 1);
	kp_sheet_csv(&b, &r.s[0]);
	assert_memory_equal(b.s, "\xff\xfe" "b\0a\0l\0l\0o\0t\0\t\0" "1\0\t\0", 18);
	assert_string_equal(utf8_of(&b), "ballot\t1\t\"Lê, Thị Bé\"\t3\t4\t5\t6\t"
			    "Trần Bình\tvoid\r\n");
	snprintf(path, sizeof(path), "%s/ballots/c.csv", dir);
	kp_diag_sink_init(&sink, NULL, NULL);
	assert_int_equal(kp_write_new(path, b.s, b.len, &sink), KP_EXIT_OK);
	done(&r);
	/* read back, empty: no round yet, and the same sheet again */
	plan(dir, &r);
	assert_int_equal(r.res.contests[0].status, KP_STATUS_NOT_STARTED);
	assert_int_equal(r.n, 1);
	assert_true(r.s[0].present);
	done(&r);
	/* typed: every candidate's column is theirs */
	{
		struct kp_buf t = KP_BUF_INIT;

		static const char row[] = "1\t\t\t\t\t\t\tx\t\r\n";

		kp_buf_add(&t, b.s, b.len);
		assert_int_equal(kp_csv_utf16le(&t, row, sizeof(row) - 1), 0);
		/* the row's own byte order mark out */
		memmove(t.s + b.len, t.s + b.len + 2, t.len - b.len - 2);
		unit_write(dir, "ballots/c.csv", t.s, t.len - 2);
		kp_buf_release(&t);
	}
	plan(dir, &r);
	assert_int_equal(r.res.contests[0].nrounds, 1);
	assert_int_equal(r.res.contests[0].rounds[0].valid, 1);
	assert_int_equal(r.res.contests[0].rounds[0].cands[6].votes, 0);
	assert_int_equal(r.res.contests[0].rounds[0].cands[1].votes, 1);
	done(&r);
	kp_buf_release(&b);
	unit_rmdir(dir);
}

/* A sheet is written as a new file or not at all. */
static void never_over_a_file(void **state)
{
	char *dir = unit_tmpdir(), path[4200], link_path[4200], buf[16];
	struct kp_diag_sink sink;
	FILE *f;
	size_t n;

	(void)state;
	unit_diags[0] = '\0';
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	snprintf(path, sizeof(path), "%s/c.csv", dir);
	assert_int_equal(kp_write_new(path, "new\n", 4, &sink), KP_EXIT_OK);
	assert_int_equal(kp_write_new(path, "other\n", 6, &sink), KP_EXIT_IO);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_int_equal(n, 4);
	assert_memory_equal(buf, "new\n", 4);
#ifndef _WIN32 /* (symbolic links need rights a user lacks on Windows) */
	/* a dangling link is something there too */
	snprintf(link_path, sizeof(link_path), "%s/d.csv", dir);
	assert_int_equal(symlink("nowhere", link_path), 0);
	assert_int_equal(kp_write_new(link_path, "x", 1, &sink), KP_EXIT_IO);
	assert_string_equal(unit_diags, "c.csv:0:0:e:not written: File exists\n"
			    "d.csv:0:0:e:not written: File exists\n");
	assert_int_equal(sink.errors, 2);
#else
	(void)link_path;
	assert_int_equal(sink.errors, 1);
#endif
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_next_round_of_each_contest),
		cmocka_unit_test(a_header_that_reads_back),
		cmocka_unit_test(never_over_a_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
