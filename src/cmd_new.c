/* kiemphieu new: a congress folder with the two files to fill in Excel. */
#include <getopt.h>
#include <stdlib.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/text.h"

/* Every column docs/formats.md describes, in its order. */
static const char *const contests_header[] = {
	"contest", "title", "kind", "seats", "reserves", "base", "issued",
	"present", "date", "form", "direct", "prev_members", "prev_women",
	"prev_young", "status"
};
static const char *const candidates_header[] = {
	"contest", "no", "name", "gender", "born", "round", "person"
};

/* dir/name holding the header row, as kiemphieu sheet writes ballots. */
static int template(const char *dir, const char *name,
		    const char *const *header, size_t n, struct kp_buf *out,
		    struct kp_diag_sink *sink)
{
	struct kp_buf b = KP_BUF_INIT;
	char *path = kp_path_join(dir, name);
	int status;

	kp_csv_put_unicode_row(&b, header, n);
	status = kp_write_new(path, b.s, b.len, sink);
	if (status == KP_EXIT_OK) {
		char *safe = kp_text_safe(path);

		kp_buf_addf(out, _("wrote %s\n"), safe);
		free(safe);
	}
	kp_buf_release(&b);
	free(path);
	return status;
}

static int new_main(const struct kp_cmd *self, int argc, char **argv)
{
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	const char *dir;
	char *ballots;
	int status, st;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, NULL, NULL, NULL, NULL, &o, &cli);
	if (status >= 0)
		return status;
	if (optind != argc - 1)
		return kp_cli_usage(self, "expected one folder to make");
	dir = argv[optind];
	if (kp_cli_mkdir(dir, &cli.sink) != KP_EXIT_OK)
		return kp_cli_end(&cli, &out, KP_EXIT_IO);
	/* a file already there is kept, and said; the others are made */
	status = template(dir, "contests.csv", contests_header,
			  sizeof(contests_header) / sizeof(*contests_header),
			  &out, &cli.sink);
	st = template(dir, "candidates.csv", candidates_header,
		      sizeof(candidates_header) / sizeof(*candidates_header),
		      &out, &cli.sink);
	if (st != KP_EXIT_OK)
		status = st;
	ballots = kp_path_join(dir, "ballots");
	if (kp_cli_mkdir(ballots, &cli.sink) != KP_EXIT_OK)
		status = KP_EXIT_IO;
	free(ballots);
	if (status == KP_EXIT_OK)
		kp_buf_addf(&out, _("Fill in contests.csv (a row per election) and "
				    "candidates.csv (a row per\ncandidate, in ballot "
				    "order) in Excel, then: kiemphieu check %s\n"), dir);
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_new = {
	"new", new_main,
	"kiemphieu new [options] DIR",
	N_("make a congress folder with the files to fill in"),
	N_("Make the folder DIR for a congress, with contests.csv and\n"
	   "candidates.csv holding their header rows (every column of\n"
	   "docs/formats.md) and an empty ballots folder. The files are UTF-16\n"
	   "text with tabs, which Excel opens in columns whatever the regional\n"
	   "settings; fill in a row per election and per candidate, then run\n"
	   "'kiemphieu check DIR' and 'kiemphieu sheet DIR'. A file already\n"
	   "there is never replaced.\n\n"
	   "Options:\n"),
	N_("\nExit status: 0 made, 2 usage, 3 I/O error (a file already there, or\n"
	   "not written).\n")
};
