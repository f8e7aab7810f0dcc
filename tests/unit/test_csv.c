/* The CSV reader: decoding, delimiters, positions, strictness, parts. */
#include "unit.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>
#ifdef _WIN32
#include <windows.h>
#endif

#include "kiemphieu/buf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/sha256.h"

/* Records as "LINE:f1|f2|...\n"; diagnostics as "LINE:COL: e|w: MSG\n". */
struct got {
	struct kp_buf rec, diag;
	unsigned resets, merges;
	uint64_t rows;
};

static int on_rec(void *ctx, const struct kp_csv_record *r,
		  struct kp_diag_sink *sink)
{
	struct got *g = ctx;
	size_t i;

	(void)sink;
	kp_buf_addf(&g->rec, "%llu:", (unsigned long long)r->line);
	for (i = 0; i < r->nfields; i++)
		kp_buf_addf(&g->rec, "%s%s", i ? "|" : "", r->fields[i].s);
	kp_buf_addch(&g->rec, '\n');
	g->rows++;
	return 0;
}

static void on_reset(void *ctx)
{
	struct got *g = ctx;

	kp_buf_reset(&g->rec);
	g->rows = 0;
	g->resets++;
}

static void on_merge(void **ctx, unsigned n, struct kp_diag_sink *sink)
{
	struct got *g = ctx[0];
	unsigned i;

	(void)sink;
	for (i = 1; i < n; i++) {
		struct got *o = ctx[i];

		kp_buf_add(&g->rec, o->rec.s ? o->rec.s : "", o->rec.len);
		g->rows += o->rows;
	}
	g->merges++;
}

static void on_diag(void *ctx, const struct kp_diag *d)
{
	struct got *g = ctx;

	kp_buf_addf(&g->diag, "%llu:%llu: %c: %s\n", (unsigned long long)d->line,
		    (unsigned long long)d->col,
		    d->severity == KP_SEV_ERROR ? 'e' : 'w', d->msg);
}

static const struct kp_csv_handler handler = { on_rec, on_rec, on_reset, on_merge, NULL };

/* Read bytes as a file with the given options into g. */
static int read_bytes(const char *data, size_t len, const struct kp_csv_opts *o,
		      struct got *g)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_diag_sink sink;
	void *ctx = g;
	int rc;

	memset(g, 0, sizeof(*g));
	unit_write(dir, "f.csv", data, len);
	snprintf(path, sizeof(path), "%s/f.csv", dir);
	kp_diag_sink_init(&sink, on_diag, g);
	rc = kp_csv_read(path, "f.csv", o, &handler, &ctx, 1, &sink);
	unit_rmdir(dir);
	if (!g->rec.s)
		kp_buf_addstr(&g->rec, "");
	if (!g->diag.s)
		kp_buf_addstr(&g->diag, "");
	return rc;
}

static int read_str(const char *s, struct got *g)
{
	struct kp_csv_opts o;

	kp_csv_opts_init(&o);
	return read_bytes(s, strlen(s), &o, g);
}

static void got_release(struct got *g)
{
	kp_buf_release(&g->rec);
	kp_buf_release(&g->diag);
}

static void delimiters_are_detected(void **state)
{
	static const char *const in[] = {
		"a,b,c\n1,2,3\n", "a;b;c\n1;2;3\n", "a\tb\tc\n1\t2\t3\n",
		/* a comma inside a quoted field does not fool the semicolon */
		"\"x,y\";b;c\n1;2;3\n",
	};
	struct got g;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(read_str(in[i], &g), KP_EXIT_OK);
		assert_string_equal(g.rec.s, "1:a|b|c\n2:1|2|3\n");
		got_release(&g);
	}
	assert_int_equal(read_str(in[3], &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:x,y|b|c\n2:1|2|3\n");
	got_release(&g);
}

/* Every header line of up to four bytes from commas, semicolons, tabs,
 * spaces, a letter and CR, and a few quoted ones: the delimiter the fast
 * path counts is libcsv's (the row under the header shows which). */
static void header_delimiters_equal_libcsv(void **state)
{
	static const char bytes[] = { ',', ';', '\t', ' ', 'a', '\r' };
	static const char *const quoted[] = { "\"a;b\",c", "a;\"b,c\";d", "\"\t\"\t;" };
	struct kp_csv_opts fast, slow;
	char line[64];
	size_t len, k, checked = 0;

	(void)state;
	kp_csv_opts_init(&fast);
	kp_csv_opts_init(&slow);
	slow.libcsv_only = 1;
	for (len = 1; len <= 4; len++) {
		size_t combos = 1;

		for (k = 0; k < len; k++)
			combos *= sizeof(bytes);
		for (k = 0; k < combos + sizeof(quoted) / sizeof(quoted[0]); k++) {
			struct got a, b;
			size_t n = 0, j, v = k;
			int ra, rb;

			if (k < combos) {
				for (j = 0; j < len; j++, v /= sizeof(bytes))
					line[n++] = bytes[v % sizeof(bytes)];
			} else if (len == 1) {
				n = (size_t)snprintf(line, sizeof(line), "%s", quoted[k - combos]);
			} else {
				continue;
			}
			n += (size_t)snprintf(line + n, sizeof(line) - n, "\n1,2;3\t4\n");
			ra = read_bytes(line, n, &fast, &a);
			rb = read_bytes(line, n, &slow, &b);
			assert_int_equal(ra, rb);
			assert_string_equal(a.rec.s, b.rec.s);
			assert_string_equal(a.diag.s, b.diag.s);
			got_release(&a);
			got_release(&b);
			checked++;
		}
	}
	assert_int_equal(checked, 6 + 36 + 216 + 1296 + 3);
}

static void delimiter_can_be_forced(void **state)
{
	struct kp_csv_opts o;
	struct got g;

	(void)state;
	kp_csv_opts_init(&o);
	o.delimiter = ';';
	assert_int_equal(read_bytes("a,b;c\n", 6, &o, &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:a,b|c\n");
	got_release(&g);
}

static void lines_blank_crlf_and_empty_records(void **state)
{
	struct got g;

	(void)state;
	/* blank lines, CRLF, a ";;" row of empty fields: skipped, lines kept */
	assert_int_equal(read_str("a,b\r\n\r\n1,2\r\n,\r\n  \r\n3,4", &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:a|b\n3:1|2\n6:3|4\n");
	assert_string_equal(g.diag.s, "");
	got_release(&g);
	/* spaces around unquoted fields are trimmed, inside quotes kept */
	assert_int_equal(read_str("a , \" b \"\n", &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:a| b \n");
	got_release(&g);
	/* a doubled quote inside quotes */
	assert_int_equal(read_str("\"say \"\"x\"\"\",b\n", &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:say \"x\"|b\n");
	got_release(&g);
}

static void boms_and_utf16(void **state)
{
	static const char u8bom[] = "\xef\xbb\xbf" "t\xc3\xaan,b\n1,2\n";
	/* "tên,b\n" in UTF-16LE and BE with their BOMs */
	static const char le[] = "\xff\xfe" "t\0\xea\0n\0,\0b\0\n\0";
	static const char be[] = "\xfe\xff" "\0t\0\xea\0n\0,\0b\0\n";
	struct kp_csv_opts o;
	struct got g;

	(void)state;
	kp_csv_opts_init(&o);
	assert_int_equal(read_bytes(u8bom, sizeof(u8bom) - 1, &o, &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:t\xc3\xaan|b\n2:1|2\n");
	got_release(&g);
	assert_int_equal(read_bytes(le, sizeof(le) - 1, &o, &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:t\xc3\xaan|b\n");
	got_release(&g);
	assert_int_equal(read_bytes(be, sizeof(be) - 1, &o, &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:t\xc3\xaan|b\n");
	got_release(&g);
	/* a UTF-16 file cut in the middle of a character */
	assert_int_equal(read_bytes(le, sizeof(le) - 2, &o, &g), KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "1:6: e: the file ends in the middle of a "
				      "UTF-16LE character\n");
	got_release(&g);
}

static void windows_1258_is_a_fallback(void **state)
{
	/* "Nguyễn" in Windows-1258: "Nguy" + ê (0xEA) + combining tilde (0xDE) + "n" */
	static const char cp[] = "name\nNguy\xea\xden\n";
	struct kp_csv_opts o;
	struct got g;

	(void)state;
	kp_csv_opts_init(&o);
	assert_int_equal(read_bytes(cp, sizeof(cp) - 1, &o, &g), KP_EXIT_OK);
	assert_int_equal(g.resets, 1); /* read once as UTF-8, then again */
	/* glibc composes the tone mark: the same bytes as UTF-8 NFC input */
	assert_string_equal(g.rec.s, "1:name\n2:Nguy\xe1\xbb\x85n\n");
	assert_string_equal(g.diag.s, "2:0: w: not valid UTF-8; reading the file "
				      "as Windows-1258 (--encoding chooses another)\n");
	got_release(&g);
	/* with the encoding fixed, the same bytes are an error, not a guess */
	o.encoding = KP_ENC_UTF8;
	assert_int_equal(read_bytes(cp, sizeof(cp) - 1, &o, &g), KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "2:5: e: byte 0xea is not valid UTF-8\n");
	got_release(&g);
}

static void strictness_errors_with_positions(void **state)
{
	static const struct {
		const char *in, *rec, *diag;
	} cases[] = {
		{ "a,b\n1,\"x\n2,3\n", "1:a|b\n3:2|3\n",
		  "2:3: e: quoted field not closed at the end of the line\n" },
		{ "a,b\n1,x\"y\n2,3\n", "1:a|b\n3:2|3\n",
		  "2:4: e: stray quote: a field that holds a quote must be enclosed "
		  "in quotes, with its quotes doubled\n" },
		{ "a,b\n1,\"x\"y\n", "1:a|b\n",
		  "2:6: e: stray quote: a field that holds a quote must be enclosed "
		  "in quotes, with its quotes doubled\n" },
		{ "a,b\n1,\"x", "1:a|b\n",
		  "2:3: e: quoted field not closed at the end of the file\n" },
		{ "a,b\n1,x\x01y\n2,3\n", "1:a|b\n3:2|3\n",
		  "2:4: e: byte 0x01 is not text\n" },
		{ "", "", "1:1: e: the file is empty: expected a header row\n" },
		{ "\n\n  \n", "", "1:1: e: the file is empty: expected a header row\n" },
	};
	struct got g;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(read_str(cases[i].in, &g), KP_EXIT_DATA);
		assert_string_equal(g.rec.s, cases[i].rec);
		assert_string_equal(g.diag.s, cases[i].diag);
		got_release(&g);
	}
}

static void nul_byte_hints_at_utf16(void **state)
{
	static const char in[] = "a,b\n1,\0\n";
	struct kp_csv_opts o;
	struct got g;

	(void)state;
	kp_csv_opts_init(&o);
	assert_int_equal(read_bytes(in, sizeof(in) - 1, &o, &g), KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "2:3: e: byte 0x00 is not text (a UTF-16 "
				      "file without a byte order mark? save it as "
				      "UTF-8 or pass --encoding utf-16le)\n");
	got_release(&g);
}

static void limits_on_fields(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	struct kp_csv_opts o;
	struct got g;
	size_t i;

	(void)state;
	kp_csv_opts_init(&o);
	/* a field of exactly the limit is fine; one byte more is not */
	kp_buf_addstr(&b, "a,b\n1,");
	kp_buf_pad(&b, 'x', KP_CSV_FIELD_MAX);
	kp_buf_addstr(&b, "\n2,");
	kp_buf_pad(&b, 'y', KP_CSV_FIELD_MAX + 1);
	kp_buf_addstr(&b, "\n3,4\n");
	assert_int_equal(read_bytes(b.s, b.len, &o, &g), KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "3:3: e: field longer than 65536 bytes\n");
	assert_int_equal(g.rows, 3); /* header, line 2, line 4 */
	got_release(&g);
	/* exactly KP_CSV_FIELDS_MAX fields pass, one more does not */
	kp_buf_reset(&b);
	for (i = 0; i < KP_CSV_FIELDS_MAX; i++)
		kp_buf_addstr(&b, i ? ",h" : "h");
	kp_buf_addstr(&b, "\n");
	for (i = 0; i <= KP_CSV_FIELDS_MAX; i++)
		kp_buf_addstr(&b, i ? ",v" : "v");
	kp_buf_addstr(&b, "\n");
	assert_int_equal(read_bytes(b.s, b.len, &o, &g), KP_EXIT_DATA);
	assert_int_equal(g.rows, 1);
	assert_string_equal(g.diag.s, "2:8193: e: more than 4096 fields in one record\n");
	got_release(&g);
	kp_buf_release(&b);
}

/* A line of more than 1 MiB is fed to libcsv in pieces, each cut before
 * a character's first byte: a row of Vietnamese text comes out whole,
 * field for field, and the line after it keeps its number. Its fields
 * are 600 bytes (199 letters ờ, E1 BB 9D, one ư, C6 B0, and the comma),
 * and the header is made 0, 1 and 2 bytes longer, so that the cut falls
 * after each byte of a letter. */
static void a_long_line_in_pieces_keeps_its_letters(void **state)
{
	struct kp_buf in = KP_BUF_INIT, want = KP_BUF_INIT;
	struct kp_csv_opts o;
	struct got g;
	size_t i, k, n = 4000, pad, line;

	(void)state;
	kp_csv_opts_init(&o);
	for (pad = 0; pad < 3; pad++) {
		kp_buf_reset(&in);
		for (i = 0; i < n; i++)
			kp_buf_addf(&in, "%sc%.*s%zu", i ? "," : "", i ? 0 : (int)pad,
				    "00", i);
		kp_buf_addstr(&in, "\n");
		for (i = 0; i < n; i++) {
			kp_buf_addstr(&in, i ? "," : "");
			for (k = 0; k < 199; k++)
				kp_buf_addstr(&in, "ờ");
			kp_buf_addstr(&in, "ư");
		}
		assert_true(in.len > (2u << 20) + 100000);
		kp_buf_addstr(&in, "\n");
		for (i = 0; i < n; i++)
			kp_buf_addstr(&in, i ? ",x" : "x");
		kp_buf_addstr(&in, "\n");
		/* the records: each line, numbered, its fields split at ',' */
		kp_buf_reset(&want);
		for (i = 0, line = 1; i < in.len; i++) {
			if (i == 0 || in.s[i - 1] == '\n')
				kp_buf_addf(&want, "%zu:", line++);
			kp_buf_addch(&want, in.s[i] == ',' ? '|' : in.s[i]);
		}
		assert_int_equal(read_bytes(in.s, in.len, &o, &g), KP_EXIT_OK);
		assert_string_equal(g.diag.s ? g.diag.s : "", "");
		assert_int_equal(g.rows, 3);
		assert_true(g.rec.len == want.len &&
			    memcmp(g.rec.s, want.s, want.len) == 0);
		got_release(&g);
	}
	kp_buf_release(&in);
	kp_buf_release(&want);
}

static void missing_file_and_directory(void **state)
{
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	struct got g;
	void *ctx = &g;

	(void)state;
	memset(&g, 0, sizeof(g));
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&sink, on_diag, &g);
	assert_int_equal(kp_csv_read("/nonexistent/x.csv", NULL, &o, &handler,
				     &ctx, 1, &sink), KP_EXIT_IO);
	assert_string_equal(g.diag.s, "0:0: e: cannot open: No such file or directory\n");
	kp_buf_reset(&g.diag);
	assert_int_equal(kp_csv_read("/", NULL, &o, &handler, &ctx, 1, &sink),
			 KP_EXIT_IO);
	assert_string_equal(g.diag.s, "0:0: e: is a directory, expected a CSV file\n");
	got_release(&g);
}

/*
 * The limit on a file's size: a sparse file of 64 GiB and one byte (no
 * disk used) is refused before a byte is read. A file of exactly 64 GiB
 * passes this check and is then read, which a test cannot wait for.
 */
static void limit_on_file_size(void **state)
{
	char *dir = unit_tmpdir(), path[4200];
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	struct got g;
	void *ctx = &g;
	int fd;

	(void)state;
	assert_true(KP_CSV_FILE_MAX == 64ull << 30);
	memset(&g, 0, sizeof(g));
	snprintf(path, sizeof(path), "%s/huge.csv", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	if (ftruncate(fd, (off_t)(KP_CSV_FILE_MAX + 1)) != 0) {
		close(fd); /* a file system without sparse files: nothing to test */
		unit_rmdir(dir);
		skip();
	}
	close(fd);
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&sink, on_diag, &g);
	assert_int_equal(kp_csv_read(path, "huge.csv", &o, &handler, &ctx, 1, &sink),
			 KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "0:0: e: larger than the 64 GiB a file may have\n");
	assert_int_equal(g.rows, 0);
	got_release(&g);
	unit_rmdir(dir);
}

/* A large file read in parts gives the same records, lines and errors. */
/* Read path in one pass, then in four parts: the same status, records at
 * the same lines and diagnostics (`diag`), and the parts really used.
 * Returns the records. */
static uint64_t one_pass_and_parts(const char *path, int status, const char *diag)
{
	struct kp_buf seq = KP_BUF_INIT;
	struct got g[4];
	void *ctx[4] = { &g[0], &g[1], &g[2], &g[3] };
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	uint64_t rows;
	size_t i;

	kp_csv_opts_init(&o);
	memset(g, 0, sizeof(g));
	kp_diag_sink_init(&sink, on_diag, &g[0]);
	assert_int_equal(kp_csv_read(path, "f.csv", &o, &handler, ctx, 1, &sink), status);
	assert_int_equal(g[0].merges, 0);
	kp_buf_add(&seq, g[0].rec.s, g[0].rec.len);
	assert_string_equal(g[0].diag.s ? g[0].diag.s : "", diag);
	rows = g[0].rows;
	got_release(&g[0]);
	o.threads = 4;
	memset(g, 0, sizeof(g));
	kp_diag_sink_init(&sink, on_diag, &g[0]);
	assert_int_equal(kp_csv_read(path, "f.csv", &o, &handler, ctx, 4, &sink), status);
	assert_int_equal(g[0].merges, 1); /* it was read in parts */
	assert_int_equal(g[0].rows, rows);
	assert_true(g[0].rec.len == seq.len && memcmp(g[0].rec.s, seq.s, seq.len) == 0);
	assert_string_equal(g[0].diag.s ? g[0].diag.s : "", diag);
	for (i = 0; i < 4; i++)
		got_release(&g[i]);
	kp_buf_release(&seq);
	return rows;
}

/* Read with a cache of buffers: records, diagnostics and hash as "R...D...H". */
static void read_cached(const char *path, struct kp_csv_opts *o, struct kp_buf *out)
{
	struct got g[4];
	void *ctx[4] = { &g[0], &g[1], &g[2], &g[3] };
	struct kp_diag_sink sink;
	char sha[65];
	size_t i;
	int rc;

	memset(g, 0, sizeof(g));
	kp_diag_sink_init(&sink, on_diag, &g[0]);
	rc = kp_csv_read_hashed(path, "f.csv", o, &handler, ctx, 4, &sink, sha);
	kp_buf_addf(out, "%d R%s D%s H%s\n", rc, g[0].rec.s ? g[0].rec.s : "",
		    g[0].diag.s ? g[0].diag.s : "", sha);
	for (i = 0; i < 4; i++)
		got_release(&g[i]);
}

/* Files read one after another with one kp_csv_cache give what each gives
 * alone: small and large, in parts, with a BOM, in Windows-1258 found
 * after a start as UTF-8 (the read starts again), empty, absent, with
 * errors, and with a field too wide for the buffers the cache keeps. */
static void cache_changes_nothing(void **state)
{
	struct kp_buf big = KP_BUF_INIT, wide = KP_BUF_INIT, with = KP_BUF_INIT,
		      without = KP_BUF_INIT;
	char *dir = unit_tmpdir(), path[4200];
	const char *files[] = { "a.csv", "big.csv", "bom.csv", "a.csv", "cp.csv",
				"empty.csv", "none.csv", "bad.csv", "wide.csv", "a.csv",
				"big.csv", "a.csv" };
	struct kp_csv_cache cache;
	struct kp_csv_opts o;
	size_t i, round;

	(void)state;
	unit_writes(dir, "a.csv", "id,name\n1,Trần Quốc Đông\n2,\"Lê, Thị\"\n");
	unit_writes(dir, "bom.csv", "\xef\xbb\xbfid;v\n1;x\n");
	unit_writes(dir, "cp.csv", "id,name\n1,Tr\xc3\xa2n\n2,L\xea\n");
	unit_writes(dir, "empty.csv", "");
	unit_writes(dir, "bad.csv", "id,v\n1,\"x\n2,y,z\n");
	kp_buf_addstr(&big, "id,v\n");
	for (i = 0; i < 200000; i++)
		kp_buf_addf(&big, "%zu,%s\n", i, i % 7 ? "x" : "Nguyễn Văn An");
	unit_write(dir, "big.csv", big.s, big.len);
	kp_buf_addstr(&wide, "id,v\n1,");
	for (i = 0; i < 3000000; i++)
		kp_buf_addch(&wide, 'w');
	kp_buf_addstr(&wide, "\n");
	unit_write(dir, "wide.csv", wide.s, wide.len);
	memset(&cache, 0, sizeof(cache));
	for (round = 0; round < 2; round++) {
		kp_csv_opts_init(&o);
		o.threads = 2;
		o.cache = round ? &cache : NULL;
		for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
			read_cached(path, &o, round ? &with : &without);
		}
	}
	assert_non_null(cache.buf); /* kept for the next */
	kp_csv_cache_release(&cache);
	assert_null(cache.buf);
	assert_true(with.len == without.len && memcmp(with.s, without.s, with.len) == 0);
	assert_non_null(strstr(with.s, "Windows-1258"));
	kp_buf_release(&big);
	kp_buf_release(&wide);
	kp_buf_release(&with);
	kp_buf_release(&without);
	unit_rmdir(dir);
}

static void parts_equal_one_pass(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	char *dir = unit_tmpdir(), path[4200];
	size_t i;

	(void)state;
	kp_buf_addstr(&b, "id,v\n");
	for (i = 0; i < 400000; i++) {
		if (i % 99991 == 7)
			kp_buf_addstr(&b, "\n"); /* blank lines move line numbers */
		if (i == 300001)
			kp_buf_addstr(&b, "bad,\"q\n"); /* an error late in the file */
		kp_buf_addf(&b, "%zu,x%s\n", i, i % 3 ? "" : "yzzzzzzzzzzzzzzzz");
	}
	unit_write(dir, "big.csv", b.s, b.len);
	snprintf(path, sizeof(path), "%s/big.csv", dir);
	assert_int_equal(one_pass_and_parts(path, KP_EXIT_DATA,
			 "300007:5: e: quoted field not closed at the end of the line\n"),
			 400001);
	kp_buf_release(&b);
	unit_rmdir(dir);
}

/* Append a line of b whose end `end` starts at offset `at`. */
static void line_ending_at(struct kp_buf *b, size_t no, size_t at, const char *end)
{
	kp_buf_addf(b, "%zu,", no);
	while (b->len < at)
		kp_buf_addch(b, 'x');
	kp_buf_addstr(b, end);
}

/*
 * CRLF lines with lone CRs among them (a line end too), one of them on the
 * last byte of the first MiB and a CRLF cut by the second MiB (a part's
 * first line is found by counting the line ends before it, a MiB at a
 * time: csv.c's CHUNK): the parts give the one pass's records at the one
 * pass's lines.
 */
static void parts_count_every_line_end(void **state)
{
	const size_t mib = (size_t)1 << 20;
	struct kp_buf b = KP_BUF_INIT;
	char *dir = unit_tmpdir(), path[4200];
	int cut1 = 0, cut2 = 0;
	size_t i;

	(void)state;
	kp_buf_addstr(&b, "id,v\r\n");
	for (i = 0; b.len < 6 * mib; i++) {
		if (!cut1 && b.len + 64 > mib - 1) {
			line_ending_at(&b, i, mib - 1, "\r");
			cut1 = 1;
		} else if (!cut2 && b.len + 64 > 2 * mib - 1) {
			line_ending_at(&b, i, 2 * mib - 1, "\r\n");
			cut2 = 1;
		} else {
			kp_buf_addf(&b, "%zu,v%s", i, i % 997 == 5 ? "\r" : "\r\n");
		}
	}
	assert_int_equal(b.s[mib - 1], '\r');
	assert_int_not_equal(b.s[mib], '\n');
	assert_int_equal(b.s[2 * mib - 1], '\r');
	assert_int_equal(b.s[2 * mib], '\n');
	unit_write(dir, "crlf.csv", b.s, b.len);
	snprintf(path, sizeof(path), "%s/crlf.csv", dir);
	assert_int_equal(one_pass_and_parts(path, KP_EXIT_OK, ""), i + 1);
	kp_buf_release(&b);
	unit_rmdir(dir);
}

/* What a test does to the file once its header is read. */
static const char *meddle_path;
static int meddle_how;	/* 1: replace it by another file; 2: append to it */

static int on_header_meddle(void *ctx, const struct kp_csv_record *r,
			    struct kp_diag_sink *sink)
{
	char tmp[4300];
	int fd;

	if (meddle_how == 1) {
		snprintf(tmp, sizeof(tmp), "%s.new", meddle_path);
		fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, "id,v\n9,z\n", 10), 10);
		close(fd);
#ifdef _WIN32
		/* rename() there never replaces a file; Windows' own call may
		 * be refused a file open for reading: either way the bytes
		 * counted and hashed must be the old ones */
		(void)MoveFileExA(tmp, meddle_path, MOVEFILE_REPLACE_EXISTING);
#else
		assert_int_equal(rename(tmp, meddle_path), 0);
#endif
	} else if (meddle_how == 2) {
		fd = open(meddle_path, O_WRONLY | O_APPEND);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, "7,more\n", 7), 7);
		close(fd);
	}
	return on_rec(ctx, r, sink);
}

static const struct kp_csv_handler meddled = {
	on_header_meddle, on_rec, on_reset, on_merge, NULL
};

/* The audit hash is that of the bytes counted, taken as they are read
 * (issue 11: a file replaced during a tally gave results from the old
 * bytes beside the hash of the new ones). */
static void hash_is_of_the_bytes_counted(void **state)
{
	static const char old[] = "id,v\n1,a\n2,b\n";
	char *dir = unit_tmpdir(), path[4200], got_hex[65], want[65];
	struct kp_sha256 *h = kp_sha256_new();
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	struct got g;
	void *ctx = &g;

	(void)state;
	kp_sha256_update(h, old, strlen(old));
	kp_sha256_final(h, want);
	kp_sha256_free(h);
	unit_write(dir, "f.csv", old, strlen(old));
	snprintf(path, sizeof(path), "%s/f.csv", dir);
	meddle_path = path;
	meddle_how = 1;
	memset(&g, 0, sizeof(g));
	kp_csv_opts_init(&o);
	kp_diag_sink_init(&sink, on_diag, &g);
	assert_int_equal(kp_csv_read_hashed(path, "f.csv", &o, &meddled, &ctx, 1,
					    &sink, got_hex), KP_EXIT_OK);
	/* the old bytes were counted, and hashed */
	assert_string_equal(g.rec.s, "1:id|v\n2:1|a\n3:2|b\n");
	assert_string_equal(got_hex, want);
	got_release(&g);
	meddle_how = 0;
	unit_rmdir(dir);
}

static void hash_in_parts_detects_a_change(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	struct got g[4];
	void *ctx[4] = { &g[0], &g[1], &g[2], &g[3] };
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	char *dir = unit_tmpdir(), path[4200], hex[65];
	size_t i;

	(void)state;
	kp_buf_addstr(&b, "id,v\n");
	for (i = 0; i < 600000; i++)
		kp_buf_addf(&b, "%zu,abcdefgh\n", i);
	unit_write(dir, "big.csv", b.s, b.len);
	snprintf(path, sizeof(path), "%s/big.csv", dir);
	kp_csv_opts_init(&o);
	o.threads = 4;
	/* untouched, in parts: the hash is still the whole file's */
	meddle_how = 0;
	memset(g, 0, sizeof(g));
	kp_diag_sink_init(&sink, on_diag, &g[0]);
	assert_int_equal(kp_csv_read_hashed(path, "big.csv", &o, &meddled, ctx, 4,
					    &sink, hex), KP_EXIT_OK);
	assert_int_equal(g[0].merges, 1);
	{
		struct kp_sha256 *h = kp_sha256_new();
		char want[65];

		kp_sha256_update(h, b.s, b.len);
		kp_sha256_final(h, want);
		kp_sha256_free(h);
		assert_string_equal(hex, want);
	}
	for (i = 0; i < 4; i++)
		got_release(&g[i]);
	/* written to while its parts are read: an error, not a wrong hash */
	meddle_path = path;
	meddle_how = 2;
	memset(g, 0, sizeof(g));
	kp_diag_sink_init(&sink, on_diag, &g[0]);
	assert_int_not_equal(kp_csv_read_hashed(path, "big.csv", &o, &meddled, ctx,
						4, &sink, hex), KP_EXIT_OK);
	assert_non_null(strstr(g[0].diag.s, "changed while it was read"));
	assert_string_equal(hex, "");
	for (i = 0; i < 4; i++)
		got_release(&g[i]);
	meddle_how = 0;
	kp_buf_release(&b);
	unit_rmdir(dir);
}

/* A FIFO or a device is never read: it would block, or never end. */
static void only_regular_files(void **state)
{
#ifdef _WIN32
	(void)state;
	print_message("skipped on Windows: FIFOs and /dev/zero are Unix things (a Windows device is refused by the same check)\n");
	skip();
#else
	char *dir = unit_tmpdir(), path[4200];
	struct kp_diag_sink sink;
	struct kp_csv_opts o;
	struct got g;
	void *ctx = &g;

	(void)state;
	snprintf(path, sizeof(path), "%s/fifo.csv", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	kp_csv_opts_init(&o);
	memset(&g, 0, sizeof(g));
	kp_diag_sink_init(&sink, on_diag, &g);
	assert_int_equal(kp_csv_read(path, "fifo.csv", &o, &handler, &ctx, 1, &sink),
			 KP_EXIT_IO);
	assert_string_equal(g.diag.s, "0:0: e: not a regular file (a pipe, a device, "
			    "or a link to one): kiemphieu reads regular files only\n");
	got_release(&g);
	memset(&g, 0, sizeof(g));
	assert_int_equal(kp_csv_read("/dev/zero", "zero", &o, &handler, &ctx, 1,
				     &sink), KP_EXIT_IO);
	got_release(&g);
	unit_rmdir(dir);
#endif
}

/* A lone CR ends a line: each record its own line number. */
static void lone_cr_is_a_line_end(void **state)
{
	struct got g;

	(void)state;
	assert_int_equal(read_str("a,b\n1,2\r3,4\n5,6\r\n7,8\r", &g), KP_EXIT_OK);
	assert_string_equal(g.rec.s, "1:a|b\n2:1|2\n3:3|4\n4:5|6\n5:7|8\n");
	got_release(&g);
	assert_int_equal(read_str("a,b\r1,x\"y\r", &g), KP_EXIT_DATA);
	assert_string_equal(g.diag.s, "2:4: e: stray quote: a field that holds a quote "
			    "must be enclosed in quotes, with its quotes doubled\n");
	got_release(&g);
}

static void columns_count_characters(void **state)
{
	struct kp_csv_record r;
	static const char raw[] = "Nguy\xe1\xbb\x85n,\"a,b\",x\r\n";

	(void)state;
	memset(&r, 0, sizeof(r));
	r.raw = raw;
	r.rawlen = sizeof(raw) - 1;
	r.delim = ',';
	/* the character column, and the field above it (for "column C") */
	assert_int_equal(kp_csv_col(&r, 0), KP_DIAG_FIELD(1, 1));
	assert_int_equal(kp_csv_col(&r, 1), KP_DIAG_FIELD(8, 2)); /* after 6 characters and ',' */
	assert_int_equal(kp_csv_col(&r, 2), KP_DIAG_FIELD(14, 3)); /* a quoted comma is no delimiter */
	assert_int_equal(kp_csv_col(&r, 3), KP_DIAG_FIELD(15, 4)); /* past the end: the line's end */
}

/* A diagnostic says which spreadsheet column its field is in, and in a
 * workbook which cell; its message stays as written. */
static void diagnostics_name_the_column(void **state)
{
	struct kp_diag_list l;
	char w[48];

	(void)state;
	kp_diag_list_init(&l, 10);
	kp_error(&l.sink, "a.csv", 4, KP_DIAG_FIELD(17, 3), "mark '%s'", "v");
	kp_error(&l.sink, "b.xlsx", 37, 3, "mark '%s'", "v");
	kp_error(&l.sink, "c.csv", 2, 5, "no field known");
	kp_error(&l.sink, "d.csv", 0, 0, "the whole file");
	kp_error(&l.sink, "e.csv", 1, KP_DIAG_FIELD(40, 28), "far right");
	assert_int_equal(l.n, 5);
	assert_int_equal(l.items[0].col, 17);
	assert_string_equal(l.items[0].msg_en, "mark 'v'");
	assert_string_equal(kp_diag_where(&l.items[0], 0, w), "column C: ");
	assert_int_equal(l.items[1].col, 3);
	assert_string_equal(kp_diag_where(&l.items[1], 0, w), "cell C37: ");
	assert_string_equal(kp_diag_where(&l.items[2], 0, w), "");
	assert_string_equal(kp_diag_where(&l.items[3], 0, w), "");
	assert_string_equal(kp_diag_where(&l.items[4], 0, w), "column AB: ");
	kp_diag_list_release(&l);
}

/* The fast path of plain rows against libcsv: the same records, with the
 * same lines and columns, and the same diagnostics, on rows at every edge
 * of what it takes (and of what it leaves to libcsv). */
static void fast_path_equals_libcsv(void **state)
{
	static const char *const in[] = {
		"ballot,1,2,3\n001,x,,x\n002,,,\n,,,\n003,x,x,x",
		"ballot;1;2\r\n1;x;\r\n2;;x\r\n\r\n3;x;x\r\n",
		"ballot\t1\t2\n1\tx\t\n2\t\tx\n",
		/* a lone CR ends a line; a trailing delimiter is an empty field */
		"ballot,1\r1,x\r2,\r3,x,\n",
		/* what the fast path leaves: quotes, spaces, tabs, high bytes,
		 * controls, stray quotes, a quoted field not closed */
		"ballot,1,2\n\"1\",x,\n2, x ,\n3,\tx,\n4,đ,\n5,\x01,\n6,a\"b,\n7,\"x,\n",
		/* wrong field counts, an empty id, blank lines between */
		"ballot,1,2\n1,x\n\n2,x,,\n,x,\n   \n3,x,x\n",
		/* a semicolon row in a comma file stays one field */
		"ballot,1,2\n1;x;\n2,x,\n",
		/* text rows: letters beyond ASCII, spaces inside a field (one
		 * or two), and what leaves them to libcsv: a space at a
		 * field's end, a no-break space, a C1 control, a mark that
		 * reorders text, a byte order mark inside, a stray quote */
		"contest,no,name\nbch,1,Trần Quốc Đông\nbch,2,Lê  Thị\r\nbch,3, An\n"
		"bch,4,An ,x\nbch,5,\xc2\xa0" "An\nbch,6,A\xc2\x9bn\nbch,7,A\xe2\x80\xaen\n"
		"bch,8,\xef\xbb\xbf" "An\nbch,9,Ngô \"Bảo\"\nđ,đ đ,đ\n",
		/* the same file in Windows-1258 (the guess of UTF-8 fails) */
		"contest,no,name\nbch,1,Tr\xc3\xa2n\nbch,2,L\xea Th\xef\n",
	};
	struct kp_csv_opts fast, slow;
	struct got a, b;
	size_t i;
	char big[12000];

	(void)state;
	kp_csv_opts_init(&fast);
	kp_csv_opts_init(&slow);
	slow.libcsv_only = 1;
	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		int ra = read_bytes(in[i], strlen(in[i]), &fast, &a);
		int rb = read_bytes(in[i], strlen(in[i]), &slow, &b);

		assert_int_equal(ra, rb);
		assert_string_equal(a.rec.s, b.rec.s);
		assert_string_equal(a.diag.s, b.diag.s);
		got_release(&a);
		got_release(&b);
	}
	/* a row longer than the fast path takes, and one of 4,097 fields */
	{
		size_t n = 0, k;

		n += (size_t)snprintf(big, sizeof(big), "a,b\n1,");
		for (k = 0; k < 5000; k++)
			big[n++] = 'x';
		n += (size_t)snprintf(big + n, sizeof(big) - n, "\n2");
		for (k = 0; k < 4097; k++)
			big[n++] = ',';
		big[n++] = '\n';
		assert_int_equal(read_bytes(big, n, &fast, &a), read_bytes(big, n, &slow, &b));
		assert_string_equal(a.rec.s, b.rec.s);
		assert_string_equal(a.diag.s, b.diag.s);
		assert_non_null(strstr(a.diag.s, "more than 4096 fields"));
		got_release(&a);
		got_release(&b);
	}
	/* one byte (or letter) that is not plain at every place of rows of
	 * every length to 100 (the vector scan's blocks of 16 and 32, and its
	 * last piece loaded to end at the row's end; a space at a field's end
	 * and inside it), and rows that end at 4,096 and 4,097 bytes with
	 * CRLF and LF */
	{
		static const char *const bad[] = {
			" ", "\"", "\t", "\x7f", "\x80", "\r", "  ", "\xc4\x91",
			"\xc2\x9b", "\xc2\xa0", "\xe2\x80\xae", "\xff", "\xe1\xbb",
		};
		struct kp_buf f = KP_BUF_INIT;
		size_t len, at, k, j;

		for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
			kp_buf_reset(&f);
			kp_buf_addstr(&f, "a,b\n");
			for (len = 1; len <= 100; len++)
				for (at = 0; at < len; at++) {
					for (j = 0; j < len; j++)
						if (j == at)
							kp_buf_addstr(&f, bad[k]);
						else
							kp_buf_addch(&f, j % 3 ? 'x' : ',');
					kp_buf_addstr(&f, at % 2 ? "\r\n" : "\n");
				}
			for (len = 4095; len <= 4097; len++) {
				for (j = 0; j < len; j++)
					kp_buf_addch(&f, j == 1 ? ',' : 'x');
				kp_buf_addstr(&f, len % 2 ? "\r\n" : "\n");
			}
			assert_int_equal(read_bytes(f.s, f.len, &fast, &a),
					 read_bytes(f.s, f.len, &slow, &b));
			assert_string_equal(a.rec.s, b.rec.s);
			assert_string_equal(a.diag.s, b.diag.s);
			got_release(&a);
			got_release(&b);
		}
		kp_buf_release(&f);
	}
}

static void writing_quotes_when_needed(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	const char *row[] = { "plain", "a,b", "say \"hi\"", " pad", "Nguyễn", "x;y" };

	(void)state;
	kp_csv_put_row(&b, row, 6, KP_CSV_CRLF);
	assert_string_equal(b.s, "plain,\"a,b\",\"say \"\"hi\"\"\",\" pad\",Nguyễn,\"x;y\"\r\n");
	kp_buf_reset(&b);
	{
		/* for Excel, nothing that looks like a formula runs */
		const char *bad[] = { "=1+1", "+49", "-2", "@SUM(A1)", "Lê =", "" };

		kp_csv_put_row(&b, bad, 6, KP_CSV_EXCEL);
		assert_string_equal(b.s, "'=1+1,'+49,'-2,'@SUM(A1),Lê =,\r\n");
	}
	kp_buf_release(&b);
}

/* Tab-separated UTF-16LE for Excel: every separator a tab, the text in
 * UTF-16LE after FF FE, a character past the BMP as a surrogate pair. */
static void writing_utf16_with_tabs(void **state)
{
	struct kp_buf t = KP_BUF_INIT, b = KP_BUF_INIT;
	const char *row[] = { "a", "b\tc", "Đ" };
	static const char want[] = "\xff\xfe" "a\0\t\0\"\0b\0\t\0c\0\"\0\t\0"
				   "\x10\x01\n\0";

	(void)state;
	kp_csv_put_row(&t, row, 3, KP_CSV_TAB);
	assert_string_equal(t.s, "a\t\"b\tc\"\tĐ\n");
	assert_int_equal(kp_csv_utf16le(&b, t.s, t.len), 0);
	assert_int_equal(b.len, sizeof(want) - 1);
	assert_memory_equal(b.s, want, sizeof(want) - 1);
	/* the same row in one call, CRLF-ended */
	kp_buf_reset(&b);
	kp_csv_put_unicode_row(&b, row, 3);
	assert_int_equal(b.len, sizeof(want) - 1 + 2);
	assert_memory_equal(b.s, want, sizeof(want) - 3);
	assert_memory_equal(b.s + sizeof(want) - 3, "\r\0\n\0", 4);
	kp_buf_reset(&b);
	assert_int_equal(kp_csv_utf16le(&b, "\xf0\x9f\x97\xb3", 4), 0); /* U+1F5F3 */
	assert_memory_equal(b.s, "\xff\xfe\x3d\xd8\xf3\xdd", 6);
	/* not UTF-8: nothing is appended */
	kp_buf_reset(&b);
	kp_buf_addstr(&b, "kept");
	assert_int_equal(kp_csv_utf16le(&b, "a\xff", 2), -1);
	assert_int_equal(b.len, 4);
	assert_string_equal(b.s, "kept");
	kp_buf_release(&t);
	kp_buf_release(&b);
}

static void encoding_names(void **state)
{
	enum kp_encoding e;

	(void)state;
	assert_int_equal(kp_encoding_parse("Windows-1258", &e), 0);
	assert_int_equal(e, KP_ENC_CP1258);
	assert_int_equal(kp_encoding_parse("UTF-16LE", &e), 0);
	assert_int_equal(e, KP_ENC_UTF16LE);
	assert_int_equal(kp_encoding_parse("latin1", &e), -1);
	assert_string_equal(kp_encoding_name(KP_ENC_UTF16BE), "UTF-16BE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(delimiters_are_detected),
		cmocka_unit_test(delimiter_can_be_forced),
		cmocka_unit_test(header_delimiters_equal_libcsv),
		cmocka_unit_test(lines_blank_crlf_and_empty_records),
		cmocka_unit_test(boms_and_utf16),
		cmocka_unit_test(windows_1258_is_a_fallback),
		cmocka_unit_test(strictness_errors_with_positions),
		cmocka_unit_test(nul_byte_hints_at_utf16),
		cmocka_unit_test(limits_on_fields),
		cmocka_unit_test(a_long_line_in_pieces_keeps_its_letters),
		cmocka_unit_test(missing_file_and_directory),
		cmocka_unit_test(limit_on_file_size),
		cmocka_unit_test(parts_equal_one_pass),
		cmocka_unit_test(hash_is_of_the_bytes_counted),
		cmocka_unit_test(hash_in_parts_detects_a_change),
		cmocka_unit_test(only_regular_files),
		cmocka_unit_test(lone_cr_is_a_line_end),
		cmocka_unit_test(parts_count_every_line_end),
		cmocka_unit_test(columns_count_characters),
		cmocka_unit_test(diagnostics_name_the_column),
		cmocka_unit_test(fast_path_equals_libcsv),
		cmocka_unit_test(cache_changes_nothing),
		cmocka_unit_test(writing_quotes_when_needed),
		cmocka_unit_test(writing_utf16_with_tabs),
		cmocka_unit_test(encoding_names),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
