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
};

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
	}
	return -1;
}

static int minutes_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "contest", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct options x = { NULL, NULL };
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
	if (status == KP_EXIT_OK) {
		kp_report_minutes(&out, &res, &audit);
		kp_audit_release(&audit);
		if (x.output) {
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
	"kiemphieu minutes [--contest ID] [-o FILE] [options] ORG",
	N_("write the printable counting minutes (biên bản kiểm phiếu)"),
	N_("Write the counting minutes of the congress in ORG as one self-contained\n"
	   "HTML page (no script, no network request), a section per election and\n"
	   "round, laid out like the official form, in Vietnamese: ballots issued,\n"
	   "collected, valid and invalid with their reasons, every candidate's votes\n"
	   "and percentage of the base, the elected, the consistency check, the\n"
	   "SHA-256 of each input file, and room for the counting board's\n"
	   "signatures; it prints on A4.\n\n"
	   "Options:\n"
	   "  --contest ID       only this election\n"
	   "  -o, --output FILE  write the page to FILE (through a temporary file)\n"),
	N_("\nExit status: 0 written, 1 invalid data (nothing written), 2 usage,\n"
	   "3 I/O error.\n")
};
