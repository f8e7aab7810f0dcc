/* kiemphieu tally: the results of every election of a congress, or of
 * every congress of a campaign. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/audit.h"
#include "kiemphieu/batch.h"
#include "kiemphieu/book.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/columns.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/report.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

static const char *const extension[] = {
	[KP_FORMAT_TEXT] = "txt", [KP_FORMAT_JSON] = "json", [KP_FORMAT_CSV] = "csv",
	[KP_FORMAT_XLSX] = "xlsx",
};

struct job {
	enum kp_format format;
	const char *contest;
	const char *outdir;	/* one file per congress here, or stdout */
	int csv_header;		/* each congress's CSV has its header row */
	unsigned csv_flags;	/* KP_CSV_EXCEL with --excel */
	struct kp_text_style style;	/* bars and colour on a terminal */
	const char *output;	/* --output FILE, not stdout */
	struct kp_buf *table;	/* xlsx of a campaign to one file: its CSV rows */
};

/* The results table (the CSV of kp_report_csv) as a workbook: every row,
 * and the elected alone on a second sheet. */
static const char *const text_columns[] = {
	"org", "contest", "kind", "name", "result", "source", NULL
};

static int elected_row(const char *const *head, const char *const *row, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(head[i], "result") == 0)
			return strcmp(row[i], "elected") == 0 || strcmp(row[i], "reserve") == 0;
	return 0;
}

static int results_book(const struct kp_buf *csv, const char *name, struct kp_buf *out,
			struct kp_diag_sink *sink)
{
	int vi = strcmp(kp_i18n_lang(), "vi") == 0, status;
	struct kp_book_table t = { text_columns, vi ? kp_tally_heading_vi : NULL, NULL };
	struct kp_book *bk = kp_book_new();

	kp_book_sheet(bk, vi ? "Kết quả" : "Results");
	kp_book_table(bk, csv->s, csv->len, &t);
	t.keep = elected_row;
	kp_book_sheet(bk, vi ? "Trúng cử" : "Elected");
	kp_book_table(bk, csv->s, csv->len, &t);
	status = kp_book_bytes(bk, name, out, sink);
	kp_book_free(bk);
	return status;
}

/* The congress folder as seen from where its results go (DIR of --out, or
 * the folder of the file stdout writes to), so that verify finds the
 * inputs from the results file wherever it is run; NULL to keep the path
 * as given (stdout to a pipe or a terminal). */
static char *relative_to_results(const struct job *j, const char *dir)
{
	char *base = NULL, *target = kp_os_realpath(dir), *rel = NULL;

	if (j->outdir) {
		base = kp_os_realpath(j->outdir);
	} else {
		base = kp_os_fd_path(1);
		if (base && kp_path_last_sep(base))
			*kp_path_last_sep(base) = '\0';
		if (base && !base[0]) {
			free(base);
			base = kp_xstrdup("/");
		}
	}
	if (base && target)
		rel = kp_path_relative(base, target);
	free(base);
	free(target);
	return rel;
}

/* Every string of a JSON result must come out: a path that is not UTF-8
 * (a folder unzipped from Windows in its code page) cannot, so it is an
 * error, not a hole in the record. */
static int json_paths_valid(const struct kp_congress *cg,
			    const struct kp_audit *a, struct kp_diag_sink *sink)
{
	size_t i;

	if (!kp_text_valid(cg->dir, strlen(cg->dir)) ||
	    !kp_text_valid(cg->org, strlen(cg->org)))
		return kp_error(sink, cg->dir, 0, 0,
				"the folder's path is not valid UTF-8, and JSON holds "
				"UTF-8 only: rename the folder (a zip from Windows: "
				"unzip -O cp1258)");
	for (i = 0; i < a->n; i++)
		if (!kp_text_valid(a->files[i].name, strlen(a->files[i].name)))
			return kp_error(sink, a->files[i].name, 0, 0,
					"the file's name is not valid UTF-8, and JSON "
					"holds UTF-8 only: rename it");
	return KP_EXIT_OK;
}

/* Tally the congress at `path` into out; its diagnostics go to sink.
 * Returns the exit status of this congress alone. */
static int tally_one(const char *path, const struct kp_org *org,
		     const struct kp_tally_opts *o, const struct job *j,
		     struct kp_diag_sink *sink, struct kp_buf *out)
{
	struct kp_congress cg;
	struct kp_results res;
	int status;

	if (org) {
		int r;

		status = kp_congress_load(&cg, path, &o->csv, sink);
		r = kp_tally_congress(&cg, j->contest, o, &res, sink);
		if (status == KP_EXIT_OK)
			status = r;
		/* in a campaign, a congress is its org id, whatever its
		 * folder, and its row names it where congress.csv does not */
		free(cg.org);
		cg.org = kp_xstrdup(org->id);
		kp_congress_fill(&cg, strcmp(org->name, org->id) ? org->name : NULL,
				 org->parent);
	} else {
		status = kp_cli_load_tally(path, j->contest, o, &cg, &res, sink);
	}
	if (status == KP_EXIT_OK) {
		switch (j->format) {
		case KP_FORMAT_TEXT:
			kp_report_text(out, &res, &j->style);
			break;
		case KP_FORMAT_JSON: {
			/* the audit trail: which files, with which hashes, under
			 * which rules, by which version */
			struct kp_audit audit;
			struct kp_report_meta meta = { KP_VERSION, &o->limits, &audit };

			status = kp_audit_congress(&audit, &cg, &res, sink);
			if (status == KP_EXIT_OK)
				status = json_paths_valid(&cg, &audit, sink);
			if (status == KP_EXIT_OK) {
				char *rel = relative_to_results(j, cg.dir);

				if (rel) {
					free(audit.congress);
					audit.congress = rel;
				}
				kp_report_json(out, &res, &meta);
			}
			kp_audit_release(&audit);
			break;
		}
		case KP_FORMAT_CSV:
			if (j->csv_header && j->csv_flags)
				kp_buf_addstr(out, KP_CSV_BOM);
			kp_report_csv(out, &res, j->csv_header, j->csv_flags);
			break;
		case KP_FORMAT_XLSX:
			/* the table, made a workbook where it is written */
			kp_report_csv(out, &res, j->csv_header, 0);
			break;
		}
		if (kp_results_pending(&res))
			status = KP_EXIT_PENDING;
	}
	kp_results_release(&res);
	kp_congress_release(&cg);
	return status;
}

static int put_file(const struct job *j, const char *org, const struct kp_buf *b,
		    struct kp_diag_sink *sink);

/* Write a congress's results: to DIR/ORG.EXT or the --output file through
 * a temporary file and a rename, or to stdout. */
static int emit(const struct job *j, const char *org, const struct kp_buf *b,
		struct kp_diag_sink *sink)
{
	int status;

	struct kp_buf book = KP_BUF_INIT;

	if (j->table) {
		/* a campaign to one file (or one workbook): written at the end */
		kp_buf_add(j->table, b->s ? b->s : "", b->len);
		return KP_EXIT_OK;
	}
	if (j->format == KP_FORMAT_XLSX) {
		status = results_book(b, j->output ? j->output : org, &book, sink);
		b = &book;
	} else {
		status = KP_EXIT_OK;
	}
	if (status == KP_EXIT_OK)
		status = j->outdir ? put_file(j, org, b, sink) :
			 j->output ? kp_write_file(j->output, b->s ? b->s : "", b->len, 0,
						   sink) :
			 kp_cli_put(b);
	kp_buf_release(&book);
	return status;
}

/* DIR/ORG.EXT of --out, through a temporary file and a rename. */
static int put_file(const struct job *j, const char *org, const struct kp_buf *b,
		    struct kp_diag_sink *sink)
{
	char *name, *path;
	int status;
	size_t n;

	n = strlen(org) + 8;
	name = kp_xmalloc(n);
	snprintf(name, n, "%s.%s", org, extension[j->format]);
	path = kp_path_join(j->outdir, name);
	/* never through a link or a pipe planted in the folder */
	status = kp_write_file(path, b->s ? b->s : "", b->len, KP_WRITE_NOFOLLOW,
			       sink);
	free(path);
	free(name);
	return status;
}

static int worse(int a, int b)
{
	static const int rank[] = { 0, 3, 0, 4, 1, 0 }; /* OK < PENDING < DATA < IO */

	return rank[b] > rank[a] ? b : a;
}

struct run {
	const struct kp_campaign *c;
	const struct kp_tally_opts *o;
	const struct job *j;
	struct kp_diag_list *lists;
	struct kp_buf *bufs;
	int *status;
	struct kp_cli *cli;
	int worst;
	struct kp_cli_bar bar;
};

/*
 * What stands for the results of a congress whose data has errors, so that
 * every congress has its line (JSON Lines, CSV, text) and a results file of
 * an earlier run under --out is replaced, never left stale beside fresh
 * ones: {"org":ID,"dir":DIR,"invalid":true,"errors":N}, a CSV row whose
 * result is "invalid", or a line saying so.
 */
static void invalid(struct kp_buf *b, const struct job *j, const char *org,
		    const char *dir, uint64_t errors, int after_first)
{
	kp_buf_reset(b);
	switch (j->format) {
	case KP_FORMAT_JSON:
		kp_report_json_invalid(b, org, dir, errors);
		break;
	case KP_FORMAT_CSV:
		if (j->csv_header && j->csv_flags)
			kp_buf_addstr(b, KP_CSV_BOM);
		kp_report_csv_invalid(b, org, j->csv_header, j->csv_flags);
		break;
	case KP_FORMAT_XLSX:
		kp_report_csv_invalid(b, org, j->csv_header, 0);
		break;
	case KP_FORMAT_TEXT:
		if (after_first && !j->outdir)
			kp_buf_addch(b, '\n');
		kp_buf_addf(b, Q_("Congress %s: its data has %llu error, no results\n",
				  "Congress %s: its data has %llu errors, no results\n",
				  errors), org, (unsigned long long)errors);
		break;
	}
}

static void work(void *ctx, size_t i)
{
	struct run *r = ctx;
	const struct kp_org *org = &r->c->orgs[i];
	struct kp_diag_list *l = &r->lists[i];
	struct kp_buf *b = &r->bufs[i];

	kp_diag_list_init(l, 1000);
	kp_buf_init(b);
	/* congresses one after another on stdout: a blank line between */
	if (i > 0 && r->j->format == KP_FORMAT_TEXT && !r->j->outdir)
		kp_buf_addch(b, '\n');
	r->status[i] = tally_one(org->path, org, r->o, r->j, &l->sink, b);
	if (r->status[i] != KP_EXIT_OK && r->status[i] != KP_EXIT_PENDING)
		invalid(b, r->j, org->id, org->path, l->sink.errors, i > 0);
}

static void done(void *ctx, size_t i)
{
	struct run *r = ctx;
	int st = r->status[i];

	kp_diag_list_flush(&r->lists[i], 1, &r->cli->sink);
	kp_diag_list_release(&r->lists[i]);
	st = worse(st, emit(r->j, r->c->orgs[i].id, &r->bufs[i], &r->cli->sink));
	kp_buf_release(&r->bufs[i]);
	r->worst = worse(r->worst, st);
	kp_cli_bar_step(&r->bar, i + 1, 0);
}

static int tally_campaign(const char *path, struct kp_tally_opts *o,
			  const struct job *j, struct kp_cli *cli)
{
	struct kp_campaign c;
	struct run r;
	struct job each = *j;
	struct kp_buf table = KP_BUF_INIT;
	unsigned jobs = o->csv.threads;
	int status;

	status = kp_campaign_load(&c, path, &o->csv, &cli->sink);
	if (status != KP_EXIT_OK) {
		kp_campaign_release(&c);
		return status;
	}
	/* to one file, or one workbook: everything first, then written */
	if (!j->outdir && (j->output || j->format == KP_FORMAT_XLSX))
		each.table = &table;
	if ((j->format == KP_FORMAT_CSV || j->format == KP_FORMAT_XLSX) && !j->outdir) {
		/* one table for the campaign: the header once */
		struct kp_results none;
		struct kp_buf h = KP_BUF_INIT;
		unsigned flags = j->format == KP_FORMAT_CSV ? j->csv_flags : 0;

		memset(&none, 0, sizeof(none));
		if (flags)
			kp_buf_addstr(&h, KP_CSV_BOM);
		kp_report_csv(&h, &none, 1, flags);
		if (each.table)
			kp_buf_add(&table, h.s, h.len);
		else
			status = kp_cli_put(&h);
		kp_buf_release(&h);
		each.csv_header = 0;
	}
	memset(&r, 0, sizeof(r));
	r.c = &c;
	r.o = o;
	r.j = &each;
	r.cli = cli;
	r.worst = status;
	r.lists = kp_xcalloc(c.n + 1, sizeof(*r.lists));
	r.bufs = kp_xcalloc(c.n + 1, sizeof(*r.bufs));
	r.status = kp_xcalloc(c.n + 1, sizeof(*r.status));
	o->csv.threads = 1; /* congresses side by side, each in one thread */
	kp_cli_bar_init(&r.bar, c.n);
	{
		struct kp_batch b = { c.n, jobs, work, done, &r };

		kp_batch_run(&b);
	}
	kp_cli_bar_end(&r.bar);
	if (each.table) {
		struct job whole = *j;

		/* written whole, or not at all */
		whole.table = NULL;
		r.worst = worse(r.worst, emit(&whole, c.name, &table, &cli->sink));
	}
	kp_buf_release(&table);
	free(r.lists);
	free(r.bufs);
	free(r.status);
	kp_campaign_release(&c);
	return r.worst;
}

static int own_option(void *ctx, int opt, const char *arg)
{
	struct job *j = ctx;

	switch (opt) {
	case 'c':
		j->contest = arg;
		return KP_EXIT_OK;
	case 'f':
		if (kp_format_parse(arg, &j->format) != 0)
			return kp_cli_usage(&kp_cmd_tally, "--format '%s': expected "
					    "text, json, csv or xlsx", arg);
		return KP_EXIT_OK;
	case 'D':
		j->outdir = arg;
		return KP_EXIT_OK;
	case 'o':
		j->output = arg;
		return KP_EXIT_OK;
	case 'x':
		j->csv_flags = KP_CSV_EXCEL;
		j->format = KP_FORMAT_CSV;
		return KP_EXIT_OK;
	}
	return -1;
}

static int tally_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "contest", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'D' },
		{ "output", required_argument, NULL, 'o' },
		{ "excel", no_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	struct job j = { KP_FORMAT_TEXT, NULL, NULL, 1, 0, { 0, 0, 0 }, NULL, NULL };
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	int status;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, "o:", longopts, own_option, &j,
			       &o, &cli);
	if (status >= 0)
		return status;
	kp_cli_style(&j.style);
	if (j.output && j.outdir)
		return kp_cli_usage(self, "--output and --out: one file, or one file per "
				    "congress in a folder, not both");
	if (j.format == KP_FORMAT_XLSX && !j.outdir && !j.output &&
	    kp_cli_stdout_is_terminal())
		return kp_cli_usage(self, "--format xlsx writes a workbook, not text for a "
				    "terminal: give -o FILE.xlsx");
	/* Excel on Vietnamese Windows: ';' between fields, 83,33 (csv.h) */
	if (j.csv_flags && strcmp(kp_i18n_lang(), "vi") == 0)
		j.csv_flags |= KP_CSV_SEMI | KP_CSV_DECIMAL_COMMA;
	if (optind != argc - 1)
		return optind == argc ?
		       kp_cli_usage(self, "expected a congress or campaign folder") :
		       kp_cli_usage(self, "expected one folder, got %d", argc - optind);
	/* only the JSON results carry the files' hashes (their audit) */
	o.no_hash = j.format != KP_FORMAT_JSON;
	if (j.outdir && kp_cli_mkdir(j.outdir, &cli.sink) != KP_EXIT_OK)
		return kp_cli_end(&cli, &out, KP_EXIT_IO);
	if (j.outdir)
		kp_write_clean(j.outdir); /* what a killed run left there */
	if (kp_campaign_detect(argv[optind])) {
		status = tally_campaign(argv[optind], &o, &j, &cli);
	} else {
		char *id = kp_path_name(argv[optind]);

		status = tally_one(argv[optind], NULL, &o, &j, &cli.sink, &out);
		/* nothing is shown from data with an error; under --out, the
		 * results of an earlier run are marked invalid, not left */
		if (status == KP_EXIT_OK || status == KP_EXIT_PENDING)
			status = worse(status, emit(&j, id, &out, &cli.sink));
		else if (j.outdir) {
			invalid(&out, &j, id, argv[optind], cli.sink.errors, 0);
			status = worse(status, emit(&j, id, &out, &cli.sink));
		}
		free(id);
	}
	/* everything went out through emit(): check that it arrived */
	kp_buf_release(&out);
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_tally = {
	"tally", tally_main,
	"kiemphieu tally [--contest ID] [--format text|json|csv|xlsx] [--out DIR] "
	"[-o FILE] [options] ORG|CAMPAIGN",
	N_("tally the ballots and decide who is elected"),
	N_("Tally the ballots of every election of the congress in folder ORG and\n"
	   "decide who is elected; nothing is printed when its data has an error.\n"
	   "Given a campaign folder (with a campaign.csv), tally every congress in\n"
	   "campaign order: JSON gives one line per congress (an invalid one says\n"
	   "so), text and CSV follow one another. With --out, each congress's\n"
	   "results go to DIR/ORG.json (.txt, .csv, .xlsx) instead, each written\n"
	   "whole through a temporary file.\n\n"
	   "Options:\n"
	   "  --contest ID       only this election\n"
	   "  --format FMT       text (default), json, csv, or xlsx (a workbook: the\n"
	   "                     table of csv, and the elected on a second sheet)\n"
	   "  --out DIR          one results file per congress in DIR\n"
	   "  -o, --output FILE  write to FILE (through a temporary file), not to\n"
	   "                     standard output\n"
	   "  --excel            CSV for Excel: a UTF-8 BOM, CRLF, no cell read as a\n"
	   "                     formula; under --lang vi, ';' between fields and\n"
	   "                     decimal commas, as Excel on Vietnamese Windows\n"
	   "                     reads CSV (implies --format csv)\n"),
	N_("\nExit status: 0 every election decided, 1 invalid data, 2 usage,\n"
	   "3 I/O error, 4 valid, but the congress is not complete: an election is\n"
	   "pending (a tie or open seats: vote again), not started, or waiting for\n"
	   "the new committee.\n")
};
