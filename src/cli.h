#ifndef KP_CLI_H
#define KP_CLI_H

/*
 * What the subcommands share: the command table entry, diagnostics printed
 * to stderr, common options and checked writes to stdout. Private to the
 * program (src/main.c and src/cmd_*.c); the library never prints.
 */

#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/tally.h"

struct kp_cmd {
	const char *name;
	int (*fn)(const struct kp_cmd *self, int argc, char **argv);
	const char *usage;	/* first line of --help and the man SYNOPSIS */
	const char *summary;
	const char *help;	/* the options, as --help lists them */
};

extern const struct kp_cmd kp_cmd_check;
extern const struct kp_cmd kp_cmd_tally;

/* Where diagnostics go: stderr, at most max_errors of them. */
struct kp_cli {
	struct kp_diag_sink sink;
	uint64_t max_shown, shown, hidden;
};

void kp_cli_init(struct kp_cli *cli);

/* Print the count line ("2 errors, 1 warning") when there was any, and
 * return status unchanged. */
int kp_cli_finish(struct kp_cli *cli, int status);

/* A usage error: "kiemphieu CMD: error: MSG" and the usage line; returns 2. */
int kp_cli_usage(const struct kp_cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

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
	{ "help", no_argument, NULL, KP_OPT_HELP }

#define KP_CLI_COMMON_HELP \
	"  --encoding ENC     auto (default), utf-8, utf-16le, utf-16be or windows-1258\n" \
	"  --delimiter D      ',', ';' or 'tab' (default: found from the header)\n" \
	"  --surplus-min N    smallest committee surplus, in percent (default 10)\n" \
	"  --surplus-max N    largest committee surplus, in percent (default 30)\n" \
	"  --max-errors N     show at most N diagnostics (default 100; 0: all)\n" \
	"  -j, --jobs N       threads for large ballot files (default: the cores)\n" \
	"  -h, --help         show this help\n"

void kp_cli_tally_opts(struct kp_tally_opts *o);
int kp_cli_option(const struct kp_cmd *c, int opt, const char *arg,
		  struct kp_tally_opts *o, struct kp_cli *cli);
/* Report the unknown or incomplete option at argv[optind - 1]; returns 2. */
int kp_cli_bad_option(const struct kp_cmd *c, char **argv, int opt);

#endif
