/*
 * libFuzzer target: names and paths from the input. The input is cut at
 * each "\n==\n" into: the congress folder's name, a ballot file's name,
 * contests.csv, candidates.csv, that ballot file, and campaign.csv (whose
 * dir values are the input's too); a link named by the input may point out
 * of the campaign. The congress is loaded, tallied, audited and reported in
 * every format, the campaign evaluated and its progress reported. Beyond
 * not crashing, it holds two promises of docs/security.md: what goes to a
 * terminal (kp_text_safe) holds no control character, and every JSON
 * written is valid UTF-8 with no hole.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiemphieu/audit.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/model.h"
#include "kiemphieu/report.h"
#include "kiemphieu/text.h"
#include "kiemphieu/tally.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A file name from input bytes: no '/', no NUL, not "." or "..", short. */
static void name_of(char *out, size_t cap, const uint8_t *p, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 1 < cap; i++)
		out[o++] = p[i] == '/' || p[i] == 0 ? '_' : (char)p[i];
	out[o] = '\0';
	if (!o || strcmp(out, ".") == 0 || strcmp(out, "..") == 0)
		snprintf(out, cap, "x");
}

/* The promise of kp_text_safe: no C0, DEL, C1 or text-reordering mark. */
static void check_safe(const char *s)
{
	char *t = kp_text_safe(s);
	size_t i;

	for (i = 0; t[i]; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c < 0x20 || c == 0x7f)
			abort();
	}
	if (kp_text_find_hidden(t, i) != i || !kp_text_valid(t, i))
		abort();
	free(t);
}

static void rm_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d))) {
		char sub[1024];

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		rm_tree(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

static void write_file(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return; /* a name the file system refuses */
	if (n)
		fwrite(p, 1, n, f);
	fclose(f);
}

static void congress(const char *path)
{
	struct kp_tally_opts o;
	struct kp_diag_sink sink;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_audit a;
	struct kp_report_meta meta;
	struct kp_buf b = KP_BUF_INIT;
	struct kp_text_style st = { 1, 1, 60 };

	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	kp_diag_sink_init(&sink, NULL, NULL);
	kp_congress_load(&cg, path, &o.csv, &sink);
	kp_tally_congress(&cg, NULL, &o, &res, &sink);
	check_safe(cg.dir);
	check_safe(cg.org);
	kp_report_text(&b, &res, &st);
	if (kp_audit_congress(&a, &cg, &res, &sink) == 0) {
		meta.version = "fuzz";
		meta.limits = &o.limits;
		meta.audit = &a;
		kp_buf_reset(&b);
		kp_report_json(&b, &res, &meta);
		/* every JSON string came out: valid UTF-8, and the org too */
		if (!kp_text_valid(b.s, b.len) || !strstr(b.s, "\"org\":"))
			abort();
		kp_audit_release(&a);
	}
	kp_report_csv(&b, &res, 1, KP_CSV_EXCEL);
	kp_buf_release(&b);
	kp_results_release(&res);
	kp_congress_release(&cg);
}

static void campaign(void)
{
	struct kp_tally_opts o;
	struct kp_diag_sink sink;
	struct kp_campaign c;
	struct kp_summary *s;
	struct kp_progress_opts po;
	struct kp_progress p;
	struct kp_buf b = KP_BUF_INIT;
	size_t i;

	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	kp_diag_sink_init(&sink, NULL, NULL);
	kp_campaign_load(&c, dir, &o.csv, &sink);
	s = calloc(c.n + 1, sizeof(*s));
	for (i = 0; i < c.n; i++) {
		check_safe(c.orgs[i].path);
		kp_evaluate(&s[i], c.orgs[i].path, &o, 40, &sink);
	}
	memset(&po, 0, sizeof(po));
	po.as_of.year = 2020, po.as_of.month = 5, po.as_of.day = 1;
	po.young_under = 40;
	po.limits = o.limits;
	po.target_max = 15;
	kp_progress_compute(&p, &c, s, &po);
	kp_progress_text(&b, &p, NULL);
	kp_progress_json(&b, &p);
	if (!kp_text_valid(b.s ? b.s : "", b.len))
		abort();
	kp_progress_html(&b, &p);
	kp_progress_release(&p);
	kp_buf_release(&b);
	for (i = 0; i < c.n; i++)
		kp_summary_release(&s[i]);
	free(s);
	kp_campaign_release(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *seg[6], *p = data, *end = data + size;
	size_t len[6], i;
	char folder[128], ballot[128], path[1024], link[1024];

	if (!dir[0])
		fuzz_dir("kp-fuzz-paths");
	for (i = 0; i < 6; i++) {
		const uint8_t *cut = p;

		while (cut + 4 <= end && memcmp(cut, "\n==\n", 4) != 0)
			cut++;
		if (cut + 4 > end)
			cut = end;
		seg[i] = p;
		len[i] = (size_t)(cut - p);
		p = cut < end ? cut + 4 : end;
	}
	name_of(folder, sizeof(folder), seg[0], len[0] > 60 ? 60 : len[0]);
	name_of(ballot, sizeof(ballot), seg[1], len[1] > 60 ? 60 : len[1]);
	/* a fresh campaign folder each time: the names change */
	snprintf(path, sizeof(path), "%s/c", dir);
	rm_tree(path);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/c/%s", dir, folder);
	if (mkdir(path, 0700) != 0)
		return 0;
	snprintf(path, sizeof(path), "%s/c/%s/contests.csv", dir, folder);
	write_file(path, seg[2], len[2]);
	snprintf(path, sizeof(path), "%s/c/%s/candidates.csv", dir, folder);
	write_file(path, seg[3], len[3]);
	snprintf(path, sizeof(path), "%s/c/%s/ballots", dir, folder);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/c/%s/ballots/%s", dir, folder, ballot);
	write_file(path, seg[4], len[4]);
	/* a link out of the campaign, named by the input */
	snprintf(link, sizeof(link), "%s/c/%s", dir, ballot);
	if (symlink(dir, link) != 0)
		(void)0;
	snprintf(path, sizeof(path), "%s/c/campaign.csv", dir);
	write_file(path, seg[5], len[5]);
	snprintf(path, sizeof(path), "%s/c/%s", dir, folder);
	congress(path);
	{
		/* the campaign of that folder: campaign.csv's dirs as given */
		char saved[64];

		memcpy(saved, dir, sizeof(saved));
		snprintf(dir, sizeof(dir), "%s/c", saved);
		campaign();
		memcpy(dir, saved, sizeof(saved));
	}
	return 0;
}
