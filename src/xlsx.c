/*
 * Excel workbooks (.xlsx) read as tables: the one module that touches zip
 * and spreadsheet XML (libzip, expat). Its rows reach the same handlers as
 * the CSV reader's records (csv.h), each cell at its row and column, so
 * that nothing above knows which format a file was (docs/formats.md, "How
 * every file is read").
 *
 * The first worksheet is read: shared and inline strings, numbers (as
 * Excel keeps them: a ballot id typed as a number is the text of that
 * number), booleans (yes / no) and dates (a number whose cell format is a
 * date is the day, YYYY-MM-DD). The sheet is parsed as it is inflated,
 * never whole in memory; every entry's size is checked against its limit
 * as it grows (a zip bomb stops there) and a document type declaration is
 * refused (no entity is ever expanded).
 */
#include "xlsx.h"

#include <errno.h>
#include <expat.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "kiemphieu/book.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/sha256.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

const struct kp_xlsx_limits kp_xlsx_limits = {
	1ull << 30,	/* bytes of a workbook: 1 GiB */
	8ull << 30,	/* bytes of its sheet, inflated */
	1ull << 30,	/* of its other parts, inflated */
	4ull << 20	/* rows read side by side in chunks of 4 MiB */
};
#define CELL_MAX 65536u			/* bytes of a cell's text */
#define COLS_MAX 4096u			/* cells in a row */

/* --- reading a zip entry through expat --- */

struct xml {
	XML_Parser p;
	void *ud;		/* the handlers' own data (UD) */
	const char *entry;
	int refused;		/* a DOCTYPE: stop */
};

static void XMLCALL no_doctype(void *data, const XML_Char *name, const XML_Char *sys,
			       const XML_Char *pub, int internal)
{
	struct xml *x = XML_GetUserData((XML_Parser)data);

	(void)name;
	(void)sys;
	(void)pub;
	(void)internal;
	x->refused = 1;
	XML_StopParser((XML_Parser)data, XML_FALSE);
}

/* Inflate the next bytes of entry `name` into buf[0..n): their count, 0 at
 * its end, or -1 after an error reported: the entry is damaged, or holds
 * more than `most` bytes (its declared size, or the limit: a zip bomb is
 * stopped as it grows). *total counts the bytes so far. */
static zip_int64_t inflate_some(zip_file_t *f, char *buf, size_t n, uint64_t *total,
				uint64_t most, const char *file, const char *name,
				struct kp_diag_sink *sink)
{
	zip_int64_t got = zip_fread(f, buf, n);

	if (got < 0) {
		kp_error(sink, file, 0, 0, "%s cannot be inflated (%s): the workbook is "
			 "damaged", name, zip_file_strerror(f));
		return -1;
	}
	*total += (uint64_t)got;
	if (*total > most) {
		kp_error(sink, file, 0, 0, "%s inflates past its size: refused (a zip "
			 "bomb?)", name);
		return -1;
	}
	return got;
}

/* Parse entry `name` of the archive with the handlers set on x->p (user
 * data `ud`); KP_EXIT_OK, or an error reported. Missing and `optional`:
 * KP_EXIT_OK and *missing. */
static int parse_entry(zip_t *z, const char *file, const char *name, uint64_t max,
		       struct xml *x, int optional, int *missing,
		       struct kp_diag_sink *sink)
{
	zip_stat_t st;
	zip_file_t *f;
	char buf[1 << 16];
	zip_int64_t n;
	uint64_t total = 0;
	int status = KP_EXIT_OK;

	if (missing)
		*missing = 0;
	if (zip_stat(z, name, 0, &st) != 0) {
		if (optional) {
			if (missing)
				*missing = 1;
			return KP_EXIT_OK;
		}
		return kp_error(sink, file, 0, 0, "not an Excel workbook: it has no "
				"%s (save it from Excel as .xlsx, Excel Workbook)", name);
	}
	if ((st.valid & ZIP_STAT_SIZE) && st.size > max)
		return kp_error(sink, file, 0, 0, "%s would inflate to %llu bytes, more "
				"than the %llu kiemphieu reads: refused", name,
				(unsigned long long)st.size, (unsigned long long)max);
	f = zip_fopen(z, name, 0);
	if (!f)
		return kp_error(sink, file, 0, 0, "%s cannot be read from the workbook "
				"(%s): is it damaged, or protected by a password?", name,
				zip_strerror(z));
	x->entry = name;
	/* what it says it holds, and the limit, whatever it says */
	if ((st.valid & ZIP_STAT_SIZE) && st.size < max)
		max = st.size;
	while ((n = inflate_some(f, buf, sizeof(buf), &total, max, file, name, sink)) > 0) {
		if (XML_Parse(x->p, buf, (int)n, 0) == XML_STATUS_ERROR) {
			if (!x->refused && XML_GetErrorCode(x->p) != XML_ERROR_ABORTED)
				status = kp_error(sink, file, 0, 0, "%s is not well-formed "
						  "XML (line %lu): %s", name,
						  (unsigned long)XML_GetCurrentLineNumber(x->p),
						  XML_ErrorString(XML_GetErrorCode(x->p)));
			break;
		}
	}
	if (n < 0)
		status = KP_EXIT_DATA;
	if (status == KP_EXIT_OK && n == 0 && XML_Parse(x->p, buf, 0, 1) == XML_STATUS_ERROR &&
	    !x->refused && XML_GetErrorCode(x->p) != XML_ERROR_ABORTED)
		status = kp_error(sink, file, 0, 0, "%s is not well-formed XML: %s", name,
				  XML_ErrorString(XML_GetErrorCode(x->p)));
	if (x->refused)
		status = kp_error(sink, file, 0, 0, "%s declares a document type: "
				  "refused (no entity is expanded)", name);
	zip_fclose(f);
	return status;
}

static void xml_begin(struct xml *x, void *ud, XML_StartElementHandler start,
		      XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	memset(x, 0, sizeof(*x));
	x->p = XML_ParserCreate("UTF-8");
	if (!x->p)
		kp_xdie_oom(0);
	x->ud = ud;
	XML_SetUserData(x->p, x);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, text);
	XML_SetStartDoctypeDeclHandler(x->p, no_doctype);
	XML_UseParserAsHandlerArg(x->p);
}

/* The handlers' data, for a handler called with the parser as its
 * argument (the parser's user data is the struct xml, for no_doctype). */
#define UD(arg) (((struct xml *)XML_GetUserData((XML_Parser)(arg)))->ud)

/* The local name of an element or attribute (after a namespace prefix). */
static const char *local(const XML_Char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

static const char *attr(const XML_Char **a, const char *name)
{
	size_t i;

	for (i = 0; a[i]; i += 2)
		if (strcmp(local(a[i]), name) == 0)
			return a[i + 1];
	return NULL;
}

/* --- the workbook: its first sheet, its date system --- */

struct book {
	char *rid;		/* the first sheet's relationship */
	char *target;		/* its path in the archive */
	int date1904;
	int in_sheets;
};

static void XMLCALL book_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct book *b = UD(arg);
	const char *n = local(name);

	if (strcmp(n, "workbookPr") == 0) {
		const char *v = attr(a, "date1904");

		b->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0 && !b->rid) {
		/* the first sheet that holds the table: not a hidden one, nor
		 * the instructions kiemphieu writes beside it (a clerk may
		 * have moved them first) */
		const char *v = attr(a, "id"), *state = attr(a, "state");
		const char *nm = attr(a, "name");

		if (v && !(state && strcmp(state, "visible") != 0) &&
		    !(nm && strcmp(nm, KP_BOOK_INSTRUCTIONS) == 0))
			b->rid = kp_xstrdup(v);
	}
}

static void XMLCALL rels_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct book *b = UD(arg);
	const char *id, *t;

	if (strcmp(local(name), "Relationship") != 0 || b->target || !b->rid)
		return;
	id = attr(a, "Id");
	t = attr(a, "Target");
	if (id && t && strcmp(id, b->rid) == 0) {
		/* relative to xl/, or absolute from the archive's root */
		struct kp_buf p = KP_BUF_INIT;

		if (t[0] == '/')
			kp_buf_addstr(&p, t + 1);
		else
			kp_buf_addf(&p, "xl/%s", t);
		b->target = kp_buf_detach(&p);
	}
}

/* --- shared strings --- */

struct strings {
	const char **s;		/* into pool, once it is read whole */
	size_t *len;
	struct span { size_t off, len; } *at;
	size_t n, alloc;
	struct kp_buf pool;	/* every string, each ended by a NUL */
	struct kp_buf cur;
	int in_si, in_t, in_rph;	/* rPh: phonetic runs, not text */
	int too_long;
};

static void XMLCALL sst_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct strings *s = UD(arg);
	const char *n = local(name);

	(void)a;
	if (n[0] == 's' && strcmp(n, "si") == 0) {
		s->in_si = 1;
		kp_buf_reset(&s->cur);
	} else if (n[0] == 't' && !n[1] && s->in_si && !s->in_rph) {
		s->in_t = 1;
	} else if (n[0] == 'r' && strcmp(n, "rPh") == 0) {
		s->in_rph = 1;
	}
}

static void XMLCALL sst_end(void *arg, const XML_Char *name)
{
	struct strings *s = UD(arg);
	const char *n = local(name);

	if (n[0] == 't' && !n[1]) {
		s->in_t = 0;
	} else if (n[0] == 'r' && strcmp(n, "rPh") == 0) {
		s->in_rph = 0;
	} else if (n[0] == 's' && strcmp(n, "si") == 0) {
		s->at = kp_xgrow(s->at, &s->alloc, s->n + 1, sizeof(*s->at));
		s->at[s->n].off = s->pool.len;
		s->at[s->n].len = s->cur.len;
		kp_buf_add(&s->pool, s->cur.s ? s->cur.s : "", s->cur.len);
		kp_buf_add(&s->pool, "", 1);	/* its NUL */
		s->n++;
		s->in_si = 0;
	}
}

static void XMLCALL sst_text(void *arg, const XML_Char *t, int len)
{
	struct strings *s = UD(arg);

	if (!s->in_t)
		return;
	if (s->cur.len + (size_t)len > CELL_MAX) {
		s->too_long = 1;
		return;
	}
	kp_buf_add(&s->cur, t, (size_t)len);
}

/* --- styles: which cell formats are dates --- */

struct styles {
	unsigned char *is_date;	/* by cellXfs index */
	size_t n, alloc;
	int in_xfs;
	struct { unsigned id; int date; } *fmts;	/* custom numFmts */
	size_t nfmts, fmts_alloc;
};

/* A number format code shows a date when it has d, m or y outside quotes
 * and brackets (elapsed-time [h] and colours [Red] are not dates). */
static int date_code(const char *code)
{
	int q = 0, br = 0;
	const char *c;

	for (c = code; *c; c++) {
		if (*c == '"')
			q = !q;
		else if (!q && *c == '[')
			br = 1;
		else if (!q && *c == ']')
			br = 0;
		else if (!q && !br && *c == '\\')
			c += c[1] ? 1 : 0;
		else if (!q && !br && strchr("dmyDMY", *c))
			return 1;
	}
	return 0;
}

static int builtin_date(unsigned id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) ||
	       (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

static void XMLCALL styles_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct styles *s = UD(arg);
	const char *n = local(name);

	if (strcmp(n, "numFmt") == 0) {
		const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");

		if (id && code) {
			s->fmts = kp_xgrow(s->fmts, &s->fmts_alloc, s->nfmts + 1,
					   sizeof(*s->fmts));
			s->fmts[s->nfmts].id = (unsigned)strtoul(id, NULL, 10);
			s->fmts[s->nfmts].date = date_code(code);
			s->nfmts++;
		}
	} else if (strcmp(n, "cellXfs") == 0) {
		s->in_xfs = 1;
	} else if (strcmp(n, "xf") == 0 && s->in_xfs) {
		const char *id = attr(a, "numFmtId");
		unsigned v = id ? (unsigned)strtoul(id, NULL, 10) : 0;
		int date = builtin_date(v);
		size_t i;

		for (i = 0; i < s->nfmts; i++)
			if (s->fmts[i].id == v)
				date = s->fmts[i].date;
		s->is_date = kp_xgrow(s->is_date, &s->alloc, s->n + 1, 1);
		s->is_date[s->n++] = (unsigned char)date;
	}
}

static void XMLCALL styles_end(void *arg, const XML_Char *name)
{
	struct styles *s = UD(arg);

	if (strcmp(local(name), "cellXfs") == 0)
		s->in_xfs = 0;
}

/* --- the sheet, row by row --- */

struct cell {
	uint32_t col;		/* 1 = A */
	const char *text;	/* NUL-terminated: a shared string, or own */
	size_t len;
	char *own;		/* allocated here, or NULL */
};

enum cell_type { T_NUMBER, T_SHARED, T_BOOL, T_TEXT };

struct sheet {
	const char *file;
	const struct strings *sst;
	const struct styles *st;
	int date1904;
	const struct kp_csv_handler *h;
	void *ctx;
	struct kp_diag_sink *sink;
	int header_done, stop;
	/* the row being read */
	uint64_t row, last_row;
	struct cell *cells;
	size_t n, alloc;
	struct kp_csv_field *f;	/* the record handed on, reused */
	uint32_t *cols;
	size_t falloc;
	/* the cell being read */
	uint32_t col;
	enum cell_type type;
	unsigned style;
	int in_v, in_t, in_is;
	struct kp_buf v;
	uint32_t width;		/* the header's: rows are that wide */
	struct kp_buf *collect;	/* a chunk's rows, read side by side */
	int in_data;		/* inside <sheetData> */
	const char *entry;	/* the sheet's part, for a message */
	int row_known;		/* in a chunk: s->row is the sheet's own */
	int last_known;		/* and the previous row's was */
};

/* "C37" to its column, 3; 0 when not a reference. */
static uint32_t ref_col(const char *r)
{
	uint32_t c = 0;

	while (*r >= 'A' && *r <= 'Z' && c < 100000)
		c = c * 26 + (uint32_t)(*r++ - 'A' + 1);
	return c;
}

static uint64_t ref_row(const char *r)
{
	uint64_t n = 0;

	while (*r >= 'A' && *r <= 'Z')
		r++;
	while (*r >= '0' && *r <= '9' && n < (1ull << 40))
		n = n * 10 + (uint64_t)(*r++ - '0');
	return n;
}

/* Excel's day number to the day: day 1 is 1900-01-01, and day 60 the
 * 29 February 1900 that never was (Lotus's mistake, which Excel keeps);
 * in the 1904 system day 0 is 1904-01-01. */
static void serial_date(double v, int date1904, char out[40])
{
	long days = (long)v, z, era, doe, yoe, y, doy, mp, d, m;

	if (date1904)
		days += 1462;
	else if (days == 60) {
		/* what Excel shows; refused as any day that never was */
		snprintf(out, 40, "1900-02-29");
		return;
	}
	if (days >= 61)
		days--;
	/* day 1 is 1900-01-01, 25567 days before 1970-01-01; from there to
	 * a civil date by Howard Hinnant's days-from-civil inverse */
	z = days - 25568 + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	if (m <= 2)
		y++;
	snprintf(out, 40, "%04d-%02d-%02d", (int)(y % 10000), (int)(m % 100),
		 (int)(d % 100));
}

/* A whole number as Excel writes one: digits, no leading zero, at most 15
 * (what %.15g would print unchanged). */
static int plain_integer(const char *v, size_t len)
{
	size_t i = v[0] == '-';

	if (len <= i || len - i > 15 || (v[i] == '0' && len - i > 1))
		return 0;
	for (; i < len; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

static void own_text(struct cell *c, const char *t, size_t len)
{
	c->own = kp_xstrndup(t, len);
	c->text = c->own;
	c->len = len;
}

/* The cell's value as text, as its type and format say, into c. */
static void cell_value(struct sheet *s, struct cell *c)
{
	const char *v = s->v.s ? s->v.s : "";
	size_t len = s->v.len;

	c->own = NULL;
	c->text = "";
	c->len = 0;
	switch (s->type) {
	case T_SHARED: {
		unsigned long i = strtoul(v, NULL, 10);

		if (i < s->sst->n) {
			c->text = s->sst->s[i];
			c->len = s->sst->len[i];
		}
		return;
	}
	case T_BOOL:
		c->text = strcmp(v, "1") == 0 ? "yes" : "no";
		c->len = strlen(c->text);
		return;
	case T_TEXT:
		own_text(c, v, len);
		return;
	case T_NUMBER:
		break;
	}
	/* a number: a day when its format is a date, else the number */
	if (!len)
		return;
	if (plain_integer(v, len) && !(s->style < s->st->n && s->st->is_date[s->style])) {
		own_text(c, v, len);
	} else {
		char *end, out[40];
		double d = strtod(v, &end);

		if (*end)
			own_text(c, v, len);
		else if (s->style < s->st->n && s->st->is_date[s->style] && d >= 1 &&
			 d < 2958466) {
			serial_date(d, s->date1904, out);
			own_text(c, out, strlen(out));
		} else {
			/* as Excel shows it: 1 not 1.0, 0.3 not 0.29999999999999999 */
			snprintf(out, sizeof(out), "%.15g", d);
			own_text(c, out, strlen(out));
		}
	}
}

/* Trim the cell as the CSV reader trims an unquoted field. */
static void trim(struct cell *c)
{
	size_t lead = 0, len = c->len;

	while (lead < len && (c->text[lead] == ' ' || c->text[lead] == '\t'))
		lead++;
	while (len > lead && (c->text[len - 1] == ' ' || c->text[len - 1] == '\t'))
		len--;
	if (lead == 0 && len == c->len)
		return;
	if (c->own) {
		memmove(c->own, c->own + lead, len - lead);
		c->own[len - lead] = '\0';
	} else {
		c->own = kp_xstrndup(c->text + lead, len - lead);
		c->text = c->own;
	}
	c->len = len - lead;
}

static void drop_cells(struct sheet *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->cells[i].own);
	s->n = 0;
}

/* A row's cells to the handler, as a record as wide as its last cell (and
 * as the header: Excel leaves empty cells out): the header first, then
 * every row; s->stop once the handler says so. */
static void deliver(struct sheet *s, uint64_t row, const struct cell *cells, size_t n)
{
	size_t i, width = 0;
	struct kp_csv_record r;

	for (i = 0; i < n; i++)
		if (cells[i].len && cells[i].col > width)
			width = cells[i].col;
	if (!width || s->stop)
		return;	/* an empty row, as CSV skips ";;;;" */
	if (s->header_done && s->width > width)
		width = s->width;
	if (width > COLS_MAX) {
		kp_error(s->sink, s->file, row, COLS_MAX + 1, "more than %u cells "
			 "in a row", COLS_MAX);
		return;
	}
	if (width + 1 > s->falloc) {
		s->falloc = width + 1;
		free(s->f);
		free(s->cols);
		s->f = kp_xcalloc(s->falloc, sizeof(*s->f));
		s->cols = kp_xcalloc(s->falloc, sizeof(*s->cols));
	}
	for (i = 0; i < width; i++) {
		s->f[i].s = "";
		s->f[i].len = 0;
		s->cols[i] = (uint32_t)i + 1;
	}
	for (i = 0; i < n; i++)
		if (cells[i].col >= 1 && cells[i].col <= width) {
			s->f[cells[i].col - 1].s = cells[i].text;
			s->f[cells[i].col - 1].len = cells[i].len;
		}
	memset(&r, 0, sizeof(r));
	r.file = s->file;
	r.line = row;
	r.nfields = width;
	r.fields = s->f;
	r.cols = s->cols;
	if (!s->header_done) {
		s->header_done = 1;
		s->width = (uint32_t)width;
		if (s->h->header && s->h->header(s->ctx, &r, s->sink))
			s->stop = 1;
	} else if (s->h->row(s->ctx, &r, s->sink)) {
		s->stop = 1;
	}
}

/* The row just read: its cells trimmed, then handed on, or (in a chunk
 * read side by side) kept in s->collect for the handing on in order. */
static void emit(struct sheet *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		trim(&s->cells[i]);
	if (!s->collect) {
		deliver(s, s->row, s->cells, s->n);
	} else {
		/* row (0: the one after the previous row), cells, then each
		 * cell's column, length and text with its NUL */
		uint64_t row = s->row_known ? s->row : 0;
		uint32_t n = (uint32_t)s->n;

		kp_buf_add(s->collect, &row, sizeof(row));
		kp_buf_add(s->collect, &n, sizeof(n));
		for (i = 0; i < s->n; i++) {
			uint32_t len = (uint32_t)s->cells[i].len;

			kp_buf_add(s->collect, &s->cells[i].col, sizeof(s->cells[i].col));
			kp_buf_add(s->collect, &len, sizeof(len));
			kp_buf_add(s->collect, s->cells[i].text, len + 1);
		}
	}
	drop_cells(s);
}

/* The element names the sheet's handlers look for, by their local name:
 * one test of the first letter, then the rest. */
static int is(const char *n, const char *want)
{
	return n[0] == want[0] && strcmp(n + 1, want + 1) == 0;
}

static void XMLCALL sheet_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct sheet *s = UD(arg);
	const char *n = local(name), *v;

	if (is(n, "c")) {
		const char *r = NULL, *t = NULL, *st = NULL;
		size_t i;

		/* the attributes in one pass: r (where), t (type), s (style) */
		for (i = 0; a[i]; i += 2) {
			const char *k = a[i][1] ? local(a[i]) : a[i];

			if (k[0] && !k[1]) {
				if (k[0] == 'r')
					r = a[i + 1];
				else if (k[0] == 't')
					t = a[i + 1];
				else if (k[0] == 's')
					st = a[i + 1];
			}
		}
		s->col = r ? ref_col(r) : (s->n ? s->cells[s->n - 1].col + 1 : 1);
		if (r && ref_row(r)) {
			s->row = ref_row(r);
			s->row_known = 1;
		}
		s->type = !t ? T_NUMBER : strcmp(t, "s") == 0 ? T_SHARED :
			  strcmp(t, "b") == 0 ? T_BOOL : strcmp(t, "n") == 0 ? T_NUMBER :
			  T_TEXT;	/* inlineStr, str (a formula's), e (#N/A) */
		s->style = st ? (unsigned)strtoul(st, NULL, 10) : 0;
		kp_buf_reset(&s->v);
	} else if (is(n, "v")) {
		s->in_v = 1;
	} else if (is(n, "row")) {
		/* cells outside a row (a damaged sheet) are dropped */
		drop_cells(s);
		v = attr(a, "r");
		s->row_known = v || s->last_known;
		s->row = v ? ref_row(v) : s->last_row + 1;
	} else if (is(n, "is")) {
		s->in_is = 1;
	} else if (is(n, "t") && s->in_is) {
		s->in_t = 1;
	} else if (is(n, "sheetData")) {
		s->in_data = 1;
	}
}

static int among_rows(const char *file, const char *entry, struct kp_diag_sink *sink);

/* A comment, CDATA or processing instruction among the rows: refused,
 * as the rows read side by side refuse it (they cannot read past one). */
static void among_rows_seen(void *arg)
{
	struct sheet *s = UD(arg);

	if (s->in_data && !s->stop) {
		among_rows(s->file, s->entry, s->sink);
		s->stop = 1;
		XML_StopParser((XML_Parser)arg, XML_FALSE);
	}
}

static void XMLCALL sheet_comment(void *arg, const XML_Char *data)
{
	(void)data;
	among_rows_seen(arg);
}

static void XMLCALL sheet_pi(void *arg, const XML_Char *target, const XML_Char *data)
{
	(void)target;
	(void)data;
	among_rows_seen(arg);
}

static void XMLCALL sheet_cdata(void *arg)
{
	among_rows_seen(arg);
}

static void XMLCALL sheet_end(void *arg, const XML_Char *name)
{
	struct sheet *s = UD(arg);
	const char *n = local(name);

	if (is(n, "v")) {
		s->in_v = 0;
	} else if (is(n, "c")) {
		if (s->v.len > CELL_MAX) {
			kp_error(s->sink, s->file, s->row, s->col, "more than %u bytes "
				 "in a cell", CELL_MAX);
		} else if (s->n < COLS_MAX + 1) {
			s->cells = kp_xgrow(s->cells, &s->alloc, s->n + 1,
					    sizeof(*s->cells));
			s->cells[s->n].col = s->col;
			cell_value(s, &s->cells[s->n]);
			s->n++;
		}
	} else if (is(n, "row")) {
		emit(s);
		s->last_row = s->row;
		s->last_known = s->row_known;
		if (s->stop)
			XML_StopParser((XML_Parser)arg, XML_FALSE);
	} else if (is(n, "t")) {
		s->in_t = 0;
	} else if (is(n, "is")) {
		s->in_is = 0;
	} else if (is(n, "sheetData")) {
		s->in_data = 0;
	}
}

static void XMLCALL sheet_text(void *arg, const XML_Char *t, int len)
{
	struct sheet *s = UD(arg);

	if ((s->in_v || s->in_t) && s->v.len <= CELL_MAX)
		kp_buf_add(&s->v, t, (size_t)len);
}

/* --- a large sheet, its rows read side by side --- */

/*
 * The sheet is inflated here, in one thread, and its rows cut into chunks
 * of about lim->chunk bytes (4 MiB) at row tags; each chunk is parsed by a worker with
 * its own expat parser (the rows wrapped in one element), the rows it
 * reads kept as bytes, and handed to the handler here, in order. What is
 * outside the rows (the sheet's start and end) is parsed as one document
 * of its own, so that the whole is well-formed when every part is. A
 * comment, CDATA section or processing instruction among the rows (which
 * no spreadsheet writes) could hide a row tag: the chunks are then given
 * up and the sheet read again from its start, in one parser.
 */
#define CHUNKS_AHEAD 6

struct chunk {
	struct kp_buf xml, out;
	struct kp_diag_list diags;
	int parsed, bad;
	enum XML_Error err;	/* when bad */
};

struct rows {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct chunk ring[CHUNKS_AHEAD];
	size_t head, tail, next;	/* consumed, filled, taken by a worker */
	int quit;
	const struct sheet *proto;
};

static void parse_chunk(const struct rows *p, struct chunk *c)
{
	struct sheet s;
	struct xml x;

	memset(&s, 0, sizeof(s));
	s.file = p->proto->file;
	s.sst = p->proto->sst;
	s.st = p->proto->st;
	s.date1904 = p->proto->date1904;
	s.sink = &c->diags.sink;
	s.collect = &c->out;
	xml_begin(&x, &s, sheet_start, sheet_end, sheet_text);
	if (XML_Parse(x.p, "<kp-rows>", 9, 0) == XML_STATUS_ERROR ||
	    XML_Parse(x.p, c->xml.s, (int)c->xml.len, 0) == XML_STATUS_ERROR ||
	    XML_Parse(x.p, "</kp-rows>", 10, 1) == XML_STATUS_ERROR) {
		c->bad = 1;
		c->err = XML_GetErrorCode(x.p);
	}
	XML_ParserFree(x.p);
	drop_cells(&s);
	free(s.cells);
	kp_buf_release(&s.v);
}

static void *rows_worker(void *arg)
{
	struct rows *p = arg;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct chunk *c;

		while (!p->quit && p->next == p->tail)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->quit)
			break;
		c = &p->ring[p->next++ % CHUNKS_AHEAD];
		pthread_mutex_unlock(&p->mu);
		parse_chunk(p, c);
		pthread_mutex_lock(&p->mu);
		c->parsed = 1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Hand the oldest chunk's rows to the handler; 0, or -1 when it was not
 * well-formed (said). */
static int rows_consume(struct rows *p, struct sheet *s, const char *entry)
{
	struct chunk *c = &p->ring[p->head % CHUNKS_AHEAD];
	const char *b, *end;
	struct cell *cells = NULL;
	size_t alloc = 0;
	int bad;

	pthread_mutex_lock(&p->mu);
	while (!c->parsed)
		pthread_cond_wait(&p->cv, &p->mu);
	pthread_mutex_unlock(&p->mu);
	bad = c->bad;
	kp_diag_list_flush(&c->diags, 1, s->sink);
	if (bad)
		kp_error(s->sink, s->file, 0, 0, "%s is not well-formed XML: %s", entry,
			 XML_ErrorString(c->err));
	for (b = c->out.s, end = b ? b + c->out.len : b; !bad && b && b < end;) {
		uint64_t row;
		uint32_t n, i;

		memcpy(&row, b, sizeof(row));
		memcpy(&n, b + sizeof(row), sizeof(n));
		b += sizeof(row) + sizeof(n);
		cells = kp_xgrow(cells, &alloc, (size_t)n + 1, sizeof(*cells));
		for (i = 0; i < n; i++) {
			uint32_t len;

			memcpy(&cells[i].col, b, sizeof(cells[i].col));
			memcpy(&len, b + 4, sizeof(len));
			cells[i].text = b + 8;
			cells[i].len = len;
			cells[i].own = NULL;
			b += 8 + len + 1;
		}
		s->row = row ? row : s->last_row + 1;
		deliver(s, s->row, cells, n);
		s->last_row = s->row;
		if (s->stop)
			break;
	}
	free(cells);
	kp_buf_reset(&c->xml);
	kp_buf_reset(&c->out);
	c->parsed = c->bad = 0;
	p->head++;
	return bad ? -1 : 0;
}

/* Queue the rows xml[0..len) (whole rows) for the workers, handing on
 * finished chunks while the ring is full. */
static int rows_queue(struct rows *p, struct sheet *s, const char *entry,
		      const char *xml, size_t len)
{
	struct chunk *c;

	while (p->tail - p->head == CHUNKS_AHEAD) {
		if (rows_consume(p, s, entry) != 0)
			return -1;
		if (s->stop)
			return 0;
	}
	c = &p->ring[p->tail % CHUNKS_AHEAD];
	kp_buf_add(&c->xml, xml, len);
	pthread_mutex_lock(&p->mu);
	p->tail++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return 0;
}

/* The first n-byte needle in hay[0..len), or NULL (memmem, which not
 * every C library has). */
static const char *find_bytes(const char *hay, size_t len, const char *needle, size_t n)
{
	const char *p = hay, *end = hay + len;

	while (n && (size_t)(end - p) >= n && (p = memchr(p, needle[0], (size_t)(end - p) - n + 1))) {
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* The start of the first row tag `<PREFIXrow` at or after from in
 * b[0..len) that is followed by a space, '>' or '/'; len when none. */
static size_t find_tag(const char *b, size_t len, size_t from, const char *tag)
{
	size_t tl = strlen(tag);
	const char *q;

	while (from + tl < len && (q = find_bytes(b + from, len - from, tag, tl))) {
		size_t at = (size_t)(q - b);
		char next = at + tl < len ? b[at + tl] : '\0';

		if (next == ' ' || next == '>' || next == '/' || next == '\t' ||
		    next == '\r' || next == '\n')
			return at;
		from = at + 1;
	}
	return len;
}

/* A comment, CDATA section or processing instruction: among the rows
 * (where '<' starts nothing else, text and attributes escape it) this
 * finds every one. */
static int exotic(const char *b, size_t len)
{
	static const char marks[] = "!?";
	size_t i;

	/* '!' and '?' are rare in a sheet: find them, then look behind */
	for (i = 0; b && i < 2; i++) {
		const char *q = b, *end = b + len;

		while ((q = memchr(q, marks[i], (size_t)(end - q))) != NULL) {
			if (q > b && q[-1] == '<')
				return 1;
			q++;
		}
	}
	return 0;
}

enum { SIDE_OK, SIDE_NOT_USED, SIDE_FAILED };

static int skel_error(struct xml *skel, const char *file, const char *entry,
		      struct kp_diag_sink *sink)
{
	if (skel->refused)
		kp_error(sink, file, 0, 0, "%s declares a document type: refused (no "
			 "entity is expanded)", entry);
	else
		kp_error(sink, file, 0, 0, "%s is not well-formed XML: %s", entry,
			 XML_ErrorString(XML_GetErrorCode(skel->p)));
	return SIDE_FAILED;
}

static int among_rows(const char *file, const char *entry, struct kp_diag_sink *sink)
{
	kp_error(sink, file, 0, 0, "%s has a comment or processing instruction among "
		 "its rows, which no spreadsheet writes: save the workbook again from "
		 "Excel", entry);
	return SIDE_FAILED;
}

/*
 * Read the sheet `entry` side by side with `threads` workers into s (its
 * handler fields set). SIDE_NOT_USED when its start is not the plain
 * <?xml ...?> and elements up to <sheetData> that every spreadsheet
 * writes: nothing was handed on, and the caller reads it in one parser.
 * Else SIDE_OK, or SIDE_FAILED after an error reported.
 */
static int read_side_by_side(zip_t *z, const char *file, const char *entry,
			     uint64_t max, unsigned threads, size_t chunk,
			     struct sheet *s, struct kp_diag_sink *sink)
{
	struct rows p;
	pthread_t tid[8];
	unsigned nt = 0, i;
	zip_file_t *f = zip_fopen(z, entry, 0);
	struct kp_buf pend = KP_BUF_INIT;
	char buf[1 << 16], row_tag[64], end_tag[64];
	struct xml skel;
	uint64_t total = 0;
	zip_int64_t got = 1;
	int status = SIDE_OK;
	size_t searched = 0;	/* pend[0..searched) holds no end tag */
	enum { START, ROWS, END } at = START;

	if (!f)
		return SIDE_NOT_USED;
	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	p.proto = s;
	for (i = 0; i < CHUNKS_AHEAD; i++)
		kp_diag_list_init(&p.ring[i].diags, 1000);
	/* what is outside the rows: one document, checked as it comes */
	xml_begin(&skel, NULL, NULL, NULL, NULL);
	while (status == SIDE_OK && !s->stop) {
		size_t need = at == START ? 1u << 16 : 2 * chunk;

		if (got > 0 && (at == END || pend.len < need)) {
			got = inflate_some(f, buf, sizeof(buf), &total, max, file, entry, sink);
			if (got < 0) {
				status = SIDE_FAILED;
			} else if (at == END) {
				if (XML_Parse(skel.p, buf, (int)got, got == 0) == XML_STATUS_ERROR)
					status = skel_error(&skel, file, entry, sink);
				if (got == 0)
					break;
			} else if (got > 0) {
				kp_buf_add(&pend, buf, (size_t)got);
			}
			continue;
		}
		if (at == START) {
			/* the sheet's start, up to and with <sheetData ...> */
			const char *q = pend.s ? find_bytes(pend.s, pend.len, "sheetData", 9) : NULL;
			size_t t, k, gt, decl = 0;

			if (!q || q == pend.s || (q[-1] != '<' && q[-1] != ':')) {
				status = SIDE_NOT_USED;
				break;
			}
			t = (size_t)(q - pend.s);
			for (k = t; k > 0 && pend.s[k - 1] != '<'; k--)
				;
			for (gt = t; gt < pend.len && pend.s[gt] != '>'; gt++)
				;
			if (pend.len >= 5 && memcmp(pend.s, "<?xml", 5) == 0)
				decl = 2;
			/* <sheetData/>, a prefix that is no name, a comment or
			 * anything but the declaration before: one parser */
			if (gt == pend.len || pend.s[gt - 1] == '/' || k == 0 || t - k > 16 ||
			    memchr(pend.s + k, '!', t - k) || memchr(pend.s + k, '?', t - k) ||
			    exotic(pend.s + decl, k - 1 - decl)) {
				status = SIDE_NOT_USED;
				break;
			}
			/* <x:sheetData> names its rows <x:row> */
			snprintf(row_tag, sizeof(row_tag), "<%.*srow", (int)(t - k), pend.s + k);
			snprintf(end_tag, sizeof(end_tag), "</%.*ssheetData", (int)(t - k),
				 pend.s + k);
			for (i = 0; i < threads && i < 8; i++)
				if (pthread_create(&tid[nt], NULL, rows_worker, &p) == 0)
					nt++;
			if (!nt) {
				status = SIDE_NOT_USED;
				break;
			}
			if (XML_Parse(skel.p, pend.s, (int)(gt + 1), 0) == XML_STATUS_ERROR) {
				status = skel_error(&skel, file, entry, sink);
				break;
			}
			memmove(pend.s, pend.s + gt + 1, pend.len - gt - 1);
			pend.len -= gt + 1;
			at = ROWS;
			continue;
		}
		/* the rows: whole ones, cut at a row tag past `chunk` bytes */
		{
			size_t e = find_tag(pend.s, pend.len, searched, end_tag), cut;

			/* what was searched holds no end tag: only what came since */
			searched = pend.len > sizeof(end_tag) ? pend.len - sizeof(end_tag) : 0;

			cut = e < pend.len ? e : got == 0 ? pend.len :
			      find_tag(pend.s, pend.len, chunk, row_tag);
			if (cut == pend.len && e == pend.len && got > 0)
				continue;	/* no row tag yet: read on */
			if (exotic(pend.s, cut)) {
				status = among_rows(file, entry, sink);
				break;
			}
			if (cut && rows_queue(&p, s, entry, pend.s, cut) != 0) {
				status = SIDE_FAILED;
				break;
			}
			memmove(pend.s, pend.s + cut, pend.len - cut);
			pend.len -= cut;
			searched = searched > cut ? searched - cut : 0;
			if (e < pend.len + cut || got == 0) {
				/* the end of the rows: the rest is the skeleton's */
				if (XML_Parse(skel.p, pend.s ? pend.s : "", (int)pend.len,
					      got == 0) == XML_STATUS_ERROR) {
					status = skel_error(&skel, file, entry, sink);
					break;
				}
				pend.len = 0;
				at = END;
				if (got == 0)
					break;
			}
		}
	}
	/* the chunks still queued, in order */
	while (p.head < p.tail && status == SIDE_OK && !s->stop)
		if (rows_consume(&p, s, entry) != 0)
			status = SIDE_FAILED;
	pthread_mutex_lock(&p.mu);
	p.quit = 1;
	pthread_cond_broadcast(&p.cv);
	pthread_mutex_unlock(&p.mu);
	for (i = 0; i < nt; i++)
		pthread_join(tid[i], NULL);
	for (i = 0; i < CHUNKS_AHEAD; i++) {
		kp_buf_release(&p.ring[i].xml);
		kp_buf_release(&p.ring[i].out);
		kp_diag_list_release(&p.ring[i].diags);
	}
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	XML_ParserFree(skel.p);
	kp_buf_release(&pend);
	zip_fclose(f);
	return status;
}

/* --- the whole --- */

int kp_xlsx_read(const char *path, const char *name, const struct kp_csv_handler *h,
		 void *ctx, struct kp_diag_sink *sink, char sha256[65], unsigned threads)
{
	return kp_xlsx_read_within(path, name, h, ctx, sink, sha256, &kp_xlsx_limits,
				   threads);
}

int kp_xlsx_read_within(const char *path, const char *name,
			const struct kp_csv_handler *h, void *ctx,
			struct kp_diag_sink *sink, char sha256[65],
			const struct kp_xlsx_limits *lim, unsigned threads)
{
	struct kp_os_stamp stamp;
	const char *file = name ? name : path;
	struct book b;
	struct strings sst;
	struct styles st;
	struct sheet sh;
	struct xml x;
	zip_source_t *src;
	zip_error_t zerr;
	zip_t *z = NULL;
	char *data = NULL;
	uint64_t size = 0, errors = sink->errors;
	ssize_t got;
	int fd, status = KP_EXIT_OK, missing;
	size_t i;

	if (sha256)
		sha256[0] = '\0';
	memset(&b, 0, sizeof(b));
	memset(&sst, 0, sizeof(sst));
	memset(&st, 0, sizeof(st));
	memset(&sh, 0, sizeof(sh));
	fd = kp_os_open_input(path, &stamp);
	if (fd == -2 || fd == -3)
		return kp_error(sink, file, 0, 0, "not a regular file (a folder, a "
				"pipe or a device): refused"), KP_EXIT_IO;
	if (fd < 0)
		return kp_error_errno(sink, file, 0, 0, errno, "cannot open");
	if (stamp.size > lim->file) {
		kp_os_close(fd);
		return kp_error(sink, file, 0, 0, "a workbook over %llu MiB: refused",
				(unsigned long long)(lim->file >> 20));
	}
	/* the very bytes read are the bytes hashed and unzipped */
	data = kp_xmalloc((size_t)stamp.size + 1);
	while (size < stamp.size &&
	       (got = kp_os_pread(fd, data + size, (size_t)(stamp.size - size), size)) > 0)
		size += (uint64_t)got;
	kp_os_close(fd);
	if (size != stamp.size) {
		free(data);
		return kp_error_errno(sink, file, 0, 0, errno ? errno : EIO, "cannot read");
	}
	if (sha256) {
		struct kp_sha256 *hs = kp_sha256_new();

		kp_sha256_update(hs, data, (size_t)size);
		kp_sha256_final(hs, sha256);
		kp_sha256_free(hs);
	}
	if (size < 4 || memcmp(data, "PK\003\004", 4) != 0) {
		if (size >= 8 && memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
			status = kp_error(sink, file, 0, 0, "an Excel 97-2003 workbook "
					  "(.xls) or a workbook protected by a password: "
					  "save it from Excel as .xlsx (Excel Workbook) "
					  "without a password");
		else
			status = kp_error(sink, file, 0, 0, "not an Excel workbook "
					  "(.xlsx is a zip file): save it from Excel as "
					  ".xlsx, or as CSV UTF-8 named .csv");
		goto out;
	}
	zip_error_init(&zerr);
	src = zip_source_buffer_create(data, (zip_uint64_t)size, 0, &zerr);
	if (src)
		z = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	if (!z) {
		status = kp_error(sink, file, 0, 0, "a damaged zip file (%s): save it "
				  "again from Excel as .xlsx", zip_error_strerror(&zerr));
		if (src)
			zip_source_free(src);
		zip_error_fini(&zerr);
		goto out;
	}
	zip_error_fini(&zerr);
	/* an OpenDocument spreadsheet (LibreOffice's own .ods) is a zip too */
	if (zip_name_locate(z, "content.xml", 0) >= 0 && zip_name_locate(z, "mimetype", 0) >= 0) {
		status = kp_error(sink, file, 0, 0, "an OpenDocument spreadsheet "
				  "(.ods): save it as .xlsx (Excel 2007-365)");
		goto out;
	}
	xml_begin(&x, &b, book_start, NULL, NULL);
	status = parse_entry(z, file, "xl/workbook.xml", lim->part, &x, 0, NULL, sink);
	XML_ParserFree(x.p);
	if (status != KP_EXIT_OK)
		goto out;
	xml_begin(&x, &b, rels_start, NULL, NULL);
	status = parse_entry(z, file, "xl/_rels/workbook.xml.rels", lim->part, &x, 0,
			     NULL, sink);
	XML_ParserFree(x.p);
	if (status != KP_EXIT_OK)
		goto out;
	if (!b.target) {
		status = kp_error(sink, file, 0, 0, "not an Excel workbook: no "
				  "worksheet is listed");
		goto out;
	}
	xml_begin(&x, &sst, sst_start, sst_end, sst_text);
	status = parse_entry(z, file, "xl/sharedStrings.xml", lim->part, &x, 1, &missing,
			     sink);
	XML_ParserFree(x.p);
	sst.s = kp_xcalloc(sst.n + 1, sizeof(*sst.s));
	sst.len = kp_xcalloc(sst.n + 1, sizeof(*sst.len));
	for (i = 0; i < sst.n; i++) {
		sst.s[i] = sst.pool.s + sst.at[i].off;
		sst.len[i] = sst.at[i].len;
	}
	if (status == KP_EXIT_OK && sst.too_long)
		status = kp_error(sink, file, 0, 0, "a text of more than %u bytes in "
				  "the workbook: refused", CELL_MAX);
	if (status != KP_EXIT_OK)
		goto out;
	xml_begin(&x, &st, styles_start, styles_end, NULL);
	status = parse_entry(z, file, "xl/styles.xml", lim->part, &x, 1, &missing, sink);
	XML_ParserFree(x.p);
	if (status != KP_EXIT_OK)
		goto out;
	sh.file = file;
	sh.sst = &sst;
	sh.st = &st;
	sh.date1904 = b.date1904;
	sh.h = h;
	sh.ctx = ctx;
	sh.sink = sink;
	sh.entry = b.target;
	{
		zip_stat_t zs;
		int side = SIDE_NOT_USED;

		/* a large sheet read side by side; a small one, or one that
		 * cannot be cut, in one parser */
		if (threads > 1 && zip_stat(z, b.target, 0, &zs) == 0 &&
		    (zs.valid & ZIP_STAT_SIZE) && zs.size >= 2ull * lim->chunk &&
		    zs.size <= lim->sheet)
			side = read_side_by_side(z, file, b.target, zs.size, threads,
						 (size_t)lim->chunk, &sh, sink);
		if (side == SIDE_NOT_USED) {
			xml_begin(&x, &sh, sheet_start, sheet_end, sheet_text);
			XML_SetCommentHandler(x.p, sheet_comment);
			XML_SetProcessingInstructionHandler(x.p, sheet_pi);
			XML_SetStartCdataSectionHandler(x.p, sheet_cdata);
			status = parse_entry(z, file, b.target, lim->sheet, &x, 0, NULL, sink);
			XML_ParserFree(x.p);
		} else if (side == SIDE_FAILED) {
			status = KP_EXIT_DATA;
		}
	}
	if (status == KP_EXIT_OK && !sh.header_done)
		status = kp_error(sink, file, 0, 0, "an empty sheet: no header row");
out:
	if (z)
		zip_discard(z);
	free(data);
	free(b.rid);
	free(b.target);
	free(sst.s);
	free(sst.len);
	free(sst.at);
	kp_buf_release(&sst.pool);
	kp_buf_release(&sst.cur);
	free(st.is_date);
	free(st.fmts);
	drop_cells(&sh);
	free(sh.cells);
	free(sh.f);
	free(sh.cols);
	kp_buf_release(&sh.v);
	if (status == KP_EXIT_OK && sink->errors > errors)
		status = KP_EXIT_DATA;
	return status;
}
