/* kiemphieu verify: do the inputs still give the recorded results? */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/verify.h"

enum { OPT_TYPED = 3100 };

static int own_option(void *ctx, int opt, const char *arg)
{
	if (opt != OPT_TYPED)
		return -1;
	*(const char **)ctx = arg;
	return KP_EXIT_OK;
}

static int verify_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "typed", required_argument, NULL, OPT_TYPED },
		{ NULL, 0, NULL, 0 }
	};
	const char *typed = NULL;
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	unsigned changed = 0;
	int status;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, NULL, longopts, own_option, &typed,
			       &o, &cli);
	if (status >= 0)
		return status;
	if (optind != argc - 1)
		return kp_cli_usage(self, "expected one results file");
	o.csv.threads = 1;
	if (typed)
		status = kp_verify_typed(argv[optind], typed, &out, &changed, &cli.sink);
	else
		status = kp_verify(argv[optind], &o.csv, &out, &changed, &cli.sink);
	if (status == KP_EXIT_OK && changed)
		status = KP_EXIT_DATA;
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_verify = {
	"verify", verify_main,
	"kiemphieu verify [--typed 'ab12 cd34 ...'] [options] RESULTS.json",
	N_("check that results still follow from their input files"),
	N_("Check a results file written by 'kiemphieu tally --format json' (one\n"
	   "congress, or JSON Lines for a campaign): that every input file it\n"
	   "records still has the recorded SHA-256, that no ballot file was added,\n"
	   "and that tallying the files again under the recorded rules gives the\n"
	   "same results. Paths are taken as recorded, from the current folder.\n"
	   "With --typed, check instead a SHA-256 typed from the printed minutes\n"
	   "(its groups of four) against the hashes the file records of the inputs\n"
	   "and of the results, and say which file and which group differ.\n\n"
	   "Options:\n"
	   "  --typed GROUPS     the hash as printed, e.g. 'a0fd f538 7dc8 ...'\n"),
	N_("\nExit status: 0 unchanged (with --typed: every group agrees), 1\n"
	   "something changed or differs (each finding is a line) or the file is\n"
	   "not a results file, 2 usage, 3 I/O error.\n")
};
