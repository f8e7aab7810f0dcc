#ifndef KP_DOC_H
#define KP_DOC_H

/*
 * A document to print: forms (each a legal document of its own, with its
 * own page numbers), each a column of blocks. The minutes are built once
 * as a document and written as HTML (for a browser) or as PDF (pdf.c,
 * cairo and pango), so that both say the same. Private to the library.
 */

#include <stddef.h>

#include "kiemphieu/buf.h"

enum kp_doc_kind {
	KP_DOC_HEADING,	/* cells: the left column, the right column (lines
			 * separated by '\n'; a line starting with '*' is
			 * bold, with '/' italic) */
	KP_DOC_TITLE,	/* text: centered, bold, large */
	KP_DOC_CENTER,	/* text: centered (a line starting with '/' italic,
			 * with '*' bold) */
	KP_DOC_PARA,	/* text: a paragraph */
	KP_DOC_FIELD,	/* cells: a label and its value, right-aligned */
	KP_DOC_SUBFIELD,	/* the same, indented (a part of the field above) */
	KP_DOC_TABLE,	/* ncols, cells row by row, the first row the head;
			 * align: 'l' or 'r' per column */
	KP_DOC_LIST,	/* cells: numbered items */
	KP_DOC_SIGN,	/* cells: left title, note, names; right title, note,
			 * names (names separated by '\n') */
	KP_DOC_SMALL,	/* text: small print */
	KP_DOC_BARS,	/* cells by threes: a label, a share in hundredths of
			 * a percent ("8500"), the text beside the bar */
	KP_DOC_KEEP	/* from here to the form's end, with the two pieces
			 * before (the last results): on one page */
};

struct kp_doc_block {
	enum kp_doc_kind kind;
	char **cells;
	size_t ncells, ncols;
	char align[16];
};

struct kp_doc_form {
	char *name;		/* what the form is, for its PDF page footer */
	struct kp_doc_block *b;
	size_t n;
};

struct kp_doc {
	char *title;		/* of the whole (the HTML title, PDF metadata) */
	const char *page;	/* the word before "i/n" at a PDF page's foot:
				 * "Trang" (default), or the language's */
	struct kp_doc_form *forms;
	size_t n;
};

void kp_doc_init(struct kp_doc *d, const char *title);
void kp_doc_release(struct kp_doc *d);

/* Begin a new form; the blocks added next are its own. */
void kp_doc_form(struct kp_doc *d, const char *name);

/* Add a block of one text (printf-like) or of cells. */
void kp_doc_text(struct kp_doc *d, enum kp_doc_kind k, const char *fmt, ...)
	KP_PRINTF(3, 4);
void kp_doc_cells(struct kp_doc *d, enum kp_doc_kind k, const char *const *cells,
		  size_t n);
/* A field: label, and a value printf-like. */
void kp_doc_field(struct kp_doc *d, enum kp_doc_kind k, const char *label,
		  const char *fmt, ...) KP_PRINTF(4, 5);
/* A table of ncols columns aligned as `align` ("lrr"); rows are added with
 * kp_doc_row, the first being the head. */
void kp_doc_table(struct kp_doc *d, size_t ncols, const char *align);
void kp_doc_row(struct kp_doc *d, const char *const *cells);
void kp_doc_keep(struct kp_doc *d);

/* The document as one self-contained HTML page (no script, no request;
 * every text escaped), in `lang`, laid out for A4. */
void kp_doc_html(struct kp_buf *b, const struct kp_doc *d, const char *lang);

/*
 * The document as PDF, A4, fonts embedded: each form starts a page, is
 * numbered "Trang i/n" in its own pages, and never leaves a KEEP part
 * across a page break unless it is longer than a page. 0, or -1 when
 * kiemphieu was built without PDF (then *why says so).
 */
int kp_doc_pdf(struct kp_buf *b, const struct kp_doc *d, const char **why);

#endif
