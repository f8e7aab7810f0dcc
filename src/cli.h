#ifndef KP_CLI_H
#define KP_CLI_H

/*
 * What the subcommands share: the command table entry, diagnostics printed
 * to stderr, common options and checked writes to stdout. Private to the
 * program (src/main.c and src/cmd_*.c); the library never prints.
 */

#include <getopt.h>
#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"
#include "kiemphieu/report.h"
#include "kiemphieu/tally.h"

struct kp_cmd {
	const char *name;
	int (*fn)(const struct kp_cmd *self, int argc, char **argv);
	const char *usage;	/* first line of --help and the man SYNOPSIS */
	const char *summary;	/* one line, for the list of commands */
	const char *help;	/* what it does and its own options, for --help */
	const char *exits;	/* its exit statuses, after the common options */
};

extern const struct kp_cmd kp_cmd_check;
extern const struct kp_cmd kp_cmd_tally;
extern const struct kp_cmd kp_cmd_progress;
extern const struct kp_cmd kp_cmd_compare;
extern const struct kp_cmd kp_cmd_verify;
extern const struct kp_cmd kp_cmd_minutes;
extern const struct kp_cmd kp_cmd_sheet;
extern const struct kp_cmd kp_cmd_new;

/* Where diagnostics go: stderr, at most max_errors of them. */
struct kp_cli {
	struct kp_diag_sink sink;
	uint64_t max_shown, shown;
	uint64_t repeated;	/* not shown again: check showed them (a dropped folder) */
	int json;		/* --diagnostics json: JSON Lines */
	int to_stdout;		/* diagnostics on stdout (check --format json) */
};

void kp_cli_init(struct kp_cli *cli);

/* Print the count line ("2 errors, 1 warning") when there was any, and
 * return status unchanged. */
int kp_cli_finish(struct kp_cli *cli, int status);

/* A usage error: "kiemphieu CMD: error: MSG" and the usage line; returns 2. */
int kp_cli_usage(const struct kp_cmd *c, const char *fmt, ...)
	KP_PRINTF(2, 3);
/* (fmt is translated: give it a literal, or N_() one) */

/* Print --help of a command to stdout; returns 0, or 3 if stdout fails. */
int kp_cli_help(const struct kp_cmd *c);

/* Write b to stdout and flush; a failing stdout (a full disk, /dev/full)
 * is reported and gives KP_EXIT_IO. */
int kp_cli_write(const struct kp_buf *b);

/*
 * The options every reading command takes. kp_cli_option() handles option
 * `opt` (its getopt_long value) with argument `arg`; returns 1 when it was
 * one of them, 0 when not, or -1 after reporting a bad value.
 */
enum {
	KP_OPT_ENCODING = 1000,
	KP_OPT_DELIMITER,
	KP_OPT_SURPLUS_MIN,
	KP_OPT_SURPLUS_MAX,
	KP_OPT_MAX_ERRORS,
	KP_OPT_LANG,
	KP_OPT_DIAGNOSTICS,
	KP_OPT_JOBS = 'j',
	KP_OPT_HELP = 'h'
};

#define KP_CLI_COMMON_OPTIONS \
	{ "encoding", required_argument, NULL, KP_OPT_ENCODING }, \
	{ "delimiter", required_argument, NULL, KP_OPT_DELIMITER }, \
	{ "surplus-min", required_argument, NULL, KP_OPT_SURPLUS_MIN }, \
	{ "surplus-max", required_argument, NULL, KP_OPT_SURPLUS_MAX }, \
	{ "max-errors", required_argument, NULL, KP_OPT_MAX_ERRORS }, \
	{ "jobs", required_argument, NULL, KP_OPT_JOBS }, \
	{ "lang", required_argument, NULL, KP_OPT_LANG }, \
	{ "diagnostics", required_argument, NULL, KP_OPT_DIAGNOSTICS }, \
	{ "help", no_argument, NULL, KP_OPT_HELP }

/* the common options, for --help */
extern const char kp_cli_common_help[];

/*
 * A progress bar on stderr while a campaign is worked through: shown only
 * when stderr is a terminal and the work has taken more than half a
 * second, and wiped at the end.
 */
struct kp_cli_bar {
	int tty, shown;
	double start, last;
	size_t total;
};

void kp_cli_bar_init(struct kp_cli_bar *bar, size_t total);
void kp_cli_bar_step(struct kp_cli_bar *bar, size_t done, uint64_t ballots);
void kp_cli_bar_end(struct kp_cli_bar *bar);

/* Write b to stdout without flushing; 0, or KP_EXIT_IO (the message comes
 * from the kp_cli_write() that ends the command). */
int kp_cli_put(const struct kp_buf *b);

/* Non-zero when standard output is a terminal. */
int kp_cli_stdout_is_terminal(void);

/* Bars when stdout is a terminal; colour too, unless NO_COLOR is set. */
void kp_cli_style(struct kp_text_style *st);

/* The --format of the files to fill in (new, sheet): xlsx, or tsv (then
 * *tsv is 1); a usage error of command c for anything else. */
int kp_cli_sheet_format(const struct kp_cmd *c, const char *arg, int *tsv);

/* The PDF could not be made (why: built without it, or its module not
 * loaded): an error at path; returns KP_EXIT_IO. */
int kp_cli_no_pdf(struct kp_diag_sink *sink, const char *path, const char *why);

/* Parse a YYYY-MM-DD option value; 0 on success. */
int kp_cli_date(const char *arg, struct kp_date *out);
/* Today, in local time. */
void kp_cli_today(struct kp_date *out);

void kp_cli_tally_opts(struct kp_tally_opts *o);
/* Remove what killed runs of kiemphieu left in the folder of `path`
 * (kp_write_clean). */
void kp_cli_clean_beside(const char *path);
/* Make the folder dir unless it is there: KP_EXIT_OK, or KP_EXIT_IO after
 * an error at dir reported to sink. */
int kp_cli_mkdir(const char *dir, struct kp_diag_sink *sink);

/* The same, making the folders above it that are missing (mkdir -p: a
 * clerk's "new D:\dai-hoi\xa" before D:\dai-hoi exists). */
int kp_cli_mkdir_parents(const char *dir, struct kp_diag_sink *sink);
/* The one argument left after the options (argv[optind]) must name a
 * congress folder, not a campaign: -1 when it does, else the usage error's
 * status. */
int kp_cli_congress_arg(const struct kp_cmd *self, int argc, char **argv);
/* Load the congress at path and tally it (only the contest `only`, when not
 * NULL): the worse status of the two; both must be released either way. */
int kp_cli_load_tally(const char *path, const char *only,
		      const struct kp_tally_opts *o, struct kp_congress *cg,
		      struct kp_results *res, struct kp_diag_sink *sink);
int kp_cli_option(const struct kp_cmd *c, int opt, const char *arg,
		  struct kp_tally_opts *o, struct kp_cli *cli);
/* Report the unknown or incomplete option at argv[optind - 1]; returns 2. */
int kp_cli_bad_option(const struct kp_cmd *c, char **argv, int opt);

/*
 * A command's own options: return KP_EXIT_OK when opt was one of them,
 * another exit status (after a message) when its value is bad, or -1 when
 * opt is not one of them.
 */
typedef int kp_cli_own_fn(void *ctx, int opt, const char *arg);

/*
 * Parse a command's options: -h/--help, its own (short ones in own_short,
 * long ones in own_opts, handled by own; each may be NULL) and the common
 * ones. Returns -1 when the command goes
 * on, with optind at its first operand, or the exit status to return now
 * (after --help, or a usage error).
 */
int kp_cli_getopt(const struct kp_cmd *self, int argc, char **argv,
		  const char *own_short, const struct option *own_opts,
		  kp_cli_own_fn *own, void *ctx, struct kp_tally_opts *o,
		  struct kp_cli *cli);

/* End a command: write out to stdout, release it, print the diagnostics'
 * count; returns status, or KP_EXIT_IO when stdout failed. */
int kp_cli_end(struct kp_cli *cli, struct kp_buf *out, int status);

#endif
