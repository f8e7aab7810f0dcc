/* kiemphieu: the command table and what the subcommands share. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kiemphieu/campaign.h"
#include "i18n.h"
#include "jsonbuf.h"
#include "os.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

static const struct kp_cmd *const commands[] = {
	&kp_cmd_new,
	&kp_cmd_check,
	&kp_cmd_tally,
	&kp_cmd_progress,
	&kp_cmd_compare,
	&kp_cmd_minutes,
	&kp_cmd_sheet,
	&kp_cmd_verify,
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

const char kp_cli_common_help[] = N_(
	"  --encoding ENC     auto (default), utf-8, utf-16le, utf-16be or windows-1258\n"
	"  --delimiter D      ',', ';' or 'tab' (default: found from the header)\n"
	"  --surplus-min N    smallest committee surplus, in percent (default 10)\n"
	"  --surplus-max N    largest committee surplus, in percent (default 30)\n"
	"  --max-errors N     show at most N diagnostics (default 100; 0: all)\n"
	"  -j, --jobs N       threads for large ballot files (default: the cores)\n"
	"  --lang LANG        vi or en (default: from LANGUAGE, LC_ALL, LANG)\n"
	"  --diagnostics F    text (default) or json: one JSON object per line, with\n"
	"                     file, line, column, severity, code, message\n"
	"  -h, --help         show this help\n");

/* While a dropped folder's later steps run: its input folder, whose
 * diagnostics check has already shown (kiemphieu FOLDER, below). */
static const char *shown_by_check;

/* Non-zero when path lies inside folder dir as written. */
static int inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	while (n > 1 && kp_os_is_sep((unsigned char)dir[n - 1]))
		n--;
	return strncmp(path, dir, n) == 0 && kp_os_is_sep((unsigned char)path[n]);
}

static void print_diag(void *ctx, const struct kp_diag *d)
{
	struct kp_cli *cli = ctx;
	/* TRANSLATORS: the severity in "FILE:LINE:COL: error: MESSAGE" */
	const char *sev = d->severity == KP_SEV_ERROR ? _("error") : _("warning");
	struct kp_buf b = KP_BUF_INIT;
	char where[48];

	if (cli->max_shown && cli->shown >= cli->max_shown)
		return;
	if (shown_by_check && inside(d->file, shown_by_check)) {
		cli->repeated++;
		return;
	}
	cli->shown++;
	if (cli->json) {
		/* for scripts: English, a stable code, no localised text */
		char *file = kp_text_safe(d->file);

		kp_json_put(&b, json_pack("{s:s,s:I,s:I,s:s,s:s,s:s,s:s}",
			"file", file, "line", (json_int_t)d->line,
			"column", (json_int_t)d->col,
			"column_letter", d->letters,
			"severity", d->severity == KP_SEV_ERROR ? "error" : "warning",
			"code", d->code ? d->code : "other",
			"message", kp_text_valid(d->msg_en, strlen(d->msg_en)) ?
				   d->msg_en : "(not UTF-8)"));
		kp_buf_addch(&b, '\n');
		fputs(b.s, cli->to_stdout ? stdout : stderr);
		kp_buf_release(&b);
		free(file);
		return;
	}
	/* a file's name or a value may hold a newline or an escape: shown
	 * escaped, so that no input can forge a line of its own */
	if (!d->file[0]) {
		kp_buf_addstr(&b, "kiemphieu");
	} else {
		kp_text_add_safe(&b, d->file);
		if (d->line)
			kp_buf_addf(&b, ":%llu", (unsigned long long)d->line);
		if (d->line && d->col)
			kp_buf_addf(&b, ":%llu", (unsigned long long)d->col);
	}
	kp_buf_addf(&b, ": %s: %s", sev, kp_diag_where(d, 1, where));
	kp_text_add_safe(&b, d->msg);
	kp_buf_addch(&b, '\n');
	fputs(b.s, stderr);
	kp_buf_release(&b);
}

void kp_cli_init(struct kp_cli *cli)
{
	memset(cli, 0, sizeof(*cli));
	cli->max_shown = 100;
	kp_diag_sink_init(&cli->sink, print_diag, cli);
}

int kp_cli_finish(struct kp_cli *cli, int status)
{
	uint64_t e = cli->sink.errors, w = cli->sink.warnings;
	/* counted, not printed: past --max-errors, and those a collecting
	 * list kept only as a count */
	uint64_t hidden = e + w > cli->shown + cli->repeated ?
			  e + w - cli->shown - cli->repeated : 0;

	if (cli->repeated && !cli->shown && !hidden)
		return status; /* all said once already, by check */

	if (cli->json) {
		struct kp_buf b = KP_BUF_INIT;

		kp_json_put(&b, json_pack("{s:I,s:I,s:I}", "errors", (json_int_t)e,
					  "warnings", (json_int_t)w, "not_shown",
					  (json_int_t)hidden));
		kp_buf_addch(&b, '\n');
		fputs(b.s, cli->to_stdout ? stdout : stderr);
		kp_buf_release(&b);
		return status;
	}
	if (hidden)
		fprintf(stderr, _("kiemphieu: %llu more not shown (--max-errors)\n"),
			(unsigned long long)hidden);
	if (e || w) {
		fputs("kiemphieu: ", stderr);
		fprintf(stderr, Q_("%llu error", "%llu errors", e),
			(unsigned long long)e);
		fputs(", ", stderr);
		fprintf(stderr, Q_("%llu warning", "%llu warnings", w),
			(unsigned long long)w);
		fputc('\n', stderr);
	}
	return status;
}

int kp_cli_usage(const struct kp_cmd *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, _("kiemphieu %s: error: "), c->name);
	va_start(ap, fmt);
	vfprintf(stderr, _(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("usage: %s\n"), c->usage);
	return KP_EXIT_USAGE;
}

int kp_cli_bad_option(const struct kp_cmd *c, char **argv, int opt)
{
	const char *arg = argv[optind - 1];

	if (opt == ':')
		return kp_cli_usage(c, "option '%s' needs a value", arg);
	if (optopt && optopt < 256 && arg[0] == '-' && arg[1] != '-')
		return kp_cli_usage(c, "unknown option '-%c'", optopt);
	return kp_cli_usage(c, "unknown option '%s'", arg);
}

int kp_cli_write(const struct kp_buf *b)
{
	if ((b->len && fwrite(b->s, 1, b->len, stdout) != b->len) ||
	    fflush(stdout) != 0 || ferror(stdout)) {
		if (kp_os_output_gone(errno))
			return KP_EXIT_IO; /* the reader stopped: nothing to say */
		fprintf(stderr, _("kiemphieu: error: cannot write the output: %s\n"),
			strerror(errno ? errno : EIO));
		return KP_EXIT_IO;
	}
	return KP_EXIT_OK;
}

int kp_cli_help(const struct kp_cmd *c)
{
	struct kp_buf b = KP_BUF_INIT;
	int status;

	kp_buf_addf(&b, _("usage: %s\n\n"), c->usage);
	kp_buf_addstr(&b, _(c->help));
	kp_buf_addstr(&b, _(kp_cli_common_help));
	kp_buf_addstr(&b, _(c->exits));
	status = kp_cli_write(&b);
	kp_buf_release(&b);
	return status;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void kp_cli_bar_init(struct kp_cli_bar *bar, size_t total)
{
	bar->tty = kp_os_isatty(2);
	bar->shown = 0;
	bar->start = bar->last = now();
	bar->total = total;
}

void kp_cli_bar_step(struct kp_cli_bar *bar, size_t done, uint64_t ballots)
{
	double t;
	size_t fill, i;
	char line[128];

	if (!bar->tty)
		return;
	t = now();
	if (t - bar->start < 0.5 || (t - bar->last < 0.1 && done < bar->total))
		return;
	bar->last = t;
	bar->shown = 1;
	fill = bar->total ? done * 30 / bar->total : 30;
	for (i = 0; i < 30; i++)
		line[i] = i < fill ? '#' : '.';
	line[30] = '\0';
	fputc('\r', stderr);
	fprintf(stderr, _("[%s] %zu/%zu congresses, %.0f ballots/s "), line, done,
		bar->total, (double)ballots / (t - bar->start));
	fflush(stderr);
}

void kp_cli_bar_end(struct kp_cli_bar *bar)
{
	if (bar->shown)
		fputs("\r\033[K", stderr);
	bar->shown = 0;
}

int kp_cli_put(const struct kp_buf *b)
{
	/* a failure stays on stdout's error flag: kp_cli_write() says it once */
	if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len)
		return KP_EXIT_IO;
	return KP_EXIT_OK;
}

void kp_cli_style(struct kp_text_style *st)
{
	const char *no = getenv("NO_COLOR");

	st->bars = kp_os_isatty(1);
	st->width = kp_os_terminal_columns(1);
	/* https://no-color.org: any non-empty NO_COLOR turns colour off */
	st->color = st->bars && !(no && *no);
}

int kp_cli_date(const char *arg, struct kp_date *out)
{
	return kp_date_parse(arg, strlen(arg), out);
}

void kp_cli_today(struct kp_date *out)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
}

void kp_cli_tally_opts(struct kp_tally_opts *o)
{
	kp_tally_opts_init(o);
	o->csv.threads = kp_os_cores();
}

static int parse_count(const char *arg, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!*arg || *arg == '-' || *arg == '+')
		return -1;
	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

int kp_cli_option(const struct kp_cmd *c, int opt, const char *arg,
		  struct kp_tally_opts *o, struct kp_cli *cli)
{
	unsigned long v;

	switch (opt) {
	case KP_OPT_ENCODING:
		if (kp_encoding_parse(arg, &o->csv.encoding) != 0)
			return kp_cli_usage(c, "--encoding '%s': expected auto, "
					    "utf-8, utf-16le, utf-16be or "
					    "windows-1258", arg), -1;
		return 1;
	case KP_OPT_DELIMITER:
		if (strcmp(arg, ",") == 0 || strcmp(arg, ";") == 0)
			o->csv.delimiter = arg[0];
		else if (strcmp(arg, "tab") == 0 || strcmp(arg, "\t") == 0)
			o->csv.delimiter = '\t';
		else
			return kp_cli_usage(c, "--delimiter '%s': expected ',', "
					    "';' or 'tab'", arg), -1;
		return 1;
	case KP_OPT_SURPLUS_MIN:
	case KP_OPT_SURPLUS_MAX:
		if (parse_count(arg, 100, &v) != 0)
			return kp_cli_usage(c, "--surplus-%s '%s': expected a "
					    "percentage from 0 to 100",
					    opt == KP_OPT_SURPLUS_MIN ? "min" : "max",
					    arg), -1;
		if (opt == KP_OPT_SURPLUS_MIN)
			o->limits.min_percent = (unsigned)v;
		else
			o->limits.max_percent = (unsigned)v;
		return 1;
	case KP_OPT_MAX_ERRORS:
		if (parse_count(arg, 1000000000ul, &v) != 0)
			return kp_cli_usage(c, "--max-errors '%s': expected a "
					    "whole number", arg), -1;
		cli->max_shown = v;
		return 1;
	case KP_OPT_LANG: /* applied before the command began: see main() */
		if (strcmp(arg, "vi") != 0 && strcmp(arg, "en") != 0)
			return kp_cli_usage(c, N_("--lang '%s': expected vi or en"),
					    arg), -1;
		return 1;
	case KP_OPT_DIAGNOSTICS:
		if (strcmp(arg, "json") == 0)
			cli->json = 1;
		else if (strcmp(arg, "text") == 0)
			cli->json = 0;
		else
			return kp_cli_usage(c, "--diagnostics '%s': expected text "
					    "or json", arg), -1;
		return 1;
	case KP_OPT_JOBS:
		if (parse_count(arg, 64, &v) != 0 || v == 0)
			return kp_cli_usage(c, "--jobs '%s': expected a number "
					    "from 1 to 64", arg), -1;
		o->csv.threads = (unsigned)v;
		return 1;
	}
	return 0;
}

int kp_cli_getopt(const struct kp_cmd *self, int argc, char **argv,
		  const char *own_short, const struct option *own_opts,
		  kp_cli_own_fn *own, void *ctx, struct kp_tally_opts *o,
		  struct kp_cli *cli)
{
	char shorts[32];
	static const struct option common[] = {
		KP_CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct option *all;
	size_t n = 0, c = sizeof(common) / sizeof(common[0]);
	int opt, r = -1;

	while (own_opts && own_opts[n].name)
		n++;
	all = kp_xcalloc(n + c, sizeof(*all));
	if (n)
		memcpy(all, own_opts, n * sizeof(*all));
	memcpy(all + n, common, c * sizeof(*all));
	snprintf(shorts, sizeof(shorts), ":hj:%s", own_short ? own_short : "");
	optind = 1;
	opterr = 0;
	while (r < 0 && (opt = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
		if (opt == 'h')
			r = kp_cli_help(self);
		else if (opt == '?' || opt == ':')
			r = kp_cli_bad_option(self, argv, opt);
		else if (own && (r = own(ctx, opt, optarg)) >= 0)
			r = r == KP_EXIT_OK ? -1 : r;
		else if (kp_cli_option(self, opt, optarg, o, cli) < 0)
			r = KP_EXIT_USAGE;
		else
			r = -1;
	}
	free(all);
	return r;
}

void kp_cli_clean_beside(const char *path)
{
	char *dir = kp_xstrdup(path), *slash = kp_path_last_sep(dir);

	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	kp_write_clean(slash ? dir : ".");
	free(dir);
}

int kp_cli_mkdir(const char *dir, struct kp_diag_sink *sink)
{
	if (kp_os_mkdir(dir) == 0)
		return KP_EXIT_OK;
	return kp_error_errno(sink, dir, 0, 0, errno, "cannot make the folder");
}

int kp_cli_mkdir_parents(const char *dir, struct kp_diag_sink *sink)
{
	char *p = kp_xstrdup(dir);
	size_t i;

	/* each folder on the way that is not there yet; one that cannot be
	 * made shows in the last one's error */
	for (i = 1; p[i]; i++) {
		char c = p[i];

		if (!kp_os_is_sep((unsigned char)c) || kp_os_is_sep((unsigned char)p[i - 1]))
			continue;
		p[i] = '\0';
		if (!kp_os_is_dir(p))
			(void)kp_os_mkdir(p);
		p[i] = c;
	}
	free(p);
	return kp_cli_mkdir(dir, sink);
}

int kp_cli_congress_arg(const struct kp_cmd *self, int argc, char **argv)
{
	if (optind != argc - 1)
		return kp_cli_usage(self, "expected one congress folder");
	if (kp_campaign_detect(argv[optind]))
		return kp_cli_usage(self, "'%s' is a campaign (it has a "
				    "campaign.csv): name one of its congress "
				    "folders", argv[optind]);
	return -1;
}

int kp_cli_stdout_is_terminal(void)
{
	return kp_os_isatty(1);
}

int kp_cli_load_tally(const char *path, const char *only,
		      const struct kp_tally_opts *o, struct kp_congress *cg,
		      struct kp_results *res, struct kp_diag_sink *sink)
{
	int status = kp_congress_load(cg, path, &o->csv, sink);
	int r = kp_tally_congress(cg, only, o, res, sink);

	kp_campaign_name_congress(cg, &o->csv);
	return status == KP_EXIT_OK ? r : status;
}

int kp_cli_end(struct kp_cli *cli, struct kp_buf *out, int status)
{
	int w = kp_cli_write(out);

	kp_buf_release(out);
	if (w != KP_EXIT_OK)
		status = w;
	return kp_cli_finish(cli, status);
}

static int main_help(FILE *f)
{
	size_t i;

	fprintf(f, _("usage: kiemphieu [--version] [--help] [--lang vi|en] <command> [<args>]\n\n"
		     "Tabulate the elections of a Party congress under the Party's "
		     "election\nregulation (QĐ 190-QĐ/TW, formerly QĐ 244-QĐ/TW).\n\n"
		     "Commands:\n"));
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i]->name, _(commands[i]->summary));
	fprintf(f, _("\n'kiemphieu <command> --help' shows a command's options.\n"
		     "Exit status: 0 success, 1 invalid data, 2 usage, 3 I/O or "
		     "system error,\n4 a contest needs a further round, 5 (progress "
		     "--require-complete) not done.\n"));
	return fflush(f) || ferror(f) ? KP_EXIT_IO : KP_EXIT_OK;
}

/*
 * Where the catalogues are: $KIEMPHIEU_LOCALEDIR; else beside the program,
 * in "locale" (the build tree) or "../share/locale" (an installed tree
 * moved as a whole); else LOCALEDIR as the build set it.
 */
static const char *locale_dir(char *buf, size_t size)
{
	static const char *const beside[] = { "locale", "../share/locale" };
	const char *env = getenv("KIEMPHIEU_LOCALEDIR");
	size_t i, n;

	if (env && *env)
		return env;
	if (kp_os_exe_dir(buf, size - 64) != 0)
		return KP_LOCALEDIR;
	n = strlen(buf);
	for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
		snprintf(buf + n, size - n, "/%s/vi/LC_MESSAGES/" KP_DOMAIN ".mo", beside[i]);
		if (kp_os_is_file(buf)) {
			buf[n + 1 + strlen(beside[i])] = '\0';
			return buf;
		}
	}
	return KP_LOCALEDIR;
}

/* The value of the first --lang (or --lang=) before "--", or NULL. The
 * language is set before anything is printed, usage errors included; a
 * bad value is reported by the command's option parsing. */
static const char *lang_option(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
	}
	return NULL;
}

/* Run command `name` with the arguments given (NULL-ended), as the
 * command line would; getopt starts afresh. */
static int run_command(const char *name, ...)
{
	char *args[16];
	int n = 0;
	size_t i;
	va_list ap;

	args[n++] = (char *)(uintptr_t)name;
	va_start(ap, name);
	while (n < 15 && (args[n] = va_arg(ap, char *)))
		n++;
	va_end(ap);
	args[n] = NULL;
	optind = 0; /* GNU and MinGW getopt: start over, as a new program */
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(name, commands[i]->name) == 0)
			return commands[i]->fn(commands[i], n, args);
	return KP_EXIT_USAGE;
}

/* The path beside folder `dir` for its output `suffix`: "D:\\dai-hoi\\
 * dai-dong" gives "D:\\dai-hoi\\dai-dong-SUFFIX", written as the folder was
 * given ("." and ".." by their real path). A new string. */
static char *beside(const char *dir, const char *suffix)
{
	struct kp_buf b = KP_BUF_INIT;
	char *real = NULL, *base;
	size_t n = strlen(dir);

	while (n > 1 && kp_os_is_sep((unsigned char)dir[n - 1]))
		n--;
	kp_buf_add(&b, dir, n);
	base = kp_path_base(b.s);
	if (!base[0] || strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    kp_os_is_sep((unsigned char)base[0])) {
		real = kp_os_realpath(dir);
		kp_buf_reset(&b);
		kp_buf_addstr(&b, real ? real : dir);
	}
	kp_buf_addf(&b, "-%s", suffix);
	free(base);
	free(real);
	return kp_buf_detach(&b);
}

static int worse(int a, int b)
{
	/* an error of the data or the system before a round still to hold */
	return a == KP_EXIT_OK ? b : b == KP_EXIT_OK || b == KP_EXIT_PENDING ? a : b;
}

/*
 * kiemphieu FOLDER, without a command: what dropping a congress or a
 * campaign folder on kiemphieu.exe in Explorer does. The folder is
 * checked; then a congress's results (a workbook) and minutes (a page),
 * or a campaign's results (a workbook per congress) and its dashboard
 * (a page and a workbook), are written beside it, named in Vietnamese
 * whatever the language (FOLDER-ket-qua.xlsx, -bien-ban.html, -ket-qua\,
 * -tien-do.html, -tien-do.xlsx); the files are listed,
 * and a window of its own waits for a key before it closes.
 */
static int drop_folder(const char *dir)
{
	int campaign = kp_campaign_detect(dir), status;
	char *out[3] = { NULL, NULL, NULL };
	size_t i;

	printf(_("kiemphieu %s: checking %s\n"), KP_VERSION, dir);
	fflush(stdout);
	status = run_command("check", dir, (char *)NULL);
	shown_by_check = dir;
	/* a campaign reports its invalid congresses too: its dashboard and
	 * the results of the others are written whatever check found */
	if (campaign || status == KP_EXIT_OK || status == KP_EXIT_PENDING) {
		if (campaign) {
			out[0] = beside(dir, "ket-qua");
			out[1] = beside(dir, "tien-do.html");
			out[2] = beside(dir, "tien-do.xlsx");
			status = worse(status, run_command("tally", "--format", "xlsx", "--out",
							   out[0], dir, (char *)NULL));
			status = worse(status, run_command("progress", "--format", "html",
							   "-o", out[1], dir, (char *)NULL));
			status = worse(status, run_command("progress", "--format", "xlsx",
							   "-o", out[2], dir, (char *)NULL));
		} else {
			out[0] = beside(dir, "ket-qua.xlsx");
			out[1] = beside(dir, "bien-ban.html");
			status = worse(status, run_command("tally", "--format", "xlsx", "-o",
							   out[0], dir, (char *)NULL));
			status = worse(status, run_command("minutes", "-o", out[1], dir,
							   (char *)NULL));
		}
	}
	shown_by_check = NULL;
	fflush(stderr);
	if (campaign || status == KP_EXIT_OK || status == KP_EXIT_PENDING) {
		printf("%s\n", _("Written:"));
		for (i = 0; i < 3; i++)
			if (out[i] && kp_os_exists(out[i]) == 0)
				printf("  %s\n", out[i]);
	} else {
		printf("%s\n", _("Nothing was written: correct what is listed above "
				  "and drop the folder again."));
	}
	for (i = 0; i < 3; i++)
		free(out[i]);
	if (kp_os_console_closes()) {
		printf("%s\n", _("Press any key to close this window."));
		fflush(stdout);
		kp_os_wait_key();
	}
	fflush(stdout);
	return status;
}

int main(int argc, char **argv)
{
	size_t i;
	char dir[4096];
	const char *lang;

	kp_os_init(&argc, &argv);
	lang = lang_option(argc, argv);

	if (lang && strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0)
		lang = NULL;
	kp_i18n_init(lang, locale_dir(dir, sizeof(dir)));
	/* kiemphieu --lang vi COMMAND ...: a language before the command */
	if (argc >= 2 && strncmp(argv[1], "--lang", 6) == 0 &&
	    (argv[1][6] == '\0' || argv[1][6] == '=')) {
		int skip = argv[1][6] == '=' ? 1 : 2;

		if (!lang) {
			fprintf(stderr, _("kiemphieu: error: --lang '%s': "
					  "expected vi or en\n"),
				skip == 1 ? argv[1] + 7 : argc > 2 ? argv[2] : "");
			return KP_EXIT_USAGE;
		}
		argv[skip] = argv[0];
		argc -= skip;
		argv += skip;
	}
	if (argc < 2)
		return main_help(stderr), KP_EXIT_USAGE;
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0)
		return main_help(stdout);
	if (strcmp(argv[1], "--version") == 0) {
		struct kp_buf b = KP_BUF_INIT;
		int status;

		kp_buf_addstr(&b, "kiemphieu " KP_VERSION "\n");
		status = kp_cli_write(&b);
		kp_buf_release(&b);
		return status;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i]->name) == 0)
			return commands[i]->fn(commands[i], argc - 1, argv + 1);
	if (argc == 2 && kp_os_is_dir(argv[1]))
		return drop_folder(argv[1]);
	fprintf(stderr, _("kiemphieu: error: unknown command '%s'\n"
			  "usage: kiemphieu [--version] [--help] [--lang vi|en] <command> [<args>]\n"),
		argv[1]);
	return KP_EXIT_USAGE;
}

int kp_cli_no_pdf(struct kp_diag_sink *sink, const char *path, const char *why)
{
	kp_error(sink, path, 0, 0, "cannot make the PDF (%s): use --format html",
		 why ? why : "this kiemphieu was built without PDF");
	return KP_EXIT_IO;
}

int kp_cli_sheet_format(const struct kp_cmd *c, const char *arg, int *tsv)
{
	if (strcmp(arg, "xlsx") != 0 && strcmp(arg, "tsv") != 0)
		return kp_cli_usage(c, "--format '%s': expected xlsx or tsv", arg);
	*tsv = strcmp(arg, "tsv") == 0;
	return KP_EXIT_OK;
}
