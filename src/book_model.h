#ifndef KP_BOOK_MODEL_H
#define KP_BOOK_MODEL_H

/*
 * A workbook before it is written (book.c keeps it, book_xlsx.c writes it
 * with libxlsxwriter, in kiemphieu's Excel module). Private to the two.
 */

#include "kiemphieu/book.h"

#define BOOK_COLS 64

/* What a sheet is, before the workbook is made. */
struct book_cell {
	enum kp_cell_kind kind;
	char *text;
	uint64_t n;
	struct kp_date date;
	int bold;
};

struct book_valid {
	size_t first, last, col0, col1;
	char **list;
	char *message;
};

struct book_sheet {
	char *name;
	struct book_cell **rows;
	size_t *nrow;		/* cells of each row */
	size_t n, alloc;
	size_t width[BOOK_COLS];
	int head;		/* the first row is the header */
	unsigned char col_kind[BOOK_COLS];	/* 0, or KP_CELL_TEXT + 1... */
	struct book_valid *v;
	size_t nv;
	int lines;		/* one wide column: 1 prose, 2 fixed-width */
};

struct kp_book {
	struct book_sheet *s;
	size_t n;
};

/* Write the workbook b to the file at path: 0, or -1 with the reason in
 * *why (libxlsxwriter's, or the module's that could not be loaded). In
 * the program, through the module loader (modules.c). */
int kp_book_write_xlsx(const struct kp_book *b, const char *path, const char **why);

#endif
