/* Excel workbooks written (book.h): the sheets kept here; the .xlsx made
 * from them by book_xlsx.c, on libxlsxwriter. */
#include "kiemphieu/book.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "book_model.h"
#include "os.h"

#define WIDTH_MAX 60

struct kp_book *kp_book_new(void)
{
	return kp_xcalloc(1, sizeof(struct kp_book));
}

void kp_book_free(struct kp_book *b)
{
	size_t i, j, k;

	if (!b)
		return;
	for (i = 0; i < b->n; i++) {
		struct book_sheet *s = &b->s[i];

		for (j = 0; j < s->n; j++) {
			for (k = 0; k < s->nrow[j]; k++)
				free(s->rows[j][k].text);
			free(s->rows[j]);
		}
		free(s->rows);
		free(s->nrow);
		for (j = 0; j < s->nv; j++) {
			for (k = 0; s->v[j].list[k]; k++)
				free(s->v[j].list[k]);
			free(s->v[j].list);
			free(s->v[j].message);
		}
		free(s->v);
		free(s->name);
	}
	free(b->s);
	free(b);
}

void kp_book_sheet(struct kp_book *b, const char *name)
{
	b->s = kp_xrealloc(b->s, (b->n + 1) * sizeof(*b->s));
	memset(&b->s[b->n], 0, sizeof(b->s[b->n]));
	b->s[b->n].name = kp_xstrdup(name);
	b->n++;
}

static struct book_sheet *cur(struct kp_book *b)
{
	if (!b->n)
		kp_book_sheet(b, "Sheet1");
	return &b->s[b->n - 1];
}

static void add_row(struct kp_book *b, const struct kp_cell *c, size_t n, int bold)
{
	struct book_sheet *s = cur(b);
	struct book_cell *row;
	size_t i;

	if (n > BOOK_COLS)
		n = BOOK_COLS;
	s->rows = kp_xgrow(s->rows, &s->alloc, s->n + 1, sizeof(*s->rows));
	s->nrow = kp_xrealloc(s->nrow, s->alloc * sizeof(*s->nrow));
	row = kp_xcalloc(n + 1, sizeof(*row));
	for (i = 0; i < n; i++) {
		size_t w = 10;

		row[i].kind = c[i].kind;
		row[i].text = c[i].text ? kp_xstrdup(c[i].text) : NULL;
		row[i].n = c[i].n;
		row[i].date = c[i].date;
		row[i].bold = bold;
		if (c[i].kind == KP_CELL_TEXT && c[i].text)
			w = kp_text_width(c[i].text) + 2;
		if (w > WIDTH_MAX)
			w = WIDTH_MAX;
		if (w > s->width[i])
			s->width[i] = w;
	}
	s->rows[s->n] = row;
	s->nrow[s->n] = n;
	s->n++;
}

void kp_book_head(struct kp_book *b, const char *const *cells, size_t n)
{
	struct kp_cell c[BOOK_COLS];
	size_t i;

	for (i = 0; i < n && i < BOOK_COLS; i++) {
		c[i].kind = KP_CELL_TEXT;
		c[i].text = cells[i];
	}
	cur(b)->head = cur(b)->n == 0;
	add_row(b, c, n, 1);
}

void kp_book_row(struct kp_book *b, const struct kp_cell *cells, size_t n)
{
	add_row(b, cells, n, 0);
}

void kp_book_texts(struct kp_book *b, const char *const *cells, size_t n)
{
	struct kp_cell c[BOOK_COLS];
	size_t i;

	for (i = 0; i < n && i < BOOK_COLS; i++) {
		c[i].kind = cells[i] && cells[i][0] ? KP_CELL_TEXT : KP_CELL_EMPTY;
		c[i].text = cells[i];
	}
	add_row(b, c, n, 0);
}

void kp_book_column(struct kp_book *b, size_t col, enum kp_cell_kind kind)
{
	if (col < BOOK_COLS)
		cur(b)->col_kind[col] = (unsigned char)(kind + 1);
}

void kp_book_validate(struct kp_book *b, size_t first, size_t last, size_t col0,
		      size_t col1, const char *const *list, const char *message)
{
	struct book_sheet *s = cur(b);
	struct book_valid *v;
	size_t i, n = 0;

	while (list[n])
		n++;
	s->v = kp_xrealloc(s->v, (s->nv + 1) * sizeof(*s->v));
	v = &s->v[s->nv++];
	v->first = first;
	v->last = last;
	v->col0 = col0;
	v->col1 = col1;
	v->list = kp_xcalloc(n + 1, sizeof(*v->list));
	for (i = 0; i < n; i++)
		v->list[i] = kp_xstrdup(list[i]);
	v->message = kp_xstrdup(message);
}

static void add_lines(struct kp_book *b, const char *const *lines, size_t n, int kind)
{
	size_t i;

	cur(b)->lines = kind;
	for (i = 0; i < n; i++)
		kp_book_texts(b, &lines[i], 1);
}

void kp_book_lines(struct kp_book *b, const char *const *lines, size_t n)
{
	add_lines(b, lines, n, 1);
}

void kp_book_mono_lines(struct kp_book *b, const char *const *lines, size_t n)
{
	add_lines(b, lines, n, 2);
}

/* --- a table kiemphieu wrote as CSV --- */

struct table {
	struct kp_book *b;
	const struct kp_book_table *t;
	char **head;
	size_t nhead, rows;
	unsigned char *text, *percent;	/* by column */
};

static int whole(const char *s)
{
	size_t i;

	if (!s[0] || (s[0] == '0' && s[1]) || strlen(s) > 15)
		return 0;
	for (i = 0; s[i]; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "83.33" to 8333; -1 when s is not a number with two decimals. */
static long long hundredths(const char *s)
{
	size_t i, n = strlen(s);
	long long v = 0;

	if (n < 4 || n > 15 || s[n - 3] != '.')
		return -1;
	for (i = 0; i < n; i++) {
		if (i == n - 3)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int decimal(const char *s)
{
	char *end;

	if (!s[0] || strlen(s) > 20 || !strchr(s, '.'))
		return 0;
	(void)strtod(s, &end);
	return *end == '\0' && ((s[0] >= '0' && s[0] <= '9') || s[0] == '-');
}

static void table_row(void *ctx, const char *const *f, size_t n)
{
	struct table *tb = ctx;
	struct kp_cell c[BOOK_COLS];
	size_t i, j;

	if (!tb->head) {
		const char *names[BOOK_COLS];

		tb->head = kp_xcalloc(n + 1, sizeof(*tb->head));
		tb->text = kp_xcalloc(n + 1, 1);
		tb->percent = kp_xcalloc(n + 1, 1);
		tb->nhead = n;
		for (i = 0; i < n; i++) {
			tb->head[i] = kp_xstrdup(f[i]);
			for (j = 0; tb->t->text_columns && tb->t->text_columns[j]; j++)
				if (strcmp(f[i], tb->t->text_columns[j]) == 0)
					tb->text[i] = 1;
			tb->percent[i] = strstr(f[i], "percent") != NULL;
			if (i < BOOK_COLS)
				names[i] = tb->t->heading ? tb->t->heading(f[i]) : f[i];
			if (tb->text[i])
				kp_book_column(tb->b, i, KP_CELL_TEXT);
		}
		kp_book_head(tb->b, names, n < BOOK_COLS ? n : BOOK_COLS);
		return;
	}
	if (tb->t->keep && !tb->t->keep((const char *const *)tb->head, f, n))
		return;
	for (i = 0; i < n && i < BOOK_COLS; i++) {
		long long h;

		memset(&c[i], 0, sizeof(c[i]));
		c[i].text = f[i];
		if (!f[i][0])
			c[i].kind = KP_CELL_EMPTY;
		else if (i < tb->nhead && tb->text[i])
			c[i].kind = KP_CELL_TEXT;
		else if (whole(f[i]))
			c[i].kind = KP_CELL_NUMBER, c[i].n = strtoull(f[i], NULL, 10);
		else if (i < tb->nhead && tb->percent[i] && (h = hundredths(f[i])) >= 0)
			c[i].kind = KP_CELL_PERCENT, c[i].n = (uint64_t)h;
		else if (decimal(f[i]))
			c[i].kind = KP_CELL_DECIMAL;
		else if (strlen(f[i]) == 10 && kp_date_parse(f[i], 10, &c[i].date) == 0)
			c[i].kind = KP_CELL_DATE;
		else
			c[i].kind = KP_CELL_TEXT;
	}
	kp_book_row(tb->b, c, i);
	tb->rows++;
}

int kp_book_table(struct kp_book *b, const char *csv, size_t len,
		  const struct kp_book_table *t)
{
	struct table tb;
	size_t i;
	int rc;

	memset(&tb, 0, sizeof(tb));
	tb.b = b;
	tb.t = t;
	rc = kp_csv_parse_text(csv ? csv : "", len, table_row, &tb);
	for (i = 0; i < tb.nhead; i++)
		free(tb.head[i]);
	free(tb.head);
	free(tb.text);
	free(tb.percent);
	return rc;
}

int kp_book_bytes(struct kp_book *b, const char *name, struct kp_buf *out,
		  struct kp_diag_sink *sink)
{
	const char *why = "";
	char *t = kp_os_temp_dir();
	char *hint = kp_path_join(t, "kiemphieu.xlsx"), *tmp = NULL;
	struct kp_os_stamp st;
	int fd = kp_os_create_temp(hint, &tmp), status = KP_EXIT_OK;
	ssize_t n;
	uint64_t off = 0;
	char buf[1 << 16];

	free(t);
	if (fd < 0) {
		status = kp_error_errno(sink, hint, 0, 0, errno, "cannot make a "
					"temporary file for the workbook");
		free(hint);
		return status;
	}
	kp_os_close(fd);
	if (kp_book_write_xlsx(b, tmp, &why) != 0) {
		kp_error(sink, name, 0, 0, "the workbook could not be written (%s)", why);
		kp_remove_file(tmp, sink);
		free(tmp);
		free(hint);
		return KP_EXIT_IO;
	}
	fd = kp_os_open_input(tmp, &st);
	if (fd < 0) {
		status = kp_error_errno(sink, tmp, 0, 0, errno, "cannot read the workbook "
					"back");
	} else {
		while ((n = kp_os_pread(fd, buf, sizeof(buf), off)) > 0) {
			kp_buf_add(out, buf, (size_t)n);
			off += (uint64_t)n;
		}
		kp_os_close(fd);
	}
	kp_remove_file(tmp, sink);
	free(tmp);
	free(hint);
	return status;
}
