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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/sha256.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

const struct kp_xlsx_limits kp_xlsx_limits = {
	1ull << 30,	/* bytes of a workbook: 1 GiB */
	8ull << 30,	/* bytes of its sheet, inflated */
	1ull << 30	/* of its other parts, inflated */
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
	while ((n = zip_fread(f, buf, sizeof(buf))) > 0) {
		total += (uint64_t)n;
		/* what it says it holds, and the limit, whatever it says */
		if (total > max || ((st.valid & ZIP_STAT_SIZE) && total > st.size)) {
			status = kp_error(sink, file, 0, 0, "%s inflates past its size: "
					  "refused (a zip bomb?)", name);
			break;
		}
		if (XML_Parse(x->p, buf, (int)n, 0) == XML_STATUS_ERROR) {
			if (!x->refused && XML_GetErrorCode(x->p) != XML_ERROR_ABORTED)
				status = kp_error(sink, file, 0, 0, "%s is not well-formed "
						  "XML (line %lu): %s", name,
						  (unsigned long)XML_GetCurrentLineNumber(x->p),
						  XML_ErrorString(XML_GetErrorCode(x->p)));
			break;
		}
	}
	if (n < 0 && status == KP_EXIT_OK)
		status = kp_error(sink, file, 0, 0, "%s cannot be inflated (%s): the "
				  "workbook is damaged", name, zip_file_strerror(f));
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
		const char *v = attr(a, "id");

		if (v)
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
	char **s;
	size_t n, alloc;
	struct kp_buf cur;
	int in_si, in_t, in_rph;	/* rPh: phonetic runs, not text */
	int too_long;
};

static void XMLCALL sst_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct strings *s = UD(arg);
	const char *n = local(name);

	(void)a;
	if (strcmp(n, "si") == 0) {
		s->in_si = 1;
		kp_buf_reset(&s->cur);
	} else if (strcmp(n, "t") == 0 && s->in_si && !s->in_rph) {
		s->in_t = 1;
	} else if (strcmp(n, "rPh") == 0) {
		s->in_rph = 1;
	}
}

static void XMLCALL sst_end(void *arg, const XML_Char *name)
{
	struct strings *s = UD(arg);
	const char *n = local(name);

	if (strcmp(n, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(n, "rPh") == 0) {
		s->in_rph = 0;
	} else if (strcmp(n, "si") == 0) {
		s->s = kp_xgrow(s->s, &s->alloc, s->n + 1, sizeof(*s->s));
		s->s[s->n++] = kp_xstrndup(s->cur.s ? s->cur.s : "", s->cur.len);
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
	char *text;
};

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
	/* the cell being read */
	uint32_t col;
	char type[12];
	unsigned style;
	int in_v, in_t, in_is;
	struct kp_buf v;
	uint32_t width;		/* the header's: rows are that wide */
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
	while (*r >= 'A' && *r <= 'Z')
		r++;
	return strtoull(r, NULL, 10);
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

/* A cell's value as text, as its type and format say. */
static char *cell_text(struct sheet *s)
{
	const char *v = s->v.s ? s->v.s : "";

	if (strcmp(s->type, "s") == 0) {
		unsigned long i = strtoul(v, NULL, 10);

		return kp_xstrdup(i < s->sst->n ? s->sst->s[i] : "");
	}
	if (strcmp(s->type, "b") == 0)
		return kp_xstrdup(strcmp(v, "1") == 0 ? "yes" : "no");
	if (strcmp(s->type, "inlineStr") == 0 || strcmp(s->type, "str") == 0 ||
	    strcmp(s->type, "e") == 0)
		return kp_xstrndup(v, s->v.len);
	/* a number: a day when its format is a date, else the number */
	if (s->v.len) {
		char *end;
		double d = strtod(v, &end);
		char out[40];

		if (*end)
			return kp_xstrndup(v, s->v.len);
		if (s->style < s->st->n && s->st->is_date[s->style] && d >= 1 &&
		    d < 2958466) {
			serial_date(d, s->date1904, out);
			return kp_xstrdup(out);
		}
		/* as Excel shows it: 1 not 1.0, 0.3 not 0.29999999999999999 */
		snprintf(out, sizeof(out), "%.15g", d);
		return kp_xstrdup(out);
	}
	return kp_xstrdup("");
}

static void emit(struct sheet *s)
{
	struct kp_csv_field *f;
	uint32_t *cols;
	size_t i, width = 0;
	struct kp_csv_record r;
	int any = 0;

	for (i = 0; i < s->n; i++) {
		/* trimmed, as the CSV reader trims an unquoted field */
		char *t = s->cells[i].text;
		size_t len = strlen(t), lead = strspn(t, " \t");

		while (len > lead && (t[len - 1] == ' ' || t[len - 1] == '\t'))
			len--;
		memmove(t, t + lead, len - lead);
		t[len - lead] = '\0';
		if (t[0])
			any = 1;
		if (s->cells[i].text[0] && s->cells[i].col > width)
			width = s->cells[i].col;
	}
	if (!any || s->stop)
		goto out;	/* an empty row, as CSV skips ";;;;" */
	if (s->header_done && s->width > width)
		width = s->width;	/* Excel leaves empty cells out */
	if (width > COLS_MAX) {
		kp_error(s->sink, s->file, s->row, COLS_MAX + 1, "more than %u cells "
			 "in a row", COLS_MAX);
		goto out;
	}
	f = kp_xcalloc(width + 1, sizeof(*f));
	cols = kp_xcalloc(width + 1, sizeof(*cols));
	for (i = 0; i < width; i++) {
		f[i].s = "";
		cols[i] = (uint32_t)i + 1;
	}
	for (i = 0; i < s->n; i++)
		if (s->cells[i].col >= 1 && s->cells[i].col <= width) {
			f[s->cells[i].col - 1].s = s->cells[i].text;
			f[s->cells[i].col - 1].len = strlen(s->cells[i].text);
		}
	memset(&r, 0, sizeof(r));
	r.file = s->file;
	r.line = s->row;
	r.nfields = width;
	r.fields = f;
	r.cols = cols;
	if (!s->header_done) {
		s->header_done = 1;
		s->width = (uint32_t)width;
		if (s->h->header && s->h->header(s->ctx, &r, s->sink))
			s->stop = 1;
	} else if (s->h->row(s->ctx, &r, s->sink)) {
		s->stop = 1;
	}
	free(f);
	free(cols);
out:
	for (i = 0; i < s->n; i++)
		free(s->cells[i].text);
	s->n = 0;
}

static void XMLCALL sheet_start(void *arg, const XML_Char *name, const XML_Char **a)
{
	struct sheet *s = UD(arg);
	const char *n = local(name), *v;

	if (strcmp(n, "row") == 0) {
		v = attr(a, "r");
		s->row = v ? strtoull(v, NULL, 10) : s->last_row + 1;
		s->n = 0;
	} else if (strcmp(n, "c") == 0) {
		v = attr(a, "r");
		s->col = v ? ref_col(v) : (s->n ? s->cells[s->n - 1].col + 1 : 1);
		if (v && ref_row(v))
			s->row = ref_row(v);
		v = attr(a, "t");
		snprintf(s->type, sizeof(s->type), "%s", v ? v : "n");
		v = attr(a, "s");
		s->style = v ? (unsigned)strtoul(v, NULL, 10) : 0;
		kp_buf_reset(&s->v);
	} else if (strcmp(n, "v") == 0) {
		s->in_v = 1;
	} else if (strcmp(n, "is") == 0) {
		s->in_is = 1;
	} else if (strcmp(n, "t") == 0 && s->in_is) {
		s->in_t = 1;
	}
}

static void XMLCALL sheet_end(void *arg, const XML_Char *name)
{
	struct sheet *s = UD(arg);
	const char *n = local(name);

	if (strcmp(n, "v") == 0) {
		s->in_v = 0;
	} else if (strcmp(n, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(n, "is") == 0) {
		s->in_is = 0;
	} else if (strcmp(n, "c") == 0) {
		if (s->v.len > CELL_MAX) {
			kp_error(s->sink, s->file, s->row, s->col, "more than %u bytes "
				 "in a cell", CELL_MAX);
		} else if (s->n < COLS_MAX + 1) {
			s->cells = kp_xgrow(s->cells, &s->alloc, s->n + 1,
					    sizeof(*s->cells));
			s->cells[s->n].col = s->col;
			s->cells[s->n].text = cell_text(s);
			s->n++;
		}
	} else if (strcmp(n, "row") == 0) {
		emit(s);
		s->last_row = s->row;
		if (s->stop)
			XML_StopParser((XML_Parser)arg, XML_FALSE);
	}
}

static void XMLCALL sheet_text(void *arg, const XML_Char *t, int len)
{
	struct sheet *s = UD(arg);

	if ((s->in_v || s->in_t) && s->v.len <= CELL_MAX)
		kp_buf_add(&s->v, t, (size_t)len);
}

/* --- the whole --- */

int kp_xlsx_read(const char *path, const char *name, const struct kp_csv_handler *h,
		 void *ctx, struct kp_diag_sink *sink, char sha256[65])
{
	return kp_xlsx_read_within(path, name, h, ctx, sink, sha256, &kp_xlsx_limits);
}

int kp_xlsx_read_within(const char *path, const char *name,
			const struct kp_csv_handler *h, void *ctx,
			struct kp_diag_sink *sink, char sha256[65],
			const struct kp_xlsx_limits *lim)
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
	xml_begin(&x, &sh, sheet_start, sheet_end, sheet_text);
	status = parse_entry(z, file, b.target, lim->sheet, &x, 0, NULL, sink);
	XML_ParserFree(x.p);
	if (status == KP_EXIT_OK && !sh.header_done)
		status = kp_error(sink, file, 0, 0, "an empty sheet: no header row");
out:
	if (z)
		zip_discard(z);
	free(data);
	free(b.rid);
	free(b.target);
	for (i = 0; i < sst.n; i++)
		free(sst.s[i]);
	free(sst.s);
	kp_buf_release(&sst.cur);
	free(st.is_date);
	free(st.fmts);
	for (i = 0; i < sh.n; i++)
		free(sh.cells[i].text);
	free(sh.cells);
	kp_buf_release(&sh.v);
	if (status == KP_EXIT_OK && sink->errors > errors)
		status = KP_EXIT_DATA;
	return status;
}
