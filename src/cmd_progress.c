/* kiemphieu progress: completion and quality of a whole campaign. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/batch.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"

enum {
	OPT_PILOT = 2000,
	OPT_PARENT,
	OPT_AS_OF,
	OPT_FORMAT,
	OPT_YOUNG_UNDER,
	OPT_REQUIRE_COMPLETE,
	OPT_EXCEL
};

struct run {
	const struct kp_campaign *c;
	struct kp_summary *s;
	struct kp_diag_list *lists;
	const struct kp_tally_opts *o;
	unsigned young_under;
	struct kp_diag_sink *errors;	/* errors only: warnings are check's */
	struct kp_cli_bar bar;
	uint64_t ballots;
};

static void work(void *ctx, size_t i)
{
	struct run *r = ctx;

	kp_diag_list_init(&r->lists[i], 20);
	kp_evaluate(&r->s[i], r->c->orgs[i].path, r->o, r->young_under,
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
	int require;
	unsigned csv_flags;
};

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
					    "a day as YYYY-MM-DD", arg);
		return KP_EXIT_OK;
	case OPT_FORMAT:
		if (strcmp(arg, "text") && strcmp(arg, "json") &&
		    strcmp(arg, "csv") && strcmp(arg, "html"))
			return kp_cli_usage(&kp_cmd_progress, "--format '%s': "
					    "expected text, json, csv or html", arg);
		x->format = arg;
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
	}
	return -1;
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
	int status, require, io = 0;
	size_t i;
	unsigned jobs, csv_flags;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	memset(&x, 0, sizeof(x));
	x.po.young_under = 40;
	x.po.target_max = 15;
	x.format = "text";
	kp_cli_today(&x.po.as_of);
	status = kp_cli_getopt(self, argc, argv, NULL, longopts, own_option, &x,
			       &o, &cli);
	if (status >= 0)
		return status;
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
	if (status != KP_EXIT_OK) {
		kp_campaign_release(&c);
		return kp_cli_finish(&cli, status);
	}
	/* congresses side by side; each congress's files in one thread */
	jobs = o.csv.threads;
	o.csv.threads = 1;
	memset(&r, 0, sizeof(r));
	r.c = &c;
	r.s = kp_xcalloc(c.n + 1, sizeof(*r.s));
	r.lists = kp_xcalloc(c.n + 1, sizeof(*r.lists));
	r.o = &o;
	r.young_under = po.young_under;
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
	else if (strcmp(format, "csv") == 0) {
		if (csv_flags)
			kp_buf_addstr(&out, KP_CSV_BOM);
		kp_progress_csv(&out, &p, csv_flags);
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
	status = io ? KP_EXIT_IO : p.invalid ? KP_EXIT_DATA :
		require && p.done < p.total ? KP_EXIT_INCOMPLETE : KP_EXIT_OK;
	kp_progress_release(&p);
	for (i = 0; i < c.n; i++)
		kp_summary_release(&r.s[i]);
	free(r.s);
	free(r.lists);
	kp_campaign_release(&c);
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_progress = {
	"progress", progress_main,
	"kiemphieu progress [--pilot] [--parent NAME] [--as-of DATE] "
	"[--format text|json|csv|html] [--young-under N] [--require-complete] "
	"[options] CAMPAIGN",
	N_("report the progress and quality of a campaign of congresses"),
	N_("Report a campaign's progress: the congresses done, in progress, not\n"
	   "started or overdue (overall, for pilots and per parent), the surplus of\n"
	   "the committee lists, committees filled in one round, vote\n"
	   "concentration, and the share of women and young members against the\n"
	   "outgoing committees. Errors of invalid congresses go to stderr.\n\n"
	   "Options:\n"
	   "  --pilot            only the pilot congresses\n"
	   "  --parent NAME      only the congresses under this parent committee\n"
	   "  --as-of DATE       the day the report is for, YYYY-MM-DD (default: today)\n"
	   "  --format FMT       text (default), json, csv, or html: a dashboard page\n"
	   "                     with charts, to open in a browser and print\n"
	   "  --young-under N    a young member is younger than N (default 40)\n"
	   "  --require-complete exit 5 when some congress is not done\n"
	   "  --excel            CSV for Excel: a UTF-8 BOM, CRLF, no cell read as a\n"
	   "                     formula (implies --format csv)\n"),
	N_("\nExit status: 0 valid data, 1 some congress has invalid data, 2 usage,\n"
	   "3 I/O error, 5 with --require-complete, some congress is not done.\n")
};
