#ifndef KP_MINUTES_H
#define KP_MINUTES_H

#include "kiemphieu/audit.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/tally.h"

/*
 * The counting minutes (biên bản kiểm phiếu) of a congress's results: one
 * self-contained HTML page, a section per election and round, laid out
 * like the official form: base, ballots issued, collected, valid and
 * invalid with reasons, the candidates in ballot order with votes and
 * percentages of base, the elected by votes, the consistency line, the
 * input files' SHA-256 (when audit is given) and room for the counting
 * board's signatures. Every text from the input is escaped.
 */
void kp_report_minutes(struct kp_buf *out, const struct kp_results *res,
		       const struct kp_audit *audit);

#endif
