/*
 * libFuzzer target: a whole congress folder, loaded, tallied and reported.
 * The input is cut at each "\n==\n" into contests.csv, candidates.csv,
 * ballots/c.csv and ballots/c.r2.csv; the first byte picks the options.
 * The next round's ballot-entry sheets are made too.
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
#include "kiemphieu/report.h"
#include "kiemphieu/sheet.h"
#include "kiemphieu/tally.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"contests.csv", "candidates.csv", "ballots/c.csv", "ballots/c.r2.csv"
	};
	struct kp_tally_opts o;
	struct kp_diag_sink sink;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_summary sum = { 0 };
	struct kp_buf b = KP_BUF_INIT;
	struct kp_sheet *sheets;
	const uint8_t *p, *end;
	size_t i, n;
	char path[128];

	if (!dir[0]) {
		fuzz_dir("kp-fuzz");
		snprintf(path, sizeof(path), "%s/ballots", dir);
		mkdir(path, 0700);
	}
	if (size < 1)
		return 0;
	kp_tally_opts_init(&o);
	o.csv.threads = 1;
	o.limits.min_percent = data[0] % 20;
	o.limits.max_percent = 20 + data[0] % 20;
	p = data + 1;
	end = data + size;
	for (i = 0; i < 4; i++) {
		const uint8_t *cut = p;

		while (cut + 4 <= end && memcmp(cut, "\n==\n", 4) != 0)
			cut++;
		if (cut + 4 > end)
			cut = end;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (i >= 2 && p >= end)
			unlink(path);
		else
			put(names[i], p, (size_t)(cut - p));
		p = cut < end ? cut + 4 : end;
	}
	kp_diag_sink_init(&sink, NULL, NULL);
	kp_congress_load(&cg, dir, &o.csv, &sink);
	kp_tally_congress(&cg, NULL, &o, &res, &sink);
	{
		struct kp_text_style st = { 1, 1 };

		kp_report_text(&b, &res, &st);
	}
	kp_report_json(&b, &res, NULL);
	kp_report_csv(&b, &res, 1, KP_CSV_EXCEL);
	n = kp_sheets_plan(&res, &sheets);
	for (i = 0; i < n; i++) {
		char *name = kp_sheet_name(&sheets[i], 0);

		kp_sheet_csv(&b, &sheets[i]);
		kp_buf_addstr(&b, name);
		free(name);
	}
	kp_sheets_release(sheets, n);
	kp_summarize(&sum, &res, sink.errors ? 1 : 0, 40);
	kp_summary_release(&sum);
	kp_buf_release(&b);
	kp_results_release(&res);
	kp_congress_release(&cg);
	return 0;
}
