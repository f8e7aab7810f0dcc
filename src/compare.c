/* Double and triple entry: comparing ballot files ballot by ballot. */
#include "i18n.h"
#include "kiemphieu/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/columns.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "results.h"

struct ballot {
	char *id;
	uint64_t line;
	char **cells;		/* per column of the file, normalized */
	char *void_reason;	/* NFC, "" when none */
};

struct side {
	const char *path;
	size_t ncols;
	char **labels;		/* candidate columns, NFC */
	long id_col, void_col;
	int minutes;		/* a results file: rows by item, one value */
	struct ballot *b;
	size_t n, alloc;
	struct ballot **by_id;	/* sorted by id */
};

/* A mark as it counts: kept, crossed, or the text itself when it is
 * neither (check reports those). */
static char *mark(const char *s, size_t len)
{
	if (!len)
		return kp_xstrdup("");
	if (len == 1 && (s[0] == 'x' || s[0] == 'X'))
		return kp_xstrdup("x");
	return kp_text_nfc(s, len);
}

static int header(void *ctx, const struct kp_csv_record *r,
		  struct kp_diag_sink *sink)
{
	struct side *sd = ctx;
	size_t i, j;
	int dup = 0;

	sd->id_col = sd->void_col = -1;
	sd->labels = kp_xcalloc(r->nfields + 1, sizeof(*sd->labels));
	/* the minutes' results (item,value) or ballots (ballot,...) */
	for (i = 0; i < r->nfields; i++)
		if (kp_column_is(r->fields[i].s, r->fields[i].len, "ballot"))
			break;
	if (i == r->nfields)
		for (i = 0; i < r->nfields; i++)
			if (kp_column_is(r->fields[i].s, r->fields[i].len, "item"))
				sd->minutes = 1;
	for (i = 0; i < r->nfields; i++) {
		const struct kp_csv_field *f = &r->fields[i];

		/* the columns kiemphieu knows by their English names, so that
		 * a sheet headed in Vietnamese compares with one in English */
		if (sd->id_col < 0 &&
		    kp_column_is(f->s, f->len, sd->minutes ? "item" : "ballot")) {
			sd->id_col = (long)i;
			sd->labels[i] = kp_xstrdup(sd->minutes ? "item" : "ballot");
		} else if (sd->minutes && kp_column_is(f->s, f->len, "value")) {
			sd->labels[i] = kp_xstrdup("value");
		} else if (!sd->minutes && sd->void_col < 0 &&
			   kp_column_is(f->s, f->len, "void")) {
			sd->void_col = (long)i;
			sd->labels[i] = kp_xstrdup("void");
		} else {
			sd->labels[i] = kp_text_nfc(f->s, f->len);
		}
		/* a repeated column would be compared once and the other
		 * ignored: "all agree" on a sheet typed wrong */
		for (j = 0; j < i; j++)
			if ((long)j != sd->id_col && (long)j != sd->void_col &&
			    (long)i != sd->id_col && (long)i != sd->void_col &&
			    strcmp(sd->labels[j], sd->labels[i]) == 0) {
				char q[128];

				kp_error(sink, r->file, r->line, kp_csv_col(r, i),
					 "column '%s' appears twice (first as "
					 "column %ld)",
					 kp_diag_quote(q, sizeof(q), f->s, f->len),
					 (long)j + 1);
				dup = 1;
				break;
			}
	}
	sd->ncols = r->nfields;
	if (dup)
		return 1;
	if (sd->id_col < 0)
		return kp_error(sink, r->file, r->line, 1,
				"missing required column 'ballot' (the ballot id)"), 1;
	return 0;
}

static int row(void *ctx, const struct kp_csv_record *r,
	       struct kp_diag_sink *sink)
{
	struct side *sd = ctx;
	struct ballot *b;
	size_t i;

	if (r->nfields != sd->ncols) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, r->nfields < sd->ncols ? r->nfields : sd->ncols),
			 "expected %zu fields as in the header, found %zu",
			 sd->ncols, r->nfields);
		return 0;
	}
	sd->b = kp_xgrow(sd->b, &sd->alloc, sd->n + 1, sizeof(*sd->b));
	b = &sd->b[sd->n++];
	/* ids that look the same are the same, as in tally */
	b->id = sd->minutes ?
		kp_minutes_item_key(r->fields[sd->id_col].s, r->fields[sd->id_col].len) :
		kp_text_fold_id(r->fields[sd->id_col].s, r->fields[sd->id_col].len);
	b->line = r->line;
	b->cells = kp_xcalloc(sd->ncols + 1, sizeof(*b->cells));
	for (i = 0; i < sd->ncols; i++)
		b->cells[i] = (long)i == sd->void_col || (long)i == sd->id_col ?
			kp_text_nfc(r->fields[i].s, r->fields[i].len) :
			mark(r->fields[i].s, r->fields[i].len);
	b->void_reason = sd->void_col >= 0 ? b->cells[sd->void_col] : NULL;
	return 0;
}

static void side_free(struct side *sd)
{
	size_t i, j;

	for (i = 0; i < sd->n; i++) {
		for (j = 0; j < sd->ncols; j++)
			free(sd->b[i].cells[j]);
		free(sd->b[i].cells);
		free(sd->b[i].id);
	}
	for (j = 0; sd->labels && j < sd->ncols; j++)
		free(sd->labels[j]);
	free(sd->labels);
	free(sd->b);
	free(sd->by_id);
	memset(sd, 0, sizeof(*sd));
}

static void reset(void *ctx)
{
	struct side *sd = ctx;
	const char *path = sd->path;

	side_free(sd);
	sd->path = path;
}

static int by_id(const void *a, const void *b)
{
	const struct ballot *x = *(struct ballot *const *)a;
	const struct ballot *y = *(struct ballot *const *)b;
	int c = strcmp(x->id, y->id);

	return c ? c : x->line < y->line ? -1 : x->line > y->line;
}

static struct ballot *find(const struct side *sd, const char *id)
{
	size_t lo = 0, hi = sd->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(sd->by_id[mid]->id, id);

		if (!c)
			return sd->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static long column_of(const struct side *sd, const char *label)
{
	size_t i;

	for (i = 0; i < sd->ncols; i++)
		if ((long)i != sd->id_col && strcmp(sd->labels[i], label) == 0)
			return (long)i;
	return -1;
}

static void quoted(struct kp_buf *out, const char *s)
{
	char q[128];

	kp_buf_addf(out, "'%s'", kp_diag_quote(q, sizeof(q), s, strlen(s)));
}

/* One disagreement line: every side's place, then every side's value. */
static void disagree(struct kp_buf *out, struct side *sd, size_t n,
		     struct ballot **b, const char *what, const char *const *vals)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i]) {
			kp_text_add_safe(out, sd[i].path);
			kp_buf_addf(out, ":%llu: ", (unsigned long long)b[i]->line);
		}
	kp_buf_addf(out, "%s: ", what);
	for (i = 0; i < n; i++) {
		if (i)
			kp_buf_addstr(out, " / ");
		quoted(out, vals[i] ? vals[i] : "");
	}
	kp_buf_addch(out, '\n');
}

int kp_compare(const char *const *paths, size_t n, const struct kp_csv_opts *o,
	       struct kp_buf *out, struct kp_compare_result *res,
	       struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = { header, row, reset, NULL, NULL };
	struct side sd[KP_COMPARE_FILES_MAX];
	struct kp_csv_opts one = *o;
	int status = KP_EXIT_OK;
	size_t i, j, k;
	char q[128];

	memset(sd, 0, sizeof(sd));
	memset(res, 0, sizeof(*res));
	one.threads = 1;
	for (i = 0; i < n; i++) {
		void *ctx = &sd[i];
		int st;

		sd[i].path = paths[i];
		st = kp_csv_read(paths[i], NULL, &one, &h, &ctx, 1, sink);
		if (st == KP_EXIT_IO || status == KP_EXIT_OK)
			status = st;
		if (i && st == KP_EXIT_OK && sd[i].minutes && !sd[0].minutes)
			status = kp_error(sink, paths[i], 1, 1, "results of the minutes "
					  "(item,value), but %s is a ballot file: "
					  "compare like with like", paths[0]);
		else if (i && st == KP_EXIT_OK && !sd[i].minutes && sd[0].minutes)
			status = kp_error(sink, paths[i], 1, 1, "a ballot file, but %s "
					  "holds results of the minutes (item,value): "
					  "compare like with like", paths[0]);
		res->minutes = sd[0].minutes;
		sd[i].by_id = kp_xcalloc(sd[i].n + 1, sizeof(*sd[i].by_id));
		for (j = 0; j < sd[i].n; j++)
			sd[i].by_id[j] = &sd[i].b[j];
		if (sd[i].n > 1)
			qsort(sd[i].by_id, sd[i].n, sizeof(*sd[i].by_id), by_id);
		/* a repeated id cannot be matched */
		for (j = 1; j < sd[i].n; j++) {
			const struct ballot *x = sd[i].by_id[j], *y = sd[i].by_id[j - 1];

			if (strcmp(x->id, y->id) != 0)
				continue;
			kp_diag_quote(q, sizeof(q), x->id, strlen(x->id));
			if (sd[i].minutes)
				status = kp_error(sink, paths[i], x->line, 1,
						  "item '%s' appears twice (first on "
						  "line %llu): rows cannot be matched", q,
						  (unsigned long long)y->line);
			else
				status = kp_error(sink, paths[i], x->line, 1,
						  "duplicate ballot id '%s' (first on "
						  "line %llu): ballots cannot be matched", q,
						  (unsigned long long)y->line);
		}
	}
	if (status != KP_EXIT_OK)
		goto out;
	/* the columns: each must be in every file */
	for (i = 0; i < n; i++)
		for (j = 0; j < sd[i].ncols; j++) {
			if ((long)j == sd[i].id_col)
				continue;
			for (k = 0; k < n; k++)
				if (k != i && column_of(&sd[k], sd[i].labels[j]) < 0) {
					kp_text_add_safe(out, sd[i].path);
					kp_buf_addstr(out, ":1: ");
					kp_buf_addf(out, _("column '%s' is not in %s"),
						    kp_diag_quote(q, sizeof(q), sd[i].labels[j],
								  strlen(sd[i].labels[j])),
						    sd[k].path);
					kp_buf_addch(out, '\n');
					res->disagreements++;
				}
		}
	/* every ballot of each file, in its own order; a ballot is reported
	 * from the first file that has it */
	for (i = 0; i < n; i++)
		for (j = 0; j < sd[i].n; j++) {
			struct ballot *b[KP_COMPARE_FILES_MAX] = { NULL, NULL, NULL };
			const char *id = sd[i].b[j].id;
			int first = 1, missing = 0;
			size_t c;

			for (k = 0; k < n; k++) {
				b[k] = find(&sd[k], id);
				if (k < i && b[k])
					first = 0;
				missing += !b[k];
			}
			if (!first)
				continue;
			res->ballots++;
			if (missing) {
				const char *vals[KP_COMPARE_FILES_MAX];
				char what[256];

				for (k = 0; k < n; k++)
					vals[k] = b[k] ? _("present") : _("missing");
				snprintf(what, sizeof(what),
					 sd[i].minutes ? _("row '%s'") : _("ballot '%s'"),
					 kp_diag_quote(q, sizeof(q), id, strlen(id)));
				disagree(out, sd, n, b, what, vals);
				res->disagreements++;
				continue;
			}
			for (c = 0; c < sd[i].ncols; c++) {
				const char *vals[KP_COMPARE_FILES_MAX];
				int differ = 0;
				char what[300];

				if ((long)c == sd[i].id_col)
					continue;
				for (k = 0; k < n; k++) {
					long col = column_of(&sd[k], sd[i].labels[c]);

					vals[k] = col < 0 ? NULL : b[k]->cells[col];
					if (vals[k] && vals[0] && strcmp(vals[k], vals[0]))
						differ = 1;
				}
				if (!differ)
					continue;
				snprintf(what, sizeof(what),
					 sd[i].minutes ? _("row '%s', column '%s'") :
					 (long)c == sd[i].void_col ? _("ballot '%s', column '%s'")
					 : _("ballot '%s', candidate '%s'"),
					 kp_diag_quote(q, sizeof(q), id, strlen(id)),
					 sd[i].labels[c]);
				disagree(out, sd, n, b, what, vals);
				res->disagreements++;
			}
		}
out:
	for (i = 0; i < n; i++)
		side_free(&sd[i]);
	return status;
}
