/* The workbook of book.c written as .xlsx with libxlsxwriter: the one
 * place that calls it (in kiemphieu's Excel module, kiemphieu-xlsx.so). */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "book_model.h"

int kp_book_write_xlsx(const struct kp_book *b, const char *path, const char **why)
{
	/* libxlsxwriter's own temporary files go beside the workbook (in the
	 * temporary folder), never where tmpfile() puts them: the root of
	 * drive C:, which Windows does not let a user write */
	char *dir = strdup(path), *sep = dir ? strrchr(dir, '/') : NULL;
	char *bs = dir ? strrchr(dir, '\\') : NULL;
	lxw_workbook_options opts;
	lxw_workbook *wb;
	lxw_format *bold, *text, *pct, *day, *mono;
	size_t i, j, k;
	lxw_error e;

	if (bs && (!sep || bs > sep))
		sep = bs;
	if (sep)
		*sep = '\0';
	memset(&opts, 0, sizeof(opts));
	opts.tmpdir = sep ? dir : NULL;
	wb = workbook_new_opt(path, &opts);
	if (!wb) {
		free(dir);
		*why = "libxlsxwriter cannot make the file";
		return -1;
	}
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_text_wrap(bold);
	format_set_align(bold, LXW_ALIGN_VERTICAL_TOP);
	text = workbook_add_format(wb);
	format_set_num_format(text, "@");
	pct = workbook_add_format(wb);
	format_set_num_format(pct, "0.00%");
	day = workbook_add_format(wb);
	format_set_num_format(day, "dd/mm/yyyy");
	mono = workbook_add_format(wb);
	format_set_font_name(mono, "Courier New");
	for (i = 0; i < b->n; i++) {
		const struct book_sheet *s = &b->s[i];
		lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);

		if (!ws)
			ws = workbook_add_worksheet(wb, NULL);
		worksheet_set_paper(ws, 9);	/* A4 */
		worksheet_set_landscape(ws);
		worksheet_fit_to_pages(ws, 1, 0);
		if (s->head) {
			worksheet_freeze_panes(ws, 1, 0);
			worksheet_repeat_rows(ws, 0, 0);
		}
		for (k = 0; k < BOOK_COLS; k++) {
			lxw_format *f = s->col_kind[k] == KP_CELL_TEXT + 1 ? text :
					s->col_kind[k] == KP_CELL_DATE + 1 ? day : NULL;
			double w = s->lines ? 100 : (double)(s->width[k] ? s->width[k] : 10);

			if (s->width[k] || s->col_kind[k])
				worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, w, f);
		}
		for (j = 0; j < s->n; j++)
			for (k = 0; k < s->nrow[j]; k++) {
				const struct book_cell *c = &s->rows[j][k];
				lxw_row_t r = (lxw_row_t)j;
				lxw_col_t col = (lxw_col_t)k;

				switch (c->kind) {
				case KP_CELL_TEXT:
					worksheet_write_string(ws, r, col, c->text ? c->text : "",
							       c->bold ? bold : s->lines == 2 ? mono :
							       s->col_kind[k] == KP_CELL_TEXT + 1 ?
							       text : NULL);
					break;
				case KP_CELL_DECIMAL:
					worksheet_write_number(ws, r, col,
							       strtod(c->text ? c->text : "0",
								      NULL), NULL);
					break;
				case KP_CELL_NUMBER:
					worksheet_write_number(ws, r, col, (double)c->n, NULL);
					break;
				case KP_CELL_PERCENT:
					worksheet_write_number(ws, r, col,
							       (double)c->n / 10000.0, pct);
					break;
				case KP_CELL_DATE:
					if (c->date.year) {
						lxw_datetime dt = { c->date.year, c->date.month,
								    c->date.day, 0, 0, 0 };

						worksheet_write_datetime(ws, r, col, &dt, day);
					}
					break;
				case KP_CELL_EMPTY:
					break;
				}
			}
		for (j = 0; j < s->nv; j++) {
			lxw_data_validation dv;

			memset(&dv, 0, sizeof(dv));
			dv.validate = LXW_VALIDATION_TYPE_LIST;
			dv.value_list = s->v[j].list;
			dv.ignore_blank = LXW_VALIDATION_ON;
			dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
			dv.error_message = s->v[j].message;
			worksheet_data_validation_range(ws, (lxw_row_t)s->v[j].first,
							(lxw_col_t)s->v[j].col0,
							(lxw_row_t)s->v[j].last,
							(lxw_col_t)s->v[j].col1, &dv);
		}
	}
	e = workbook_close(wb);
	free(dir);
	if (e != LXW_NO_ERROR) {
		*why = lxw_strerror(e);
		return -1;
	}
	return 0;
}

