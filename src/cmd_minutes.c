/* kiemphieu minutes: the printable counting minutes of a congress. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/audit.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/minutes.h"
#include "kiemphieu/model.h"
#include "kiemphieu/outfile.h"

struct options {
	const char *contest;
	const char *output;
	int pdf;
	int report;
};

enum { OPT_FORMAT = 3000, OPT_REPORT };

static int own_option(void *ctx, int opt, const char *arg)
{
	struct options *x = ctx;

	switch (opt) {
	case 'c':
		x->contest = arg;
		return KP_EXIT_OK;
	case 'o':
		x->output = arg;
		return KP_EXIT_OK;
	case OPT_REPORT:
		x->report = 1;
		return KP_EXIT_OK;
	case OPT_FORMAT:
		if (strcmp(arg, "html") && strcmp(arg, "pdf"))
			return kp_cli_usage(&kp_cmd_minutes, "--format '%s': expected "
					    "html or pdf", arg);
		x->pdf = strcmp(arg, "pdf") == 0;
		return KP_EXIT_OK;
	}
	return -1;
}

static int minutes_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "contest", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "report", no_argument, NULL, OPT_REPORT },
		{ NULL, 0, NULL, 0 }
	};
	struct options x = { NULL, NULL, 0, 0 };
	struct kp_tally_opts o;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_audit audit;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	int status;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, "o:", longopts, own_option, &x,
			       &o, &cli);
	if (status >= 0)
		return status;
	status = kp_cli_congress_arg(self, argc, argv);
	if (status >= 0)
		return status;
	status = kp_cli_load_tally(argv[optind], x.contest, &o, &cg, &res,
				   &cli.sink);
	if (status == KP_EXIT_OK)
		status = kp_audit_congress(&audit, &cg, &res, &cli.sink);
	if (status == KP_EXIT_OK && x.pdf && !x.output && kp_cli_stdout_is_terminal())
		status = kp_cli_usage(self, "--format pdf writes bytes for a file, "
				      "not for a terminal: give -o FILE.pdf");
	else if (status == KP_EXIT_OK) {
		const char *why = NULL;

		if (x.report) {
			if (kp_report_quick(&out, &res, x.pdf, &why) != 0)
				status = kp_cli_no_pdf(&cli.sink, argv[optind], why);
		} else if (!x.pdf) {
			kp_report_minutes(&out, &res, &audit);
		} else if (kp_report_minutes_pdf(&out, &res, &audit, &why) != 0)
			status = kp_cli_no_pdf(&cli.sink, argv[optind], why);
		kp_audit_release(&audit);
		if (x.output && status == KP_EXIT_OK) {
			/* the page is written whole or not at all; what a
			 * killed run left beside it goes */
			kp_cli_clean_beside(x.output);
			status = kp_write_atomic(x.output, out.s, out.len,
						 &cli.sink);
			kp_buf_reset(&out);
		}
	}
	if (status != KP_EXIT_OK)
		kp_buf_reset(&out); /* nothing from data with an error */
	kp_results_release(&res);
	kp_congress_release(&cg);
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_minutes = {
	"minutes", minutes_main,
	"kiemphieu minutes [--contest ID] [--report] [--format html|pdf] [-o FILE] [options] ORG",
	N_("write the printable counting minutes (biên bản kiểm phiếu)"),
	N_("Write the counting minutes of the congress in ORG, as the forms of\n"
	   "HD 04-HD/TW give them, in Vietnamese: one form per election and round\n"
	   "(for delegates, the official and the reserve delegates apart), headed\n"
	   "by the congress (congress.csv, or its campaign's row): summoned,\n"
	   "present, absent, ballots issued, returned, valid and invalid with\n"
	   "their reasons, every candidate's votes and percentage of those\n"
	   "summoned, the consistency in plain words, the elected, the counting\n"
	   "board's signatures kept on a page with the last results, and the\n"
	   "SHA-256 of each input and of the results, to check back with verify\n"
	   "--typed. As one self-contained HTML page (no script, no network\n"
	   "request) or as PDF, both for A4.\n\n"
	   "Options:\n"
	   "  --contest ID       only this election\n"
	   "  --report           the quick report to the upper level instead (báo cáo\n"
	   "                     nhanh): who was elected to each body, with their\n"
	   "                     particulars, and the new committee's composition\n"
	   "  --format FMT       html (default) or pdf: A4 pages numbered in each\n"
	   "                     form, fonts embedded\n"
	   "  -o, --output FILE  write the page to FILE (through a temporary file)\n"),
	N_("\nExit status: 0 written, 1 invalid data (nothing written), 2 usage,\n"
	   "3 I/O error.\n")
};
