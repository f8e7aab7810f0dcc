#include "os.h"
#include "kiemphieu/diag.h"
#include "kiemphieu/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diagcodes.h"
#include "i18n.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"

void kp_diag_sink_init(struct kp_diag_sink *s, kp_diag_fn *emit, void *ctx)
{
	s->emit = emit;
	s->ctx = ctx;
	s->errors = 0;
	s->warnings = 0;
}

void kp_diag_report(struct kp_diag_sink *s, const struct kp_diag *d)
{
	if (d->severity == KP_SEV_ERROR)
		s->errors++;
	else
		s->warnings++;
	if (s->emit)
		s->emit(s->ctx, d);
}

/* errnum's description in English, whatever the locale */
static const char *errno_en(int errnum, char *buf, size_t n)
{
	const char *t = kp_os_strerror(errnum);

	if (t)
		return t;
	snprintf(buf, n, "error %d", errnum);
	return buf;
}

KP_PRINTF(7, 0)
static void vreport(struct kp_diag_sink *s, enum kp_severity sev,
		    const char *file, uint64_t line, uint64_t col, int errnum,
		    const char *fmt, va_list ap)
{
	struct kp_diag d;
	va_list again;

	snprintf(d.file, sizeof(d.file), "%s", file ? file : "");
	d.line = line;
	d.col = col & ((1ull << KP_DIAG_FIELD_SHIFT) - 1);
	d.severity = sev;
	d.code = kp_diag_code_of(fmt);
	/* every message is translated here, once: the callers write them
	 * in English and `make pot` finds them by the function's name; the
	 * English stays beside it for JSON, which never changes language.
	 * (_(fmt) inline, not in a variable: the compiler then checks the
	 * translation as the format fmt is.) */
	/* where in the table: the cell of a workbook, the column of CSV */
	d.letters[0] = '\0';
	d.workbook = 0;
	if (line && d.col) {
		uint64_t field = col >> KP_DIAG_FIELD_SHIFT;
		size_t n = strlen(d.file);

		if (n >= 5 && kp_text_eq_ascii_ci(d.file + n - 5, 5, ".xlsx")) {
			kp_diag_column_letters(d.letters, d.col);
			d.workbook = 1;
		} else if (field) {
			kp_diag_column_letters(d.letters, field);
		}
	}
	va_copy(again, ap);
	vsnprintf(d.msg, sizeof(d.msg), _(fmt), ap);
	vsnprintf(d.msg_en, sizeof(d.msg_en), fmt, again);
	va_end(again);
	if (errnum >= 0) {
		char buf[32];
		size_t n = strlen(d.msg), m = strlen(d.msg_en);

		/* the system's words: the C library's translation for people,
		 * English for JSON */
		snprintf(d.msg + n, sizeof(d.msg) - n, ": %s", strerror(errnum));
		snprintf(d.msg_en + m, sizeof(d.msg_en) - m, ": %s",
			 errno_en(errnum, buf, sizeof(buf)));
	}
	kp_diag_report(s, &d);
}

const char *kp_diag_where(const struct kp_diag *d, int translated, char out[48])
{
	out[0] = '\0';
	if (d->letters[0] && d->workbook)
		snprintf(out, 48, translated ? _("cell %s%llu: ") : "cell %s%llu: ",
			 d->letters, (unsigned long long)d->line);
	else if (d->letters[0])
		snprintf(out, 48, translated ? _("column %s: ") : "column %s: ",
			 d->letters);
	return out;
}

char *kp_diag_column_letters(char out[8], uint64_t col)
{
	char t[8];
	size_t n = 0, i;

	while (col && n < 7) {
		col--;
		t[n++] = (char)('A' + col % 26);
		col /= 26;
	}
	for (i = 0; i < n; i++)
		out[i] = t[n - 1 - i];
	out[n] = '\0';
	return out;
}

int kp_error(struct kp_diag_sink *s, const char *file, uint64_t line,
	     uint64_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(s, KP_SEV_ERROR, file, line, col, -1, fmt, ap);
	va_end(ap);
	return KP_EXIT_DATA;
}

int kp_error_errno(struct kp_diag_sink *s, const char *file, uint64_t line,
		   uint64_t col, int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(s, KP_SEV_ERROR, file, line, col, errnum, fmt, ap);
	va_end(ap);
	return KP_EXIT_IO;
}

int kp_diag(struct kp_diag_sink *s, enum kp_severity sev, const char *file,
	    uint64_t line, uint64_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(s, sev, file, line, col, -1, fmt, ap);
	va_end(ap);
	return sev == KP_SEV_ERROR ? KP_EXIT_DATA : KP_EXIT_OK;
}

void kp_warning(struct kp_diag_sink *s, const char *file, uint64_t line,
		uint64_t col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(s, KP_SEV_WARNING, file, line, col, -1, fmt, ap);
	va_end(ap);
}

char *kp_diag_quote(char *out, size_t outsz, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, o = 0, chars = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (chars >= 48 || o + 8 >= outsz) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		if (c < 0x20 || c == 0x7f) {
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		} else {
			out[o++] = (char)c;
		}
		i++;
		/* count characters, not bytes: continuation bytes don't start one */
		while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80 &&
		       o + 5 < outsz)
			out[o++] = s[i++];
		chars++;
	}
	out[o] = '\0';
	return out;
}

static void list_emit(void *ctx, const struct kp_diag *d)
{
	struct kp_diag_list *l = ctx;

	if (l->n >= l->keep) {
		if (d->severity == KP_SEV_ERROR)
			l->dropped_errors++;
		else
			l->dropped_warnings++;
		return;
	}
	l->items = kp_xgrow(l->items, &l->alloc, l->n + 1, sizeof(*l->items));
	l->items[l->n++] = *d;
}

void kp_diag_list_init(struct kp_diag_list *l, size_t keep)
{
	memset(l, 0, sizeof(*l));
	l->keep = keep;
	kp_diag_sink_init(&l->sink, list_emit, l);
}

void kp_diag_list_release(struct kp_diag_list *l)
{
	if (!l)
		return;
	free(l->items);
	l->items = NULL;
	l->n = l->alloc = 0;
}

void kp_diag_list_clear(struct kp_diag_list *l)
{
	l->n = 0;
	l->dropped_errors = l->dropped_warnings = 0;
	l->sink.errors = l->sink.warnings = 0;
}

struct ordered {
	const struct kp_diag *d;
	size_t seq;
};

static int cmp_ordered(const void *a, const void *b)
{
	const struct ordered *x = a, *y = b;

	if (x->d->line != y->d->line)
		return x->d->line < y->d->line ? -1 : 1;
	if (x->d->col != y->d->col)
		return x->d->col < y->d->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void kp_diag_list_flush(struct kp_diag_list *lists, size_t n,
			struct kp_diag_sink *out)
{
	struct ordered *all;
	size_t total = 0, k = 0, i, j;

	for (i = 0; i < n; i++) {
		total += lists[i].n;
		for (j = 0; j < lists[i].n; j++)
			if (lists[i].items[j].line)
				lists[i].items[j].line += lists[i].line_base;
	}
	all = kp_xcalloc(total, sizeof(*all));
	for (i = 0; i < n; i++)
		for (j = 0; j < lists[i].n; j++) {
			all[k].d = &lists[i].items[j];
			all[k].seq = k;
			k++;
		}
	if (total > 1)
		qsort(all, total, sizeof(*all), cmp_ordered);
	for (k = 0; k < total; k++)
		kp_diag_report(out, all[k].d);
	for (i = 0; i < n; i++) {
		out->errors += lists[i].dropped_errors;
		out->warnings += lists[i].dropped_warnings;
		kp_diag_list_clear(&lists[i]);
	}
	free(all);
}
