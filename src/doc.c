/* Documents to print (doc.h): building them, and writing them as HTML. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/html.h"
#include "kiemphieu/xalloc.h"

void kp_doc_init(struct kp_doc *d, const char *title)
{
	memset(d, 0, sizeof(*d));
	d->title = kp_xstrdup(title);
	d->page = "Trang";
}

void kp_doc_release(struct kp_doc *d)
{
	size_t i, j, k;

	for (i = 0; i < d->n; i++) {
		struct kp_doc_form *f = &d->forms[i];

		for (j = 0; j < f->n; j++) {
			for (k = 0; k < f->b[j].ncells; k++)
				free(f->b[j].cells[k]);
			free(f->b[j].cells);
		}
		free(f->b);
		free(f->name);
	}
	free(d->forms);
	free(d->title);
	memset(d, 0, sizeof(*d));
}

void kp_doc_form(struct kp_doc *d, const char *name)
{
	d->forms = kp_xrealloc(d->forms, (d->n + 1) * sizeof(*d->forms));
	memset(&d->forms[d->n], 0, sizeof(d->forms[d->n]));
	d->forms[d->n].name = kp_xstrdup(name);
	d->n++;
}

static struct kp_doc_block *add(struct kp_doc *d, enum kp_doc_kind k)
{
	struct kp_doc_form *f;
	struct kp_doc_block *b;

	if (!d->n)
		kp_doc_form(d, "");
	f = &d->forms[d->n - 1];
	f->b = kp_xrealloc(f->b, (f->n + 1) * sizeof(*f->b));
	b = &f->b[f->n++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

static void push(struct kp_doc_block *b, char *cell)
{
	b->cells = kp_xrealloc(b->cells, (b->ncells + 1) * sizeof(*b->cells));
	b->cells[b->ncells++] = cell;
}

static char *vformat(const char *fmt, va_list ap)
{
	struct kp_buf t = KP_BUF_INIT;

	kp_buf_vaddf(&t, fmt, ap);
	return t.s ? kp_buf_detach(&t) : kp_xstrdup("");
}

void kp_doc_text(struct kp_doc *d, enum kp_doc_kind k, const char *fmt, ...)
{
	struct kp_doc_block *b = add(d, k);
	va_list ap;

	va_start(ap, fmt);
	push(b, vformat(fmt, ap));
	va_end(ap);
}

void kp_doc_cells(struct kp_doc *d, enum kp_doc_kind k, const char *const *cells,
		  size_t n)
{
	struct kp_doc_block *b = add(d, k);
	size_t i;

	for (i = 0; i < n; i++)
		push(b, kp_xstrdup(cells[i]));
}

void kp_doc_field(struct kp_doc *d, enum kp_doc_kind k, const char *label,
		  const char *fmt, ...)
{
	struct kp_doc_block *b = add(d, k);
	va_list ap;

	push(b, kp_xstrdup(label));
	va_start(ap, fmt);
	push(b, vformat(fmt, ap));
	va_end(ap);
}

void kp_doc_table(struct kp_doc *d, size_t ncols, const char *align)
{
	struct kp_doc_block *b = add(d, KP_DOC_TABLE);

	b->ncols = ncols;
	snprintf(b->align, sizeof(b->align), "%s", align);
}

void kp_doc_row(struct kp_doc *d, const char *const *cells)
{
	struct kp_doc_form *f = &d->forms[d->n - 1];
	struct kp_doc_block *b = &f->b[f->n - 1];
	size_t i;

	for (i = 0; i < b->ncols; i++)
		push(b, kp_xstrdup(cells[i]));
}

void kp_doc_keep(struct kp_doc *d)
{
	add(d, KP_DOC_KEEP);
}

/* --- HTML --- */

static const char style[] =
	"<style>\n"
	"body{font-family:'Times New Roman','DejaVu Serif',serif;font-size:13pt;"
	"max-width:17cm;margin:1cm auto;color:#000;line-height:1.35}\n"
	".head{display:flex;justify-content:space-between;text-align:center}\n"
	".head div{width:48%}\n"
	".head p{margin:0;text-align:center}\n"
	"h1{font-size:15pt;text-align:center;margin:1em 0 .2em}\n"
	"p.c{text-align:center;margin:.1em 0}\n"
	"p{text-align:justify;margin:.4em 0}\n"
	"table{border-collapse:collapse;width:100%;margin:.5em 0}\n"
	"th,td{border:1px solid #000;padding:2px 6px}\n"
	"td.r,th.r{text-align:right}\n"
	".f{display:flex;justify-content:space-between;margin:0}\n"
	".f.sub{padding-left:2em}\n"
	"ol{margin:.3em 0}\n"
	".sign{display:flex;justify-content:space-between;margin-top:1.5em;"
	"text-align:center}\n"
	".sign div{width:48%;min-height:3.5cm}\n"
	".sign .n{margin-top:2.2cm;font-weight:bold}\n"
	".small{font-size:9pt;word-break:break-all;text-align:left}\n"
	".bars td{border:0}.bars td.bar{width:45%}"
	".bars td.bar div{background:#2e7d32;height:.8em}\n"
	"section{page-break-after:always;break-after:page}\n"
	".keep{break-inside:avoid;page-break-inside:avoid}\n"
	"@page{size:A4;margin:2cm 2cm 2cm 3cm;"
	"@bottom-center{content:'Trang ' counter(page) '/' counter(pages);"
	"font-size:10pt}}\n"
	"@media print{body{margin:0;max-width:none}"
	"tr,.f,.sign{page-break-inside:avoid}thead{display:table-header-group}}\n"
	"</style>\n";

static void esc(struct kp_buf *b, const char *s)
{
	kp_html_escape(b, s);
}

/* Lines of a heading column: '*' bold, '/' italic. */
static void lines(struct kp_buf *b, const char *s)
{
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		char *line = kp_xstrndup(s, n);
		const char *t = line;
		const char *tag = "";

		if (*t == '*')
			tag = "b", t++;
		else if (*t == '/')
			tag = "i", t++;
		kp_buf_addstr(b, "<p>");
		if (*tag)
			kp_buf_addf(b, "<%s>", tag);
		esc(b, t);
		if (*tag)
			kp_buf_addf(b, "</%s>", tag);
		kp_buf_addstr(b, "</p>");
		free(line);
		s += n;
		if (*s)
			s++;
	}
}

static void names(struct kp_buf *b, const char *s)
{
	const char *e;

	while ((e = strchr(s, '\n'))) {
		char *one = kp_xstrndup(s, (size_t)(e - s));

		esc(b, one);
		kp_buf_addstr(b, "<br>");
		free(one);
		s = e + 1;
	}
	esc(b, s);
}

static void block_html(struct kp_buf *b, const struct kp_doc_block *x)
{
	size_t i, j;

	switch (x->kind) {
	case KP_DOC_HEADING:
		kp_buf_addstr(b, "<div class=head><div>");
		lines(b, x->cells[0]);
		kp_buf_addstr(b, "</div><div>");
		lines(b, x->cells[1]);
		kp_buf_addstr(b, "</div></div>\n");
		break;
	case KP_DOC_TITLE:
		kp_buf_addstr(b, "<h1>");
		esc(b, x->cells[0]);
		kp_buf_addstr(b, "</h1>\n");
		break;
	case KP_DOC_CENTER:
		kp_buf_addstr(b, "<p class=c>");
		if (x->cells[0][0] == '/' || x->cells[0][0] == '*') {
			const char *tag = x->cells[0][0] == '/' ? "i" : "b";

			kp_buf_addf(b, "<%s>", tag);
			esc(b, x->cells[0] + 1);
			kp_buf_addf(b, "</%s>", tag);
		} else {
			esc(b, x->cells[0]);
		}
		kp_buf_addstr(b, "</p>\n");
		break;
	case KP_DOC_PARA:
		kp_buf_addstr(b, "<p>");
		esc(b, x->cells[0]);
		kp_buf_addstr(b, "</p>\n");
		break;
	case KP_DOC_SMALL:
		kp_buf_addstr(b, "<p class=small>");
		esc(b, x->cells[0]);
		kp_buf_addstr(b, "</p>\n");
		break;
	case KP_DOC_FIELD:
	case KP_DOC_SUBFIELD:
		kp_buf_addf(b, "<p class=\"f%s\"><span>", x->kind == KP_DOC_SUBFIELD ?
			    " sub" : "");
		esc(b, x->cells[0]);
		kp_buf_addstr(b, "</span><span>");
		esc(b, x->cells[1]);
		kp_buf_addstr(b, "</span></p>\n");
		break;
	case KP_DOC_TABLE:
		kp_buf_addstr(b, "<table><thead><tr>");
		for (i = 0; i < x->ncells; i++) {
			int r = x->align[i % x->ncols] == 'r';

			if (i && i % x->ncols == 0)
				kp_buf_addstr(b, i == x->ncols ? "</tr></thead>\n<tbody>\n<tr>" :
					      "</tr>\n<tr>");
			kp_buf_addstr(b, i < x->ncols ? (r ? "<th class=r>" : "<th>") :
				      (r ? "<td class=r>" : "<td>"));
			esc(b, x->cells[i]);
			kp_buf_addstr(b, i < x->ncols ? "</th>" : "</td>");
		}
		kp_buf_addstr(b, x->ncells > x->ncols ? "</tr>\n</tbody></table>\n" :
			      "</tr></thead></table>\n");
		break;
	case KP_DOC_LIST:
		kp_buf_addstr(b, "<ol>\n");
		for (i = 0; i < x->ncells; i++) {
			kp_buf_addstr(b, "<li>");
			esc(b, x->cells[i]);
			kp_buf_addstr(b, "</li>\n");
		}
		kp_buf_addstr(b, "</ol>\n");
		break;
	case KP_DOC_SIGN:
		kp_buf_addstr(b, "<div class=sign>");
		for (j = 0; j < 2; j++) {
			kp_buf_addstr(b, "<div><b>");
			esc(b, x->cells[3 * j]);
			kp_buf_addstr(b, "</b><br><i>");
			esc(b, x->cells[3 * j + 1]);
			kp_buf_addstr(b, "</i><p class=n>");
			names(b, x->cells[3 * j + 2]);
			kp_buf_addstr(b, "</p></div>");
		}
		kp_buf_addstr(b, "</div>\n");
		break;
	case KP_DOC_BARS:
		kp_buf_addstr(b, "<table class=bars>\n");
		for (i = 0; i + 2 < x->ncells; i += 3) {
			unsigned long v = strtoul(x->cells[i + 1], NULL, 10);

			kp_buf_addstr(b, "<tr><td>");
			esc(b, x->cells[i]);
			kp_buf_addf(b, "</td><td class=bar><div style=\"width:%lu.%02lu%%\">"
				       "</div></td><td class=r>", (v > 10000 ? 10000 : v) / 100,
				    (v > 10000 ? 10000 : v) % 100);
			esc(b, x->cells[i + 2]);
			kp_buf_addstr(b, "</td></tr>\n");
		}
		kp_buf_addstr(b, "</table>\n");
		break;
	case KP_DOC_KEEP:
		break;
	}
}

void kp_doc_html(struct kp_buf *b, const struct kp_doc *d, const char *lang)
{
	size_t i, j;

	kp_buf_addf(b, "<!DOCTYPE html>\n<html lang=%s>\n<head>\n<meta charset=utf-8>\n"
		       "<title>", lang);
	esc(b, d->title);
	kp_buf_addstr(b, "</title>\n");
	kp_buf_addstr(b, style);
	kp_buf_addstr(b, "</head>\n<body>\n");
	for (i = 0; i < d->n; i++) {
		const struct kp_doc_form *f = &d->forms[i];
		int keep = 0;

		kp_buf_addstr(b, "<section>\n");
		for (j = 0; j < f->n; j++) {
			if (f->b[j].kind == KP_DOC_KEEP && !keep) {
				/* the last results and the signatures together */
				kp_buf_addstr(b, "<div class=keep>\n");
				keep = 1;
			}
			block_html(b, &f->b[j]);
		}
		if (keep)
			kp_buf_addstr(b, "</div>\n");
		kp_buf_addstr(b, "</section>\n");
	}
	kp_buf_addstr(b, "</body>\n</html>\n");
}
