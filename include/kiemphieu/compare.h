#ifndef KP_COMPARE_H
#define KP_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/diag.h"

/*
 * Double and triple entry: the same paper ballots typed in on two or three
 * computers, compared ballot by ballot (matched by ballot id) and column by
 * column (matched by header, NFC). Marks compare as kept or crossed ('x'
 * and 'X' are the same); void reasons compare as NFC text.
 */

#define KP_COMPARE_FILES_MAX 3

struct kp_compare_result {
	int minutes;		/* results of the minutes: rows by item */
	uint64_t ballots;	/* distinct ballot ids (or items) seen */
	uint64_t disagreements;	/* lines written */
};

/*
 * Compare the ballot files paths[0..n) (2 or 3), or two or three typings
 * of the results of the minutes (item,value: rows matched by item, the
 * figures by their English names whatever language each typing uses). Each disagreement is one
 * line appended to out:
 *   A.csv:13: B.csv:14: ballot '012', column '3': 'x' / ''
 *   B.csv:20: ballot '019' is only in B.csv
 * Problems that prevent a comparison (a file that cannot be read, a
 * repeated ballot id) go to sink. Returns KP_EXIT_OK when every file was
 * read without error (whether or not they agree), else KP_EXIT_DATA or
 * KP_EXIT_IO.
 */
int kp_compare(const char *const *paths, size_t n, const struct kp_csv_opts *o,
	       struct kp_buf *out, struct kp_compare_result *res,
	       struct kp_diag_sink *sink);

#endif
