#ifndef KP_XLSX_H
#define KP_XLSX_H

/*
 * Excel workbooks read as tables (xlsx.c): the first worksheet's rows
 * (the first visible one that is not kiemphieu's instructions)
 * handed to the same handlers as CSV records, each field with its cell's
 * column (kp_csv_col gives it). Private to the CSV module, the one way in
 * for every table (csv.h: kp_csv_read_hashed reads a .xlsx through it).
 */

#include "kiemphieu/csv.h"

/* Read the workbook at `path` (named `name` in diagnostics) into handler h
 * with ctx, and the SHA-256 of its bytes into sha256 (may be NULL). With
 * threads > 1, a large sheet's rows are parsed side by side by that many
 * workers and handed to h in order, in this thread.
 * KP_EXIT_OK, KP_EXIT_DATA or KP_EXIT_IO. */
int kp_xlsx_read(const char *path, const char *name, const struct kp_csv_handler *h,
		 void *ctx, struct kp_diag_sink *sink, char sha256[65], unsigned threads);

/* What a workbook may weigh: the file, its sheet and each other part
 * inflated (kp_xlsx_limits: 1 GiB, 8 GiB, 1 GiB); and the size of the
 * chunks of rows read side by side (4 MiB: a sheet of at least two is cut). */
struct kp_xlsx_limits {
	uint64_t file, sheet, part, chunk;
};
extern const struct kp_xlsx_limits kp_xlsx_limits;

/* kp_xlsx_read within other limits (the tests' small ones). */
int kp_xlsx_read_within(const char *path, const char *name,
			const struct kp_csv_handler *h, void *ctx,
			struct kp_diag_sink *sink, char sha256[65],
			const struct kp_xlsx_limits *lim, unsigned threads);

#endif
