/*
 * kpbench: kiemphieu's tally beside libcsv's bare parser, side by side in
 * one run, on the same ballot file.
 *
 *   kpbench KIEMPHIEU [CONGRESS [XLSX-CONGRESS]]
 *   kpbench --campaign KIEMPHIEU CAMPAIGN
 *   kpbench --small KIEMPHIEU CONGRESS
 *
 * CONGRESS defaults to build/bench/1m (made by `kpgen ballots`): one
 * contest of 1,000,000 ballots x 25 candidates. Each contender runs in its
 * own child process, three times; the best wall time is kept, and the
 * child's peak resident memory is read from wait4(). The bare parser reads
 * the file in 1 MiB chunks and gives libcsv no callbacks: the floor that
 * any libcsv-based reader stands on. This tool calls libcsv directly, as
 * the baseline must; kiemphieu itself reaches libcsv only through src/csv.c.
 *
 * With XLSX-CONGRESS (the same congress, its ballots as an Excel workbook,
 * made by `kpgen xlsx`): kiemphieu's tally of the workbook, -j 1 and -j 2,
 * beside its tally of the CSV file, in the same turns.
 *
 * With --small: a congress of a few hundred ballots, as most are, tallied
 * (text and JSON) many times beside `cat` of its files: what a run costs
 * beyond reading its input, start-up included.
 *
 * With --campaign: `kiemphieu progress` over a whole campaign folder with
 * -j 1 and -j 2, beside the time merely to read every file of it (cat),
 * and the floors: opening, reading and closing every file on 1 and on 2
 * threads. The single file's floor is reading it into memory once.
 */
#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <zip.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RUNS 5

struct result {
	double seconds;
	long peak_kb;
	int status;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int bare_parse(const char *path)
{
	static char buf[1 << 20];
	struct csv_parser p;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || csv_init(&p, CSV_STRICT) != 0)
		return 3;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (csv_parse(&p, buf, (size_t)n, NULL, NULL, NULL) != (size_t)n)
			return 1;
	csv_fini(&p, NULL, NULL, NULL);
	csv_free(&p);
	close(fd);
	return n < 0 ? 3 : 0;
}

/* What a child without argv runs on path: the bare parser by default. */
static int (*child_fn)(const char *path);

/* Run fn(arg) or exec argv in a child; time it and read its peak memory. */
static struct result run(const char *path, char *const *argv)
{
	struct result r = { 0, 0, 0 };
	struct rusage ru;
	double t0 = now();
	int st;
	pid_t pid = fork();

	if (pid < 0) {
		perror("kpbench: fork");
		exit(3);
	}
	if (pid == 0) {
		if (argv) {
			/* the exit status of progress says whether the campaign
			 * is done; only a crash matters here */
			int fd = open("/dev/null", O_WRONLY);

			dup2(fd, 1);
			execv(argv[0], argv);
			_exit(127);
		}
		_exit(child_fn ? child_fn(path) : bare_parse(path));
	}
	if (wait4(pid, &st, 0, &ru) < 0) {
		perror("kpbench: wait4");
		exit(3);
	}
	r.seconds = now() - t0;
	r.peak_kb = ru.ru_maxrss;
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	return r;
}

/* The floor of a file: read into memory once, nothing else. */
static int read_file(const char *path)
{
	static char buf[1 << 20];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 3;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		;
	close(fd);
	return n < 0 ? 3 : 0;
}

/* Every regular file under a folder, its paths allocated; v[0] is left
 * free (for a program's name: the argv of `cat`) and v[n + 1] is NULL. */
struct files {
	char **v;
	size_t n, alloc;
};

static void files_under(const char *dir, struct files *f)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			files_under(path, f);
		} else if (S_ISREG(st.st_mode)) {
			if (f->n + 3 > f->alloc) {
				f->alloc = f->alloc ? 2 * f->alloc : 1024;
				f->v = realloc(f->v, f->alloc * sizeof(*f->v));
				if (!f->v)
					exit(3);
			}
			f->v[++f->n] = strdup(path);
			f->v[f->n + 1] = NULL;
		}
	}
	closedir(d);
}

/* The floor of a campaign: open, read and close every file of it, on
 * floor_threads threads. */
static struct files floor_files;
static unsigned floor_threads;
static size_t floor_next;
static pthread_mutex_t floor_mu = PTHREAD_MUTEX_INITIALIZER;

static void *floor_worker(void *arg)
{
	static __thread char buf[1 << 16];

	(void)arg;
	for (;;) {
		size_t i;
		int fd;

		pthread_mutex_lock(&floor_mu);
		i = floor_next++;
		pthread_mutex_unlock(&floor_mu);
		if (i >= floor_files.n)
			return NULL;
		fd = open(floor_files.v[i + 1], O_RDONLY);
		if (fd >= 0) {
			while (read(fd, buf, sizeof(buf)) > 0)
				;
			close(fd);
		}
	}
}

static int read_campaign(const char *dir)
{
	pthread_t t[2];
	unsigned i;

	files_under(dir, &floor_files);
	for (i = 0; i < floor_threads && i < 2; i++)
		pthread_create(&t[i], NULL, floor_worker, NULL);
	for (i = 0; i < floor_threads && i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}

/* Keep the better of two results of the same contender. */
static void keep_best(struct result *b, struct result r, const char *who)
{
	if (r.status != 0 && r.status != 4 && r.status != 5) {
		fprintf(stderr, "kpbench: %s exited with %d\n", who, r.status);
		exit(1);
	}
	if (r.seconds < b->seconds)
		b->seconds = r.seconds;
	if (r.peak_kb > b->peak_kb)
		b->peak_kb = r.peak_kb;
}

static void row(const char *name, struct result r, double mb)
{
	printf("%-28s %8.3f s %9.1f MB/s %9.1f MB\n", name, r.seconds,
	       mb / r.seconds, (double)r.peak_kb / 1024.0);
}

static int campaign(const char *kp, const char *dir)
{
	char abs[4096], cmd[8192];
	struct result none = { 1e30, 0, 0 }, cat, j1, j2, t1, t2, f1, f2;
	int i;

	if (!realpath(kp, abs)) {
		perror(kp);
		return 3;
	}
	snprintf(cmd, sizeof(cmd),
		 "find '%s' -type f -print0 | xargs -0 cat > /dev/null", dir);
	{
		char *ac[] = { (char *)(uintptr_t)"/bin/sh", (char *)(uintptr_t)"-c",
			       cmd, NULL };
		char *a1[] = { abs, (char *)(uintptr_t)"progress", (char *)(uintptr_t)"-j",
			       (char *)(uintptr_t)"1", (char *)(uintptr_t)"--format",
			       (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };
		char *a2[] = { abs, (char *)(uintptr_t)"progress", (char *)(uintptr_t)"-j",
			       (char *)(uintptr_t)"2", (char *)(uintptr_t)"--format",
			       (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };
		/* as the issue types them: the text report */
		char *b1[] = { abs, (char *)(uintptr_t)"progress", (char *)(uintptr_t)"-j",
			       (char *)(uintptr_t)"1", (char *)(uintptr_t)dir, NULL };
		char *b2[] = { abs, (char *)(uintptr_t)"progress", (char *)(uintptr_t)"-j",
			       (char *)(uintptr_t)"2", (char *)(uintptr_t)dir, NULL };

		run(NULL, ac); /* warm the page cache */
		cat = j1 = j2 = t1 = t2 = f1 = f2 = none;
		child_fn = read_campaign;
		for (i = 0; i < 3; i++) {
			keep_best(&cat, run(NULL, ac), "cat");
			floor_threads = 1;
			keep_best(&f1, run(dir, NULL), "the floor, 1 thread");
			floor_threads = 2;
			keep_best(&f2, run(dir, NULL), "the floor, 2 threads");
			keep_best(&j1, run(NULL, a1), "kiemphieu progress -j 1");
			keep_best(&j2, run(NULL, a2), "kiemphieu progress -j 2");
			keep_best(&t1, run(NULL, b1), "kiemphieu progress -j 1 (text)");
			keep_best(&t2, run(NULL, b2), "kiemphieu progress -j 2 (text)");
		}
		child_fn = NULL;
	}
	printf("campaign: %s; best of 3 turns each\n", dir);
	printf("%-28s %10s %12s\n", "", "time", "peak memory");
	printf("%-28s %8.3f s %9.1f MB\n", "cat every file", cat.seconds,
	       (double)cat.peak_kb / 1024.0);
	printf("%-28s %8.3f s %9.1f MB\n", "open/read/close, 1 thread", f1.seconds,
	       (double)f1.peak_kb / 1024.0);
	printf("%-28s %8.3f s %9.1f MB\n", "open/read/close, 2 threads", f2.seconds,
	       (double)f2.peak_kb / 1024.0);
	printf("%-28s %8.3f s %9.1f MB\n", "kiemphieu progress -j 1", t1.seconds,
	       (double)t1.peak_kb / 1024.0);
	printf("%-28s %8.3f s %9.1f MB\n", "kiemphieu progress -j 2", t2.seconds,
	       (double)t2.peak_kb / 1024.0);
	printf("%-28s %8.3f s %9.1f MB\n", "progress -j 1 --format json", j1.seconds,
	       (double)j1.peak_kb / 1024.0);
	printf("%-28s %8.3f s %9.1f MB\n", "progress -j 2 --format json", j2.seconds,
	       (double)j2.peak_kb / 1024.0);
	printf("ratio, -j 1 time / -j 2 time: %.2f (goal: at least 1.70); json %.2f\n",
	       t1.seconds / t2.seconds, j1.seconds / j2.seconds);
	printf("ratio, -j 2 time / cat time: %.2f (goal: at most 3.00); json %.2f\n",
	       t2.seconds / cat.seconds, j2.seconds / cat.seconds);
	printf("ratio, -j 1 time / the 1-thread floor: %.2f; json %.2f\n",
	       t1.seconds / f1.seconds, j1.seconds / f1.seconds);
	printf("ratio, -j 2 time / the 2-thread floor: %.2f (goal: at most 1.60); json %.2f\n",
	       t2.seconds / f2.seconds, j2.seconds / f2.seconds);
	return 0;
}

/* The floor of a workbook: its sheet inflated once (libzip and zlib, as
 * kiemphieu reads it), nothing parsed. */
static int inflate_sheet(const char *path)
{
	static char buf[1 << 16];
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	zip_file_t *f;
	zip_int64_t n;

	if (!z)
		return 3;
	f = zip_fopen(z, "xl/worksheets/sheet1.xml", 0);
	if (!f) {
		zip_close(z);
		return 3;
	}
	while ((n = zip_fread(f, buf, sizeof(buf))) > 0)
		;
	zip_fclose(f);
	zip_close(z);
	return n < 0 ? 3 : 0;
}

/* The same ballots as a workbook: tally -j 1 and -j 2 beside the CSV's. */
static int workbook(const char *kp, const char *dir, struct result c1, struct result c2)
{
	char path[4096];
	struct stat st;
	struct result none = { 1e30, 0, 0 }, x1 = none, x2 = none, fl = none;
	char *a1[] = { (char *)(uintptr_t)kp, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"-j",
		       (char *)(uintptr_t)"1", (char *)(uintptr_t)"--format",
		       (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };
	char *a2[] = { (char *)(uintptr_t)kp, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"-j",
		       (char *)(uintptr_t)"2", (char *)(uintptr_t)"--format",
		       (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };
	int i;

	snprintf(path, sizeof(path), "%s/ballots/bench.xlsx", dir);
	if (stat(path, &st) != 0) {
		fprintf(stderr, "kpbench: %s: %s (make it with kpgen xlsx)\n", path,
			strerror(errno));
		return 3;
	}
	for (i = 0; i < RUNS; i++) {
		child_fn = inflate_sheet;
		keep_best(&fl, run(path, NULL), "inflating the sheet");
		child_fn = NULL;
		keep_best(&x1, run(path, a1), "kiemphieu tally .xlsx -j 1");
		keep_best(&x2, run(path, a2), "kiemphieu tally .xlsx -j 2");
	}
	printf("\nworkbook: %s, %.1f MB (the same ballots); best of %d turns each\n", path,
	       (double)st.st_size / 1e6, RUNS);
	printf("%-28s %10s %14s %12s\n", "", "time", "ballots/s", "peak memory");
	printf("%-28s %8.3f s %14.0f %9.1f MB\n", "inflating the sheet, no more", fl.seconds,
	       1e6 / fl.seconds, (double)fl.peak_kb / 1024.0);
	printf("%-28s %8.3f s %14.0f %9.1f MB\n", "kiemphieu tally .csv -j 1", c1.seconds,
	       1e6 / c1.seconds, (double)c1.peak_kb / 1024.0);
	printf("%-28s %8.3f s %14.0f %9.1f MB\n", "kiemphieu tally .xlsx -j 1", x1.seconds,
	       1e6 / x1.seconds, (double)x1.peak_kb / 1024.0);
	printf("%-28s %8.3f s %14.0f %9.1f MB\n", "kiemphieu tally .csv -j 2", c2.seconds,
	       1e6 / c2.seconds, (double)c2.peak_kb / 1024.0);
	printf("%-28s %8.3f s %14.0f %9.1f MB\n", "kiemphieu tally .xlsx -j 2", x2.seconds,
	       1e6 / x2.seconds, (double)x2.peak_kb / 1024.0);
	printf("ratio, .xlsx / .csv time, -j 1: %.2f\n", x1.seconds / c1.seconds);
	printf("ratio, .xlsx / .csv time, -j 2: %.2f (goal: at most 3.00)\n",
	       x2.seconds / c2.seconds);
	printf("ratio, inflating the sheet alone / .csv time, -j 2: %.2f (the floor of a "
	       "workbook: its XML must be inflated before any of it is read)\n",
	       fl.seconds / c2.seconds);
	printf("ratio, .xlsx -j 1 time / inflating the sheet: %.2f\n", x1.seconds / fl.seconds);
	return 0;
}

static int small(const char *kp, const char *dir)
{
	enum { TURNS = 5, EACH = 40 };
	char abs[4096], **cat;
	struct files f = { NULL, 0, 0 };
	struct result none = { 1e30, 0, 0 }, c = none, t = none, j = none;
	size_t n = 0, i;
	int k, r;

	if (!realpath(kp, abs)) {
		perror(kp);
		return 3;
	}
	files_under(dir, &f);
	if (!f.n) {
		fprintf(stderr, "kpbench: %s: no file\n", dir);
		return 3;
	}
	cat = f.v;
	n = f.n;
	cat[0] = (char *)(uintptr_t)"/bin/cat";
	{
		char *at[] = { abs, (char *)(uintptr_t)"tally", (char *)(uintptr_t)dir, NULL };
		char *aj[] = { abs, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"--format",
			       (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };

		/* each turn: EACH runs of each, timed together, the best turn
		 * kept; the contenders take turns */
		for (k = 0; k < TURNS; k++) {
			struct result sc = { 0, 0, 0 }, st = sc, sj = sc, x;

			for (r = 0; r < EACH; r++) {
				x = run(NULL, cat);
				sc.seconds += x.seconds;
				x = run(NULL, at);
				keep_best(&none, x, "kiemphieu tally");
				st.seconds += x.seconds;
				x = run(NULL, aj);
				keep_best(&none, x, "kiemphieu tally --format json");
				sj.seconds += x.seconds;
			}
			if (sc.seconds < c.seconds)
				c = sc;
			if (st.seconds < t.seconds)
				t = st;
			if (sj.seconds < j.seconds)
				j = sj;
		}
	}
	printf("congress: %s, %zu files; %d runs a turn, best of %d turns\n", dir, n, EACH,
	       TURNS);
	printf("%-32s %10s\n", "", "per run");
	printf("%-32s %7.3f ms\n", "cat of its files", 1e3 * c.seconds / EACH);
	printf("%-32s %7.3f ms\n", "kiemphieu tally", 1e3 * t.seconds / EACH);
	printf("%-32s %7.3f ms\n", "kiemphieu tally --format json", 1e3 * j.seconds / EACH);
	printf("ratio, tally / cat: %.2f (goal: at most 3.00)\n", t.seconds / c.seconds);
	printf("ratio, tally --format json / cat: %.2f (goal: at most 3.00)\n",
	       j.seconds / c.seconds);
	for (i = 0; i < n; i++)
		free(cat[i + 1]);
	free(cat);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 2 ? argv[2] : "build/bench/1m";
	char path[4096], abs[4096];
	struct result bare, j1, j2, x1, x2, rd;
	struct stat st;
	double mb;

	if (argc == 4 && strcmp(argv[1], "--campaign") == 0)
		return campaign(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "--small") == 0)
		return small(argv[2], argv[3]);
	if (argc < 2) {
		fprintf(stderr, "usage: kpbench KIEMPHIEU [CONGRESS [XLSX-CONGRESS]]\n"
				"       kpbench --campaign KIEMPHIEU CAMPAIGN\n"
				"       kpbench --small KIEMPHIEU CONGRESS\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/ballots/bench.csv", dir);
	if (stat(path, &st) != 0) {
		fprintf(stderr, "kpbench: %s: %s (make it with kpgen ballots)\n",
			path, strerror(errno));
		return 3;
	}
	if (!realpath(argv[1], abs)) {
		perror(argv[1]);
		return 3;
	}
	mb = (double)st.st_size / 1e6;
	{
		char *a1[] = { abs, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"-j", (char *)(uintptr_t)"1",
			       (char *)(uintptr_t)"--format", (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };
		char *a2[] = { abs, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"-j", (char *)(uintptr_t)"2",
			       (char *)(uintptr_t)"--format", (char *)(uintptr_t)"json", (char *)(uintptr_t)dir, NULL };
		/* the commands as a user types them: the text report */
		char *t1[] = { abs, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"-j", (char *)(uintptr_t)"1",
			       (char *)(uintptr_t)dir, NULL };
		char *t2[] = { abs, (char *)(uintptr_t)"tally", (char *)(uintptr_t)"-j", (char *)(uintptr_t)"2",
			       (char *)(uintptr_t)dir, NULL };

		struct result none = { 1e30, 0, 0 };
		int i;

		/* warm the page cache: every contender reads from memory; the
		 * contenders take turns, so that a busy moment of the machine
		 * falls on all of them alike */
		bare_parse(path);
		bare = j1 = j2 = x1 = x2 = rd = none;
		for (i = 0; i < RUNS; i++) {
			child_fn = read_file;
			keep_best(&rd, run(path, NULL), "reading the file");
			child_fn = NULL;
			keep_best(&bare, run(path, NULL), "the bare parser");
			keep_best(&j1, run(path, a1), "kiemphieu -j 1");
			keep_best(&j2, run(path, a2), "kiemphieu -j 2");
			keep_best(&x1, run(path, t1), "kiemphieu -j 1 (text)");
			keep_best(&x2, run(path, t2), "kiemphieu -j 2 (text)");
		}
	}
	printf("ballot file: %s, %.1f MB; best of %d turns each\n", path, mb, RUNS);
	printf("%-28s %10s %14s %12s\n", "", "time", "throughput", "peak memory");
	row("reading the file", rd, mb);
	row("libcsv bare parser", bare, mb);
	row("kiemphieu tally -j 1", x1, mb);
	row("kiemphieu tally -j 2", x2, mb);
	row("tally -j 1 --format json", j1, mb);
	row("tally -j 2 --format json", j2, mb);
	printf("ratio, tally -j 1 time / bare parser time: %.2f (goal: at most 0.50)\n",
	       x1.seconds / bare.seconds);
	printf("ratio, tally -j 2 time / bare parser time: %.2f (goal: at most 0.35)\n",
	       x2.seconds / bare.seconds);
	printf("ratio, with --format json (the hash of every byte): -j 1 %.2f, -j 2 %.2f\n",
	       j1.seconds / bare.seconds, j2.seconds / bare.seconds);
	printf("ratio, tally -j 1 time / reading the file: %.2f\n", j1.seconds / rd.seconds);
	if (argc > 3)
		return workbook(abs, argv[3], j1, j2);
	return 0;
}
