#ifndef KP_COLUMNS_H
#define KP_COLUMNS_H

#include <stddef.h>

#include "kiemphieu/text.h"

/*
 * The names of the columns of every input file, in English and in
 * Vietnamese. A header cell names a column by its English name (ASCII case
 * ignored) or by its canonical Vietnamese name or one of a few variants
 * (after NFC, spaces folded, case ignored), so that a clerk may head the
 * columns as the office writes them: "số lượng cần bầu" is `seats`. The
 * list is docs/formats.md's table of headers.
 */

/* Non-zero when the cell s[0..len) names the column whose English name is
 * `en`. */
int kp_column_is(const char *s, size_t len, const char *en);

/* The same for a header of many cells and many columns, each cell's
 * folding done once: a cell made ready (released after), and a column
 * by its place in the list (kp_column_ref: -1 when `en` is not one). */
struct kp_column_cell {
	const char *s;
	size_t len;
	struct kp_text_cell text;	/* for the Vietnamese names */
};
void kp_column_cell_init(struct kp_column_cell *c, const char *s, size_t len);
void kp_column_cell_release(struct kp_column_cell *c);
int kp_column_ref(const char *en);
int kp_column_cell_is(const struct kp_column_cell *c, int ref, const char *en);

/* The canonical Vietnamese name of the column `en` (what new and sheet
 * write under --lang vi), or en itself when it has none. */
const char *kp_column_vi(const char *en);

/* Every known column: the count, and for i < it, en[i], vi[i] and the
 * variants (NULL-terminated) of column i. For the docs and the tests. */
size_t kp_columns_all(const char *const **en, const char *const **vi,
		      const char *const *const **variants);

/* The Vietnamese heading of a column of the tables tally and progress
 * write (--format csv, xlsx), or en itself when it has none. */
const char *kp_tally_heading_vi(const char *en);
const char *kp_progress_heading_vi(const char *en);

#endif
