#ifndef KP_REPORT_H
#define KP_REPORT_H

#include <stdint.h>

#include "kiemphieu/audit.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/tally.h"

/*
 * Reports of a congress's results. Each appends to a buffer that the caller
 * writes out; the output depends only on the results (same input, same
 * bytes), and every percentage is computed on integers and printed with
 * exactly two decimals.
 */

enum kp_format {
	KP_FORMAT_TEXT,
	KP_FORMAT_JSON,
	KP_FORMAT_CSV,
	KP_FORMAT_XLSX		/* the CSV table as a workbook (cmd_tally.c) */
};

/* 0 and *out set when name is "text", "json" or "csv". */
int kp_format_parse(const char *name, enum kp_format *out);

/* How text is drawn for a terminal. */
struct kp_text_style {
	int bars;	/* votes as bars of Unicode blocks beside the numbers */
	int color;	/* ANSI colours for results */
	unsigned width;	/* the terminal's columns: no row is wider (bars
			 * shrink or go, names are cut); 0: no limit */
};

/* A bar of at most `width` columns for hundredths h out of 10000, in
 * Unicode eighth blocks, without trailing spaces. */
void kp_text_bar(struct kp_buf *out, uint64_t h, unsigned width);

/* Aligned tables for people; names take their display width. style may be
 * NULL: plain text. */
void kp_report_text(struct kp_buf *out, const struct kp_results *res,
		    const struct kp_text_style *style);

/* What a JSON result records of how it was made (the audit trail). */
struct kp_report_meta {
	const char *version;			/* of kiemphieu */
	const struct kp_surplus_limits *limits;	/* the rule parameters */
	const struct kp_audit *audit;		/* the input files and hashes */
};

/* One JSON object (docs/formats.md), ending in a newline; with meta, it
 * ends with an "audit" object. */
void kp_report_json(struct kp_buf *out, const struct kp_results *res,
		    const struct kp_report_meta *meta);

/* The JSON line of a congress whose data has `errors` errors:
 * {"org":ID,"dir":DIR,"invalid":true,"errors":N} and a newline. */
void kp_report_json_invalid(struct kp_buf *out, const char *org,
			    const char *dir, uint64_t errors);

/* The CSV row of a congress whose data has errors: its org, and
 * "invalid" as the result (after the header row when `header`). */
void kp_report_csv_invalid(struct kp_buf *out, const char *org, int header,
			   unsigned flags);

/* Long format: one row per candidate per round, after a header row when
 * `header` is non-zero; `flags` as for kp_csv_put_row(). */
void kp_report_csv(struct kp_buf *out, const struct kp_results *res, int header,
		   unsigned flags);

#endif
