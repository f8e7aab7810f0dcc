/* kiemphieu tally: the results of every election of one congress. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/report.h"

static int tally_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "contest", required_argument, NULL, 'c' },
		{ "format", required_argument, NULL, 'f' },
		KP_CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	enum kp_format format = KP_FORMAT_TEXT;
	const char *contest = NULL;
	struct kp_tally_opts o;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	int opt, status, r;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":hj:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			return kp_cli_help(self);
		case 'c':
			contest = optarg;
			break;
		case 'f':
			if (kp_format_parse(optarg, &format) != 0)
				return kp_cli_usage(self, "--format '%s': expected "
						    "text, json or csv", optarg);
			break;
		case '?':
		case ':':
			return kp_cli_bad_option(self, argv, opt);
		default:
			r = kp_cli_option(self, opt, optarg, &o, &cli);
			if (r < 0)
				return KP_EXIT_USAGE;
		}
	}
	if (optind != argc - 1)
		return kp_cli_usage(self, optind == argc ?
				    "expected a congress folder" :
				    "expected one congress folder, got %d",
				    argc - optind);
	status = kp_congress_load(&cg, argv[optind], &o.csv, &cli.sink);
	if (status != KP_EXIT_IO) {
		r = kp_tally_congress(&cg, contest, &o, &res, &cli.sink);
		if (r != KP_EXIT_OK && status != KP_EXIT_IO)
			status = r;
		if (status == KP_EXIT_OK) {
			/* nothing is shown from data with an error */
			switch (format) {
			case KP_FORMAT_TEXT:
				kp_report_text(&out, &res);
				break;
			case KP_FORMAT_JSON:
				kp_report_json(&out, &res);
				break;
			case KP_FORMAT_CSV:
				kp_report_csv(&out, &res, 1);
				break;
			}
			status = kp_cli_write(&out);
			if (status == KP_EXIT_OK && kp_results_pending(&res))
				status = KP_EXIT_PENDING;
		}
		kp_results_release(&res);
	}
	kp_buf_release(&out);
	kp_congress_release(&cg);
	return kp_cli_finish(&cli, status);
}

const struct kp_cmd kp_cmd_tally = {
	"tally", tally_main,
	"kiemphieu tally [--contest ID] [--format text|json|csv] [options] ORG",
	"Tally the ballots of every election of the congress in folder ORG and\n"
	"decide who is elected. Nothing is printed when the data has an error.",
	"Options:\n"
	"  --contest ID       only this election\n"
	"  --format FMT       text (default), json or csv\n"
	KP_CLI_COMMON_HELP
	"\nExit status: 0 done, 1 invalid data, 2 usage, 3 I/O error,\n"
	"4 valid, but a contest is pending (a tie or open seats: vote again).\n"
};
