/* kiemphieu sheet: empty ballot files to type the next round's ballots in. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/book.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/sheet.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

struct options {
	const char *contest;
	const char *outdir;
	int tsv;		/* --format tsv: UTF-16 text, not a workbook */
};

static int own_option(void *ctx, int opt, const char *arg)
{
	struct options *x = ctx;

	switch (opt) {
	case 'c':
		x->contest = arg;
		return KP_EXIT_OK;
	case 'O':
		x->outdir = arg;
		return KP_EXIT_OK;
	case 'f':
		return kp_cli_sheet_format(&kp_cmd_sheet, arg, &x->tsv);
	}
	return -1;
}

/* One line of the report: what was written for a sheet. */
static void say(struct kp_buf *out, const struct kp_sheet *s, const char *path)
{
	char *safe = kp_text_safe(path);
	size_t i;

	kp_buf_addf(out, _("%s: round %u, %s"), s->ct->id, s->round, safe);
	free(safe);
	kp_buf_addstr(out, " (");
	if (s->tie)
		kp_buf_addf(out, Q_("a re-vote among the %zu tied candidate:",
				    "a re-vote among the %zu tied candidates:", s->n),
			    s->n);
	else
		kp_buf_addf(out, Q_("%zu candidate:", "%zu candidates:", s->n), s->n);
	for (i = 0; i < s->n; i++)
		kp_buf_addf(out, " %u", s->nos[i]);
	kp_buf_addstr(out, ")\n");
	kp_buf_addstr(out, "  ");
	if (s->ct->form == KP_FORM_AGREE)
		kp_buf_addstr(out, _("a row per ballot; in each name's cell: y (đồng ý), "
				     "n (không đồng ý), yn (both boxes), empty (neither)"));
	else
		kp_buf_addstr(out, _("a row per ballot; in each name's cell: empty (kept), "
				     "x (struck out)"));
	kp_buf_addch(out, '\n');
	{
		kp_buf_addstr(out, "  ");
		uint64_t most = s->seats.official + s->seats.reserves;

		if (s->ct->reserves)
			kp_buf_addf(out, _("this round elects %llu official and %llu "
					   "reserve: "),
				    (unsigned long long)s->seats.official,
				    (unsigned long long)s->seats.reserves);
		else
			kp_buf_addf(out, _("this round elects %llu: "),
				    (unsigned long long)s->seats.official);
		kp_buf_addf(out, Q_("a ballot keeps at most %llu name",
				    "a ballot keeps at most %llu names", most),
			    (unsigned long long)most);
		kp_buf_addch(out, '\n');
	}
}

/* The sheet's bytes: a workbook, or UTF-16 text. */
static int sheet_bytes(const struct kp_sheet *s, int tsv, const char *path,
		       struct kp_buf *b, struct kp_diag_sink *sink)
{
	struct kp_book *bk;
	int status;

	if (tsv) {
		kp_sheet_csv(b, s);
		return KP_EXIT_OK;
	}
	bk = kp_book_new();
	kp_sheet_book(bk, s);
	status = kp_book_bytes(bk, path, b, sink);
	kp_book_free(bk);
	return status;
}

static int write_sheets(const struct kp_results *res, const char *dir,
			int own_dir, int tsv, struct kp_buf *out,
			struct kp_diag_sink *sink)
{
	struct kp_sheet *s;
	size_t n = kp_sheets_plan(res, &s), i;
	int status = n ? kp_cli_mkdir(dir, sink) : KP_EXIT_OK;

	if (n && status == KP_EXIT_OK)
		kp_write_clean(dir);
	/* without the folder, no sheet; else each sheet on its own */
	size_t todo = status == KP_EXIT_OK ? n : 0;


	for (i = 0; i < todo; i++) {
		struct kp_buf b = KP_BUF_INIT;
		char *name = kp_sheet_name(&s[i], !tsv), *path = kp_path_join(dir, name);
		char *other_name = kp_sheet_name(&s[i], tsv);
		char *other = kp_path_join(dir, other_name);

		if (s[i].present && !own_dir) {
			char *safe = kp_text_safe(path);

			kp_buf_addf(out, _("%s: round %u, %s is there already, with "
					   "no ballots yet\n"), s[i].ct->id,
				    s[i].round, safe);
			free(safe);
		} else if (kp_os_is_file(other)) {
			/* the same sheet in the other form: two files of one round */
			kp_error(sink, other, 0, 0, "is there already: the round's "
				 "sheet is not written beside it");
			status = KP_EXIT_IO;
		} else if (sheet_bytes(&s[i], tsv, path, &b, sink) != KP_EXIT_OK) {
			status = KP_EXIT_IO;
		} else if (kp_write_new(path, b.s, b.len, sink) == KP_EXIT_OK) {
			/* never over a file: it may hold ballots typed in already */
			say(out, &s[i], path);
		} else {
			status = KP_EXIT_IO;
		}
		kp_buf_release(&b);
		free(path);
		free(name);
		free(other);
		free(other_name);
	}
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];

		if (cr->status == KP_STATUS_COMPLETE || cr->status == KP_STATUS_CLOSED)
			kp_buf_addf(out, _("%s: %s, no further round\n"), cr->ct->id,
				    kp_status_text(cr->status));
		else if (cr->status == KP_STATUS_WAITING)
			kp_buf_addf(out, _("%s: waits for the committee '%s' to be "
					   "complete\n"), cr->ct->id,
				    cr->waits_for->id);
	}
	kp_sheets_release(s, n);
	return status;
}

static int sheet_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "contest", required_argument, NULL, 'c' },
		{ "out", required_argument, NULL, 'O' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct options x = { NULL, NULL, 0 };
	struct kp_tally_opts o;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	char *dir;
	int status;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, NULL, longopts, own_option, &x,
			       &o, &cli);
	if (status >= 0)
		return status;
	status = kp_cli_congress_arg(self, argc, argv);
	if (status >= 0)
		return status;
	status = kp_cli_load_tally(argv[optind], x.contest, &o, &cg, &res,
				   &cli.sink);
	/* the next round follows from the last: nothing from data with an error */
	if (status == KP_EXIT_OK) {
		dir = x.outdir ? kp_xstrdup(x.outdir) : kp_path_join(cg.dir, "ballots");
		status = write_sheets(&res, dir, x.outdir != NULL, x.tsv, &out,
				      &cli.sink);
		free(dir);
	}
	kp_results_release(&res);
	kp_congress_release(&cg);
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_sheet = {
	"sheet", sheet_main,
	"kiemphieu sheet [--contest ID] [--format xlsx|tsv] [--out DIR] [options] ORG",
	N_("write empty ballot files to type the next round's ballots in"),
	N_("Write, for each election of the congress in ORG that needs ballots\n"
	   "next, the empty ballot file of that round: ballots/ID.xlsx for an\n"
	   "election not started (every candidate), ballots/ID.rN.xlsx after a\n"
	   "round that left it pending (after a tie, the tied candidates; else\n"
	   "every candidate not yet elected; the congress may decide otherwise:\n"
	   "delete or add columns before typing). The header names each\n"
	   "candidate as candidates.csv does; the workbook accepts only the\n"
	   "ballot's marks in the candidates' cells and has a sheet of\n"
	   "instructions. Save it from Excel as it is (.xlsx). A file already\n"
	   "there is never replaced. Nothing is written from data with an error.\n\n"
	   "Options:\n"
	   "  --contest ID       only this election\n"
	   "  --format FMT       xlsx (default), or tsv: ID.csv as UTF-16 text with\n"
	   "                     tabs (Excel's \"Unicode Text\")\n"
	   "  --out DIR          write into DIR, not ORG/ballots (a folder for\n"
	   "                     each computer of a double entry)\n"),
	N_("\nExit status: 0 written (or nothing to write), 1 invalid data, 2 usage,\n"
	   "3 I/O error (a file already there, or not written).\n")
};
