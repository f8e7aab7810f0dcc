/*
 * Documents as PDF (doc.h), drawn with cairo and laid out with pango (both
 * Debian packages, docs/dependencies.md): A4, DejaVu Serif (every
 * Vietnamese letter; the font is embedded), each form on pages of its own
 * numbered "Trang i/n", a KEEP part (the last results and the signatures)
 * moved whole to the next page rather than split, tables split between
 * rows with their head repeated. Two passes: one measures and paginates,
 * the other draws, so that every page knows how many its form has.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#ifdef KP_HAVE_PDF

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "kiemphieu/xalloc.h"

/* A4 in points, and the margins of Vietnamese administrative documents:
 * 3 cm left, 2 cm elsewhere */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define LEFT 85.04
#define RIGHT 56.69
#define TOP 56.69
#define BOTTOM 62.0
#define TEXT_W (PAGE_W - LEFT - RIGHT)
#define FONT "DejaVu Serif"
#define SIZE 10.5
#define GAP 4.0			/* between blocks */
#define CELL_PAD 3.0

enum style { PLAIN, BOLD, ITALIC };

struct ctx {
	cairo_t *cr;
	PangoLayout *l;
};

static void font(struct ctx *x, double size, enum style st)
{
	PangoFontDescription *fd = pango_font_description_new();

	pango_font_description_set_family(fd, FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (st == BOLD)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (st == ITALIC)
		pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
	pango_layout_set_font_description(x->l, fd);
	pango_font_description_free(fd);
}

/* Set the layout to text in width (0: no wrapping), aligned; its height. */
static double set(struct ctx *x, const char *text, double width, PangoAlignment a,
		  int justify, double size, enum style st)
{
	int w, h;

	font(x, size, st);
	pango_layout_set_width(x->l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(x->l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(x->l, a);
	pango_layout_set_justify(x->l, justify);
	pango_layout_set_text(x->l, text, -1);
	pango_layout_get_size(x->l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double text_width(struct ctx *x, const char *text, double size, enum style st)
{
	int w, h;

	set(x, text, 0, PANGO_ALIGN_LEFT, 0, size, st);
	pango_layout_get_size(x->l, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* Draw what the layout holds at (px, py), when drawing. */
static void show(struct ctx *x, int draw, double px, double py)
{
	if (!draw)
		return;
	cairo_move_to(x->cr, px, py);
	pango_cairo_show_layout(x->cr, x->l);
}

/* A '*' or '/' line of a heading column: its style and text. */
static const char *line_style(const char *s, enum style *st)
{
	*st = *s == '*' ? BOLD : *s == '/' ? ITALIC : PLAIN;
	return *st == PLAIN ? s : s + 1;
}

static double column_lines(struct ctx *x, int draw, const char *s, double px,
			   double py, double width)
{
	double y = py;

	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		char *line = kp_xstrndup(s, n);
		enum style st;
		const char *t = line_style(line, &st);

		double h = set(x, t, width, PANGO_ALIGN_CENTER, 0, SIZE, st);

		show(x, draw, px, y);
		y += h;
		free(line);
		s += n;
		if (*s)
			s++;
	}
	return y - py;
}

/* The widest word of s (a cell wraps between its words). */
static double widest_word(struct ctx *x, const char *s, double size, enum style st)
{
	double best = 0;

	while (*s) {
		const char *e = strchr(s, ' ');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		char *w = kp_xstrndup(s, n);
		double t = text_width(x, w, size, st);

		free(w);
		if (t > best)
			best = t;
		s += n;
		while (*s == ' ')
			s++;
	}
	return best;
}

/* Widths of a table's columns. Each has a natural width (its widest cell
 * unwrapped; a head may wrap between its words) and a least one (its
 * widest word). Number columns get their natural width; text columns
 * share the rest, in proportion to what they would need beyond their
 * least, or all of it when it is enough. */
static void column_widths(struct ctx *x, const struct kp_doc_block *b, double *w)
{
	double nat[16], least[16], fixed = 0, sum_nat = 0, sum_least = 0, room;
	size_t c, i;

	for (c = 0; c < b->ncols && c < 16; c++) {
		nat[c] = least[c] = widest_word(x, b->cells[c], SIZE, BOLD);
		for (i = c + b->ncols; i < b->ncells; i += b->ncols) {
			double t = text_width(x, b->cells[i], SIZE, PLAIN);
			double u = widest_word(x, b->cells[i], SIZE, PLAIN);

			if (t > nat[c])
				nat[c] = t;
			if (u > least[c])
				least[c] = u;
		}
		/* a head in three lines at most */
		if (nat[c] < text_width(x, b->cells[c], SIZE, BOLD) / 3)
			nat[c] = text_width(x, b->cells[c], SIZE, BOLD) / 3;
		nat[c] += 2 * CELL_PAD;
		least[c] += 2 * CELL_PAD;
		if (b->align[c] == 'r') {
			w[c] = nat[c];
			fixed += w[c];
		} else {
			sum_nat += nat[c];
			sum_least += least[c];
		}
	}
	room = TEXT_W - fixed;
	for (c = 0; c < b->ncols && c < 16; c++) {
		if (b->align[c] == 'r')
			continue;
		if (sum_nat <= room)
			w[c] = nat[c] + (room - sum_nat) * nat[c] / sum_nat;
		else if (sum_least < room && sum_nat > sum_least)
			w[c] = least[c] + (room - sum_least) * (nat[c] - least[c]) /
					  (sum_nat - sum_least);
		else
			w[c] = room * least[c] / (sum_least ? sum_least : 1);
	}
}

/* One row of a table at py: its height (drawn when draw). */
static double table_row(struct ctx *x, int draw, const struct kp_doc_block *b,
			size_t row, const double *w, double py)
{
	double h = 0, px = LEFT;
	size_t c;
	int head = row == 0;

	for (c = 0; c < b->ncols; c++) {
		double t = set(x, b->cells[row * b->ncols + c], w[c] - 2 * CELL_PAD,
			       b->align[c] == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
			       0, SIZE, head ? BOLD : PLAIN);

		if (t > h)
			h = t;
	}
	h += 2 * CELL_PAD;
	if (!draw)
		return h;
	for (c = 0; c < b->ncols; c++) {
		set(x, b->cells[row * b->ncols + c], w[c] - 2 * CELL_PAD,
		    head ? PANGO_ALIGN_CENTER :
		    b->align[c] == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, 0, SIZE,
		    head ? BOLD : PLAIN);
		show(x, draw, px + CELL_PAD, py + CELL_PAD);
		cairo_rectangle(x->cr, px, py, w[c], h);
		cairo_set_line_width(x->cr, 0.6);
		cairo_stroke(x->cr);
		px += w[c];
	}
	return h;
}

/* A piece that is laid out as one: a block, or one row or item of it. */
struct piece {
	const struct kp_doc_block *b;
	size_t part;		/* row (tables: 1..) or item (lists) */
	int head_again;		/* a table row that opens a page: repeat its head */
	double h;
	int page;		/* of its form, from 0 */
};

/* Lay out or draw a piece at py; its height. */
static double piece(struct ctx *x, int draw, const struct piece *p, double py)
{
	const struct kp_doc_block *b = p->b;
	double h = 0, w[16];
	size_t i;

	switch (b->kind) {
	case KP_DOC_HEADING: {
		double half = TEXT_W / 2 - 6, h1, h2;

		h1 = column_lines(x, draw, b->cells[0], LEFT, py, half);
		h2 = column_lines(x, draw, b->cells[1], LEFT + TEXT_W / 2 + 6, py, half);
		return (h1 > h2 ? h1 : h2) + 2 * GAP;
	}
	case KP_DOC_TITLE:
		h = set(x, b->cells[0], TEXT_W, PANGO_ALIGN_CENTER, 0, SIZE + 3, BOLD);
		show(x, draw, LEFT, py + GAP);
		return h + 2 * GAP;
	case KP_DOC_CENTER: {
		enum style st;
		const char *t = line_style(b->cells[0], &st);

		h = set(x, t, TEXT_W, PANGO_ALIGN_CENTER, 0, SIZE, st == BOLD ? BOLD :
			st == ITALIC ? ITALIC : PLAIN);
		show(x, draw, LEFT, py);
		return h + 1;
	}
	case KP_DOC_PARA:
		h = set(x, b->cells[0], TEXT_W, PANGO_ALIGN_LEFT, 1, SIZE, PLAIN);
		show(x, draw, LEFT, py + GAP / 2);
		return h + GAP;
	case KP_DOC_SMALL:
		h = set(x, b->cells[0], TEXT_W, PANGO_ALIGN_LEFT, 0, SIZE - 3, PLAIN);
		show(x, draw, LEFT, py + GAP / 2);
		return h + GAP;
	case KP_DOC_FIELD:
	case KP_DOC_SUBFIELD: {
		double in = b->kind == KP_DOC_SUBFIELD ? 20 : 0, h2;

		h = set(x, b->cells[0], TEXT_W * 0.75 - in, PANGO_ALIGN_LEFT, 0, SIZE,
			PLAIN);
		show(x, draw, LEFT + in, py);
		h2 = set(x, b->cells[1], TEXT_W * 0.25, PANGO_ALIGN_RIGHT, 0, SIZE, PLAIN);
		show(x, draw, LEFT + TEXT_W * 0.75, py);
		return (h > h2 ? h : h2) + 1;
	}
	case KP_DOC_TABLE:
		column_widths(x, b, w);
		if (p->head_again) {
			h = table_row(x, draw, b, 0, w, py);
			return h + table_row(x, draw, b, p->part, w, py + h);
		}
		if (p->part == 0) /* the head with the first row */
			return table_row(x, draw, b, 0, w, py);
		return table_row(x, draw, b, p->part, w, py);
	case KP_DOC_LIST: {
		char num[16];

		snprintf(num, sizeof(num), "%zu.", p->part + 1);
		set(x, num, 0, PANGO_ALIGN_LEFT, 0, SIZE, PLAIN);
		show(x, draw, LEFT + 10, py);
		h = set(x, b->cells[p->part], TEXT_W - 34, PANGO_ALIGN_LEFT, 0, SIZE,
			PLAIN);
		show(x, draw, LEFT + 34, py);
		return h + 1;
	}
	case KP_DOC_SIGN: {
		double half = TEXT_W / 2, best = 0;

		for (i = 0; i < 2; i++) {
			static const enum style st[3] = { BOLD, ITALIC, BOLD };
			double y = py + 2 * GAP, px = LEFT + half * (double)i;
			size_t k;

			for (k = 0; k < 3; k++) {
				if (k == 2)
					y += 62; /* room to sign */
				h = set(x, b->cells[3 * i + k], half - 4,
					PANGO_ALIGN_CENTER, 0, SIZE - 0.5, st[k]);
				show(x, draw, px, y);
				y += h;
			}
			if (y - py > best)
				best = y - py;
		}
		return best + GAP;
	}
	case KP_DOC_BARS: {
		/* one row: label, the bar of its share, the text */
		char *const *c = b->cells + 3 * p->part;
		double v = strtod(c[1], NULL) / 10000.0, h2;

		if (v > 1)
			v = 1;
		h = set(x, c[0], TEXT_W * 0.38, PANGO_ALIGN_LEFT, 0, SIZE - 1, PLAIN);
		show(x, draw, LEFT, py);
		h2 = set(x, c[2], TEXT_W * 0.2, PANGO_ALIGN_RIGHT, 0, SIZE - 1, PLAIN);
		show(x, draw, LEFT + TEXT_W * 0.8, py);
		if (draw) {
			cairo_set_source_rgb(x->cr, 0.89, 0.89, 0.89);
			cairo_rectangle(x->cr, LEFT + TEXT_W * 0.39, py + 2, TEXT_W * 0.4, 8);
			cairo_fill(x->cr);
			cairo_set_source_rgb(x->cr, 0.18, 0.49, 0.2);
			cairo_rectangle(x->cr, LEFT + TEXT_W * 0.39, py + 2, TEXT_W * 0.4 * v, 8);
			cairo_fill(x->cr);
			cairo_set_source_rgb(x->cr, 0, 0, 0);
		}
		return (h > h2 ? h : h2) + 2;
	}
	case KP_DOC_KEEP:
		break;
	}
	return 0;
}

/* The pieces of a form, measured, and their pages; the count of pages. */
static int paginate(struct ctx *x, const struct kp_doc_form *f, struct piece **out,
		    size_t *nout)
{
	struct piece *p = NULL;
	size_t n = 0, i, j, keep = (size_t)-1;
	double y = TOP, room = PAGE_H - TOP - BOTTOM, keep_h = 0;
	int page = 0;

	for (i = 0; i < f->n; i++) {
		const struct kp_doc_block *b = &f->b[i];
		size_t parts = b->kind == KP_DOC_TABLE ? b->ncells / b->ncols :
			       b->kind == KP_DOC_LIST ? b->ncells :
			       b->kind == KP_DOC_BARS ? b->ncells / 3 : 1;

		if (b->kind == KP_DOC_KEEP) {
			/* the two pieces before it (the last results) go with
			 * what follows (the signatures) */
			keep = n >= 2 ? n - 2 : 0;
			continue;
		}
		for (j = 0; j < parts; j++) {
			p = kp_xrealloc(p, (n + 1) * sizeof(*p));
			memset(&p[n], 0, sizeof(p[n]));
			p[n].b = b;
			p[n].part = j;
			p[n].h = piece(x, 0, &p[n], 0);
			n++;
		}
	}
	for (i = keep == (size_t)-1 ? n : keep; i < n; i++)
		keep_h += p[i].h;
	for (i = 0; i < n; i++) {
		double h = p[i].h;

		/* the kept part goes whole to a new page when it fits one */
		if (i == keep && y + keep_h > TOP + room && keep_h <= room && y > TOP) {
			page++;
			y = TOP;
		}
		double need = h;

		/* a heading goes with what it heads */
		if (p[i].b->kind == KP_DOC_CENTER && p[i].b->cells[0][0] == '*' &&
		    i + 1 < n)
			need += p[i + 1].h;
		if (y + need > TOP + room && y > TOP) {
			page++;
			y = TOP;
			if (p[i].b->kind == KP_DOC_TABLE && p[i].part > 0) {
				p[i].head_again = 1;
				h = p[i].h = piece(x, 0, &p[i], 0);
			}
		}
		p[i].page = page;
		y += h;
	}
	*out = p;
	*nout = n;
	return page + 1;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data,
			     unsigned int len)
{
	kp_buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

int kp_doc_pdf(struct kp_buf *b, const struct kp_doc *d, const char **why)
{
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, b, PAGE_W,
								 PAGE_H);
	struct ctx x;
	size_t i, k;

	(void)why;
	x.cr = cairo_create(s);
	x.l = pango_cairo_create_layout(x.cr);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "kiemphieu");
	for (i = 0; i < d->n; i++) {
		struct piece *p;
		size_t n;
		int pages = paginate(&x, &d->forms[i], &p, &n), page = 0;
		double y = TOP;

		for (k = 0; k <= n; k++) {
			if (k == n || p[k].page != page) {
				/* the page's foot: its number in the form */
				char foot[64];

				snprintf(foot, sizeof(foot), "%s %d/%d", d->page, page + 1,
					 pages);
				set(&x, foot, TEXT_W, PANGO_ALIGN_CENTER, 0, SIZE - 2, PLAIN);
				show(&x, 1, LEFT, PAGE_H - BOTTOM + 24);
				cairo_show_page(x.cr);
				if (k == n)
					break;
				page = p[k].page;
				y = TOP;
			}
			cairo_set_source_rgb(x.cr, 0, 0, 0);
			y += piece(&x, 1, &p[k], y);
		}
		free(p);
	}
	g_object_unref(x.l);
	cairo_destroy(x.cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	return 0;
}

#else

int kp_doc_pdf(struct kp_buf *b, const struct kp_doc *d, const char **why)
{
	(void)b;
	(void)d;
	*why = "this kiemphieu was built without PDF (cairo and pango)";
	return -1;
}

#endif
