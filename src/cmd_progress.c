/* kiemphieu progress: completion and quality of a whole campaign. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include <jansson.h>

#include "kiemphieu/batch.h"
#include "kiemphieu/book.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/columns.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/xalloc.h"

enum {
	OPT_PILOT = 2000,
	OPT_PARENT,
	OPT_AS_OF,
	OPT_FORMAT,
	OPT_YOUNG_UNDER,
	OPT_REQUIRE_COMPLETE,
	OPT_EXCEL,
	OPT_LEVEL,
	OPT_AGE_BANDS,
	OPT_TARGET,
	OPT_OUTPUT = 'o'
};

struct run {
	struct kp_campaign *c;
	struct kp_summary *s;
	struct kp_diag_list *lists;
	const struct kp_tally_opts *o;
	const struct kp_progress_opts *po;
	struct kp_diag_sink *errors;	/* errors only: warnings are check's */
	struct kp_cli_bar bar;
	uint64_t ballots;
};

static void work(void *ctx, size_t i)
{
	struct run *r = ctx;

	const struct kp_org *org = &r->c->orgs[i];

	kp_diag_list_init(&r->lists[i], 20);
	if (r->c->pre && (org->via || org->summary)) {
		/* from a district's summary: read, not evaluated */
		r->s[i] = r->c->pre[i];
		memset(&r->c->pre[i], 0, sizeof(r->c->pre[i]));
		return;
	}
	kp_evaluate(&r->s[i], org->path, r->o, kp_progress_young_under(r->po, org),
		    &r->lists[i].sink);
}

static void done(void *ctx, size_t i)
{
	struct run *r = ctx;

	kp_diag_list_flush(&r->lists[i], 1, r->errors);
	kp_diag_list_release(&r->lists[i]);
	r->ballots += r->s[i].ballots;
	kp_cli_bar_step(&r->bar, i + 1, r->ballots);
}

static void errors_only(void *ctx, const struct kp_diag *d)
{
	if (d->severity == KP_SEV_ERROR)
		kp_diag_report(ctx, d);
}

struct options {
	struct kp_progress_opts po;
	const char *format;
	const char *output;	/* -o FILE, not stdout */
	int require;
	unsigned csv_flags;
	int targets_given;	/* --target: targets.csv is not read */
};

static int target_option(struct options *x, const char *arg);

/* --target FIGURE=PERCENT, e.g. women=15; a figure given again replaces
 * the earlier one. */
static int target_option(struct options *x, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct kp_target t;
	uint64_t v;
	size_t i;

	if (!eq || kp_target_parse(arg, (size_t)(eq - arg), &t.figure) != 0 ||
	    kp_parse_uint(eq + 1, strlen(eq + 1), 100, &v) != 0)
		return kp_cli_usage(&kp_cmd_progress, "--target '%s': expected "
				    "FIGURE=PERCENT, FIGURE one of women, young, "
				    "ethnic_minority, standing_woman", arg);
	t.percent = (unsigned)v;
	for (i = 0; i < x->po.ntargets; i++)
		if (x->po.targets[i].figure == t.figure)
			break;
	if (i == KP_TARGETS_MAX)
		return kp_cli_usage(&kp_cmd_progress, "--target: at most %d targets",
				    KP_TARGETS_MAX);
	x->po.targets[i] = t;
	if (i == x->po.ntargets)
		x->po.ntargets++;
	x->targets_given = 1;
	return KP_EXIT_OK;
}

static int own_option(void *ctx, int opt, const char *arg)
{
	struct options *x = ctx;
	char *end;
	unsigned long v;

	switch (opt) {
	case OPT_PILOT:
		x->po.pilots_only = 1;
		return KP_EXIT_OK;
	case OPT_PARENT:
		x->po.parent = arg;
		return KP_EXIT_OK;
	case OPT_AS_OF:
		if (kp_cli_date(arg, &x->po.as_of) != 0)
			return kp_cli_usage(&kp_cmd_progress, "--as-of '%s': expected "
					    "a day as YYYY-MM-DD or DD/MM/YYYY", arg);
		return KP_EXIT_OK;
	case OPT_FORMAT:
		if (strcmp(arg, "text") && strcmp(arg, "json") && strcmp(arg, "csv") &&
		    strcmp(arg, "html") && strcmp(arg, "pdf") && strcmp(arg, "xlsx"))
			return kp_cli_usage(&kp_cmd_progress, "--format '%s': "
					    "expected text, json, csv, html, pdf or xlsx",
					    arg);
		x->format = arg;
		return KP_EXIT_OK;
	case OPT_OUTPUT:
		x->output = arg;
		return KP_EXIT_OK;
	case OPT_YOUNG_UNDER:
		v = strtoul(arg, &end, 10);
		if (!*arg || *end || v < 1 || v > 150 || *arg == '-')
			return kp_cli_usage(&kp_cmd_progress, "--young-under '%s': "
					    "expected an age from 1 to 150", arg);
		x->po.young_under = (unsigned)v;
		return KP_EXIT_OK;
	case OPT_REQUIRE_COMPLETE:
		x->require = 1;
		return KP_EXIT_OK;
	case OPT_EXCEL:
		x->csv_flags = KP_CSV_EXCEL;
		x->format = "csv";
		return KP_EXIT_OK;
	case OPT_LEVEL:
		x->po.level = arg;
		return KP_EXIT_OK;
	case OPT_AGE_BANDS:
		if (kp_bands_parse(arg, &x->po.bands) != 0)
			return kp_cli_usage(&kp_cmd_progress, "--age-bands '%s': "
					    "expected rising ages, as 40,50", arg);
		return KP_EXIT_OK;
	case OPT_TARGET:
		return target_option(x, arg);
	}
	return -1;
}

/* Rows of a JSON array of objects as CSV: the keys, then a row each. */
static void json_csv(struct kp_buf *csv, const json_t *a, const char *const *keys,
		     size_t n)
{
	size_t i, k;
	const json_t *o;

	kp_csv_put_row(csv, keys, n, 0);
	json_array_foreach(a, i, o) {
		char num[32][32];
		const char *row[32];

		for (k = 0; k < n && k < 32; k++) {
			const json_t *v = json_object_get(o, keys[k]);

			row[k] = "";
			if (json_is_string(v)) {
				row[k] = json_string_value(v);
			} else if (json_is_integer(v)) {
				snprintf(num[k], sizeof(num[k]), "%lld",
					 (long long)json_integer_value(v));
				row[k] = num[k];
			} else if (json_is_real(v)) {
				snprintf(num[k], sizeof(num[k]), "%.2f", json_real_value(v));
				row[k] = num[k];
			}
		}
		kp_csv_put_row(csv, row, k, 0);
	}
}

static const char *const progress_text_columns[] = {
	"org", "name", "parent", "reason", "level", "state_reason", "via", NULL
};

/* The campaign as a workbook: the report as text, the congresses' table,
 * completion per parent and per level. */
static int progress_book(const struct kp_progress *p, const char *name,
			 struct kp_buf *out, struct kp_diag_sink *sink)
{
	static const char *const parent_keys[] = {
		"parent", "reported", "total", "started", "finished", "rank"
	};
	static const char *const level_keys[] = { "level", "total", "started", "done" };
	int vi = strcmp(kp_i18n_lang(), "vi") == 0, status;
	struct kp_book_table t = { progress_text_columns,
				   vi ? kp_progress_heading_vi : NULL, NULL };
	struct kp_book *bk = kp_book_new();
	struct kp_buf text = KP_BUF_INIT, csv = KP_BUF_INIT, js = KP_BUF_INIT;
	struct kp_text_style plain;
	const char **lines = NULL;
	size_t n = 0, alloc = 0;
	char *line, *end;
	json_t *root;

	memset(&plain, 0, sizeof(plain));
	kp_progress_text(&text, p, &plain);
	kp_buf_addstr(&text, "");
	/* a line a row, blank lines kept: the report as it reads */
	for (line = text.s; line && *line; line = end ? end + 1 : NULL) {
		end = strchr(line, '\n');
		if (end)
			*end = '\0';
		lines = kp_xgrow(lines, &alloc, n + 1, sizeof(*lines));
		lines[n++] = line;
	}
	kp_book_sheet(bk, vi ? "Báo cáo" : "Report");
	kp_book_mono_lines(bk, lines, n);
	kp_progress_csv(&csv, p, 0);
	kp_book_sheet(bk, vi ? "Đại hội" : "Congresses");
	kp_book_table(bk, csv.s, csv.len, &t);
	kp_progress_json(&js, p);
	root = json_loadb(js.s, js.len, 0, NULL);
	if (root) {
		const json_t *levels = json_object_get(json_object_get(root, "completion"),
						       "levels");

		t.text_columns = NULL;
		kp_buf_reset(&csv);
		json_csv(&csv, json_object_get(root, "parents"), parent_keys,
			 sizeof(parent_keys) / sizeof(*parent_keys));
		kp_book_sheet(bk, vi ? "Cấp trên" : "Parents");
		kp_book_table(bk, csv.s, csv.len, &t);
		kp_buf_reset(&csv);
		json_csv(&csv, levels, level_keys, sizeof(level_keys) / sizeof(*level_keys));
		kp_book_sheet(bk, vi ? "Theo cấp" : "Levels");
		kp_book_table(bk, csv.s, csv.len, &t);
		json_decref(root);
	}
	status = kp_book_bytes(bk, name, out, sink);
	kp_book_free(bk);
	free(lines);
	kp_buf_release(&text);
	kp_buf_release(&csv);
	kp_buf_release(&js);
	return status;
}

static int progress_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pilot", no_argument, NULL, OPT_PILOT },
		{ "parent", required_argument, NULL, OPT_PARENT },
		{ "as-of", required_argument, NULL, OPT_AS_OF },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "young-under", required_argument, NULL, OPT_YOUNG_UNDER },
		{ "require-complete", no_argument, NULL, OPT_REQUIRE_COMPLETE },
		{ "excel", no_argument, NULL, OPT_EXCEL },
		{ "level", required_argument, NULL, OPT_LEVEL },
		{ "age-bands", required_argument, NULL, OPT_AGE_BANDS },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ NULL, 0, NULL, 0 }
	};
	struct options x;
	struct kp_progress_opts po;
	struct kp_tally_opts o;
	struct kp_campaign c;
	struct kp_progress p;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_diag_sink errs;
	struct kp_cli cli;
	struct run r;
	const char *format;
	int status, require, io = 0, merge_status, pdf_failed = 0;
	size_t i;
	unsigned jobs, csv_flags;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	memset(&x, 0, sizeof(x));
	x.po.young_under = 40;
	x.po.target_max = 15;
	kp_bands_default(&x.po.bands);
	x.format = "text";
	kp_cli_today(&x.po.as_of);
	status = kp_cli_getopt(self, argc, argv, "o:", longopts, own_option, &x,
			       &o, &cli);
	if (status >= 0)
		return status;
	if ((strcmp(x.format, "pdf") == 0 || strcmp(x.format, "xlsx") == 0) &&
	    !x.output && kp_cli_stdout_is_terminal())
		return kp_cli_usage(self, "--format %s writes bytes for a file, not for "
				    "a terminal: give -o FILE", x.format);
	/* Excel on Vietnamese Windows: ';' between fields, 83,33 (csv.h) */
	if (x.csv_flags && strcmp(kp_i18n_lang(), "vi") == 0)
		x.csv_flags |= KP_CSV_SEMI | KP_CSV_DECIMAL_COMMA;
	po = x.po;
	format = x.format;
	require = x.require;
	csv_flags = x.csv_flags;
	if (optind != argc - 1)
		return kp_cli_usage(self, "expected one campaign folder");
	po.limits = o.limits;
	if (!kp_campaign_detect(argv[optind])) {
		char *f = kp_path_join(argv[optind], "campaign.csv");

		kp_error(&cli.sink, f, 0, 0, "cannot open: not a campaign folder "
			 "(it needs a campaign.csv)");
		free(f);
		return kp_cli_finish(&cli, KP_EXIT_IO);
	}
	status = kp_campaign_load(&c, argv[optind], &o.csv, &cli.sink);
	if (status == KP_EXIT_OK && !x.targets_given)
		status = kp_targets_load(&po, argv[optind], &o.csv, &cli.sink);
	if (status != KP_EXIT_OK) {
		kp_campaign_release(&c);
		return kp_cli_finish(&cli, status);
	}
	/* the districts' summaries: a summary that cannot be merged stands
	 * as one invalid congress, reported as any other */
	merge_status = kp_campaign_merge(&c, &po, &cli.sink);
	/* congresses side by side; each congress's files in one thread */
	jobs = o.csv.threads;
	o.csv.threads = 1;
	memset(&r, 0, sizeof(r));
	r.c = &c;
	r.s = kp_xcalloc(c.n + 1, sizeof(*r.s));
	r.lists = kp_xcalloc(c.n + 1, sizeof(*r.lists));
	r.o = &o;
	r.po = &po;
	kp_diag_sink_init(&errs, errors_only, &cli.sink);
	r.errors = &errs;
	kp_cli_bar_init(&r.bar, c.n);
	{
		struct kp_batch b = { c.n, jobs, work, done, &r };

		kp_batch_run(&b);
	}
	kp_cli_bar_end(&r.bar);
	po.jobs = jobs;
	kp_progress_compute(&p, &c, r.s, &po);
	if (strcmp(format, "json") == 0)
		kp_progress_json(&out, &p);
	else if (strcmp(format, "html") == 0)
		kp_progress_html(&out, &p);
	else if (strcmp(format, "pdf") == 0) {
		const char *why = NULL;

		if (kp_progress_pdf(&out, &p, &why) != 0) {
			kp_cli_no_pdf(&cli.sink, argv[optind], why);
			pdf_failed = KP_EXIT_IO;
		}
	}
	else if (strcmp(format, "csv") == 0) {
		if (csv_flags)
			kp_buf_addstr(&out, KP_CSV_BOM);
		kp_progress_csv(&out, &p, csv_flags);
	}
	else if (strcmp(format, "xlsx") == 0) {
		if (progress_book(&p, x.output ? x.output : argv[optind], &out, &cli.sink) !=
		    KP_EXIT_OK)
			pdf_failed = KP_EXIT_IO;
	}
	else {
		struct kp_text_style st;

		kp_cli_style(&st);
		kp_progress_text(&out, &p, &st);
	}
	for (i = 0; i < c.n; i++)
		if (p.selected[i] && r.s[i].io_error)
			io = 1;
	/* as check and tally: a folder that cannot be read is an I/O error */
	status = pdf_failed ? pdf_failed : io || merge_status == KP_EXIT_IO ? KP_EXIT_IO :
		p.invalid || merge_status != KP_EXIT_OK ? KP_EXIT_DATA :
		require && p.done < p.total ? KP_EXIT_INCOMPLETE : KP_EXIT_OK;
	kp_progress_release(&p);
	for (i = 0; i < c.n; i++)
		kp_summary_release(&r.s[i]);
	free(r.s);
	free(r.lists);
	kp_campaign_release(&c);
	if (x.output) {
		/* the whole report, or nothing: through a temporary file */
		int st = kp_write_file(x.output, out.s ? out.s : "", out.len, 0, &cli.sink);

		if (st != KP_EXIT_OK)
			status = st;
		kp_buf_reset(&out);
	}
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_progress = {
	"progress", progress_main,
	"kiemphieu progress [--pilot] [--parent NAME] [--level LEVEL] [--as-of DATE] "
	"[--format text|json|csv|html|pdf|xlsx] [-o FILE] [--young-under N] "
	"[--age-bands A,B] [--target FIGURE=PERCENT] [--require-complete] [options] "
	"CAMPAIGN",
	N_("report the progress and quality of a campaign of congresses"),
	N_("Report a campaign's progress, as the Organization Commission sends it\n"
	   "up: the congresses done, started, suspended, postponed, not started\n"
	   "or overdue (overall, for pilots, per level and per parent, and the day\n"
	   "each parent finished); the surplus of the committee lists, seats left\n"
	   "unfilled, committees filled in one round, vote concentration; the new\n"
	   "committees against the outgoing ones (re-elected, first-time, not\n"
	   "re-elected, women, young, ethnic minorities by group, age bands,\n"
	   "education, degree and political theory), the secretaries, standing\n"
	   "committees and delegates; the directive's targets; attendance.\n"
	   "Congresses may report ballots or the results of their minutes; a\n"
	   "district's summary (progress --format json) may stand for its\n"
	   "congresses in a province's campaign.csv. Errors of invalid congresses\n"
	   "go to stderr.\n\n"
	   "Options:\n"
	   "  --pilot            only the pilot congresses\n"
	   "  --parent NAME      only the congresses under this parent committee\n"
	   "  --level LEVEL      only the congresses of this level (campaign.csv)\n"
	   "  --as-of DATE       the day the report is for, YYYY-MM-DD (default: today)\n"
	   "  --format FMT       text (default), json (also a summary to merge), csv,\n"
	   "                     html: a dashboard page to open in a browser and print,\n"
	   "                     pdf: the same figures, A4, or xlsx: a workbook (the\n"
	   "                     report, the congresses, parents and levels)\n"
	   "  -o, --output FILE  write to FILE (through a temporary file), not to\n"
	   "                     standard output\n"
	   "  --young-under N    a young member is younger than N (default 40; a\n"
	   "                     congress's young_under in campaign.csv wins)\n"
	   "  --age-bands A,B    the age bands' limits (default 40,50: under 40,\n"
	   "                     40-50, over 50)\n"
	   "  --target F=P       a target of the directive: at least P percent of F,\n"
	   "                     one of women, young, ethnic_minority, standing_woman\n"
	   "                     (repeated for each; else CAMPAIGN/targets.csv)\n"
	   "  --require-complete exit 5 when some congress is not done\n"
	   "  --excel            CSV for Excel: a UTF-8 BOM, CRLF, no cell read as a\n"
	   "                     formula; under --lang vi, ';' between fields and\n"
	   "                     decimal commas, as Excel on Vietnamese Windows\n"
	   "                     reads CSV (implies --format csv)\n"),
	N_("\nExit status: 0 valid data, 1 some congress (or summary) has invalid\n"
	   "data, 2 usage, 3 I/O error, 5 with --require-complete, some congress\n"
	   "is not done.\n")
};
