/*
 * The CSV reader and writer: the only file that includes <csv.h>.
 *
 * libcsv gives fields and record ends but no positions, so the reader feeds
 * it one physical line at a time and counts lines itself; a column is found,
 * only when a diagnostic needs one, by feeding the record's line to a second
 * parser byte by byte. Fields may not hold line breaks (none of our formats
 * needs one), which makes every line end a record boundary: an unclosed
 * quote costs one line, not the rest of the file, and a large file can be
 * cut at any line end and its parts parsed side by side.
 */
#include "kiemphieu/csv.h"
#include "xlsx.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/sha256.h"
#include "bytemask.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

#define CHUNK (1u << 20)		/* bytes read at a time */
#define LINE_FEED_MAX (1u << 20)	/* a longer line is fed in pieces */
#define RAW_MAX (KP_CSV_FIELD_MAX + 4096u)
#define PART_MIN (2u << 20)		/* smallest part worth a thread */
#define WHOLE_MAX (64u << 10)		/* files up to this are read in one go */
#define DIAG_KEEP 1000			/* diagnostics kept per part */

int kp_encoding_parse(const char *name, enum kp_encoding *out)
{
	static const struct {
		const char *name;
		enum kp_encoding enc;
	} names[] = {
		{ "auto", KP_ENC_AUTO },	  { "utf-8", KP_ENC_UTF8 },
		{ "utf8", KP_ENC_UTF8 },	  { "utf-16le", KP_ENC_UTF16LE },
		{ "utf-16be", KP_ENC_UTF16BE },	  { "windows-1258", KP_ENC_CP1258 },
		{ "cp1258", KP_ENC_CP1258 },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (kp_text_eq_ascii_ci(name, strlen(name), names[i].name)) {
			*out = names[i].enc;
			return 0;
		}
	return -1;
}

const char *kp_encoding_name(enum kp_encoding e)
{
	switch (e) {
	case KP_ENC_UTF8:
		return "UTF-8";
	case KP_ENC_UTF16LE:
		return "UTF-16LE";
	case KP_ENC_UTF16BE:
		return "UTF-16BE";
	case KP_ENC_CP1258:
		return "Windows-1258";
	case KP_ENC_AUTO:
		break;
	}
	return "auto";
}

void kp_csv_opts_init(struct kp_csv_opts *o)
{
	o->encoding = KP_ENC_AUTO;
	o->delimiter = 0;
	o->threads = 1;
	o->libcsv_only = 0;
	o->cache = NULL;
}

#define CACHE_KEEP (1u << 20)	/* a larger buffer is freed, not kept */
#define PARSER_BLOCK 1024u	/* libcsv's first buffer, and its step */

void kp_csv_cache_release(struct kp_csv_cache *c)
{
	if (!c)
		return;
	free(c->buf);
	free(c->arena);
	free(c->whole);
	free(c->fields);
	kp_sha256_free(c->hash);
	memset(c, 0, sizeof(*c));
}

/* libcsv grows its field buffer through this: refusing to go past the
 * field limit bounds the memory a hostile file can make us use. libcsv asks
 * for one block (1 KiB) more each time; the room given doubles instead, so
 * that a long field is not copied once a block (realloc leaves a buffer
 * that is large enough where it is), and the first is small enough for
 * malloc's per-thread cache. */
static void *capped_realloc(void *p, size_t n)
{
	size_t room = PARSER_BLOCK;

	if (n > KP_CSV_FIELD_MAX + 8192u)
		return NULL;
	while (room < n)
		room *= 2;
	return realloc(p, room);
}

static int parser_init(struct csv_parser *p, unsigned char delim)
{
	if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return -1;
	/* libcsv trims spaces and tabs around unquoted fields; it tests for
	 * the delimiter first, so a tab delimiter still splits fields */
	csv_set_delim(p, delim);
	csv_set_realloc_func(p, capped_realloc);
	csv_set_blk_size(p, PARSER_BLOCK);
	return 0;
}

/* --- columns, computed only for diagnostics --- */

struct colscan {
	size_t fields;
};

static void colscan_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct colscan *)data)->fields++;
}

static void colscan_row(int c, void *data)
{
	(void)c;
	(void)data;
}

static uint64_t chars_in(const char *s, size_t n)
{
	uint64_t c = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* The character column of field i (from 0) of a CSV record. */
static uint64_t char_col(const struct kp_csv_record *r, size_t i)
{
	struct csv_parser p;
	struct colscan cs = { 0 };
	size_t pos, len = r->rawlen;

	if (!r->raw || i == 0)
		return 1;
	while (len && (r->raw[len - 1] == '\n' || r->raw[len - 1] == '\r'))
		len--;
	if (parser_init(&p, r->delim) != 0)
		return 1;
	for (pos = 0; pos < len; pos++) {
		if (csv_parse(&p, r->raw + pos, 1, colscan_field, colscan_row,
			      &cs) != 1)
			break;
		if (cs.fields == i) {
			csv_free(&p);
			return chars_in(r->raw, pos + 1) + 1;
		}
	}
	csv_free(&p);
	return chars_in(r->raw, len) + 1;
}

uint64_t kp_csv_col(const struct kp_csv_record *r, size_t i)
{
	if (r->cols)
		return i < r->nfields ? r->cols[i] : r->nfields + 1;
	/* the character, and the field for its letter ("column C") */
	return KP_DIAG_FIELD(char_col(r, i), i + 1);
}

/* --- delimiter detection --- */

#define FAST_MAX 4096u		/* a longer line always goes through libcsv */

static void count_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(*(size_t *)data)++;
}

static void count_row(int c, void *data)
{
	(void)c;
	(void)data;
}

/*
 * The fields libcsv finds in bytes without a quote, for each delimiter of
 * cands[3] (comma, semicolon, tab), with no parser: a run of bytes between
 * line ends (CR or LF) that holds anything but spaces and tabs other than
 * the delimiter is a row of one field more than it has delimiters; a run
 * of spaces and tabs alone is no row. Taken only when the fast path is
 * (r->fast): fuzz_fastpath and the unit test header_delimiters_equal_libcsv
 * hold it to libcsv's count.
 */
static void fields_unquoted(const char *s, size_t len, size_t n[3])
{
	size_t d[3] = { 0, 0, 0 }, i, k;
	int other = 0;		/* a byte but space, tab, comma, semicolon */

	n[0] = n[1] = n[2] = 0;
	for (i = 0; i <= len; i++) {
		switch (i < len ? s[i] : '\n') {
		case '\r':
		case '\n':
			for (k = 0; k < 3; k++)
				if (other || d[0] || d[1] || (k == 2 && d[2]))
					n[k] += d[k] + 1;
			other = 0;
			d[0] = d[1] = d[2] = 0;
			break;
		case ',':
			d[0]++;
			break;
		case ';':
			d[1]++;
			break;
		case '\t':
			d[2]++;
			break;
		case ' ':
			break;
		default:
			other = 1;
		}
	}
}

/* The delimiter that splits the header line into the most fields, by
 * parsing it with each; comma wins a tie. A line without a quote is
 * counted without libcsv when `fast`. */
static char detect_delim(const char *line, size_t len, int fast)
{
	static const char cands[] = { ',', ';', '\t' };
	size_t best = 0, i, counted[3];
	char delim = ',';

	fast = fast && len <= FAST_MAX && !memchr(line, '"', len);
	if (fast)
		fields_unquoted(line, len, counted);
	for (i = 0; i < sizeof(cands); i++) {
		struct csv_parser p;
		size_t n = 0;

		if (fast) {
			n = counted[i];
		} else {
			if (parser_init(&p, (unsigned char)cands[i]) != 0)
				continue;
			csv_set_opts(&p, 0); /* lenient: only counting */
			csv_parse(&p, line, len, count_field, count_row, &n);
			csv_fini(&p, count_field, count_row, &n);
			csv_free(&p);
		}
		if (n > best) {
			best = n;
			delim = cands[i];
		}
	}
	return delim;
}

/* --- the reader --- */

struct reader {
	const char *path, *name;
	const struct kp_csv_handler *h;
	int fd;
	uint64_t size;
	size_t bom;			/* bytes of BOM skipped */
	unsigned char head[8];		/* the file's first bytes, read once */
	size_t headlen;
	/* a small file, read whole when it is opened (one read, not three):
	 * read_at takes its bytes from here */
	char *whole;
	enum kp_encoding enc;		/* after the BOM: never AUTO */
	int auto_utf8;			/* UTF-8 guessed: fall back to 1258 */
	char delim;
	int fast;			/* plain rows may skip libcsv */
	atomic_int restart;		/* invalid UTF-8 seen in a guessed file */
	struct kp_os_stamp stamp;	/* of the file when it was opened */
	struct kp_sha256 *hash;		/* of the bytes read, when asked */
	struct kp_csv_cache *cache;	/* kp_csv_opts.cache */
	uint64_t hashed;		/* bytes of the file hashed so far */
	int hashed_apart;		/* by a thread of its own, beside the
					 * parts: check the file's stamp */
};

struct part {
	struct reader *r;
	void *ctx;
	struct kp_diag_list diags;
	uint64_t pos, end;		/* file byte range still to read */
	uint64_t line;			/* physical line of the next byte */
	int eof, io_error;
	int hashing;			/* part 0 of a hashed read: it feeds the
					 * hash (no other part touches it) */
	/* decoding (UTF-16, Windows-1258) */
	struct kp_os_conv *cd;
	char *in;
	size_t inlen;
	/* decoded UTF-8 bytes, not yet fed */
	char *buf;
	size_t start, len, alloc;
	uint64_t fed;			/* decoded bytes fed so far */
	uint64_t cr_clear;		/* no CR before this offset (of fed) */
	/* libcsv and the record being assembled */
	struct csv_parser p;
	int parser_ok;
	int in_record, bad, header_done, stop, stop_after_header;
	uint64_t rec_line;
	uint64_t bad_utf8_line;		/* first line with invalid UTF-8 (auto) */
	/* the record's fields point into the arena, which is grown before
	 * each line is fed so that it never moves in the middle of a line */
	char *arena;
	size_t arena_len, arena_alloc;
	struct kp_csv_field *fields;
	size_t nf, fields_alloc;
	/* the record's text, for columns: the line in buf, or a copy of the
	 * pieces of a very long line */
	const char *raw;
	size_t rawlen;
	struct kp_buf rawcopy;
};

/* A part's buffers for the cache's: one side is always empty, so that this
 * takes them (a part starting) or gives them back (a part ending). */
static void swap_buffers(struct part *pt, struct kp_csv_cache *c)
{
	char *b = pt->buf, *a = pt->arena;
	struct kp_csv_field *f = pt->fields;
	size_t bn = pt->alloc, an = pt->arena_alloc, fn = pt->fields_alloc;

	pt->buf = c->buf;
	pt->alloc = c->buf_alloc;
	pt->arena = c->arena;
	pt->arena_alloc = c->arena_alloc;
	pt->fields = c->fields;
	pt->fields_alloc = c->fields_alloc;
	c->buf = b;
	c->buf_alloc = bn;
	c->arena = a;
	c->arena_alloc = an;
	c->fields = f;
	c->fields_alloc = fn;
}

static void part_init(struct part *pt, struct reader *r, void *ctx)
{
	memset(pt, 0, sizeof(*pt));
	pt->r = r;
	pt->ctx = ctx;
	pt->cd = NULL;
	pt->line = 1;

	kp_diag_list_init(&pt->diags, DIAG_KEEP);
	kp_buf_init(&pt->rawcopy);
	if (r->cache)
		swap_buffers(pt, r->cache); /* (kp_xgrow grows them as its own) */
}

static void part_release(struct part *pt)
{
	struct kp_csv_cache *c = pt->r->cache;

	if (pt->parser_ok)
		csv_free(&pt->p);
	kp_os_conv_close(pt->cd);
	free(pt->in);
	/* the first part to end gives its buffers back, unless they grew large */
	if (c && !c->buf && pt->alloc <= CACHE_KEEP && pt->arena_alloc <= CACHE_KEEP &&
	    pt->fields_alloc <= CACHE_KEEP / sizeof(*pt->fields))
		swap_buffers(pt, c);
	free(pt->buf);
	free(pt->arena);
	free(pt->fields);
	kp_buf_release(&pt->rawcopy);
	kp_diag_list_release(&pt->diags);
}

static struct kp_diag_sink *psink(struct part *pt)
{
	return &pt->diags.sink;
}

static void record_reset(struct part *pt)
{
	pt->nf = 0;
	pt->arena_len = 0;
	pt->bad = 0;
	pt->in_record = 0;
}

static void parser_reset(struct part *pt)
{
	if (pt->parser_ok)
		csv_free(&pt->p);
	pt->parser_ok = parser_init(&pt->p, (unsigned char)pt->r->delim) == 0;
	record_reset(pt);
}

/* A record as the handler sees it. */
static void make_record(struct part *pt, struct kp_csv_record *rec)
{
	rec->file = pt->r->name;
	rec->line = pt->rec_line;
	rec->nfields = pt->nf;
	rec->fields = pt->fields;
	rec->raw = pt->raw;
	rec->rawlen = pt->rawlen;
	rec->delim = (unsigned char)pt->r->delim;
	rec->cols = NULL;
}

/* Room in the arena for `len` more bytes of input (a field is never longer
 * than its text, and each takes one more byte for its NUL), and in the
 * field array for the fields they can hold. */
static void arena_reserve(struct part *pt, size_t len)
{
	size_t need = pt->arena_len + 2 * len + 2;
	size_t fields = pt->nf + len + 2; /* a line of len bytes has at most len + 1 fields */
	char *old = pt->arena;
	size_t i;

	if (fields > KP_CSV_FIELDS_MAX + 1)
		fields = KP_CSV_FIELDS_MAX + 1;
	if (fields > pt->fields_alloc)
		pt->fields = kp_xgrow(pt->fields, &pt->fields_alloc, fields,
				      sizeof(*pt->fields));
	if (need <= pt->arena_alloc)
		return;
	pt->arena = kp_xgrow(pt->arena, &pt->arena_alloc, need, 1);
	for (i = 0; i < pt->nf; i++)
		pt->fields[i].s = pt->arena + (pt->fields[i].s - old);
}

/* The rare cases of a field: a record gone bad, too long, too many. */
static void field_slow(struct part *pt, size_t len)
{
	struct kp_csv_record rec;

	if (pt->bad)
		return;
	make_record(pt, &rec);
	if (len > KP_CSV_FIELD_MAX)
		kp_error(psink(pt), pt->r->name, pt->rec_line,
			 kp_csv_col(&rec, pt->nf), "field longer than %u bytes",
			 KP_CSV_FIELD_MAX);
	else
		kp_error(psink(pt), pt->r->name, pt->rec_line,
			 kp_csv_col(&rec, pt->nf),
			 "more than %u fields in one record", KP_CSV_FIELDS_MAX);
	pt->bad = 1;
}

/* libcsv calls this for every field: the hot path of a ballot file. */
static void on_field(void *s, size_t len, void *data)
{
	struct part *pt = data;
	struct kp_csv_field *f;
	char *d;

	if (pt->bad || len > KP_CSV_FIELD_MAX || pt->nf >= KP_CSV_FIELDS_MAX) {
		field_slow(pt, len);
		return;
	}
	/* arena_reserve() made room; most fields are a byte or two */
	d = pt->arena + pt->arena_len;
	if (len <= 2) {
		const char *c = s;

		if (len > 0)
			d[0] = c[0];
		if (len > 1)
			d[1] = c[1];
	} else {
		memcpy(d, s, len);
	}
	d[len] = '\0';
	f = &pt->fields[pt->nf++];
	f->s = d;
	f->len = len;
	pt->arena_len += len + 1;
}

static void on_row(int c, void *data)
{
	struct part *pt = data;
	struct kp_csv_record rec;
	size_t i;
	int empty = 1;

	(void)c;
	pt->in_record = 0;
	if (pt->bad || pt->stop) {
		record_reset(pt);
		return;
	}
	for (i = 0; i < pt->nf && empty; i++)
		empty = pt->fields[i].len == 0;
	if (!empty) {
		make_record(pt, &rec);
		if (!pt->header_done) {
			pt->header_done = 1;
			if (pt->r->h->header(pt->ctx, &rec, psink(pt)))
				pt->stop = 1;
		} else if (pt->r->h->row(pt->ctx, &rec, psink(pt))) {
			pt->stop = 1;
		}
	}
	record_reset(pt);
}

/* Bytes that are not text: NUL and C0 controls but tab, CR and LF. Returns
 * the offset of the first, or len. */
static size_t find_control(const char *s, size_t len)
{
	size_t i = 0;

	/* eight bytes at a time: is any byte below 0x20? */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull))
			break;
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
		    c == 0x7f)
			return i;
	}
	return len;
}

#define LINE_HIGH 1u	/* has bytes of 0x80 and up: check the UTF-8 */
#define LINE_CONTROL 2u	/* may have control bytes beyond \t \r \n */

/* One pass over a line, eight bytes at a time, for what needs a closer look. */
static unsigned scan_line(const char *s, size_t len)
{
	unsigned flags = 0;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ull)
			flags |= LINE_HIGH;
		if ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull)
			flags |= LINE_CONTROL; /* some byte below 0x20 */
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c & 0x80)
			flags |= LINE_HIGH;
		else if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
			flags |= LINE_CONTROL;
	}
	return flags;
}

static int is_blank_line(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\r' && s[i] != '\n' &&
		    s[i] != '\t')
			return 0;
	return 1;
}

/* The 1-based character column of byte `off` of the line s. */
static uint64_t col_at(const char *s, size_t off)
{
	return chars_in(s, off) + 1;
}

static void report_bad_utf8(struct part *pt, const char *s, size_t len)
{
	const uint8_t *e = u8_check((const uint8_t *)s, len);
	size_t off = e ? (size_t)((const char *)e - s) : 0;

	kp_error(psink(pt), pt->r->name, pt->line, col_at(s, off),
		 "byte 0x%02x is not valid %s",
		 e ? *e : 0, kp_encoding_name(pt->r->enc));
}

/* --- the fast path of plain rows --- */

/*
 * A ballot row is almost always plain: printable ASCII, no quote, no space
 * (and no tab unless it is the delimiter), ended by LF or CRLF. Such a row
 * means to libcsv exactly its bytes split at each delimiter: no quoting, no
 * trimming, nothing to check as text. It is split here without libcsv;
 * every other row, and every header, goes through libcsv (feed_line).
 * tests/fuzz/fuzz_fastpath.c holds the two to the same records and
 * diagnostics, byte for byte (docs/formats.md, "How every file is read").
 */

/* A byte of a plain row, for delimiter d: printable ASCII but the space
 * and the quote, or the delimiter. */
static int plain_byte(unsigned char c, char d)
{
	return (c > 0x20 && c < 0x7f && c != '"') || c == (unsigned char)d;
}

/* How many bytes s[0..len) starts with that are plain for delimiter d:
 * the offset of the first that is not (a line end is not), or len. */
static size_t span_portable(const char *s, size_t len, char d)
{
	size_t i;

	for (i = 0; i < len && plain_byte((unsigned char)s[i], d); i++)
		;
	return i;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* Sixteen bytes at a time (SSE2, which every x86-64 has): a byte is plain
 * when, as a signed byte, it is above ' ' (bytes of 0x80 and up are
 * negative) and below DEL, and not '"'; or it is the delimiter. Bit i of
 * the result is set when byte i is not plain. */
static unsigned not_plain16(const char *p, char d)
{
	const __m128i sp = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f);
	const __m128i q = _mm_set1_epi8('"'), dl = _mm_set1_epi8(d);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i ok = _mm_andnot_si128(_mm_cmpeq_epi8(b, q),
				      _mm_and_si128(_mm_cmpgt_epi8(b, sp),
						    _mm_cmplt_epi8(b, del)));

	ok = _mm_or_si128(ok, _mm_cmpeq_epi8(b, dl));
	return ~(unsigned)_mm_movemask_epi8(ok) & 0xffffu;
}

static size_t span_sse2(const char *s, size_t len, char d)
{
	size_t i = 0;
	unsigned m;

	for (; i + 16 <= len; i += 16)
		if ((m = not_plain16(s + i, d)))
			return i + (size_t)__builtin_ctz(m);
	if (i == len)
		return len;
	if (len < 16)
		return span_portable(s, len, d);
	/* the last piece, loaded so that it ends at len: its first bytes
	 * were seen already */
	m = not_plain16(s + len - 16, d) >> (16 - (len - i));
	return m ? i + (size_t)__builtin_ctz(m) : len;
}

/* Thirty-two at a time where the processor has AVX2 (chosen at run time). */
__attribute__((target("avx2")))
static unsigned not_plain32(const char *p, char d)
{
	const __m256i sp = _mm256_set1_epi8(0x20), del = _mm256_set1_epi8(0x7f);
	const __m256i q = _mm256_set1_epi8('"'), dl = _mm256_set1_epi8(d);
	__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i ok = _mm256_andnot_si256(_mm256_cmpeq_epi8(b, q),
					 _mm256_and_si256(_mm256_cmpgt_epi8(b, sp),
							  _mm256_cmpgt_epi8(del, b)));

	ok = _mm256_or_si256(ok, _mm256_cmpeq_epi8(b, dl));
	return ~(unsigned)_mm256_movemask_epi8(ok);
}

__attribute__((target("avx2")))
static size_t span_avx2(const char *s, size_t len, char d)
{
	size_t i = 0;
	unsigned m;

	for (; i + 32 <= len; i += 32)
		if ((m = not_plain32(s + i, d)))
			return i + (size_t)__builtin_ctz(m);
	if (i == len)
		return len;
	if (len < 32)
		return span_sse2(s, len, d);
	m = not_plain32(s + len - 32, d) >> (32 - (len - i));
	return m ? i + (size_t)__builtin_ctz(m) : len;
}

static size_t (*span_fn(void))(const char *, size_t, char)
{
	return kp_cpu_avx2() ? span_avx2 : span_sse2;
}
#else
static size_t (*span_fn(void))(const char *, size_t, char)
{
	return span_portable;
}
#endif

static size_t plain_span(const char *s, size_t len, char d)
{
	static size_t (*_Atomic fn)(const char *, size_t, char);
	size_t (*f)(const char *, size_t, char) = fn;

	if (!f) {
		f = span_fn();
		fn = f;
	}
	return f(s, len, d);
}

/* The line s[0..len) (its line end included), whose body s[0..body) is
 * plain (or text: then `text`), as the record it is; 0 when it cannot be
 * read so (then libcsv reads it). Only a plain row goes to the handler's
 * own counting. */
static int split_line(struct part *pt, const char *s, size_t body, size_t len,
		      int text)
{
	size_t i, nf = 1;
	char d = pt->r->delim, *a;

	if (!text && pt->r->h->plain && pt->r->h->plain(pt->ctx, s, body, pt->line, d))
		return 1; /* counted whole by the handler */
	/* the fields, copied once into the arena, split at each delimiter */
	arena_reserve(pt, body);
	a = pt->arena;
	memcpy(a, s, body);
	a[body] = '\0';
	pt->fields[0].s = a;
	for (i = 0; i < body; i++)
		if (a[i] == d) {
			if (nf >= KP_CSV_FIELDS_MAX)
				return 0;	/* libcsv says where */
			a[i] = '\0';
			pt->fields[nf - 1].len = (size_t)(a + i - pt->fields[nf - 1].s);
			pt->fields[nf++].s = a + i + 1;
		}
	pt->fields[nf - 1].len = (size_t)(a + body - pt->fields[nf - 1].s);
	pt->nf = nf;
	pt->arena_len = body + 1;
	pt->in_record = 1;
	pt->rec_line = pt->line;
	kp_buf_reset(&pt->rawcopy);
	pt->raw = s;
	pt->rawlen = len;
	on_row(0, pt);
	return 1;
}

static int plain_line(struct part *pt, const char *s, size_t body, size_t len)
{
	return split_line(pt, s, body, len, 0);
}

/*
 * A text row: plain but for letters beyond ASCII and spaces inside its
 * fields (a row of candidates: "3,Trần Quốc Đông,Nam,..."). libcsv keeps
 * such bytes as they are and drops only the spaces and tabs around a field,
 * so that a row whose bytes from k on are plain, spaces or bytes of 0x80
 * and up, with no space at either end of a field, means its bytes split at
 * each delimiter too, once its text is what feed_line would accept: valid
 * UTF-8 (when the file is read as UTF-8; a decoded file is), and no hidden
 * control. Anything else goes to libcsv, which says what is wrong.
 */
static int text_row(const struct part *pt, const char *s, size_t k, size_t body)
{
	char d = pt->r->delim;
	int high = 0;
	size_t i;

	for (i = k; i < body; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ') {
			if (i == 0 || i + 1 == body || s[i - 1] == d || s[i + 1] == d)
				return 0;
		} else if (c >= 0x80) {
			high = 1;
		} else if (!plain_byte(c, d)) {
			return 0;
		}
	}
	if (high && ((pt->r->enc == KP_ENC_UTF8 && !kp_text_valid(s, body)) ||
		     kp_text_find_hidden(s, body) < body))
		return 0;
	return 1;
}

/* The line s[0..len) (its line end included) as the record it is, when it
 * is plain or a text row; 0 when it is neither (then libcsv reads it). */
static int fast_line(struct part *pt, const char *s, size_t len)
{
	size_t body = len, k;

	if (body && s[body - 1] == '\n')
		body--;
	if (body && s[body - 1] == '\r')
		body--;
	if (!body || body > FAST_MAX)
		return 0;
	k = plain_span(s, body, pt->r->delim);
	if (k == body)
		return plain_line(pt, s, body, len);
	return text_row(pt, s, k, body) && split_line(pt, s, body, len, 1);
}

/* Feed one physical line (complete: it ends in '\n') or a piece of a very
 * long one to libcsv, after checking that it is text. */
static void feed_line(struct part *pt, const char *s, size_t len, int complete)
{
	struct reader *r = pt->r;
	size_t n, bad;
	unsigned flags;
	int err;

	if (pt->stop)
		return;
	if (pt->in_record == 2)
		goto out; /* the rest of a line with an error */
	if (r->fast && complete && !pt->in_record && pt->header_done && r->delim &&
	    fast_line(pt, s, len))
		goto out;
	flags = scan_line(s, len);
	if (!pt->in_record) {
		if (is_blank_line(s, len))
			goto out;
		if (!r->delim) {
			r->delim = detect_delim(s, len, r->fast);
			parser_reset(pt);
		}
		pt->in_record = 1;
		pt->rec_line = pt->line;
		kp_buf_reset(&pt->rawcopy);
		pt->raw = s;
		pt->rawlen = len;
	}
	if (!complete || pt->rawcopy.len) {
		/* a piece of a very long line: the buffer moves on, keep a copy */
		if (!pt->rawcopy.len && pt->raw != s)
			kp_buf_add(&pt->rawcopy, pt->raw, pt->rawlen);
		if (pt->rawcopy.len < RAW_MAX)
			kp_buf_add(&pt->rawcopy, s, len < RAW_MAX - pt->rawcopy.len ?
				   len : RAW_MAX - pt->rawcopy.len);
		pt->raw = pt->rawcopy.s;
		pt->rawlen = pt->rawcopy.len;
	}
	arena_reserve(pt, len);
	if (r->enc == KP_ENC_UTF8 && (flags & LINE_HIGH) &&
	    !kp_text_valid(s, len)) {
		/* (the decoded encodings are valid UTF-8 by construction) */
		if (r->auto_utf8) {
			/* a guess that failed: read the file again as 1258 */
			if (!pt->bad_utf8_line)
				pt->bad_utf8_line = pt->line;
			atomic_store(&r->restart, 1);
			pt->stop = 1;
			return;
		}
		if (!pt->bad)
			report_bad_utf8(pt, s, len);
		pt->bad = 1;
	}
	if ((flags & LINE_HIGH) && !pt->bad) {
		/* C1 controls and marks that reorder text are not text either:
		 * they could forge what a person reads */
		size_t h = kp_text_find_hidden(s, len);

		if (h < len) {
			ucs4_t c = 0;

			u8_mbtouc(&c, (const uint8_t *)s + h, len - h);
			kp_error(psink(pt), r->name, pt->line, col_at(s, h),
				 "character U+%04X is not text (a control "
				 "character or a mark that reorders text)",
				 (unsigned)c);
			pt->bad = 1;
		}
	}
	bad = flags & LINE_CONTROL ? find_control(s, len) : len;
	if (bad < len && !pt->bad) {
		if (s[bad] == 0 && r->auto_utf8)
			kp_error(psink(pt), r->name, pt->line, col_at(s, bad),
				 "byte 0x00 is not text (a UTF-16 file without "
				 "a byte order mark? save it as UTF-8 or pass "
				 "--encoding utf-16le)");
		else
			kp_error(psink(pt), r->name, pt->line, col_at(s, bad),
				 "byte 0x%02x is not text", (unsigned char)s[bad]);
		pt->bad = 1;
	}
	if (!pt->parser_ok) {
		kp_error(psink(pt), r->name, pt->line, 0, "cannot start the CSV parser");
		pt->stop = 1;
		return;
	}
	n = csv_parse(&pt->p, s, len, on_field, on_row, pt);
	if (n < len) {
		err = csv_error(&pt->p);
		if (!pt->bad) {
			struct kp_csv_record rec;

			make_record(pt, &rec);
			if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
				kp_error(psink(pt), r->name, pt->rec_line,
					 kp_csv_col(&rec, pt->nf),
					 "field longer than %u bytes",
					 KP_CSV_FIELD_MAX);
			else
				kp_error(psink(pt), r->name, pt->line,
					 col_at(s, n),
					 "stray quote: a field that holds a quote "
					 "must be enclosed in quotes, with its "
					 "quotes doubled");
		}
		parser_reset(pt);
		pt->in_record = complete ? 0 : 2; /* 2: skip the rest */
	} else if (complete && pt->in_record == 1) {
		struct kp_csv_record rec;

		make_record(pt, &rec);
		if (!pt->bad)
			kp_error(psink(pt), r->name, pt->rec_line,
				 kp_csv_col(&rec, pt->nf),
				 "quoted field not closed at the end of the line");
		parser_reset(pt);
	}
out:
	if (complete) {
		pt->line++;
		if (pt->in_record == 2)
			pt->in_record = 0;
	}
}

static void finish(struct part *pt)
{
	struct kp_csv_record rec;

	if (pt->stop || !pt->parser_ok)
		return;
	if (csv_fini(&pt->p, on_field, on_row, pt) != 0 && !pt->bad) {
		make_record(pt, &rec);
		kp_error(psink(pt), pt->r->name, pt->rec_line,
			 kp_csv_col(&rec, pt->nf),
			 "quoted field not closed at the end of the file");
	}
	record_reset(pt);
}

static void make_room(struct part *pt, size_t extra)
{
	if (pt->start) {
		memmove(pt->buf, pt->buf + pt->start, pt->len - pt->start);
		pt->len -= pt->start;
		pt->start = 0;
	}
	pt->buf = kp_xgrow(pt->buf, &pt->alloc, pt->len + extra + 1, 1);
}

static ssize_t read_at(struct part *pt, char *dst, size_t want)
{
	ssize_t n;

	if (pt->end != UINT64_MAX && pt->end - pt->pos < want)
		want = (size_t)(pt->end - pt->pos);
	if (!want)
		return 0;
	if (pt->r->whole) {
		n = pt->pos < pt->r->size ? (ssize_t)(pt->r->size - pt->pos < want ?
						      pt->r->size - pt->pos : want) : 0;
		memcpy(dst, pt->r->whole + pt->pos, (size_t)n);
	} else {
		n = kp_os_pread(pt->r->fd, dst, want, pt->pos);
	}
	if (n < 0) {
		kp_error_errno(psink(pt), pt->r->name, 0, 0, errno, "read error");
		pt->io_error = 1;
		return -1;
	}
	/* the hash takes the very bytes that are counted, as they are read:
	 * part 0 reads in order from the start */
	if (pt->hashing && pt->pos == pt->r->hashed && n > 0) {
		kp_sha256_update(pt->r->hash, dst, (size_t)n);
		pt->r->hashed += (uint64_t)n;
	}
	pt->pos += (uint64_t)n;
	return n;
}

/* Where the end of the converted bytes is: the line and the column after
 * them. The scan goes on from where the last call stopped, so that a file
 * full of undecodable bytes costs linear time, not a rescan per byte. */
struct decpos {
	size_t at;		/* bytes of buf (from start) scanned */
	uint64_t line;
	uint64_t col;		/* characters since the line's start */
};

static void decpos_advance(struct decpos *dp, const char *b, size_t len)
{
	for (; dp->at < len; dp->at++)
		if (b[dp->at] == '\n') {
			dp->line++;
			dp->col = 0;
		} else if (((unsigned char)b[dp->at] & 0xc0) != 0x80) {
			dp->col++;
		}
}

/* Append converted bytes; an undecodable byte becomes U+FFFD after an
 * error at its line and column. */
static void decode(struct part *pt, int at_eof)
{
	char *inp = pt->in;
	size_t inleft = pt->inlen;
	struct decpos dp = { 0, 0, 0 };
	int scanning = 0;

	for (;;) {
		char *outp;
		size_t outleft, r;

		make_room(pt, inleft * 4 + 64); /* start is 0 from here on */
		outp = pt->buf + pt->len;
		outleft = pt->alloc - pt->len - 1;
		r = kp_os_conv(pt->cd, inleft || !at_eof ? &inp : NULL, &inleft,
			  &outp, &outleft);
		pt->len = (size_t)(outp - pt->buf);
		if (r != (size_t)-1) {
			if (!at_eof || !inleft)
				break;
			continue;
		}
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !at_eof)
			break; /* a character cut by the chunk: read more */
		{
			size_t unit = pt->r->enc == KP_ENC_CP1258 ? 1 : 2;

			if (!scanning) {
				dp.line = pt->line;
				scanning = 1;
			}
			decpos_advance(&dp, pt->buf + pt->start,
				       pt->len - pt->start);
			if (errno == EINVAL)
				kp_error(psink(pt), pt->r->name, dp.line,
					 dp.col + 1,
					 "the file ends in the middle of a %s character",
					 kp_encoding_name(pt->r->enc));
			else
				kp_error(psink(pt), pt->r->name, dp.line,
					 dp.col + 1,
					 "bytes that are not valid %s",
					 kp_encoding_name(pt->r->enc));
			if (unit > inleft)
				unit = inleft;
			inp += unit;
			inleft -= unit;
			make_room(pt, 4);
			memcpy(pt->buf + pt->len, "\xef\xbf\xbd", 3);
			pt->len += 3;
			pt->bad = 1;
			if (!inleft && at_eof) {
				kp_os_conv(pt->cd, NULL, NULL, NULL, NULL);
				break;
			}
		}
	}
	memmove(pt->in, inp, inleft);
	pt->inlen = inleft;
}

/* How much to read next: a chunk, or what is left of a smaller file, so
 * that a 50-byte file does not cost a 1 MiB buffer. */
static size_t next_read(const struct part *pt)
{
	if (pt->end != UINT64_MAX && pt->end - pt->pos < CHUNK)
		return (size_t)(pt->end - pt->pos) + 1; /* +1: see the end */
	return CHUNK;
}

static void fill(struct part *pt)
{
	size_t want = next_read(pt);
	ssize_t n;

	if (!pt->cd) {
		make_room(pt, want);
		n = read_at(pt, pt->buf + pt->len, want);
		if (n <= 0)
			pt->eof = 1;
		else
			pt->len += (size_t)n;
		return;
	}
	if (!pt->in) /* sized once: later reads are never larger */
		pt->in = kp_xmalloc((want < CHUNK ? want : CHUNK) + 16);
	n = read_at(pt, pt->in + pt->inlen, want < CHUNK ? want : CHUNK);
	if (n <= 0) {
		pt->eof = 1;
		decode(pt, 1);
		return;
	}
	pt->inlen += (size_t)n;
	decode(pt, 0);
}

/* The first CR in s[0..lim), where s is the buffer at the next byte to
 * feed; the scan is remembered, so that a file without CRs is scanned once,
 * not once per line. */
static char *next_cr(struct part *pt, char *s, size_t lim)
{
	uint64_t from = pt->cr_clear > pt->fed ? pt->cr_clear - pt->fed : 0;
	char *cr;

	if (from >= lim)
		return NULL;
	cr = memchr(s + from, '\r', lim - from);
	pt->cr_clear = pt->fed + (cr ? (uint64_t)(cr - s) : lim);
	return cr;
}

/* Feed the line of l bytes at the buffer's start. */
static void feed_complete(struct part *pt, char *s, size_t l)
{
	feed_line(pt, s, l, 1);
	pt->start += l;
	pt->fed += l;
}

static void part_run(struct part *pt)
{
	const struct reader *r = pt->r;

	/* a buffer from the start: pointer arithmetic on NULL is undefined,
	 * even NULL + 0 */
	make_room(pt, 0);
	while (!pt->stop) {
		char *s = pt->buf + pt->start;
		size_t avail = pt->len - pt->start;
		char *nl, *cr;

		if (r->fast && !pt->in_record && pt->header_done && r->delim &&
		    !pt->stop_after_header) {
			/* a plain line: its end found and its bytes checked in
			 * one pass (the rest of the loop would look for the
			 * end, then fast_line check the bytes) */
			size_t lim = avail < FAST_MAX + 2 ? avail : FAST_MAX + 2;
			size_t k = plain_span(s, lim, r->delim), l = 0;

			if (k < lim && s[k] == '\n')
				l = k + 1;
			else if (k + 1 < lim && s[k] == '\r' && s[k + 1] == '\n')
				l = k + 2;
			if (l && k && k <= FAST_MAX && plain_line(pt, s, k, l)) {
				pt->line++;
				pt->start += l;
				pt->fed += l;
				continue;
			}
		}
		nl = avail ? memchr(s, '\n', avail) : NULL;
		cr = next_cr(pt, s, nl ? (size_t)(nl - s) : avail);

		/* a CR with no LF after it ends a line too (a file saved on an
		 * old Mac, a stray CR in an LF file): each of its records gets
		 * a line of its own */
		if (cr && cr + 1 != nl && (cr + 1 < s + avail || pt->eof)) {
			feed_complete(pt, s, (size_t)(cr - s) + 1);
			if (pt->stop_after_header && pt->header_done)
				return;
			continue;
		}
		if (cr && !nl && cr + 1 == s + avail && avail < LINE_FEED_MAX) {
			fill(pt); /* CRLF or a lone CR: the next byte says */
			continue;
		}
		if (nl) {
			feed_complete(pt, s, (size_t)(nl - s) + 1);
			if (pt->stop_after_header && pt->header_done)
				return;
			continue;
		}
		if (pt->eof) {
			if (avail)
				feed_line(pt, s, avail, 0);
			pt->start = pt->len;
			finish(pt);
			return;
		}
		if (avail >= LINE_FEED_MAX) {
			/* a very long line: feed a piece, cut before a
			 * character's first byte */
			size_t l = avail;

			while (l > 1 && ((unsigned char)s[l - 1] & 0xc0) == 0x80)
				l--;
			if (l > 1)
				l--;
			feed_line(pt, s, l, 0);
			pt->start += l;
			pt->fed += l;
			continue;
		}
		fill(pt);
	}
}

/* The offset just after the first '\n' at or after `from`. */
static uint64_t next_line_start(struct reader *r, uint64_t from)
{
	char blk[65536];

	while (from < r->size) {
		ssize_t n = kp_os_pread(r->fd, blk, sizeof(blk), from);
		char *nl;

		if (n <= 0)
			return r->size;
		nl = memchr(blk, '\n', (size_t)n);
		if (nl)
			return from + (uint64_t)(nl - blk) + 1;
		from += (uint64_t)n;
	}
	return r->size;
}

static void *part_thread(void *arg)
{
	struct part *pt = arg;
	uint64_t off = 0, lines = 0;
	int cr_pending = 0;

	/* the physical line this part starts on: LFs, and CRs not followed
	 * by an LF */
	make_room(pt, CHUNK);
	while (off < pt->pos) {
		size_t want = pt->pos - off < CHUNK ? (size_t)(pt->pos - off) : CHUNK;
		ssize_t n = kp_os_pread(pt->r->fd, pt->buf, want, off);

		if (n <= 0)
			break;
		if (cr_pending && pt->buf[0] != '\n')
			lines++;
		cr_pending = 0;
		lines += kp_bytecount(pt->buf, (size_t)n, '\n', 0);
		if (memchr(pt->buf, '\r', (size_t)n)) {
			lines += kp_bytecount(pt->buf, (size_t)n, 0, 1);
			cr_pending = pt->buf[n - 1] == '\r';
		}
		off += (uint64_t)n;
	}
	pt->line = 1 + lines;
	part_run(pt);
	return NULL;
}

static int open_input(struct reader *r, struct kp_diag_sink *out)
{
	r->fd = kp_os_open_input(r->path, &r->stamp);
	if (r->fd == -3)
		return kp_error(out, r->name, 0, 0,
				"is a directory, expected a CSV file"), KP_EXIT_IO;
	if (r->fd == -2)
		return kp_error(out, r->name, 0, 0,
				"not a regular file (a pipe, a device, or a link "
				"to one): kiemphieu reads regular files only"),
		       KP_EXIT_IO;
	if (r->fd < 0)
		return kp_error_errno(out, r->name, 0, 0, errno, "cannot open");
	r->size = r->stamp.size;
	if (r->size > KP_CSV_FILE_MAX)
		return kp_error(out, r->name, 0, 0,
				"larger than the %llu GiB a file may have",
				KP_CSV_FILE_MAX >> 30), KP_EXIT_DATA;
	{
		/* a workbook saved under a CSV name: say what it is (the
		 * first bytes are kept: pick_encoding looks for a BOM there) */
		unsigned char *m = r->head;
		ssize_t n;

		if (r->size <= WHOLE_MAX) {
			if (!r->cache) {
				r->whole = kp_xmalloc((size_t)r->size + 1);
			} else if (r->cache->whole) {
				r->whole = r->cache->whole;
				r->cache->whole = NULL;
			} else {
				r->whole = kp_xmalloc(WHOLE_MAX + 1);
			}
			n = kp_os_pread(r->fd, r->whole, (size_t)r->size, 0);
			if (n != (ssize_t)r->size) {
				/* (it changed, or a read failed: read_at reads
				 * it as any other, and says what it finds) */
				free(r->whole);
				r->whole = NULL;
			}
		}
		if (r->whole) {
			n = r->size < sizeof(r->head) ? (ssize_t)r->size : (ssize_t)sizeof(r->head);
			memcpy(m, r->whole, (size_t)n);
		} else {
			n = kp_os_pread(r->fd, m, sizeof(r->head), 0);
		}
		r->headlen = n > 0 ? (size_t)n : 0;
		if (r->headlen == 8) {
			if (memcmp(m, "PK\003\004", 4) == 0)
				return kp_error(out, r->name, 0, 0, "a zip file, not CSV: "
						"an Excel workbook saved under a .csv name? "
						"name it .xlsx (kiemphieu reads it), or save "
						"it from Excel as CSV UTF-8"), KP_EXIT_DATA;
			if (memcmp(m, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
				return kp_error(out, r->name, 0, 0, "an Excel 97-2003 "
						"workbook (.xls), not CSV: save it from "
						"Excel as .xlsx or as CSV UTF-8"), KP_EXIT_DATA;
		}
	}
	return KP_EXIT_OK;
}

int kp_table_is_xlsx(const char *path)
{
	size_t n = strlen(path);

	return n >= 5 && kp_text_eq_ascii_ci(path + n - 5, 5, ".xlsx");
}

/* Hash the file from r->hashed to its end, from the same open file: 0, or
 * the errno of a read that failed (EIO for one that ended early). */
static int hash_rest(struct reader *r)
{
	char *buf = kp_xmalloc(CHUNK);
	int err = 0;

	while (r->hashed < r->size) {
		ssize_t n = kp_os_pread(r->fd, buf, CHUNK, r->hashed);

		if (n <= 0) {
			err = n < 0 ? errno : EIO;
			break;
		}
		kp_sha256_update(r->hash, buf, (size_t)n);
		r->hashed += (uint64_t)n;
	}
	free(buf);
	return err;
}

/* Hash what the reading left unhashed (what follows where reading stopped,
 * or what the hash thread could not read), and make sure the file did not
 * change meanwhile: the hash must be that of the bytes counted. 0, or -1
 * after an error. */
static int finish_hash(struct reader *r, struct kp_diag_sink *out)
{
	struct kp_os_stamp now;
	int side = r->hashed < r->size || r->hashed_apart, err;

	if (side && (err = hash_rest(r)) != 0) {
		kp_error_errno(out, r->name, 0, 0, err, "cannot read it to hash it");
		return -1;
	}
	if (side && kp_os_fstamp(r->fd, &now) == 0 &&
	    kp_os_stamp_changed(&now, &r->stamp)) {
		kp_error(out, r->name, 0, 0,
			 "changed while it was read: its hash would not be that "
			 "of the ballots counted; run again once it is saved");
		return -1;
	}
	return 0;
}

static void pick_encoding(struct reader *r, const struct kp_csv_opts *o)
{
	const unsigned char *b = r->head;
	enum kp_encoding bom = KP_ENC_AUTO;
	size_t bomlen = 0, n = r->headlen;

	if (n >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		bom = KP_ENC_UTF8, bomlen = 3;
	else if (n >= 2 && b[0] == 0xff && b[1] == 0xfe)
		bom = KP_ENC_UTF16LE, bomlen = 2;
	else if (n >= 2 && b[0] == 0xfe && b[1] == 0xff)
		bom = KP_ENC_UTF16BE, bomlen = 2;
	r->auto_utf8 = 0;
	if (o->encoding != KP_ENC_AUTO)
		r->enc = o->encoding;
	else if (bom != KP_ENC_AUTO)
		r->enc = bom;
	else {
		r->enc = KP_ENC_UTF8;
		r->auto_utf8 = 1;
	}
	r->bom = r->enc == bom ? bomlen : 0;
}

static int start_decoder(struct part *pt, struct kp_diag_sink *out)
{
	const char *from;

	switch (pt->r->enc) {
	case KP_ENC_UTF16LE:
		from = "UTF-16LE";
		break;
	case KP_ENC_UTF16BE:
		from = "UTF-16BE";
		break;
	case KP_ENC_CP1258:
		from = "CP1258";
		break;
	default:
		return 0;
	}
	pt->cd = kp_os_conv_open("UTF-8", from);
	if (!pt->cd)
		return kp_error_errno(out, pt->r->name, 0, 0, errno,
				      "cannot decode %s", from), -1;
	return 0;
}

/* The hash of a file read in parts: its own thread reads the file in order
 * from where part 0 stopped hashing (the header), beside the parts, so
 * that the one serial step overlaps the counting; finish_hash then checks
 * that the file did not change meanwhile, and says what a read error left. */
static void *hash_thread(void *arg)
{
	(void)hash_rest(arg);
	return NULL;
}

/* Cut the rest of the file, from `off`, into parts and read them side by
 * side; part 0 is pts[0], already past the header. Returns the number of
 * parts used. */
static unsigned read_split(struct reader *r, struct part *pts, void **ctx,
			   unsigned nparts, uint64_t off)
{
	pthread_t hash_tid;
	int hash_started = 0;
	uint64_t body = r->size - off, cuts[65];
	pthread_t tids[64];
	int started[64] = { 0 };
	unsigned i;

	if (nparts > 64)
		nparts = 64;
	if (body / PART_MIN < nparts)
		nparts = (unsigned)(body / PART_MIN);
	if (nparts < 2)
		return 1;
	cuts[0] = off;
	for (i = 1; i < nparts; i++) {
		cuts[i] = next_line_start(r, off + body / nparts * i);
		if (cuts[i] < cuts[i - 1])
			cuts[i] = cuts[i - 1];
	}
	cuts[nparts] = r->size;
	if (pts[0].hashing) {
		/* (part 0 has hashed every byte up to where it stopped) */
		pts[0].hashing = 0;
		r->hashed_apart = 1;
		hash_started = pthread_create(&hash_tid, NULL, hash_thread, r) == 0;
	}
	pts[0].start = pts[0].len = 0;
	pts[0].fed = pts[0].cr_clear = 0;
	pts[0].pos = off;
	pts[0].end = cuts[1];
	pts[0].eof = 0;
	pts[0].stop_after_header = 0;
	for (i = 1; i < nparts; i++) {
		part_init(&pts[i], r, ctx[i]);
		pts[i].pos = cuts[i];
		pts[i].end = cuts[i + 1];
		pts[i].header_done = 1;
		parser_reset(&pts[i]);
		started[i] = pthread_create(&tids[i], NULL, part_thread, &pts[i]) == 0;
		if (!started[i])
			part_thread(&pts[i]);
	}
	part_run(&pts[0]);
	for (i = 1; i < nparts; i++)
		if (started[i])
			pthread_join(tids[i], NULL);
	if (hash_started)
		pthread_join(hash_tid, NULL);
	return nparts;
}

int kp_csv_read(const char *path, const char *name,
		const struct kp_csv_opts *opts, const struct kp_csv_handler *h,
		void **ctx, unsigned nctx, struct kp_diag_sink *out)
{
	return kp_csv_read_hashed(path, name, opts, h, ctx, nctx, out, NULL);
}

int kp_csv_read_hashed(const char *path, const char *name,
		       const struct kp_csv_opts *opts,
		       const struct kp_csv_handler *h, void **ctx, unsigned nctx,
		       struct kp_diag_sink *out, char sha256[65])
{
	struct reader r;
	struct part pts[64];
	struct kp_diag_list merged;
	uint64_t errors_before = out->errors, bad_line = 0;
	unsigned used = 1, i;
	int status, io = 0;

	if (kp_table_is_xlsx(path))
		return kp_xlsx_read(path, name, h, ctx[0], out, sha256, opts->threads);
	memset(&r, 0, sizeof(r));
	r.cache = opts->cache;
	r.path = path;
	r.name = name ? name : path;
	r.h = h;
	r.fd = -1;
	if (sha256)
		sha256[0] = '\0';
	status = open_input(&r, out);
	if (status != KP_EXIT_OK)
		goto out;
	pick_encoding(&r, opts);
	if (sha256 && r.cache && r.cache->hash) {
		r.hash = r.cache->hash; /* (reset below) */
		r.cache->hash = NULL;
	} else if (sha256) {
		r.hash = kp_sha256_new();
	}
again:
	r.delim = opts->delimiter;
	r.fast = !opts->libcsv_only;
	atomic_store(&r.restart, 0);
	if (r.hash) {
		/* from the first byte: the byte order mark is hashed too */
		kp_sha256_reset(r.hash);
		r.hashed = 0;
		if (r.bom && r.headlen >= r.bom) {
			kp_sha256_update(r.hash, r.head, r.bom);
			r.hashed = r.bom;
		}
	}
	part_init(&pts[0], &r, ctx[0]);
	used = 1;
	if (bad_line)
		kp_warning(psink(&pts[0]), r.name, bad_line, 0,
			   "not valid UTF-8; reading the file as Windows-1258 "
			   "(--encoding chooses another)");
	pts[0].pos = r.bom;
	pts[0].end = r.size;
	pts[0].hashing = r.hash != NULL;
	if (start_decoder(&pts[0], out) != 0) {
		part_release(&pts[0]);
		status = KP_EXIT_IO;
		goto out;
	}
	parser_reset(&pts[0]);
	pts[0].stop_after_header = r.enc == KP_ENC_UTF8 && opts->threads > 1 &&
				   nctx > 1 && r.size != UINT64_MAX;
	part_run(&pts[0]);
	if (pts[0].stop_after_header && pts[0].header_done && !pts[0].stop &&
	    !atomic_load(&r.restart)) {
		uint64_t off = pts[0].pos - (pts[0].len - pts[0].start);
		unsigned n = opts->threads < nctx ? opts->threads : nctx;

		used = pts[0].eof && pts[0].start == pts[0].len ? 1 :
			read_split(&r, pts, ctx, n, off);
		if (used == 1) {
			pts[0].stop_after_header = 0;
			part_run(&pts[0]);
		}
	}
	if (atomic_load(&r.restart)) {
		bad_line = 0;
		for (i = 0; i < used; i++) {
			if (pts[i].bad_utf8_line &&
			    (!bad_line || pts[i].bad_utf8_line < bad_line))
				bad_line = pts[i].bad_utf8_line;
			if (h->reset)
				h->reset(ctx[i]);
			part_release(&pts[i]);
		}
		r.enc = KP_ENC_CP1258;
		r.auto_utf8 = 0;
		r.bom = 0;
		goto again;
	}
	if (!pts[0].header_done && !pts[0].io_error && !pts[0].diags.n)
		kp_error(psink(&pts[0]), r.name, 1, 1,
			 "the file is empty: expected a header row");
	kp_diag_list_init(&merged, DIAG_KEEP);
	if (used > 1 && h->merge)
		h->merge(ctx, used, &merged.sink);
	for (i = 0; i < used; i++)
		io |= pts[i].io_error;
	{
		struct kp_diag_list lists[65];

		for (i = 0; i < used; i++)
			lists[i] = pts[i].diags;
		lists[used] = merged;
		kp_diag_list_flush(lists, used + 1, out);
		for (i = 0; i < used; i++)
			pts[i].diags = lists[i];
		merged = lists[used];
	}
	kp_diag_list_release(&merged);
	for (i = 0; i < used; i++)
		part_release(&pts[i]);
	status = io ? KP_EXIT_IO :
		out->errors > errors_before ? KP_EXIT_DATA : KP_EXIT_OK;
	if (r.hash && !io) {
		if (finish_hash(&r, out) != 0)
			status = status == KP_EXIT_OK ? KP_EXIT_IO : status;
		else
			kp_sha256_final(r.hash, sha256);
	}
out:
	if (r.cache && !r.cache->hash)
		r.cache->hash = r.hash;
	else
		kp_sha256_free(r.hash);
	if (r.cache && !r.cache->whole)
		r.cache->whole = r.whole;
	else
		free(r.whole);
	if (r.fd >= 0)
		kp_os_close(r.fd);
	return status;
}

/* --- writing --- */

/* A field must be quoted when it holds the separator, a quote or a line
 * end, or starts or ends with a space (which a reader would trim); a comma,
 * a semicolon and a tab are quoted whatever the separator but ';' (so that
 * a reader guessing the separator is not misled), a decimal comma under
 * ';' is not (Excel then reads 83,33 as a number). */
static int needs_quotes(const char *s, size_t len, char sep)
{
	size_t i;

	if (len && (s[0] == ' ' || s[len - 1] == ' '))
		return 1;
	for (i = 0; i < len; i++)
		if (s[i] == sep || s[i] == '"' || s[i] == '\n' || s[i] == '\r' ||
		    (sep != ';' && (s[i] == ',' || s[i] == ';' || s[i] == '\t')))
			return 1;
	return 0;
}

static void put_field(struct kp_buf *b, const char *s, size_t len, char sep)
{
	size_t need;

	if (!needs_quotes(s, len, sep)) {
		kp_buf_add(b, s, len);
		return;
	}
	need = csv_write(NULL, 0, s, len);
	b->s = kp_xgrow(b->s, &b->alloc, b->len + need + 1, 1);
	csv_write(b->s + b->len, need, s, len);
	b->len += need;
	b->s[b->len] = '\0';
}

void kp_csv_put_field(struct kp_buf *b, const char *s, size_t len)
{
	put_field(b, s, len, ',');
}

/* A decimal number as kiemphieu writes one: digits, a point, digits. */
static int is_decimal(const char *s)
{
	size_t i = s[0] == '-', d = 0, point = 0;

	for (; s[i]; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d++;
		else if (s[i] == '.' && d && !point)
			point = i;
		else
			return 0;
	}
	return point && s[point + 1];
}

void kp_csv_put_row(struct kp_buf *b, const char *const *fields, size_t n,
		    unsigned flags)
{
	char sep = flags & KP_CSV_TAB ? '\t' : flags & KP_CSV_SEMI ? ';' : ',';
	size_t i;

	for (i = 0; i < n; i++) {
		const char *f = fields[i];

		if (i)
			kp_buf_addch(b, sep);
		if ((flags & KP_CSV_EXCEL) == KP_CSV_EXCEL && strchr("=+-@\t\r", f[0]) &&
		    f[0] && !((flags & KP_CSV_DECIMAL_COMMA) && is_decimal(f))) {
			/* a name like "=HYPERLINK(...)" stays text in Excel */
			struct kp_buf t = KP_BUF_INIT;

			kp_buf_addch(&t, '\'');
			kp_buf_addstr(&t, f);
			put_field(b, t.s, t.len, sep);
			kp_buf_release(&t);
		} else if ((flags & KP_CSV_DECIMAL_COMMA) && is_decimal(f)) {
			/* 83.33 as a Vietnamese Excel reads a number: 83,33 */
			char *t = kp_xstrdup(f);

			*strchr(t, '.') = ',';
			put_field(b, t, strlen(t), sep);
			free(t);
		} else {
			put_field(b, f, strlen(f), sep);
		}
	}
	kp_buf_addstr(b, flags & KP_CSV_CRLF ? "\r\n" : "\n");
}

/* --- reading back what kiemphieu wrote --- */

struct mem_parse {
	kp_csv_row_fn *fn;
	void *ctx;
	char **fields;
	size_t n, alloc;
};

static void mem_field(void *data, size_t len, void *arg)
{
	struct mem_parse *m = arg;

	m->fields = kp_xgrow(m->fields, &m->alloc, m->n + 1, sizeof(*m->fields));
	m->fields[m->n++] = kp_xstrndup(data ? data : "", len);
}

static void mem_row(int c, void *arg)
{
	struct mem_parse *m = arg;
	size_t i;

	(void)c;
	m->fn(m->ctx, (const char *const *)m->fields, m->n);
	for (i = 0; i < m->n; i++)
		free(m->fields[i]);
	m->n = 0;
}

int kp_csv_parse_text(const char *s, size_t len, kp_csv_row_fn *fn, void *ctx)
{
	struct mem_parse m = { fn, ctx, NULL, 0, 0 };
	struct csv_parser p;
	int rc = 0;
	size_t i;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return -1;
	if (csv_parse(&p, s, len, mem_field, mem_row, &m) != len ||
	    csv_fini(&p, mem_field, mem_row, &m) != 0)
		rc = -1;
	csv_free(&p);
	for (i = 0; i < m.n; i++)
		free(m.fields[i]);
	free(m.fields);
	return rc;
}

int kp_csv_utf16le(struct kp_buf *b, const char *s, size_t len)
{
	struct kp_os_conv *cd = kp_os_conv_open("UTF-16LE", "UTF-8");
	size_t start = b->len, left = len, room = 4 * len;
	char *in = (char *)(uintptr_t)s, *out;
	int ok = cd != NULL;

	/* a byte order mark, then at most 4 bytes per input byte */
	b->s = kp_xgrow(b->s, &b->alloc, b->len + 2 + room + 1, 1);
	memcpy(b->s + b->len, "\xff\xfe", 2);
	out = b->s + b->len + 2;
	if (ok) {
		ok = kp_os_conv(cd, &in, &left, &out, &room) != (size_t)-1 &&
		     kp_os_conv(cd, NULL, NULL, &out, &room) != (size_t)-1;
		kp_os_conv_close(cd);
	}
	b->len = ok ? (size_t)(out - b->s) : start;
	b->s[b->len] = '\0';
	return ok ? 0 : -1;
}

void kp_csv_put_unicode_row(struct kp_buf *b, const char *const *fields,
			    size_t n)
{
	struct kp_buf text = KP_BUF_INIT;

	kp_csv_put_row(&text, fields, n, KP_CSV_TAB | KP_CSV_CRLF);
	/* every text inside kiemphieu is UTF-8: checked when it was read */
	if (kp_csv_utf16le(b, text.s, text.len) != 0)
		abort();
	kp_buf_release(&text);
}
