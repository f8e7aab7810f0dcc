#ifndef KP_MINUTES_H
#define KP_MINUTES_H

#include "kiemphieu/audit.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/tally.h"

/*
 * The counting minutes (biên bản kiểm phiếu) of a congress's results, as
 * the forms of HD 04-HD/TW give them: one form per election and round (for
 * delegates, one for the official and one for the reserve delegates),
 * headed by the congress (congress.csv): summoned, present, absent,
 * ballots issued, returned, valid and invalid with reasons, the
 * candidates in ballot order with votes and percentages of those
 * summoned, the consistency in plain words, the elected by votes, the
 * counting board's signatures kept on one page with them, and the SHA-256
 * of each input and of the results in groups of four. As one
 * self-contained HTML page (every text escaped) or as PDF.
 */
void kp_report_minutes(struct kp_buf *out, const struct kp_results *res,
		       const struct kp_audit *audit);

/* The same minutes as PDF (A4, fonts embedded, each form numbered
 * "Trang i/n"): 0, or -1 when this build has no PDF (*why says so). */
int kp_report_minutes_pdf(struct kp_buf *out, const struct kp_results *res,
			  const struct kp_audit *audit, const char **why);

/* The quick report to the upper level (báo cáo nhanh kết quả đại hội): a
 * page with who was elected to each body, with their particulars, and the
 * new committee's composition against the outgoing one's; HTML, or PDF
 * when `pdf` (then -1 when this build has none, *why saying so). */
int kp_report_quick(struct kp_buf *out, const struct kp_results *res, int pdf,
		    const char **why);

/* The SHA-256 of the results themselves, as the minutes print it: of the
 * compact JSON of their "contests" (the results without paths or hashes of
 * inputs), so that verify can compute it again from a results file. The
 * second form takes that "contests" value (a json_t) as read back. */
void kp_results_digest(const struct kp_results *res, char out[65]);
void kp_results_digest_json(const void *contests, char out[65]);

#endif
