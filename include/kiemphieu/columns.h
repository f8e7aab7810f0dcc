#ifndef KP_COLUMNS_H
#define KP_COLUMNS_H

#include <stddef.h>

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
