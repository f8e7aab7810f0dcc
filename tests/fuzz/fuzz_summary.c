/*
 * libFuzzer target: a district's summary (the JSON of progress --format
 * json), as a province merges it. The input is the summary file; a
 * province's campaign.csv lists it beside a congress folder of its own.
 * The merge, the figures and every report are made. Beyond not crashing:
 * a summary that merges gives a report whose own JSON merges again to the
 * very same figures (a summary of a summary), and one that does not merge
 * leaves its row as one invalid congress, nothing half merged.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/tally.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void report(struct kp_campaign *c, const struct kp_progress_opts *po,
		   struct kp_buf *json, struct kp_buf *text)
{
	struct kp_summary *s = calloc(c->n + 1, sizeof(*s));
	struct kp_progress p;
	struct kp_buf b = KP_BUF_INIT;
	struct kp_tally_opts o;
	struct kp_diag_sink sink;
	size_t i;

	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	kp_diag_sink_init(&sink, NULL, NULL);
	for (i = 0; i < c->n; i++) {
		if (c->pre && (c->orgs[i].via || c->orgs[i].summary)) {
			s[i] = c->pre[i];
			memset(&c->pre[i], 0, sizeof(c->pre[i]));
		} else {
			kp_evaluate(&s[i], c->orgs[i].path, &o, 40, &sink);
		}
	}
	kp_progress_compute(&p, c, s, po);
	kp_progress_text(text, &p, NULL);
	kp_progress_csv(&b, &p, 0);
	kp_progress_html(&b, &p);
	kp_progress_json(json, &p);
	kp_progress_release(&p);
	for (i = 0; i < c->n; i++)
		kp_summary_release(&s[i]);
	free(s);
	kp_buf_release(&b);
}

static void write_campaign(const char *summary, int own)
{
	char line[256];

	/* its own congress under the district, as the summary's congresses
	 * without a parent are: a summary of the report then says the same */
	snprintf(line, sizeof(line), "org,name,parent,dir\n%sd,District,,%s\n",
		 own ? "own,Own,District,own\n" : "", summary);
	put("campaign.csv", line, strlen(line));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kp_progress_opts po;
	struct kp_diag_sink sink;
	struct kp_campaign c, again;
	struct kp_buf j1 = KP_BUF_INIT, j2 = KP_BUF_INIT;
	struct kp_buf t1 = KP_BUF_INIT, t2 = KP_BUF_INIT;
	struct kp_tally_opts o;
	int st;

	if (!dir[0]) {
		char path[128];

		fuzz_dir("kp-fuzz-summary");
		snprintf(path, sizeof(path), "%s/own", dir);
		mkdir(path, 0700);
		put("own/contests.csv", "contest,kind,seats,base\nc,committee,1,3\n", 38);
		put("own/candidates.csv", "contest,no,name\nc,1,A\nc,2,B\n", 29);
	}
	put("d.json", data, size);
	write_campaign("d.json", 1);
	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	memset(&po, 0, sizeof(po));
	po.young_under = 40;
	po.limits = o.limits;
	po.target_max = 15;
	kp_bands_default(&po.bands);
	kp_diag_sink_init(&sink, NULL, NULL);
	if (kp_campaign_load(&c, dir, &o.csv, &sink) != KP_EXIT_OK)
		abort(); /* the campaign.csv is ours */
	st = kp_campaign_merge(&c, &po, &sink);
	if (st != KP_EXIT_OK && c.n != 2)
		abort(); /* a summary refused is one row, invalid */
	report(&c, &po, &j1, &t1);
	kp_campaign_release(&c);
	if (st == KP_EXIT_OK) {
		/* the report's own JSON is a summary too: a campaign of it
		 * alone gives the very same report */
		put("r.json", j1.s, j1.len);
		write_campaign("r.json", 0);
		if (kp_campaign_load(&again, dir, &o.csv, &sink) != KP_EXIT_OK ||
		    kp_campaign_merge(&again, &po, &sink) != KP_EXIT_OK)
			abort();
		report(&again, &po, &j2, &t2);
		kp_campaign_release(&again);
		if (t1.len != t2.len || memcmp(t1.s, t2.s, t1.len) != 0)
			abort();
	}
	kp_buf_release(&j1);
	kp_buf_release(&j2);
	kp_buf_release(&t1);
	kp_buf_release(&t2);
	return 0;
}
