/*
 * libFuzzer target: the fast path of plain rows against libcsv. The same
 * bytes are read twice, once with the fast path and once with every line
 * through libcsv (kp_csv_opts.libcsv_only), and the two must give the same
 * records (line, fields, each field's column) and the same diagnostics
 * (line, column, severity, text), byte for byte; any difference aborts.
 * The first byte picks the delimiter and whether the file is read in two
 * parts; the rest is the file.
 *
 * With bit 3 of the first byte set, the rest is a ballot file instead, of
 * a contest of four candidates for 1 to 4 seats (bits 4-5), tallied with
 * plain rows counted from their byte masks (tally.c's ballot_plain) and
 * again with every row a record through libcsv: the status, every count
 * and the diagnostics must be the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/tally.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	struct kp_buf out;
};

static int record(void *ctx, const struct kp_csv_record *r, struct kp_diag_sink *sink)
{
	struct seen *s = ctx;
	size_t i;

	(void)sink;
	kp_buf_addf(&s->out, "%llu:%zu", (unsigned long long)r->line, r->nfields);
	for (i = 0; i < r->nfields; i++) {
		kp_buf_addf(&s->out, "|%llu:", (unsigned long long)kp_csv_col(r, i));
		kp_buf_add(&s->out, r->fields[i].s, r->fields[i].len);
		if (strlen(r->fields[i].s) != r->fields[i].len)
			abort(); /* a field is NUL-terminated at its length */
	}
	kp_buf_addch(&s->out, '\n');
	return 0;
}

static void reset(void *ctx)
{
	kp_buf_reset(&((struct seen *)ctx)->out);
}

static void merge(void **ctx, unsigned n, struct kp_diag_sink *sink)
{
	struct seen *s = ctx[0];
	unsigned i;

	(void)sink;
	for (i = 1; i < n; i++) {
		struct seen *o = ctx[i];

		kp_buf_add(&s->out, o->out.s ? o->out.s : "", o->out.len);
	}
}

static void diag(void *ctx, const struct kp_diag *d)
{
	struct kp_buf *b = ctx;

	kp_buf_addf(b, "%llu:%llu:%d:%s\n", (unsigned long long)d->line,
		    (unsigned long long)d->col, (int)d->severity, d->msg);
}

/* Read the file at path into out (records, then diagnostics). */
static void read_it(const char *path, const struct kp_csv_opts *o, struct kp_buf *out)
{
	static const struct kp_csv_handler h = { record, record, reset, merge, NULL };
	struct seen s[2];
	void *ctx[2] = { &s[0], &s[1] };
	struct kp_buf diags = KP_BUF_INIT;
	struct kp_diag_sink sink;
	int rc;

	kp_buf_init(&s[0].out);
	kp_buf_init(&s[1].out);
	kp_diag_sink_init(&sink, diag, &diags);
	rc = kp_csv_read(path, "f.csv", o, &h, ctx, 2, &sink);
	kp_buf_addf(out, "rc %d\n", rc);
	kp_buf_add(out, s[0].out.s ? s[0].out.s : "", s[0].out.len);
	kp_buf_addstr(out, "--\n");
	kp_buf_add(out, diags.s ? diags.s : "", diags.len);
	kp_buf_release(&s[0].out);
	kp_buf_release(&s[1].out);
	kp_buf_release(&diags);
}

/* Tally the congress in folder d (its ballots file in place) into out. */
static void tally_it(const char *d, unsigned threads, int libcsv_only,
		     struct kp_buf *out)
{
	struct kp_buf diags = KP_BUF_INIT;
	struct kp_diag_sink sink;
	struct kp_tally_opts o;
	struct kp_congress cg;
	struct kp_results res;
	int st, st2;
	size_t c, r, k;

	kp_tally_opts_init(&o);
	o.csv.threads = threads;
	o.csv.libcsv_only = libcsv_only;
	kp_diag_sink_init(&sink, diag, &diags);
	st = kp_congress_load(&cg, d, &o.csv, &sink);
	st2 = kp_tally_congress(&cg, NULL, &o, &res, &sink);
	kp_buf_addf(out, "rc %d %d\n", st, st2);
	for (c = 0; c < res.n; c++)
		for (r = 0; r < res.contests[c].nrounds; r++) {
			const struct kp_round_result *rr = &res.contests[c].rounds[r];

			kp_buf_addf(out, "%llu %llu:", (unsigned long long)rr->ballots,
				    (unsigned long long)rr->valid);
			for (k = 0; k < rr->ncands; k++)
				kp_buf_addf(out, " %u=%llu", rr->cands[k].no,
					    (unsigned long long)rr->cands[k].votes);
			kp_buf_addch(out, '\n');
		}
	kp_buf_add(out, diags.s ? diags.s : "", diags.len);
	kp_results_release(&res);
	kp_congress_release(&cg);
	kp_buf_release(&diags);
}

static int ballots(const uint8_t *data, size_t size)
{
	static const char cands[] =
		"contest,no,name\n"
		"c,1,Nguyễn Văn An\nc,2,Trần Thị Bích\n"
		"c,3,Lê Đức Cường\nc,4,Phạm Thị Dung\n";
	char contests[80], sub[160];
	struct kp_buf a = KP_BUF_INIT, b = KP_BUF_INIT;
	unsigned seats = 1 + (data[0] >> 4) % 4, threads = 1 + (data[0] / 4) % 2;

	if (!dir[0]) {
		fuzz_dir("kp-fastpath");
		snprintf(sub, sizeof(sub), "%s/ballots", dir);
		if (mkdir(sub, 0700) != 0)
			abort();
		put("candidates.csv", cands, sizeof(cands) - 1);
	}
	snprintf(contests, sizeof(contests),
		 "contest,kind,seats,base\nc,committee,%u,100\n", seats);
	put("contests.csv", contests, strlen(contests));
	put("ballots/c.csv", data + 1, size - 1);
	tally_it(dir, threads, 0, &a);
	tally_it(dir, threads, 1, &b);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
		fprintf(stderr, "plain rows counted:\n%s\nlibcsv:\n%s\n", a.s, b.s);
		abort();
	}
	kp_buf_release(&a);
	kp_buf_release(&b);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delim[] = { 0, ',', ';', '\t' };
	struct kp_csv_opts fast, slow;
	struct kp_buf a = KP_BUF_INIT, b = KP_BUF_INIT;
	char path[64];
	int fd;

	if (size < 1)
		return 0;
	if (data[0] & 8)
		return ballots(data, size);
	kp_csv_opts_init(&fast);
	fast.delimiter = delim[data[0] % 4];
	fast.threads = 1 + (data[0] / 4) % 2;
	slow = fast;
	slow.libcsv_only = 1;
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	read_it(path, &fast, &a);
	read_it(path, &slow, &b);
	if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
		fprintf(stderr, "fast path:\n%s\nlibcsv:\n%s\n", a.s, b.s);
		abort();
	}
	kp_buf_release(&a);
	kp_buf_release(&b);
	close(fd);
	return 0;
}
