#ifndef KP_CSV_H
#define KP_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/diag.h"

/*
 * CSV, on libcsv: the one module that touches CSV bytes. Reading turns a
 * file into a stream of records, each with the physical line it starts on,
 * after decoding the file to UTF-8 (BOM, UTF-16, Windows-1258) and finding
 * its delimiter. Writing quotes fields for CSV output.
 *
 * The reader is strict: an unclosed quote, a quote inside an unquoted field,
 * text after a closing quote, a line break inside a quoted field, a field
 * over KP_CSV_FIELD_MAX bytes, more than KP_CSV_FIELDS_MAX fields, bytes that
 * are not text (NUL, control characters, invalid UTF-8 when the encoding is
 * fixed): each is an error at FILE:LINE:COL, the record is dropped, and
 * reading goes on at the next line so that the rest of the file is checked.
 * Blank lines and records whose fields are all empty (Excel writes ";;;;"
 * for formatted but empty rows) are skipped.
 */

#define KP_CSV_FIELD_MAX 65536u		/* bytes in one field */
#define KP_CSV_FIELDS_MAX 4096u		/* fields in one record */
#define KP_CSV_FILE_MAX (64ull << 30)	/* bytes in one file: 64 GiB */

enum kp_encoding {
	KP_ENC_AUTO,	/* BOM if any, else UTF-8, else Windows-1258 with a warning */
	KP_ENC_UTF8,
	KP_ENC_UTF16LE,
	KP_ENC_UTF16BE,
	KP_ENC_CP1258
};

/* Parse an --encoding value ("auto", "utf-8", "utf-16le", "utf-16be",
 * "windows-1258"/"cp1258", case-insensitive); 0 on success, -1 if unknown. */
int kp_encoding_parse(const char *name, enum kp_encoding *out);
const char *kp_encoding_name(enum kp_encoding e);

struct kp_sha256;

/*
 * The buffers one read leaves to the next: a caller that reads many small
 * files one after another (a congress's, in a campaign) points
 * kp_csv_opts.cache at one, zeroed, and each file then takes its buffers
 * from it instead of allocating them. One thread at a time; freed by
 * kp_csv_cache_release.
 */
struct kp_csv_cache {
	char *buf, *arena, *whole;
	struct kp_csv_field *fields;
	size_t buf_alloc, arena_alloc, fields_alloc;	/* whole: 64 KiB */
	struct kp_sha256 *hash;
};

void kp_csv_cache_release(struct kp_csv_cache *c);

struct kp_csv_opts {
	enum kp_encoding encoding;
	char delimiter;		/* ',', ';' or '\t'; 0: detect from the header */
	unsigned threads;	/* parts a large UTF-8 file may be read in; 0 or 1: one */
	int libcsv_only;	/* every line through libcsv, none by the fast
				 * path (the differential tests' reference) */
	struct kp_csv_cache *cache;	/* NULL, or buffers to reuse */
};

void kp_csv_opts_init(struct kp_csv_opts *o);

struct kp_csv_field {
	const char *s;		/* NUL-terminated UTF-8; spaces around it trimmed */
	size_t len;
};

struct kp_csv_record {
	const char *file;	/* the name used in diagnostics */
	uint64_t line;		/* physical line the record starts on */
	size_t nfields;
	const struct kp_csv_field *fields;
	/* private, for kp_csv_col() */
	const char *raw;
	size_t rawlen;
	unsigned char delim;
	const uint32_t *cols;	/* a workbook's row: each field's column */
};

/* The 1-based character column where field i of the record starts; in a
 * workbook, its cell's column (1 for A). */
uint64_t kp_csv_col(const struct kp_csv_record *r, size_t i);

/*
 * Called for each record; diagnostics go to `sink`, which is the sink of the
 * part being read. Return 0 to go on, non-zero to stop reading the file.
 */
typedef int kp_csv_record_fn(void *ctx, const struct kp_csv_record *r,
			     struct kp_diag_sink *sink);

struct kp_csv_handler {
	kp_csv_record_fn *header;	/* the first record, with ctx[0] */
	kp_csv_record_fn *row;		/* every later record, with its part's ctx */
	/* Forget every row: the file is about to be read again from the start
	 * (in another encoding). May be NULL when the handler keeps nothing. */
	void (*reset)(void *ctx);
	/* After every row was read in nparts parts: fold ctx[1..n) into ctx[0].
	 * Called only when n > 1. Diagnostics it reports are put in order with
	 * the others. */
	void (*merge)(void **ctx, unsigned n, struct kp_diag_sink *sink);
	/* A plain row of a CSV file, after the header (printable ASCII, no
	 * quote, no space, fields split by delim: see csv.c's fast path),
	 * s[0..len) without its line end, on physical line `line`: return 1
	 * when it was taken whole (counted, with nothing to report), 0 to get
	 * it as a record like any other row. Never called with
	 * kp_csv_opts.libcsv_only. May be NULL. */
	int (*plain)(void *ctx, const char *s, size_t len, uint64_t line,
		     char delim);
};

/*
 * Read the CSV file at `path`, naming it `name` in diagnostics. With
 * opts->threads > 1, a large UTF-8 file is cut at line boundaries after its
 * header and read in up to `nctx` parts side by side, part i calling
 * h->row with ctx[i]; each line number is still the file's own. Diagnostics
 * reach `out` in file order once the whole file was read.
 *
 * Returns KP_EXIT_OK, KP_EXIT_DATA when it or the handler reported an error
 * for this file, or KP_EXIT_IO when the file cannot be read.
 */
int kp_csv_read(const char *path, const char *name,
		const struct kp_csv_opts *opts, const struct kp_csv_handler *h,
		void **ctx, unsigned nctx, struct kp_diag_sink *out);

/*
 * The one way in for every table: a path ending in .xlsx is read as an
 * Excel workbook (its first sheet, xlsx.c), anything else as CSV; a CSV
 * name on a zip or an old Excel file is an error saying what to save
 * instead.
 *
 * kp_csv_read, and the SHA-256 of the file's bytes into sha256[65] (lower-
 * case hex; "" when the file could not be read): the very bytes counted,
 * hashed as they are read, or, for parts read side by side, from the same
 * open file with a check that it did not change meanwhile (else an error).
 * Only regular files are read: a pipe, a device or a link to one is an
 * error at its name, never a read that blocks.
 */
/* Non-zero when path names an Excel workbook (ends in .xlsx, any case). */
int kp_table_is_xlsx(const char *path);

int kp_csv_read_hashed(const char *path, const char *name,
		       const struct kp_csv_opts *opts,
		       const struct kp_csv_handler *h, void **ctx, unsigned nctx,
		       struct kp_diag_sink *out, char sha256[65]);

/* Append s[0..len) to b as one CSV field, quoted when it must be. */
void kp_csv_put_field(struct kp_buf *b, const char *s, size_t len);

#define KP_CSV_CRLF 1u	/* end rows in CRLF, not LF */
#define KP_CSV_EXCEL 3u	/* for Excel: CRLF, and a cell that starts with =, +,
			 * -, @, tab or CR gets a leading ' so that it can
			 * never run as a formula */

#define KP_CSV_TAB 4u	/* fields separated by tabs, not commas */
#define KP_CSV_SEMI 8u	/* fields separated by semicolons (Excel's list
			 * separator on Vietnamese Windows) */
#define KP_CSV_DECIMAL_COMMA 16u	/* 83.33 written 83,33, as a number
					 * reads in Vietnamese */

/* The UTF-8 byte order mark that makes Excel read a CSV file as UTF-8. */
#define KP_CSV_BOM "\xef\xbb\xbf"

/* Append the C strings fields[0..n) as one CSV row, in the style `flags`. */
void kp_csv_put_row(struct kp_buf *b, const char *const *fields, size_t n,
		    unsigned flags);

/* A row of fields, each a C string. */
typedef void kp_csv_row_fn(void *ctx, const char *const *fields, size_t n);

/* Parse the comma-separated text s[0..len) that kiemphieu itself wrote
 * (kp_csv_put_row, no flags), handing each row to fn. 0, or -1 when it is
 * not well-formed CSV. */
int kp_csv_parse_text(const char *s, size_t len, kp_csv_row_fn *fn, void *ctx);

/*
 * Append the UTF-8 text s[0..len) to b in UTF-16LE after its byte order
 * mark (glibc iconv): with tabs between fields, the one text file that
 * Excel opens in columns whatever the list separator of Windows' regional
 * settings (a semicolon in Vietnamese), and the form its "Unicode Text"
 * saves. Returns 0, or -1 when s is not UTF-8 (b unchanged).
 */
int kp_csv_utf16le(struct kp_buf *b, const char *s, size_t len);

/* Append the C strings fields[0..n), UTF-8, as one row in that form:
 * byte order mark, UTF-16LE, tabs, CRLF (Excel's "Unicode Text"). */
void kp_csv_put_unicode_row(struct kp_buf *b, const char *const *fields,
			    size_t n);

#endif
