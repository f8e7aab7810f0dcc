/* The workbook reader: cells as Excel keeps them, the first sheet, dates,
 * the cell a diagnostic names, and every workbook it refuses. The
 * workbooks are built here with libzip, part by part, as Excel and
 * LibreOffice write them. */
#include "unit.h"

#include <zip.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"
#include "../../src/os.h"
#include "../../src/xlsx.h"

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static const char workbook[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<workbook " NS " " RNS "><sheets>"
	"<sheet name=\"Phiếu\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"</Relationships>";

/* A part: its name in the archive and its text (NULL: left out). */
struct part {
	const char *name, *text;
};

/* Write a workbook of the given parts (beside the workbook and its rels,
 * unless the parts name their own) to dir/name. */
static void write_book(const char *dir, const char *name, const struct part *parts,
		       size_t n)
{
	char path[4200];
	int err, have_book = 0, have_rels = 0;
	zip_t *z;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	assert_non_null(z);
	for (i = 0; i < n; i++) {
		zip_source_t *s;

		if (strcmp(parts[i].name, "xl/workbook.xml") == 0)
			have_book = 1;
		if (strcmp(parts[i].name, "xl/_rels/workbook.xml.rels") == 0)
			have_rels = 1;
		if (!parts[i].text)
			continue;
		s = zip_source_buffer(z, parts[i].text, strlen(parts[i].text), 0);
		assert_non_null(s);
		assert_true(zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE) >= 0);
	}
	if (!have_book)
		assert_true(zip_file_add(z, "xl/workbook.xml",
					 zip_source_buffer(z, workbook, strlen(workbook), 0),
					 0) >= 0);
	if (!have_rels)
		assert_true(zip_file_add(z, "xl/_rels/workbook.xml.rels",
					 zip_source_buffer(z, rels, strlen(rels), 0), 0) >= 0);
	assert_int_equal(zip_close(z), 0);
}

/* Rows as "ROW:f1|f2|...\n" with each field's column "(C)" when it is not
 * the next one; diagnostics as "ROW:COL: e|w: WHERE MSG\n". */
struct got {
	struct kp_buf rec, diag;
	int fail_at;		/* a row whose third field gets an error */
};

static int on_row(void *ctx, const struct kp_csv_record *r, struct kp_diag_sink *sink)
{
	struct got *g = ctx;
	size_t i;

	kp_buf_addf(&g->rec, "%llu:", (unsigned long long)r->line);
	for (i = 0; i < r->nfields; i++) {
		kp_buf_addf(&g->rec, "%s%s", i ? "|" : "", r->fields[i].s);
		if (kp_csv_col(r, i) != i + 1)
			kp_buf_addf(&g->rec, "(%llu)", (unsigned long long)kp_csv_col(r, i));
	}
	kp_buf_addch(&g->rec, '\n');
	if (g->fail_at && (int)r->line == g->fail_at && r->nfields >= 3)
		kp_error(sink, r->file, r->line, kp_csv_col(r, 2), "mark '%s' for "
			 "candidate 2", r->fields[2].s);
	return 0;
}

static void on_diag(void *ctx, const struct kp_diag *d)
{
	struct got *g = ctx;
	char where[48];

	kp_buf_addf(&g->diag, "%llu:%llu: %c: %s%s\n", (unsigned long long)d->line,
		    (unsigned long long)d->col, d->severity == KP_SEV_ERROR ? 'e' : 'w',
		    kp_diag_where(d, 0, where), d->msg);
}

static const struct kp_csv_handler handler = { on_row, on_row, NULL, NULL, NULL };

static const struct kp_xlsx_limits small = { 1u << 20, 4096, 4096, 4u << 20 };

static int read_book_threads(const char *dir, const char *name, struct got *g,
			     const struct kp_xlsx_limits *lim, unsigned threads);

/* Read dir/name into g within lim (NULL: the program's own limits). */
static int read_book(const char *dir, const char *name, struct got *g,
		     const struct kp_xlsx_limits *lim)
{
	return read_book_threads(dir, name, g, lim, 1);
}

static int read_book_threads(const char *dir, const char *name, struct got *g,
			     const struct kp_xlsx_limits *lim, unsigned threads)
{
	char path[4200], sha[65];
	struct kp_diag_sink sink;
	int rc;

	kp_buf_reset(&g->rec);
	kp_buf_reset(&g->diag);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	kp_diag_sink_init(&sink, on_diag, g);
	rc = kp_xlsx_read_within(path, name, &handler, g, &sink, sha,
				 lim ? lim : &kp_xlsx_limits, threads);
	kp_buf_addstr(&g->rec, "");
	kp_buf_addstr(&g->diag, "");
	return rc;
}

static void got_release(struct got *g)
{
	kp_buf_release(&g->rec);
	kp_buf_release(&g->diag);
}

static const char sst[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<sst " NS " count=\"5\" uniqueCount=\"5\">"
	"<si><t>ballot</t></si>"
	"<si><t>Nguyễn Văn An</t></si>"
	/* rich text: runs joined; the phonetic run is not text */
	"<si><r><t>Trần Thị </t></r><r><rPr><b/></rPr><t>Bình</t></r>"
	"<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
	"<si><t xml:space=\"preserve\">  x  </t></si>"
	"<si><t>Lê &amp; &lt;Cường&gt;</t></si>"
	"</sst>";

static void cells_as_excel_keeps_them(void **state)
{
	static const char sheet[] =
		"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<worksheet " NS "><dimension ref=\"A1:D5\"/><sheetData>"
		"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
		"<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>4</v></c></row>"
		/* a ballot id typed as a number, a padded string, a boolean */
		"<row r=\"2\"><c r=\"A2\"><v>12</v></c><c r=\"B2\" t=\"s\"><v>3</v></c>"
		"<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"b\"><v>0</v></c></row>"
		/* an inline string, and Excel leaving the empty cells out */
		"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>B-07</t></is></c>"
		"<c r=\"D3\" t=\"str\"><v>x</v></c></row>"
		/* a row as wide as the header, whatever Excel left out */
		"<row r=\"4\"><c r=\"A4\" s=\"0\"/><c r=\"B4\" t=\"s\"><v>3</v></c></row>"
		/* an empty row (formatting, spaces), skipped as CSV skips ;;; */
		"<row r=\"5\"><c r=\"A5\" s=\"0\"/><c r=\"C5\" t=\"inlineStr\"><is><t> </t></is></c></row>"
		/* numbers as Excel shows them, and no r attributes at all */
		"<row><c><v>0.30000000000000004</v></c><c><v>1E+3</v></c><c><v>-2.5</v></c></row>"
		"</sheetData></worksheet>";
	struct part p[] = { { "xl/worksheets/sheet1.xml", sheet },
			    { "xl/sharedStrings.xml", sst } };
	char *dir = unit_tmpdir();
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };

	(void)state;
	write_book(dir, "b.xlsx", p, 2);
	assert_int_equal(read_book(dir, "b.xlsx", &g, NULL), KP_EXIT_OK);
	assert_string_equal(g.rec.s,
			    "1:ballot|Nguyễn Văn An|Trần Thị Bình|Lê & <Cường>\n"
			    "2:12|x|yes|no\n"
			    "3:B-07|||x\n"
			    "4:|x||\n"
			    "6:0.3|1000|-2.5|\n");
	assert_string_equal(g.diag.s, "");
	got_release(&g);
	unit_rmdir(dir);
}

static void dates_by_their_format(void **state)
{
	static const char styles[] =
		"<styleSheet " NS "><numFmts count=\"2\">"
		"<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
		/* a colour and elapsed hours are not a date; quoted text neither */
		"<numFmt numFmtId=\"165\" formatCode=\"[Red]0.00;&quot;day&quot; 0\"/>"
		"</numFmts><cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
		"<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>";
	static const char sheet[] =
		"<worksheet " NS "><sheetData>"
		"<row r=\"1\"><c t=\"inlineStr\"><is><t>day</t></is></c></row>"
		/* 12 May 2020 in the builtin short date and in dd/mm/yyyy */
		"<row r=\"2\"><c s=\"1\"><v>43963</v></c><c s=\"2\"><v>43963</v></c>"
		"<c s=\"3\"><v>43963</v></c><c s=\"0\"><v>43963</v></c></row>"
		/* 1 January 1900, the day that never was, 1 March 1900 */
		"<row r=\"3\"><c s=\"1\"><v>1</v></c><c s=\"1\"><v>60</v></c>"
		"<c s=\"1\"><v>61</v></c><c s=\"1\"><v>59</v></c></row>"
		/* a date with a time of day: the day */
		"<row r=\"4\"><c s=\"2\"><v>45000.75</v></c></row>"
		"</sheetData></worksheet>";
	static const char book1904[] =
		"<workbook " NS " " RNS "><workbookPr date1904=\"1\"/><sheets>"
		"<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	struct part p[] = { { "xl/worksheets/sheet1.xml", sheet },
			    { "xl/styles.xml", styles },
			    { "xl/workbook.xml", NULL } };
	char *dir = unit_tmpdir();
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };

	(void)state;
	write_book(dir, "d.xlsx", p, 2);
	assert_int_equal(read_book(dir, "d.xlsx", &g, NULL), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:day\n"
			    "2:2020-05-12|2020-05-12|43963|43963\n"
			    "3:1900-01-01|1900-02-29|1900-03-01|1900-02-28\n"
			    "4:2023-03-15\n");
	/* the 1904 system: day 0 is 1 January 1904, so 43963 is four years on */
	p[2].text = book1904;
	write_book(dir, "e.xlsx", p, 3);
	assert_int_equal(read_book(dir, "e.xlsx", &g, NULL), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:day\n"
			    "2:2024-05-13|2024-05-13|43963|43963\n"
			    "3:1904-01-02|1904-03-01|1904-03-02|1904-02-29\n"
			    "4:2027-03-16\n");
	got_release(&g);
	unit_rmdir(dir);
}

static void the_first_sheet_by_its_relationship(void **state)
{
	/* the first sheet of the workbook, wherever its rels put it, not
	 * the part named sheet1.xml */
	static const char book[] =
		"<workbook " NS " " RNS "><sheets>"
		"<sheet name=\"Phiếu\" sheetId=\"2\" r:id=\"rId7\"/>"
		"<sheet name=\"Hướng dẫn\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char r[] =
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
		"<Relationship Id=\"rId7\" Target=\"/xl/worksheets/phieu.xml\"/>"
		"</Relationships>";
	static const char s1[] = "<worksheet " NS "><sheetData><row r=\"1\">"
		"<c t=\"inlineStr\"><is><t>instructions</t></is></c></row></sheetData></worksheet>";
	static const char s2[] = "<worksheet " NS "><sheetData><row r=\"3\">"
		"<c r=\"B3\" t=\"inlineStr\"><is><t>ballot</t></is></c></row>"
		"<row r=\"4\"><c r=\"B4\"><v>1</v></c><c r=\"D4\" t=\"inlineStr\"><is><t>x</t></is></c>"
		"</row></sheetData></worksheet>";
	struct part p[] = { { "xl/workbook.xml", book }, { "xl/_rels/workbook.xml.rels", r },
			    { "xl/worksheets/sheet1.xml", s1 },
			    { "xl/worksheets/phieu.xml", s2 } };
	char *dir = unit_tmpdir();
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };

	(void)state;
	write_book(dir, "r.xlsx", p, 4);
	assert_int_equal(read_book(dir, "r.xlsx", &g, NULL), KP_EXIT_OK);
	/* the header starts at B3: the fields keep their columns */
	assert_string_equal(g.rec.s, "3:|ballot\n4:|1||x\n");
	got_release(&g);
	unit_rmdir(dir);
}

/* The instructions moved first, a hidden sheet: the table is the first
 * visible sheet that is not kiemphieu's instructions. */
static void not_the_instructions_nor_a_hidden_sheet(void **state)
{
	static const char book[] =
		"<workbook " NS " " RNS "><sheets>"
		"<sheet name=\"Hướng dẫn\" sheetId=\"2\" r:id=\"rId1\"/>"
		"<sheet name=\"Nháp\" sheetId=\"3\" state=\"hidden\" r:id=\"rId2\"/>"
		"<sheet name=\"Phiếu bầu\" sheetId=\"1\" r:id=\"rId3\"/></sheets></workbook>";
	static const char r[] =
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Target=\"worksheets/sheet2.xml\"/>"
		"<Relationship Id=\"rId2\" Target=\"worksheets/sheet3.xml\"/>"
		"<Relationship Id=\"rId3\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
	static const char s1[] = "<worksheet " NS "><sheetData><row r=\"1\">"
		"<c t=\"inlineStr\"><is><t>ballot</t></is></c></row></sheetData></worksheet>";
	static const char other[] = "<worksheet " NS "><sheetData><row r=\"1\">"
		"<c t=\"inlineStr\"><is><t>not this</t></is></c></row></sheetData></worksheet>";
	struct part p[] = { { "xl/workbook.xml", book }, { "xl/_rels/workbook.xml.rels", r },
			    { "xl/worksheets/sheet1.xml", s1 }, { "xl/worksheets/sheet2.xml", other },
			    { "xl/worksheets/sheet3.xml", other } };
	char *dir = unit_tmpdir();
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };

	(void)state;
	write_book(dir, "h.xlsx", p, 5);
	assert_int_equal(read_book(dir, "h.xlsx", &g, NULL), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:ballot\n");
	got_release(&g);
	unit_rmdir(dir);
}

static void diagnostics_name_the_cell(void **state)
{
	static const char sheet[] =
		"<worksheet " NS "><sheetData>"
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ballot</t></is></c>"
		"<c r=\"B1\"><v>1</v></c><c r=\"C1\"><v>2</v></c></row>"
		"<row r=\"37\"><c r=\"A37\"><v>36</v></c><c r=\"C37\" t=\"inlineStr\">"
		"<is><t>v</t></is></c></row></sheetData></worksheet>";
	struct part p[] = { { "xl/worksheets/sheet1.xml", sheet } };
	char *dir = unit_tmpdir();
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 37 };

	(void)state;
	write_book(dir, "bch.xlsx", p, 1);
	assert_int_equal(read_book(dir, "bch.xlsx", &g, NULL), KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "37:3: e: cell C37: mark 'v' for candidate 2\n");
	got_release(&g);
	unit_rmdir(dir);
}

/* Read a workbook that must be refused: one error, no row. */
static void refused(const char *dir, const char *name, const struct kp_xlsx_limits *lim,
		    const char *want)
{
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };
	int rc = read_book(dir, name, &g, lim);

	assert_true(rc == KP_EXIT_DATA || rc == KP_EXIT_IO);
	assert_string_equal(g.rec.s, "");
	if (!strstr(g.diag.s, want))
		fail_msg("%s: got '%s', want '%s'", name, g.diag.s, want);
	assert_int_equal(strchr(g.diag.s, '\n') - g.diag.s + 1, strlen(g.diag.s));
	got_release(&g);
}

static void what_it_refuses(void **state)
{
	static const char doctype[] =
		"<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
		"<worksheet " NS "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&b;</t>"
		"</is></c></row></sheetData></worksheet>";
	static const char empty[] = "<worksheet " NS "><sheetData/></worksheet>";
	static const char broken[] = "<worksheet " NS "><sheetData><row r=\"1\">";
	static const char ods_mime[] = "application/vnd.oasis.opendocument.spreadsheet";
	struct part p_doctype[] = { { "xl/worksheets/sheet1.xml", doctype } };
	struct part p_empty[] = { { "xl/worksheets/sheet1.xml", empty } };
	struct part p_broken[] = { { "xl/worksheets/sheet1.xml", broken } };
	struct part p_nobook[] = { { "xl/workbook.xml", NULL },
				   { "xl/worksheets/sheet1.xml", empty } };
	struct part p_ods[] = { { "mimetype", ods_mime }, { "content.xml", "<x/>" },
				{ "xl/workbook.xml", NULL }, { "xl/_rels/workbook.xml.rels", NULL } };
	char *dir = unit_tmpdir(), big[6000];
	struct part p_big[] = { { "xl/worksheets/sheet1.xml", big } };

	(void)state;
	write_book(dir, "doctype.xlsx", p_doctype, 1);
	refused(dir, "doctype.xlsx", NULL, "xl/worksheets/sheet1.xml declares a document type");
	write_book(dir, "empty.xlsx", p_empty, 1);
	refused(dir, "empty.xlsx", NULL, "an empty sheet: no header row");
	write_book(dir, "broken.xlsx", p_broken, 1);
	refused(dir, "broken.xlsx", NULL, "is not well-formed XML");
	write_book(dir, "nobook.xlsx", p_nobook, 2);
	refused(dir, "nobook.xlsx", NULL, "it has no xl/workbook.xml");
	write_book(dir, "lo.xlsx", p_ods, 4);
	refused(dir, "lo.xlsx", NULL, "an OpenDocument spreadsheet (.ods)");
	/* a sheet past its limit is stopped as it inflates */
	snprintf(big, sizeof(big), "<worksheet " NS "><sheetData>%5000s</sheetData></worksheet>", "");
	write_book(dir, "big.xlsx", p_big, 1);
	refused(dir, "big.xlsx", &small, "xl/worksheets/sheet1.xml would inflate to");
	/* not zip files at all */
	unit_write(dir, "old.xlsx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12);
	refused(dir, "old.xlsx", NULL, "an Excel 97-2003 workbook (.xls) or a workbook "
		"protected by a password");
	unit_writes(dir, "text.xlsx", "ballot,1,2\n1,x,\n");
	refused(dir, "text.xlsx", NULL, "not an Excel workbook (.xlsx is a zip file)");
	unit_writes(dir, "cut.xlsx", "PK\003\004 cut short");
	refused(dir, "cut.xlsx", NULL, "a damaged zip file");
	refused(dir, "missing.xlsx", NULL, "cannot open");
	refused(dir, "ballots", NULL, "not a regular file");
	/* over the file limit */
	{
		static const struct kp_xlsx_limits tiny = { 64, 4096, 4096, 4u << 20 };

		refused(dir, "empty.xlsx", &tiny, "a workbook over 0 MiB: refused");
	}
	unit_rmdir(dir);
}

/* The limits docs/formats.md states: a row of more than 4,096 cells and a
 * cell of more than 65,536 bytes are each an error at their cell, and the
 * rows after them are still read; a shared string past that size refuses
 * the workbook, and so does a shared strings part that is not XML or
 * declares a document type. */
static void rows_and_cells_past_their_limits(void **state)
{
	static const char head[] = "<worksheet " NS "><sheetData>"
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ballot</t></is></c>"
		"<c r=\"B1\" t=\"inlineStr\"><is><t>1</t></is></c></row>";
	static const char tail[] = "<row r=\"4\"><c r=\"A4\"><v>7</v></c>"
		"<c r=\"B4\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
		"</sheetData></worksheet>";
	static const char one_sst[] = "<worksheet " NS "><sheetData><row r=\"1\">"
		"<c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
	static const char sst_doctype[] = "<?xml version=\"1.0\"?><!DOCTYPE sst>"
		"<sst " NS "><si><t>ballot</t></si></sst>";
	static const char sst_broken[] = "<sst " NS "><si><t>ballot</t></si>";
	struct part p_sst_doctype[] = { { "xl/worksheets/sheet1.xml", one_sst },
					{ "xl/sharedStrings.xml", sst_doctype } };
	struct part p_sst_broken[] = { { "xl/worksheets/sheet1.xml", one_sst },
				       { "xl/sharedStrings.xml", sst_broken } };
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };
	struct kp_buf sheet = KP_BUF_INIT, sst_long = KP_BUF_INIT;
	char *dir = unit_tmpdir(), *text = kp_xmalloc(65538);

	(void)state;
	memset(text, 'a', 65537);
	text[65537] = '\0';
	/* row 2: a cell in column FAO, the 4,097th; row 3: 65,537 bytes in B3 */
	kp_buf_addf(&sheet, "%s<row r=\"2\"><c r=\"A2\"><v>5</v></c>"
		    "<c r=\"FAO2\"><v>1</v></c></row>"
		    "<row r=\"3\"><c r=\"A3\"><v>6</v></c><c r=\"B3\" "
		    "t=\"inlineStr\"><is><t>%s</t></is></c></row>%s",
		    head, text, tail);
	{
		struct part p[] = { { "xl/worksheets/sheet1.xml", sheet.s } };

		write_book(dir, "wide.xlsx", p, 1);
	}
	assert_int_equal(read_book(dir, "wide.xlsx", &g, NULL), KP_EXIT_DATA);
	/* the row too wide is not read; the cell too long is left out of
	 * its row; either error refuses the file (KP_EXIT_DATA) */
	assert_string_equal(g.rec.s, "1:ballot|1\n3:6|\n4:7|x\n");
	assert_string_equal(g.diag.s,
			    "2:4097: e: cell FAO2: more than 4096 cells in a row\n"
			    "3:2: e: cell B3: more than 65536 bytes in a cell\n");
	/* one text of the shared strings past the limit: the whole workbook */
	kp_buf_addf(&sst_long, "<sst " NS "><si><t>%s</t></si></sst>", text);
	{
		struct part p[] = { { "xl/worksheets/sheet1.xml", one_sst },
				    { "xl/sharedStrings.xml", sst_long.s } };

		write_book(dir, "long.xlsx", p, 2);
	}
	refused(dir, "long.xlsx", NULL, "a text of more than 65536 bytes in the "
		"workbook: refused");
	write_book(dir, "sstdt.xlsx", p_sst_doctype, 2);
	refused(dir, "sstdt.xlsx", NULL, "xl/sharedStrings.xml declares a document type");
	write_book(dir, "sstxml.xlsx", p_sst_broken, 2);
	refused(dir, "sstxml.xlsx", NULL, "xl/sharedStrings.xml is not well-formed XML");
	free(text);
	kp_buf_release(&sheet);
	kp_buf_release(&sst_long);
	got_release(&g);
	unit_rmdir(dir);
}

/* A zip whose directory says an entry is smaller than it inflates to. */
static void a_lying_size_is_refused(void **state)
{
	char *dir = unit_tmpdir(), path[4200], row[200], sheet[20000];
	struct part p[] = { { "xl/worksheets/sheet1.xml", sheet } };
	size_t len = 0, i;
	FILE *f;
	char *data;
	long n;
	int patched = 0;

	(void)state;
	len += (size_t)snprintf(sheet, sizeof(sheet), "<worksheet " NS "><sheetData>");
	for (i = 1; i <= 100; i++) {
		snprintf(row, sizeof(row), "<row r=\"%zu\"><c><v>%zu</v></c></row>", i, i);
		memcpy(sheet + len, row, strlen(row) + 1);
		len += strlen(row);
	}
	snprintf(sheet + len, sizeof(sheet) - len, "</sheetData></worksheet>");
	write_book(dir, "lie.xlsx", p, 1);
	snprintf(path, sizeof(path), "%s/lie.xlsx", dir);
	f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	data = malloc((size_t)n);
	rewind(f);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	/* the central directory entry of the sheet: its uncompressed size
	 * (offset 24) set to 100 bytes */
	for (i = 0; i + 46 < (size_t)n; i++)
		if (memcmp(data + i, "PK\001\002", 4) == 0 &&
		    memcmp(data + i + 46, "xl/worksheets/sheet1.xml", 24) == 0) {
			data[i + 24] = 100;
			data[i + 25] = data[i + 26] = data[i + 27] = 0;
			patched = 1;
		}
	assert_true(patched);
	rewind(f);
	assert_int_equal(fwrite(data, 1, (size_t)n, f), (size_t)n);
	assert_int_equal(fclose(f), 0);
	free(data);
	{
		struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };
		int rc = read_book(dir, "lie.xlsx", &g, NULL);

		/* refused, whichever of libzip and the reader sees it first */
		assert_int_not_equal(rc, KP_EXIT_OK);
		assert_true(strstr(g.diag.s, "inflates past its size") ||
			    strstr(g.diag.s, "cannot be inflated") ||
			    strstr(g.diag.s, "cannot be read"));
		got_release(&g);
	}
	unit_rmdir(dir);
}

/* Through the one way in: a .xlsx name read by kp_csv_read. */
static void read_as_a_table(void **state)
{
	static const char sheet[] =
		"<worksheet " NS "><sheetData>"
		"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ballot</t></is></c>"
		"<c r=\"B1\"><v>1</v></c></row>"
		"<row r=\"2\"><c r=\"A2\"><v>7</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
		"</sheetData></worksheet>";
	struct part p[] = { { "xl/worksheets/sheet1.xml", sheet } };
	char *dir = unit_tmpdir(), path[4200];
	struct got g = { KP_BUF_INIT, KP_BUF_INIT, 0 };
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	void *ctx = &g;

	(void)state;
	write_book(dir, "t.xlsx", p, 1);
	/* the same workbook under a .csv name: what it is, not byte errors */
	write_book(dir, "t.csv", p, 1);
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&sink, on_diag, &g);
	snprintf(path, sizeof(path), "%s/t.xlsx", dir);
	assert_int_equal(kp_csv_read(path, "t.xlsx", &o, &handler, &ctx, 1, &sink), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:ballot|1\n2:7|x\n");
	snprintf(path, sizeof(path), "%s/t.csv", dir);
	assert_int_not_equal(kp_csv_read(path, "t.csv", &o, &handler, &ctx, 1, &sink), KP_EXIT_OK);
	assert_non_null(strstr(g.diag.s, "a zip file, not CSV"));
	got_release(&g);
	unit_rmdir(dir);
}

/* A sheet of `rows` ballot rows (about 100 bytes each), its elements
 * named with `pfx` ("" or "x:"), some rows without their r, a comment
 * among the rows when `comment`. */
static char *big_sheet(size_t rows, const char *pfx, int comment)
{
	struct kp_buf b = KP_BUF_INIT;
	size_t i;

	kp_buf_addf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<%sworksheet "
		    "xmlns%s%s=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
		    "<%sdimension ref=\"A1:E%zu\"/><%ssheetData>", pfx, pfx[0] ? ":" : "",
		    pfx[0] ? "x" : "", pfx, rows + 1, pfx);
	kp_buf_addf(&b, "<%srow r=\"1\"><%sc r=\"A1\" t=\"inlineStr\"><%sis><%st>ballot"
		    "</%st></%sis></%sc><%sc r=\"B1\"><%sv>1</%sv></%sc><%sc r=\"C1\"><%sv>2"
		    "</%sv></%sc></%srow>", pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx,
		    pfx, pfx, pfx, pfx, pfx, pfx);
	for (i = 2; i <= rows + 1; i++) {
		/* every 1000th row without its r: the one after the last */
		if (i % 1000 == 0)
			kp_buf_addf(&b, "<%srow>", pfx);
		else
			kp_buf_addf(&b, "<%srow r=\"%zu\" spans=\"1:3\">", pfx, i);
		kp_buf_addf(&b, "<%sc t=\"inlineStr\"><%sis><%st>%06zu</%st></%sis></%sc>",
			    pfx, pfx, pfx, i, pfx, pfx, pfx);
		if (i % 3)
			kp_buf_addf(&b, "<%sc r=\"C%zu\" t=\"inlineStr\"><%sis><%st>x</%st>"
				    "</%sis></%sc>", pfx, i, pfx, pfx, pfx, pfx, pfx);
		kp_buf_addf(&b, "</%srow>", pfx);
		if (comment && i == rows / 2)
			kp_buf_addstr(&b, "<!-- <row r=\"1\"> -->");
	}
	kp_buf_addf(&b, "</%ssheetData><%spageMargins left=\"0.7\"/></%sworksheet>", pfx,
		    pfx, pfx);
	return kp_buf_detach(&b);
}

static void large_sheets_side_by_side(void **state)
{
	static const char *const pfx[] = { "", "x:" };
	char *dir = unit_tmpdir();
	struct got one = { KP_BUF_INIT, KP_BUF_INIT, 0 }, two = { KP_BUF_INIT, KP_BUF_INIT, 0 };
	size_t k;

	(void)state;
	for (k = 0; k < 2; k++) {
		char *sheet = big_sheet(150000, pfx[k], 0);
		struct part p[] = { { "xl/worksheets/sheet1.xml", sheet } };

		assert_true(strlen(sheet) > (12u << 20)); /* three chunks and more */
		write_book(dir, "big.xlsx", p, 1);
		assert_int_equal(read_book_threads(dir, "big.xlsx", &one, NULL, 1), KP_EXIT_OK);
		assert_int_equal(read_book_threads(dir, "big.xlsx", &two, NULL, 2), KP_EXIT_OK);
		/* the same rows, in the same order, with the same numbers */
		assert_int_equal(one.rec.len, two.rec.len);
		assert_string_equal(one.rec.s, two.rec.s);
		assert_non_null(strstr(one.rec.s, "\n999:000999||\n1000:001000||x\n1001:001001||x\n"));
		assert_non_null(strstr(one.rec.s, "\n150001:150001||x\n"));
		assert_string_equal(two.diag.s, "");
		free(sheet);
	}
	/* chunks of a few rows: every boundary, the same rows */
	{
		static const struct kp_xlsx_limits tiny_chunks = { 1u << 30, 1u << 30, 1u << 30,
								   300 };
		char *sheet = big_sheet(3000, "x:", 0);
		struct part p[] = { { "xl/worksheets/sheet1.xml", sheet } };

		write_book(dir, "small.xlsx", p, 1);
		assert_int_equal(read_book_threads(dir, "small.xlsx", &one, NULL, 1), KP_EXIT_OK);
		assert_int_equal(read_book_threads(dir, "small.xlsx", &two, &tiny_chunks, 2),
				 KP_EXIT_OK);
		assert_string_equal(one.rec.s, two.rec.s);
		assert_non_null(strstr(two.rec.s, "\n3001:003001||x\n"));
		free(sheet);
	}
	/* a comment among the rows: refused both ways, as one error */
	{
		char *sheet = big_sheet(150000, "", 1);
		struct part p[] = { { "xl/worksheets/sheet1.xml", sheet } };
		unsigned t;

		write_book(dir, "odd.xlsx", p, 1);
		for (t = 1; t <= 2; t++) {
			assert_int_equal(read_book_threads(dir, "odd.xlsx", &two, NULL, t),
					 KP_EXIT_DATA);
			assert_non_null(strstr(two.diag.s, "has a comment or processing "
					       "instruction among its rows"));
		}
		free(sheet);
	}
	got_release(&one);
	got_release(&two);
	unit_rmdir(dir);
}

/* A module that is not there: NULL and a reason, asked twice alike. */
static void a_missing_module(void **state)
{
	const char *why = NULL;
	int i;

	(void)state;
	for (i = 0; i < 2; i++) {
		assert_null(kp_os_module_sym("no-such-module", "kp_xlsx_read", &why));
		assert_non_null(why);
		assert_true(strlen(why) > 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_as_excel_keeps_them),
		cmocka_unit_test(dates_by_their_format),
		cmocka_unit_test(the_first_sheet_by_its_relationship),
		cmocka_unit_test(not_the_instructions_nor_a_hidden_sheet),
		cmocka_unit_test(diagnostics_name_the_cell),
		cmocka_unit_test(what_it_refuses),
		cmocka_unit_test(rows_and_cells_past_their_limits),
		cmocka_unit_test(a_lying_size_is_refused),
		cmocka_unit_test(read_as_a_table),
		cmocka_unit_test(large_sheets_side_by_side),
		cmocka_unit_test(a_missing_module),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
