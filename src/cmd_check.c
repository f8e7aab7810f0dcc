/* kiemphieu check: every problem of congress folders, without results. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"

/* Check one congress folder; its line of the summary goes to out. */
static int check_congress(const char *path, const struct kp_tally_opts *o,
			  struct kp_cli *cli, struct kp_buf *out)
{
	struct kp_congress cg;
	struct kp_results res;
	uint64_t errors = cli->sink.errors;
	int status, r;
	size_t i, files = 0;

	status = kp_congress_load(&cg, path, &o->csv, &cli->sink);
	if (status != KP_EXIT_IO) {
		/* the ballots are read too: counting is what finds their errors */
		r = kp_tally_congress(&cg, NULL, o, &res, &cli->sink);
		if (r != KP_EXIT_OK && status != KP_EXIT_IO)
			status = r;
		kp_results_release(&res);
	}
	for (i = 0; i < cg.n; i++)
		files += cg.contests[i].nrounds;
	if (cli->sink.errors > errors)
		kp_buf_addf(out, "%s: %llu error%s\n", path,
			    (unsigned long long)(cli->sink.errors - errors),
			    cli->sink.errors - errors == 1 ? "" : "s");
	else
		kp_buf_addf(out, "%s: ok (%zu contest%s, %zu ballot file%s)\n",
			    path, cg.n, cg.n == 1 ? "" : "s", files,
			    files == 1 ? "" : "s");
	kp_congress_release(&cg);
	return status;
}

static int check_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		KP_CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	int opt, status = KP_EXIT_OK, r, w;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	o.surplus_errors = 1;
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
	if (optind == argc)
		return kp_cli_usage(self, "expected a congress folder");
	for (; optind < argc; optind++) {
		r = check_congress(argv[optind], &o, &cli, &out);
		if (r == KP_EXIT_IO || status == KP_EXIT_OK)
			status = r;
	}
	w = kp_cli_write(&out);
	kp_buf_release(&out);
	if (w != KP_EXIT_OK)
		status = w;
	return kp_cli_finish(&cli, status);
}

const struct kp_cmd kp_cmd_check = {
	"check", check_main,
	"kiemphieu check [options] PATH...",
	"Check congress folders: formats, references, candidate lists and their\n"
	"surplus, and every ballot, without printing results. Every problem is\n"
	"listed as FILE:LINE:COL.",
	"Options:\n"
	KP_CLI_COMMON_HELP
	"\nExit status: 0 no error, 1 some error, 2 usage, 3 I/O error.\n"
};
