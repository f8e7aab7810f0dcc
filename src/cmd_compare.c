/* kiemphieu compare: double and triple entry of the same ballots. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/compare.h"
#include "kiemphieu/exit.h"

static int compare_main(const struct kp_cmd *self, int argc, char **argv)
{
	struct kp_tally_opts o;
	struct kp_compare_result res;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	int status;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, NULL, NULL, NULL, NULL, &o, &cli);
	if (status >= 0)
		return status;
	if (argc - optind < 2 || argc - optind > KP_COMPARE_FILES_MAX)
		return kp_cli_usage(self, "expected 2 or 3 files, got %d",
				    argc - optind);
	status = kp_compare((const char *const *)(argv + optind),
			    (size_t)(argc - optind), &o.csv, &out, &res, &cli.sink);
	if (status == KP_EXIT_OK) {
		if (res.minutes)
			kp_buf_addf(&out, Q_("%llu row of the minutes compared: ",
					     "%llu rows of the minutes compared: ",
					     res.ballots), (unsigned long long)res.ballots);
		else
			kp_buf_addf(&out, Q_("%llu ballot compared: ",
					     "%llu ballots compared: ", res.ballots),
				    (unsigned long long)res.ballots);
		if (res.disagreements) {
			kp_buf_addf(&out, Q_("%llu disagreement\n", "%llu disagreements\n",
					     res.disagreements),
				    (unsigned long long)res.disagreements);
			status = KP_EXIT_DATA;
		} else {
			kp_buf_addstr(&out, _("all agree\n"));
		}
	}
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_compare = {
	"compare", compare_main,
	"kiemphieu compare [options] A.csv B.csv [C.csv]",
	N_("compare two or three entries of the same ballots or minutes"),
	N_("Compare ballot files of one contest typed in independently on two or\n"
	   "three computers, ballot by ballot (matched by ballot id) and column by\n"
	   "column (matched by header). Every disagreement is a line: each side's\n"
	   "FILE:LINE, what differs, and each side's value ('x' crossed, '' kept).\n"
	   "The entries are accepted only when all agree. Results of the minutes\n"
	   "(item,value) compare row by row, matched by item.\n\n"
	   "Options:\n"),
	N_("\nExit status: 0 all agree, 1 a disagreement or invalid data, 2 usage,\n"
	   "3 I/O error.\n")
};
