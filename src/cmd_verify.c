/* kiemphieu verify: do the inputs still give the recorded results? */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/verify.h"

static int verify_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		KP_CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	unsigned changed = 0;
	int opt, status, w;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":hj:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'h':
			return kp_cli_help(self);
		case '?':
		case ':':
			return kp_cli_bad_option(self, argv, opt);
		default:
			if (kp_cli_option(self, opt, optarg, &o, &cli) < 0)
				return KP_EXIT_USAGE;
		}
	}
	if (optind != argc - 1)
		return kp_cli_usage(self, "expected one results file");
	o.csv.threads = 1;
	status = kp_verify(argv[optind], &o.csv, &out, &changed, &cli.sink);
	if (status == KP_EXIT_OK && changed)
		status = KP_EXIT_DATA;
	w = kp_cli_write(&out);
	kp_buf_release(&out);
	if (w != KP_EXIT_OK)
		status = w;
	return kp_cli_finish(&cli, status);
}

const struct kp_cmd kp_cmd_verify = {
	"verify", verify_main,
	"kiemphieu verify [options] RESULTS.json",
	"check that results still follow from their input files",
	"Check a results file written by 'kiemphieu tally --format json' (one\n"
	"congress, or JSON Lines for a campaign): that every input file it\n"
	"records still has the recorded SHA-256, that no ballot file was added,\n"
	"and that tallying the files again under the recorded rules gives the\n"
	"same results. Paths are taken as recorded, from the current folder.\n\n"
	"Options:\n"
	KP_CLI_COMMON_HELP
	"\nExit status: 0 unchanged, 1 something changed (each finding is a\n"
	"line) or the file is not a results file, 2 usage, 3 I/O error.\n"
};
