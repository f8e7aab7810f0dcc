#ifndef KP_BOOK_H
#define KP_BOOK_H

/*
 * Excel workbooks written (book.c, on libxlsxwriter): sheets of rows, the
 * header row bold and frozen, columns as wide as their text, numbers as
 * numbers, percentages as percent-formatted numbers, dates as dates, A4
 * landscape print setup. The library writes to a file; the book is made
 * in a temporary file and handed back as bytes, so that every caller
 * writes it as it writes anything (through a temporary file and a rename,
 * or to standard output).
 */

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/model.h"

enum kp_cell_kind {
	KP_CELL_TEXT,		/* text, never read as a number or a formula */
	KP_CELL_NUMBER,		/* a whole number */
	KP_CELL_PERCENT,	/* hundredths of a percent (8333 is 83.33%) */
	KP_CELL_DATE,		/* a day */
	KP_CELL_EMPTY,
	KP_CELL_DECIMAL		/* a number written in text ("44.9") */
};

struct kp_cell {
	enum kp_cell_kind kind;
	const char *text;
	uint64_t n;
	struct kp_date date;
};

struct kp_book;

/* The name of the sheet of instructions kiemphieu writes in its
 * workbooks: the reader never takes it for the table (xlsx.c). */
#define KP_BOOK_INSTRUCTIONS "Hướng dẫn"

struct kp_book *kp_book_new(void);
void kp_book_free(struct kp_book *b);

/* A new sheet, the rows added next its own (names: at most 31 characters,
 * no []:*?/\ ). */
void kp_book_sheet(struct kp_book *b, const char *name);

/* The header row: bold, frozen. */
void kp_book_head(struct kp_book *b, const char *const *cells, size_t n);

/* A row of cells. */
void kp_book_row(struct kp_book *b, const struct kp_cell *cells, size_t n);

/* A row of texts (an empty text is an empty cell). */
void kp_book_texts(struct kp_book *b, const char *const *cells, size_t n);

/* Column col (from 0) of the current sheet formatted for what is typed
 * in it: KP_CELL_TEXT stays as typed ("001" is not the number 1),
 * KP_CELL_DATE shows a day as dd/mm/yyyy. */
void kp_book_column(struct kp_book *b, size_t col, enum kp_cell_kind kind);

/* The cells of rows first..last (from 0), columns col0..col1, accept only
 * the values of `list` (NULL-ended; or empty), with `message` shown when
 * another is typed. */
void kp_book_validate(struct kp_book *b, size_t first, size_t last, size_t col0,
		      size_t col1, const char *const *list, const char *message);

/* Lines of text, one per row, in column A (the instructions sheet); with
 * kp_book_mono_lines, in a fixed-width font (a text report whose columns
 * are aligned with spaces). */
void kp_book_lines(struct kp_book *b, const char *const *lines, size_t n);
void kp_book_mono_lines(struct kp_book *b, const char *const *lines, size_t n);

/*
 * A table kiemphieu wrote as CSV (kp_csv_put_row without flags, its first
 * row the header) as the current sheet: the header as heading() names each
 * column (NULL: as written), bold and frozen; each cell typed by its shape
 * (a whole number without a leading zero, a decimal, a day YYYY-MM-DD:
 * numbers and days; in a column whose name holds "percent", a number with
 * two decimals is a percentage), but text in the columns of text_columns
 * (NULL-ended: ids and names, which may look like numbers). Rows for which
 * keep (when not NULL) says 0 are left out. 0, or -1 when csv is not CSV.
 */
struct kp_book_table {
	const char *const *text_columns;
	const char *(*heading)(const char *en);
	int (*keep)(const char *const *head, const char *const *row, size_t n);
};

int kp_book_table(struct kp_book *b, const char *csv, size_t len,
		  const struct kp_book_table *t);

/* The workbook's bytes into out: KP_EXIT_OK, or KP_EXIT_IO after an error
 * reported to sink at `name` (where the workbook was to go): the temporary
 * file could not be made or read, or the workbook not written. */
int kp_book_bytes(struct kp_book *b, const char *name, struct kp_buf *out,
		  struct kp_diag_sink *sink);

#endif
