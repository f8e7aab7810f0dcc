/*
 * libFuzzer target: each file loader on its own. The first byte picks the
 * file the rest of the input becomes, beside valid others:
 *   0  contests.csv      (then the congress is tallied)
 *   1  candidates.csv    (then the congress is tallied)
 *   2  campaign.csv      (then the campaign's progress is reported, in
 *                         every format, the dashboard included)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/model.h"
#include "kiemphieu/tally.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static const char contests[] =
	"contest,kind,seats,reserves,base,date,prev_members,prev_women,prev_young\n"
	"c,committee,2,,5,2020-04-10,2,1,0\n";
static const char candidates[] =
	"contest,no,name,gender,born\nc,1,An,F,1990\nc,2,Bình,M,1970-01-02\nc,3,Chi,F,1985\n";
static const char ballots[] = "ballot,1,2,3\n1,,,x\n2,,,x\n3,,x,\n4,x,,\n5,,,x\n";
static const char campaign[] = "org,name,parent,pilot,scheduled,dir\nk,K,P,yes,2020-04-09,k\n";

static void congress(void)
{
	struct kp_tally_opts o;
	struct kp_diag_sink sink;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_summary s = { 0 };

	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	kp_diag_sink_init(&sink, NULL, NULL);
	kp_congress_load(&cg, dir, &o.csv, &sink);
	kp_tally_congress(&cg, NULL, &o, &res, &sink);
	kp_summarize(&s, &res, sink.errors ? 1 : 0, 40);
	kp_summary_release(&s);
	kp_results_release(&res);
	kp_congress_release(&cg);
}

static void progress(void)
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
	for (i = 0; i < c.n; i++)
		kp_evaluate(&s[i], c.orgs[i].path, &o, 40, &sink);
	memset(&po, 0, sizeof(po));
	po.as_of.year = 2020, po.as_of.month = 5, po.as_of.day = 1;
	po.young_under = 40;
	po.limits = o.limits;
	po.target_max = 15;
	kp_progress_compute(&p, &c, s, &po);
	kp_progress_text(&b, &p, NULL);
	kp_progress_html(&b, &p);
	kp_progress_json(&b, &p);
	kp_progress_csv(&b, &p, 0);
	kp_progress_release(&p);
	kp_buf_release(&b);
	for (i = 0; i < c.n; i++)
		kp_summary_release(&s[i]);
	free(s);
	kp_campaign_release(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[160];

	if (!dir[0]) {
		fuzz_dir("kp-fuzz-load");
		snprintf(path, sizeof(path), "%s/ballots", dir);
		mkdir(path, 0700);
		snprintf(path, sizeof(path), "%s/k", dir);
		mkdir(path, 0700);
		snprintf(path, sizeof(path), "%s/k/ballots", dir);
		mkdir(path, 0700);
		put("k/contests.csv", contests, sizeof(contests) - 1);
		put("k/candidates.csv", candidates, sizeof(candidates) - 1);
		put("k/ballots/c.csv", ballots, sizeof(ballots) - 1);
		put("ballots/c.csv", ballots, sizeof(ballots) - 1);
	}
	if (size < 1)
		return 0;
	switch (data[0] % 3) {
	case 0:
		put("contests.csv", data + 1, size - 1);
		put("candidates.csv", candidates, sizeof(candidates) - 1);
		congress();
		break;
	case 1:
		put("contests.csv", contests, sizeof(contests) - 1);
		put("candidates.csv", data + 1, size - 1);
		congress();
		break;
	default:
		put("campaign.csv", data + 1, size - 1);
		progress();
		break;
	}
	return 0;
}
