/* Tallying ballot files and deciding each round (docs/rules.md). */
#include "kiemphieu/tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/columns.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/idset.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "bytemask.h"
#include "results.h"

#define PARTS_MAX 16
/* tally_round(): the file has a header and no ballot: the round is not held */
#define ROUND_EMPTY (-1)

void kp_tally_opts_init(struct kp_tally_opts *o)
{
	kp_csv_opts_init(&o->csv);
	o->limits.min_percent = 10;
	o->limits.max_percent = 30;
	o->surplus_errors = 0;
	o->ballots_max = KP_BALLOTS_MAX;
	o->no_hash = 0;
}

/* What a ballot file's header says, shared read-only by every part. */
struct header {
	const struct kp_contest *ct;
	const char *path;
	unsigned round;
	uint64_t seats;			/* official + reserve, this round */
	const unsigned char *open;	/* open[no - 1]: may be on this list */
	size_t width;
	size_t id_col;
	long void_col;
	size_t nlist;
	size_t *list_col;		/* list position -> field index */
	unsigned *list_no;		/* list position -> candidate no, 0 unknown */
	long *role;			/* field index -> list position; -1: the
					 * id or the void column */
	uint64_t ballots_max;
	int ok;
	int fast;			/* plain rows are counted by ballot_plain */
	/* by_crossed[k]: what the rules make of a strike-form ballot that
	 * crosses out k names of the list and nothing else (kp_rules_ballot,
	 * asked once for each k when the header is read) */
	unsigned char *by_crossed;
};

/* One part's counts. */
struct count {
	struct header *h;
	uint64_t ballots, valid, too_many, all_crossed, no_choice;
	uint64_t *votes;		/* per list position */
	/* plain rows (ballot_plain): valid ballots, and how many of them
	 * crossed each list position out; folded into votes by fold_plain */
	uint64_t plain_valid;
	uint64_t *crossed;
	size_t *kept;			/* scratch: kept list positions */
	struct kp_reason *voids;	/* void reasons, unsorted */
	size_t nvoids, voids_alloc;
	uint64_t voids_other;		/* beyond KP_VOID_REASONS_MAX */
	struct kp_idset ids;
	int over_limit;
};

static void count_init(struct count *c, struct header *h)
{
	memset(c, 0, sizeof(*c));
	c->h = h;
	kp_idset_init(&c->ids);
}

static void count_clear(struct count *c)
{
	size_t i;

	c->ballots = c->valid = c->too_many = c->all_crossed = c->no_choice = 0;
	c->voids_other = 0;
	c->over_limit = 0;
	for (i = 0; i < c->nvoids; i++)
		free(c->voids[i].text);
	c->nvoids = 0;
	if (c->votes)
		memset(c->votes, 0, c->h->nlist * sizeof(*c->votes));
	if (c->crossed)
		memset(c->crossed, 0, c->h->nlist * sizeof(*c->crossed));
	c->plain_valid = 0;
	kp_idset_clear(&c->ids);
}

static void count_release(struct count *c)
{
	count_clear(c);
	free(c->votes);
	free(c->kept);
	free(c->crossed);
	free(c->voids);
	kp_idset_release(&c->ids);
}

static void count_void(struct count *c, const char *s, size_t len, uint64_t n)
{
	char *text = kp_text_nfc(s, len);
	size_t i;

	for (i = 0; i < c->nvoids; i++)
		if (strcmp(c->voids[i].text, text) == 0) {
			c->voids[i].count += n;
			free(text);
			return;
		}
	if (c->nvoids >= KP_VOID_REASONS_MAX) {
		c->voids_other += n;
		free(text);
		return;
	}
	c->voids = kp_xgrow(c->voids, &c->voids_alloc, c->nvoids + 1,
			    sizeof(*c->voids));
	c->voids[c->nvoids].text = text;
	c->voids[c->nvoids].count = n;
	c->nvoids++;
}

static int ballot_header(void *ctx, const struct kp_csv_record *r,
			 struct kp_diag_sink *sink)
{
	struct count *c = ctx;
	struct header *h = c->h;
	const struct kp_contest *ct = h->ct;
	unsigned char *seen = kp_xcalloc(ct->ncands + 1, 1);
	int have_id = 0, ok = 1;
	char q[128];
	size_t i;

	free(h->list_col); /* a file read again after a wrong encoding guess */
	free(h->list_no);
	free(h->role);
	free(h->by_crossed);
	h->by_crossed = NULL;
	h->nlist = 0;
	h->width = r->nfields;
	h->void_col = -1;
	h->list_col = kp_xcalloc(r->nfields, sizeof(*h->list_col));
	h->list_no = kp_xcalloc(r->nfields, sizeof(*h->list_no));
	h->role = kp_xcalloc(r->nfields, sizeof(*h->role));
	for (i = 0; i < r->nfields; i++) {
		const struct kp_csv_field *f = &r->fields[i];
		const struct kp_candidate *cd;
		int ambiguous;

		if (!have_id && kp_column_is(f->s, f->len, "ballot")) {
			have_id = 1;
			h->id_col = i;
			h->role[i] = -1;
			continue;
		}
		if (h->void_col < 0 && kp_column_is(f->s, f->len, "void")) {
			h->void_col = (long)i;
			h->role[i] = -1;
			continue;
		}
		h->role[i] = (long)h->nlist;
		h->list_col[h->nlist] = i;
		cd = kp_contest_lookup(ct, f->s, f->len, &ambiguous);
		/* (two calls, not one with ?: in its format: each message
		 * must be found and translated) */
		if (!cd && ambiguous) {
			ok = kp_error(sink, r->file, r->line, kp_csv_col(r, i),
				      "column '%s' names two candidates of "
				      "contest '%s': name them by number",
				      kp_diag_quote(q, sizeof(q), f->s, f->len),
				      ct->id) == KP_EXIT_OK;
		} else if (!cd) {
			ok = kp_error(sink, r->file, r->line, kp_csv_col(r, i),
				      "column '%s' is not a candidate of contest "
				      "'%s': expected a number 1..N or a full name "
				      "from candidates.csv",
				      kp_diag_quote(q, sizeof(q), f->s, f->len),
				      ct->id) == KP_EXIT_OK;
		} else if (seen[cd->no]) {
			ok = kp_error(sink, r->file, r->line, kp_csv_col(r, i),
				      "candidate %u (%s) has two columns",
				      cd->no, cd->name) == KP_EXIT_OK;
		} else if (!h->open[cd->no - 1]) {
			ok = kp_error(sink, r->file, r->line, kp_csv_col(r, i),
				      "candidate %u (%s) was elected in an earlier "
				      "round and cannot be on the round %u list",
				      cd->no, cd->name, h->round) == KP_EXIT_OK;
		} else if (cd->round > h->round) {
			/* names added for a later round (QĐ 244 Art. 20.2) */
			ok = kp_error(sink, r->file, r->line, kp_csv_col(r, i),
				      "candidate %u (%s) stands from round %u "
				      "(candidates.csv line %llu) and cannot be on "
				      "the round %u list", cd->no, cd->name,
				      cd->round, (unsigned long long)cd->line,
				      h->round) == KP_EXIT_OK;
		} else {
			seen[cd->no] = 1;
			h->list_no[h->nlist] = cd->no;
		}
		h->nlist++;
	}
	if (!have_id)
		ok = kp_error(sink, r->file, r->line, 1,
			      "missing required column 'ballot' (the ballot "
			      "id)") == KP_EXIT_OK;
	/* round 1 is the whole round-1 list: each of them is on the ballot */
	if (h->round == 1)
		for (i = 1; i <= ct->ncands; i++)
			if (!seen[i] && ct->cands[i - 1].round <= 1)
				ok = kp_error(sink, r->file, r->line, 1,
					      "candidate %zu (%s) of contest '%s' "
					      "has no column in the round 1 ballots",
					      i, ct->cands[i - 1].name,
					      ct->id) == KP_EXIT_OK;
	if (h->round > 1 && !h->nlist)
		ok = kp_error(sink, r->file, r->line, 1,
			      "no candidate columns: a round %u list needs at "
			      "least one candidate", h->round) == KP_EXIT_OK;
	free(seen);
	h->ok = ok && have_id;
	/* the strike form's plain rows are counted without a record */
	h->fast = h->ok && ct->form != KP_FORM_AGREE;
	if (h->fast) {
		struct kp_marks m;

		h->by_crossed = kp_xmalloc(h->nlist + 1);
		for (i = 0; i <= h->nlist; i++) {
			memset(&m, 0, sizeof(m));
			m.listed = h->nlist;
			m.against = i;
			m.votes = h->nlist - i;
			h->by_crossed[i] = (unsigned char)kp_rules_ballot(&m, h->seats, 0);
		}
	}
	return !have_id; /* without ids no row can be checked */
}

static void ensure_arrays(struct count *c)
{
	if (!c->votes) {
		c->votes = kp_xcalloc(c->h->nlist + 1, sizeof(*c->votes));
		c->kept = kp_xcalloc(c->h->nlist + 1, sizeof(*c->kept));
		c->crossed = kp_xcalloc(c->h->nlist + 1, sizeof(*c->crossed));
	}
}

/* Count a ballot the rules refuse for what it keeps (too many names,
 * none, no choice); a valid or void one is counted by the caller. */
static void count_refused(struct count *c, enum kp_ballot b)
{
	switch (b) {
	case KP_BALLOT_TOO_MANY:
		c->too_many++;
		break;
	case KP_BALLOT_ALL_CROSSED:
		c->all_crossed++;
		break;
	case KP_BALLOT_NO_CHOICE:
		c->no_choice++;
		break;
	case KP_BALLOT_VOID:
	case KP_BALLOT_VALID:
		break;
	}
}

/* Fold what ballot_plain counted into votes: each valid plain ballot
 * keeps every name it does not cross out. */
static void fold_plain(struct count *c)
{
	size_t i;

	if (!c->votes || !c->plain_valid)
		return;
	for (i = 0; i < c->h->nlist; i++) {
		c->votes[i] += c->plain_valid - c->crossed[i];
		c->crossed[i] = 0;
	}
	c->plain_valid = 0;
}

#define PLAIN_WORDS 64	/* plain rows up to 4096 bytes: csv.c's FAST_MAX */

/* plain_count is compiled twice, with and without the processor's bit
 * count instruction (chosen at run time: ballot_plain) */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* The byte offset of delimiter k (0-based) by the masks, or len when
 * there are not that many. */
static ALWAYS_INLINE size_t nth_delim(const uint64_t *dm, size_t words, size_t k, size_t len)
{
	size_t w;

	for (w = 0; w < words; w++) {
		uint64_t m = dm[w];
		size_t n = (size_t)__builtin_popcountll(m);

		if (k < n) {
			while (k--)
				m &= m - 1;
			return 64 * w + (size_t)__builtin_ctzll(m);
		}
		k -= n;
	}
	return len;
}

/*
 * A plain row of the strike form, counted from bit masks of its bytes
 * (bytemask.h), without splitting it into fields: a mark is a field that
 * is empty (kept) or one 'x'/'X' (crossed out). Anything else, and any row
 * with something to report (a wrong width, an empty or repeated id, a
 * void column filled in, a mark that is not one, the ballot limit), is
 * left to ballot_row, which gives the same counts and says what is wrong:
 * tests/fuzz/fuzz_fastpath.c holds the two to the same results.
 */
static ALWAYS_INLINE int plain_count(void *ctx, const char *s, size_t len,
				     uint64_t line, char d)
{
	struct count *c = ctx;
	const struct header *h = c->h;
	uint64_t dm[PLAIN_WORDS], xm[PLAIN_WORDS], before[PLAIN_WORDS];
	size_t words = (len + 63) / 64, w, nd = 0, id0, id1, crossed = 0;
	enum kp_ballot outcome;
	uint64_t first, carry = 0;

	if (!h->fast || len > 64 * PLAIN_WORDS || c->ballots >= h->ballots_max)
		return 0;
	kp_bytemask(s, len, d, 'x', dm, xm);
	for (w = 0; w < words; w++) {
		before[w] = nd;
		nd += (size_t)__builtin_popcountll(dm[w]);
	}
	if (nd + 1 != h->width)
		return 0;
	id0 = h->id_col ? nth_delim(dm, words, h->id_col - 1, len) + 1 : 0;
	id1 = nth_delim(dm, words, h->id_col, len);
	if (id1 == id0)
		return 0; /* an empty id */
	if (h->void_col >= 0) {
		/* ruled void: ballot_row keeps the reason (the void column is
		 * usually the last: empty when the row ends in a delimiter) */
		size_t vc = (size_t)h->void_col, v0;

		if (vc + 1 == h->width) {
			if (s[len - 1] != d)
				return 0;
		} else {
			v0 = vc ? nth_delim(dm, words, vc - 1, len) + 1 : 0;
			if (nth_delim(dm, words, vc, len) != v0)
				return 0;
		}
	}
	/* outside the id, every byte is a delimiter or a lone x */
	for (w = 0; w < words; w++) {
		uint64_t lo = 64 * w, hi = lo + 64, idm = 0, valid, x;

		if (id0 < hi && id1 > lo) {
			uint64_t a = id0 > lo ? id0 - lo : 0, b = id1 < hi ? id1 - lo : 64;

			idm = (b == 64 ? ~0ull : (1ull << b) - 1) & ~((1ull << a) - 1);
		}
		valid = hi <= len ? ~0ull : (1ull << (len - lo)) - 1;
		x = xm[w] & ~idm;
		if ((~(dm[w] | x | idm) & valid) || (x & (x << 1 | carry)))
			return 0;
		carry = x >> 63;
		xm[w] = x;
		crossed += (size_t)__builtin_popcountll(x);
	}
	if (crossed > h->nlist)
		return 0; /* (the width says it cannot be) */
	outcome = (enum kp_ballot)h->by_crossed[crossed];
	if (outcome == KP_BALLOT_VOID)
		return 0; /* (never without a reason) */
	if (!kp_idset_add(&c->ids, s + id0, id1 - id0, line, &first))
		return 0; /* ballot_row says where it was first */
	ensure_arrays(c);
	c->ballots++;
	if (outcome != KP_BALLOT_VALID) {
		count_refused(c, outcome);
		return 1;
	}
	c->valid++;
	c->plain_valid++;
	for (w = 0; w < words; w++)
		for (uint64_t x = xm[w]; x; x &= x - 1) {
			unsigned b = (unsigned)__builtin_ctzll(x);
			size_t f = before[w] + (size_t)__builtin_popcountll(
				dm[w] & ((1ull << b) - 1));

			c->crossed[h->role[f]]++;
		}
	return 1;
}

static int plain_any(void *ctx, const char *s, size_t len, uint64_t line, char d)
{
	return plain_count(ctx, s, len, line, d);
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("popcnt")))
static int plain_popcnt(void *ctx, const char *s, size_t len, uint64_t line,
			char d)
{
	return plain_count(ctx, s, len, line, d);
}
#endif

static int ballot_plain(void *ctx, const char *s, size_t len, uint64_t line,
			char d)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (kp_cpu_popcnt())
		return plain_popcnt(ctx, s, len, line, d);
#endif
	return plain_any(ctx, s, len, line, d);
}

/* Non-zero when s[0..len) has a byte of 0x80 or above (not ASCII). */
static int memchr_high(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] & 0x80)
			return 1;
	return 0;
}

static int ballot_row(void *ctx, const struct kp_csv_record *r,
		      struct kp_diag_sink *sink)
{
	struct count *c = ctx;
	const struct header *h = c->h;
	const struct kp_csv_field *id;
	struct kp_marks m;
	uint64_t first;
	size_t i, nkept = 0;
	int bad = 0;
	char q[128];

	ensure_arrays(c);
	if (r->nfields != h->width) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, r->nfields < h->width ? r->nfields : h->width),
			 "expected %zu fields as in the header, found %zu",
			 h->width, r->nfields);
		return 0;
	}
	id = &r->fields[h->id_col];
	{
		/* ids that look the same are the same: a no-break space, a
		 * zero-width space or a fullwidth digit is folded away */
		char *folded = NULL;
		const char *key = id->s;
		size_t klen = id->len;

		if (memchr_high(id->s, id->len)) {
			folded = kp_text_fold_id(id->s, id->len);
			key = folded;
			klen = strlen(folded);
		}
		if (!klen) {
			kp_error(sink, r->file, r->line, kp_csv_col(r, h->id_col),
				 "empty ballot id: every ballot needs one");
			bad = 1;
		} else if (!kp_idset_add(&c->ids, key, klen, r->line, &first)) {
			kp_error(sink, r->file, r->line, kp_csv_col(r, h->id_col),
				 "duplicate ballot id '%s' (first on line %llu)",
				 kp_diag_quote(q, sizeof(q), id->s, id->len),
				 (unsigned long long)first);
			bad = 1;
		}
		free(folded);
	}
	memset(&m, 0, sizeof(m));
	m.listed = h->nlist;
	for (i = 0; i < h->nlist; i++) {
		const struct kp_csv_field *f = &r->fields[h->list_col[i]];

		if (h->ct->form == KP_FORM_AGREE) {
			switch (kp_rules_agree_mark(f->s, f->len)) {
			case KP_MARK_AGREE:
				c->kept[nkept++] = i;
				break;
			case KP_MARK_DISAGREE:
				m.against++;
				break;
			case KP_MARK_BOTH:
			case KP_MARK_NEITHER:
				m.blank++;
				break;
			case KP_MARK_BAD:
				kp_error(sink, r->file, r->line,
					 kp_csv_col(r, h->list_col[i]),
					 "mark '%s' for candidate %u: expected y "
					 "(đồng ý), n (không đồng ý), yn (both "
					 "boxes) or empty (neither)",
					 kp_diag_quote(q, sizeof(q), f->s, f->len),
					 h->list_no[i]);
				bad = 1;
				break;
			}
		} else if (!f->len) {
			c->kept[nkept++] = i; /* name kept: a vote */
		} else if (f->len == 1 && (f->s[0] == 'x' || f->s[0] == 'X')) {
			m.against++;
		} else {
			kp_error(sink, r->file, r->line,
				 kp_csv_col(r, h->list_col[i]),
				 "mark '%s' for candidate %u: expected empty "
				 "(kept) or 'x' (crossed out)",
				 kp_diag_quote(q, sizeof(q), f->s, f->len),
				 h->list_no[i]);
			bad = 1;
		}
	}
	m.votes = nkept;
	if (bad)
		return 0;
	if (c->ballots >= h->ballots_max) {
		if (!c->over_limit)
			kp_error(sink, r->file, r->line, 1,
				 "more than %llu ballots in one file",
				 (unsigned long long)h->ballots_max);
		c->over_limit = 1;
		return 0;
	}
	c->ballots++;
	{
		/* no void column: no ballot is ruled void */
		static const struct kp_csv_field none = { "", 0 };
		const struct kp_csv_field *v =
			h->void_col >= 0 ? &r->fields[h->void_col] : &none;
		size_t vl = v->len;
		enum kp_ballot b;

		while (vl && v->s[vl - 1] == ' ')
			vl--; /* a quoted cell of spaces says nothing */
		b = kp_rules_ballot(&m, h->seats, vl > 0);

		switch (b) {
		case KP_BALLOT_VOID:
			count_void(c, v->s, v->len, 1);
			break;
		case KP_BALLOT_TOO_MANY:
		case KP_BALLOT_ALL_CROSSED:
		case KP_BALLOT_NO_CHOICE:
			count_refused(c, b);
			break;
		case KP_BALLOT_VALID:
			c->valid++;
			for (i = 0; i < nkept; i++)
				c->votes[c->kept[i]]++;
			break;
		}
	}
	return 0;
}

static void ballot_reset(void *ctx)
{
	struct count *c = ctx;

	/* the header will be read again and may give another list */
	free(c->votes);
	free(c->kept);
	free(c->crossed);
	c->votes = NULL;
	c->kept = NULL;
	c->crossed = NULL;
	count_clear(c);
}

struct merge_ctx {
	struct count *into;
	struct kp_diag_sink *sink;
	uint64_t col;
};

static void merge_dup(void *vctx, const char *id, size_t len, uint64_t line,
		      uint64_t first)
{
	struct merge_ctx *m = vctx;
	char q[128];

	kp_error(m->sink, m->into->h->path, line, m->col,
		 "duplicate ballot id '%s' (first on line %llu)",
		 kp_diag_quote(q, sizeof(q), id, len), (unsigned long long)first);
}

static void ballot_merge(void **ctx, unsigned n, struct kp_diag_sink *sink)
{
	struct count *into = ctx[0];
	/* the ballot column's position is only known from a row's text; when
	 * it is the first, as usual, say so as a row would */
	struct merge_ctx m = { into, sink, into->h->id_col == 0 ? 1 : 0 };
	unsigned p;
	size_t i;

	ensure_arrays(into);
	fold_plain(into);
	for (p = 1; p < n; p++) {
		struct count *c = ctx[p];

		fold_plain(c);
		into->ballots += c->ballots;
		into->valid += c->valid;
		into->too_many += c->too_many;
		into->all_crossed += c->all_crossed;
		into->no_choice += c->no_choice;
		into->voids_other += c->voids_other;
		if (c->votes)
			for (i = 0; i < into->h->nlist; i++)
				into->votes[i] += c->votes[i];
		for (i = 0; i < c->nvoids; i++)
			count_void(into, c->voids[i].text,
				   strlen(c->voids[i].text), c->voids[i].count);
		kp_idset_merge(&into->ids, &c->ids, merge_dup, &m);
		if (into->ballots > into->h->ballots_max && !into->over_limit) {
			kp_error(sink, into->h->path, 0, 0,
				 "more than %llu ballots in one file",
				 (unsigned long long)into->h->ballots_max);
			into->over_limit = 1;
		}
	}
}

static int by_text(const void *a, const void *b)
{
	return strcmp(((const struct kp_reason *)a)->text,
		      ((const struct kp_reason *)b)->text);
}

/* The reasons of a round: too-many, all-crossed, no-choice, then each void
 * reason, into a new array *out of *nout. */
static void collect_reasons(struct kp_reason **out, size_t *nout, struct count *c)
{
	struct kp_reason *reasons = kp_xcalloc(c->nvoids + 4, sizeof(*reasons));
	size_t i, n = 0;

	if (c->too_many) {
		reasons[n].text = kp_xstrdup("too-many");
		reasons[n++].count = c->too_many;
	}
	if (c->all_crossed) {
		reasons[n].text = kp_xstrdup("all-crossed");
		reasons[n++].count = c->all_crossed;
	}
	if (c->no_choice) {
		reasons[n].text = kp_xstrdup("no-choice");
		reasons[n++].count = c->no_choice;
	}
	if (c->nvoids > 1)
		qsort(c->voids, c->nvoids, sizeof(*c->voids), by_text);
	for (i = 0; i < c->nvoids; i++) {
		struct kp_buf b = KP_BUF_INIT;

		kp_buf_addf(&b, "void: %s", c->voids[i].text);
		reasons[n].text = kp_buf_detach(&b);
		reasons[n++].count = c->voids[i].count;
	}
	if (c->voids_other) {
		reasons[n].text = kp_xstrdup("void: (other reasons)");
		reasons[n++].count = c->voids_other;
	}
	*out = reasons;
	*nout = n;
}

static int by_round_votes(const void *a, const void *b)
{
	const struct kp_elected *x = a, *y = b;

	if (x->round != y->round)
		return x->round < y->round ? -1 : 1;
	if (x->votes != y->votes)
		return x->votes > y->votes ? -1 : 1;
	return x->no < y->no ? -1 : x->no > y->no;
}

/* What tallying a contest carries from one round to the next. */
struct contest_state {
	unsigned char *open;		/* open[no - 1]: not elected yet */
	/* after a tie at the official cut: the candidates over half in that
	 * round, not elected, with their votes there; the reserves are theirs
	 * once the official seats are full (QĐ 190 Art. 18) */
	struct kp_standing *pool;
	size_t npool;
	unsigned pool_round;
};

static void pool_drop(struct contest_state *st)
{
	free(st->pool);
	st->pool = NULL;
	st->npool = 0;
}

static void pool_set(struct contest_state *st, const struct kp_round_result *rr,
		     uint64_t base)
{
	size_t i;

	pool_drop(st);
	st->pool = kp_xcalloc(rr->ncands + 1, sizeof(*st->pool));
	for (i = 0; i < rr->ncands; i++)
		if (rr->cands[i].result != KP_RESULT_ELECTED &&
		    kp_rules_majority(rr->cands[i].votes, base))
			st->pool[st->npool++] = rr->cands[i];
	st->pool_round = rr->round;
}

static void add_elected(struct kp_elected **list, size_t *n, unsigned no,
			unsigned round, uint64_t votes)
{
	struct kp_elected e = { no, round, votes };

	*list = kp_xpush(*list, *n, sizeof(**list));
	(*list)[(*n)++] = e;
}

static void add_tied(struct kp_contest_result *cr, unsigned no)
{
	cr->tied = kp_xpush(cr->tied, cr->ntied, sizeof(*cr->tied));
	cr->tied[cr->ntied++] = no;
}

static struct kp_standing *standing_of(struct kp_round_result *rr, unsigned no)
{
	size_t i;

	for (i = 0; i < rr->ncands; i++)
		if (rr->cands[i].no == no)
			return &rr->cands[i];
	return NULL;
}

/* The official seats are full after round rr, which elected no reserve:
 * the open reserve seats go, in order of their votes in the round of the
 * tie, to the candidates of the pool not elected since. Returns where a tie
 * fell. */
static enum kp_cut pool_fill(struct kp_contest_result *cr,
			     struct kp_round_result *rr, struct contest_state *st)
{
	const struct kp_contest *ct = cr->ct;
	struct kp_standing *c = kp_xcalloc(st->npool + 1, sizeof(*c));
	size_t i, n = 0;
	enum kp_cut cut;

	for (i = 0; i < st->npool; i++)
		if (st->open[st->pool[i].no - 1])
			c[n++] = st->pool[i];
	cut = kp_rules_elect(c, n, ct->base, 0, ct->reserves - cr->nreserves);
	for (i = 0; i < n; i++) {
		struct kp_standing *s = standing_of(rr, c[i].no);

		if (c[i].result == KP_RESULT_RESERVE) {
			add_elected(&cr->reserves, &cr->nreserves, c[i].no,
				    st->pool_round, c[i].votes);
			st->open[c[i].no - 1] = 0;
		} else if (c[i].result == KP_RESULT_TIE) {
			add_tied(cr, c[i].no);
		} else {
			continue;
		}
		if (s) /* decided in this round: its table says so */
			s->result = c[i].result;
	}
	free(c);
	pool_drop(st);
	return cut == KP_CUT_NONE ? KP_CUT_NONE : KP_CUT_RESERVE;
}

/* The file name of a path, for messages that name a file they are not
 * about. */
static const char *file_of(const char *path)
{
	const char *slash = kp_path_last_sep(path);

	return slash ? slash + 1 : path;
}

/* Attendance and ballots: what does not add up (docs/rules.md 7, 8). */
static int check_counts(const struct kp_contest *ct,
			const struct kp_round_result *rr,
			const struct kp_round_plan *pl, const char *path,
			struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK;

	if (rr->has_issued && rr->ballots > rr->issued)
		status = kp_error(sink, path, 0, 0,
				  "%llu ballots counted, but %s line %llu says "
				  "only %llu were issued",
				  (unsigned long long)rr->ballots,
				  file_of(pl->file), (unsigned long long)pl->line,
				  (unsigned long long)rr->issued);
	if (rr->has_present && rr->ballots > rr->present)
		kp_warning(sink, path, 0, 0,
			   "%llu ballots counted, but %s line %llu says %llu "
			   "were present", (unsigned long long)rr->ballots,
			   file_of(pl->file), (unsigned long long)pl->line,
			   (unsigned long long)rr->present);
	if (rr->has_present && rr->has_issued && rr->issued > rr->present)
		kp_warning(sink, pl->file, pl->line, 0,
			   "contest '%s' round %u: %llu ballots issued to %llu "
			   "present", ct->id, rr->round,
			   (unsigned long long)rr->issued,
			   (unsigned long long)rr->present);
	if (rr->ballots > ct->base)
		kp_warning(sink, path, 0, 0,
			   "%llu ballots counted, more than the base of %llu "
			   "summoned (contests.csv line %llu): is the base right?",
			   (unsigned long long)rr->ballots,
			   (unsigned long long)ct->base,
			   (unsigned long long)ct->line);
	if (rr->has_present && !kp_rules_quorum(rr->present, ct->base))
		kp_warning(sink, pl->file, pl->line, 0,
			   "contest '%s' round %u: %llu of %llu summoned present, "
			   "fewer than two thirds", ct->id, rr->round,
			   (unsigned long long)rr->present,
			   (unsigned long long)ct->base);
	return status;
}

/* The seats round rf elects: by default as the rules say after the round
 * before (cr->next), or as rounds.csv says; 0 after an error. */
static int round_seats(const struct kp_contest_result *cr,
		       const struct kp_round_file *rf,
		       const struct kp_round_plan *pl, struct kp_seats *out,
		       struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct;
	struct kp_seats open = { ct->seats - cr->nelected,
				 ct->reserves - cr->nreserves };
	struct kp_seats s = rf->round == 1 ? open : cr->next;

	if (pl && pl->has_seats) {
		if (pl->seats > open.official)
			return kp_error(sink, pl->file, pl->line, 0,
					"round %u of contest '%s' elects %llu "
					"seats, but only %llu are open",
					rf->round, ct->id,
					(unsigned long long)pl->seats,
					(unsigned long long)open.official);
		s.official = pl->seats;
	}
	if (pl && pl->has_reserves) {
		if (pl->reserves > open.reserves)
			return kp_error(sink, pl->file, pl->line, 0,
					"round %u of contest '%s' elects %llu "
					"reserves, but only %llu are open",
					rf->round, ct->id,
					(unsigned long long)pl->reserves,
					(unsigned long long)open.reserves);
		s.reserves = pl->reserves;
	}
	if (!s.official && !s.reserves)
		return kp_error(sink, pl ? pl->file : rf->path, pl ? pl->line : 0, 0,
				"round %u of contest '%s' elects no one: every "
				"seat it could elect is filled or left out",
				rf->round, ct->id);
	*out = s;
	return KP_EXIT_OK;
}

/* What a round's counts are, from its ballots or its minutes. */
struct round_in {
	enum kp_source source;
	uint64_t ballots, valid;
	struct kp_reason *reasons;	/* owned, handed to the round */
	size_t nreasons;
	const unsigned *no;		/* the list, and each one's votes */
	const uint64_t *votes;
	size_t n;
	int has_issued, has_present;	/* what the minutes themselves say */
	uint64_t issued, present;
	uint64_t issued_line, present_line;	/* their lines in the minutes */
	const char *sha256;
};

/* Decide a round from its counts: its results, who is elected, the
 * reserves of an official re-vote, what the next round elects. */
static int decide(struct kp_contest_result *cr, const struct kp_round_file *rf,
		  struct contest_state *cs, struct kp_seats seats,
		  const struct kp_round_plan *pl, struct round_in *in,
		  struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct;
	static const struct kp_round_plan none;
	struct kp_round_result *rr;
	struct kp_seats open;
	enum kp_cut cut;
	int status = KP_EXIT_OK;
	size_t k;

	cr->rounds = kp_xpush(cr->rounds, cr->nrounds, sizeof(*cr->rounds));
	rr = &cr->rounds[cr->nrounds++];
	memset(rr, 0, sizeof(*rr));
	rr->round = rf->round;
	rr->path = rf->path;
	rr->source = in->source;
	memcpy(rr->sha256, in->sha256, sizeof(rr->sha256));
	rr->seats = seats.official + seats.reserves;
	rr->official_open = seats.official;
	rr->reserve_open = seats.reserves;
	if (pl) {
		rr->has_issued = pl->has_issued;
		rr->issued = pl->issued;
		rr->has_present = pl->has_present;
		rr->present = pl->present;
	}
	/* given in the minutes and in rounds.csv or contests.csv: the same */
	if (in->has_issued && rr->has_issued && in->issued != rr->issued)
		status = kp_error(sink, rf->path, in->issued_line, 0,
				  "issued: the minutes say %llu, %s line %llu "
				  "says %llu", (unsigned long long)in->issued,
				  file_of(pl->file), (unsigned long long)pl->line,
				  (unsigned long long)rr->issued);
	if (in->has_present && rr->has_present && in->present != rr->present)
		status = kp_error(sink, rf->path, in->present_line, 0,
				  "present: the minutes say %llu, %s line %llu "
				  "says %llu", (unsigned long long)in->present,
				  file_of(pl->file), (unsigned long long)pl->line,
				  (unsigned long long)rr->present);
	if (in->has_issued) {
		rr->has_issued = 1;
		rr->issued = in->issued;
	}
	if (in->has_present) {
		rr->has_present = 1;
		rr->present = in->present;
	}
	rr->ballots = in->ballots;
	rr->valid = in->valid;
	rr->invalid = rr->ballots - rr->valid;
	rr->reasons = in->reasons;
	rr->nreasons = in->nreasons;
	in->reasons = NULL;
	in->nreasons = 0;
	if (status == KP_EXIT_OK)
		status = check_counts(ct, rr, pl ? pl : &none, rf->path, sink);
	/* the list in ballot order, decided */
	rr->ncands = 0;
	rr->cands = kp_xcalloc(in->n + 1, sizeof(*rr->cands));
	for (k = 0; k < in->n; k++)
		if (in->no[k]) {
			rr->cands[rr->ncands].no = in->no[k];
			rr->cands[rr->ncands].votes = in->votes[k];
			rr->votes_cast += in->votes[k];
			rr->ncands++;
		}
	for (k = 1; k < rr->ncands; k++) { /* insertion sort by no */
		size_t j = k;
		struct kp_standing t = rr->cands[k];

		for (; j > 0 && rr->cands[j - 1].no > t.no; j--)
			rr->cands[j] = rr->cands[j - 1];
		rr->cands[j] = t;
	}
	rr->unused = rr->valid * rr->seats - rr->votes_cast;
	cut = kp_rules_elect(rr->cands, rr->ncands, ct->base, seats.official,
			     seats.reserves);
	cr->ntied = 0;
	for (k = 0; k < rr->ncands; k++) {
		struct kp_standing *s = &rr->cands[k];

		if (s->result == KP_RESULT_ELECTED)
			add_elected(&cr->elected, &cr->nelected, s->no,
				    rf->round, s->votes);
		else if (s->result == KP_RESULT_RESERVE)
			add_elected(&cr->reserves, &cr->nreserves, s->no,
				    rf->round, s->votes);
		else if (s->result == KP_RESULT_TIE)
			add_tied(cr, s->no);
		if (s->result == KP_RESULT_ELECTED || s->result == KP_RESULT_RESERVE)
			cs->open[s->no - 1] = 0;
	}
	/* officials first (QĐ 190 Art. 18) */
	if (ct->reserves && cut == KP_CUT_OFFICIAL &&
	    (seats.reserves || !cs->pool))
		pool_set(cs, rr, ct->base);
	else if (seats.reserves)
		pool_drop(cs); /* this round ranked the reserves itself */
	if (!seats.reserves && cs->pool && cr->nelected == ct->seats &&
	    cr->nreserves < ct->reserves)
		cut = pool_fill(cr, rr, cs);
	open.official = ct->seats - cr->nelected;
	open.reserves = ct->reserves - cr->nreserves;
	cr->next = kp_rules_next_round(cut, open);
	return status;
}

/* A round counted from the figures of its minutes (results/ID.csv). */
static int tally_minutes(struct kp_contest_result *cr, const struct kp_round_file *rf,
			 struct contest_state *cs, struct kp_seats seats,
			 const struct kp_round_plan *pl, const struct kp_tally_opts *o,
			 struct kp_diag_sink *sink)
{
	struct kp_minutes m;
	struct round_in in;
	int status;

	status = kp_minutes_read(rf->path, cr->ct, rf->round, cs->open,
				 seats.official + seats.reserves, &o->csv, &m, sink);
	if (status == KP_EXIT_OK) {
		memset(&in, 0, sizeof(in));
		in.source = KP_SOURCE_RESULTS;
		in.ballots = m.v[KP_ITEM_RETURNED];
		in.valid = m.v[KP_ITEM_VALID];
		in.reasons = m.reasons;
		in.nreasons = m.nreasons;
		m.reasons = NULL;
		m.nreasons = 0;
		in.no = m.no;
		in.votes = m.votes;
		in.n = m.n;
		in.has_issued = m.has[KP_ITEM_ISSUED];
		in.issued = m.v[KP_ITEM_ISSUED];
		in.has_present = m.has[KP_ITEM_PRESENT];
		in.present = m.v[KP_ITEM_PRESENT];
		in.issued_line = m.line[KP_ITEM_ISSUED];
		in.present_line = m.line[KP_ITEM_PRESENT];
		in.sha256 = m.sha256;
		status = decide(cr, rf, cs, seats, pl, &in, sink);
	}
	kp_minutes_release(&m);
	return status;
}

/* Count one round's ballot file, or read its minutes, and decide the
 * round. */
static int tally_round(struct kp_contest_result *cr, const struct kp_round_file *rf,
		       struct contest_state *cs, const struct kp_tally_opts *o,
		       struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler handler = {
		ballot_header, ballot_row, ballot_reset, ballot_merge,
		ballot_plain
	};
	const struct kp_contest *ct = cr->ct;
	const struct kp_round_plan *pl = kp_contest_plan(ct, rf->round);
	struct header h;
	struct count counts[PARTS_MAX];
	void *ctx[PARTS_MAX];
	unsigned nparts = o->csv.threads ? o->csv.threads : 1, i;
	struct kp_seats seats = { 0, 0 };
	struct round_in in;
	uint64_t errors = sink->errors;
	char digest[65];
	int status;

	if (nparts > PARTS_MAX)
		nparts = PARTS_MAX;
	if (cr->nelected == ct->seats && cr->nreserves == ct->reserves)
		return kp_error(sink, rf->path, 0, 0,
				"round %u ballots, but every seat of contest "
				"'%s' was filled in round %u", rf->round,
				ct->id, rf->round - 1);
	status = round_seats(cr, rf, pl, &seats, sink);
	if (status != KP_EXIT_OK)
		return status;
	if (rf->source == KP_SOURCE_RESULTS)
		return tally_minutes(cr, rf, cs, seats, pl, o, sink);
	memset(&h, 0, sizeof(h));
	h.ct = ct;
	h.path = rf->path;
	h.round = rf->round;
	h.ballots_max = o->ballots_max ? o->ballots_max : KP_BALLOTS_MAX;
	h.seats = seats.official + seats.reserves;
	h.open = cs->open;
	for (i = 0; i < nparts; i++) {
		count_init(&counts[i], &h);
		ctx[i] = &counts[i];
	}
	digest[0] = '\0';
	status = kp_csv_read_hashed(rf->path, NULL, &o->csv, &handler, ctx, nparts,
				    sink, o->no_hash ? NULL : digest);
	if (status == KP_EXIT_OK && sink->errors > errors)
		status = KP_EXIT_DATA;
	if (status != KP_EXIT_OK || !h.ok)
		goto out;
	if (!counts[0].ballots) {
		/* an empty sheet: the round is not held until its ballots are
		 * typed in (no vote was ever counted on no ballot) */
		status = ROUND_EMPTY;
		goto out;
	}
	ensure_arrays(&counts[0]);
	fold_plain(&counts[0]);
	memset(&in, 0, sizeof(in));
	in.source = KP_SOURCE_BALLOTS;
	in.ballots = counts[0].ballots;
	in.valid = counts[0].valid;
	collect_reasons(&in.reasons, &in.nreasons, &counts[0]);
	in.no = h.list_no;
	in.votes = counts[0].votes;
	in.n = h.nlist;
	in.sha256 = digest;
	status = decide(cr, rf, cs, seats, pl, &in, sink);
out:
	for (i = 0; i < nparts; i++)
		count_release(&counts[i]);
	free(h.list_col);
	free(h.list_no);
	free(h.role);
	free(h.by_crossed);
	return status;
}

static void surplus_check(struct kp_contest_result *cr, const struct kp_congress *cg,
			  const struct kp_tally_opts *o, struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct;
	const struct kp_surplus *s = &cr->surplus;
	/* an error for check, a warning for tally, which still counts; a
	 * surplus below the minimum is always a warning (rules.md 1) */
	enum kp_severity sev = o->surplus_errors && kp_verdict_is_error(s->verdict) ?
			       KP_SEV_ERROR : KP_SEV_WARNING;
	const char *path = cg->contests_path;
	unsigned long long cands = s->candidates, whole = s->percent_x100 / 100,
			   hundredths = s->percent_x100 % 100;
	long long surplus = s->surplus;

	/* one whole sentence per case, so that each is translated whole; the
	 * percentage goes in as two numbers, so that a translation can write
	 * its own decimal separator */
	if (s->verdict == KP_VERDICT_OK || s->verdict == KP_VERDICT_NOT_REQUIRED)
		return;
	if (s->verdict == KP_VERDICT_NONE &&
	    (ct->kind == KP_KIND_COMMITTEE || ct->kind == KP_KIND_STANDING))
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): the list must have more candidates than "
			"seats", ct->id, cands, ct->seats, surplus, whole,
			hundredths);
	else if (s->verdict == KP_VERDICT_NONE)
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats and %u in "
			"reserve: the list must have at least as many candidates "
			"as seats and reserves", ct->id, cands, ct->seats,
			ct->reserves);
	else if (s->verdict == KP_VERDICT_BELOW_MIN)
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): below the %u%% the convening committee "
			"prepares; the congress may accept it", ct->id, cands,
			ct->seats, surplus, whole, hundredths,
			o->limits.min_percent);
	else if (ct->seats <= 5)
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): a body of 5 seats or fewer has a surplus "
			"of exactly 1", ct->id, cands, ct->seats, surplus, whole,
			hundredths);
	else
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): above the %u%% maximum", ct->id, cands,
			ct->seats, surplus, whole, hundredths,
			o->limits.max_percent);
}

static int tally_contest(struct kp_contest_result *cr,
			 const struct kp_tally_opts *o, struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct;
	struct contest_state cs;
	int status = KP_EXIT_OK, st;
	unsigned empty = 0;	/* the round of an empty ballot file */
	size_t i;

	memset(&cs, 0, sizeof(cs));
	cs.open = kp_xmalloc(ct->ncands + 1);
	memset(cs.open, 1, ct->ncands + 1);
	cr->next.official = ct->seats;
	cr->next.reserves = ct->reserves;
	for (i = 0; i < ct->nrounds; i++) {
		const struct kp_round_file *rf = &ct->rounds[i];

		if (empty) {
			status = kp_error(sink, rf->path, 0, 0,
					  "round %u ballots, but round %u has no "
					  "ballots yet", rf->round, empty);
			break;
		}
		st = tally_round(cr, rf, &cs, o, sink);
		if (st == ROUND_EMPTY) {
			kp_warning(sink, rf->path, 0, 0,
				   "no ballots yet: round %u counts once its "
				   "ballots are typed in", rf->round);
			empty = rf->round;
			continue;
		}
		if (st != KP_EXIT_OK) {
			status = st;
			break; /* a later round depends on this one */
		}
	}
	free(cs.open);
	pool_drop(&cs);
	if (cr->nelected > 1)
		qsort(cr->elected, cr->nelected, sizeof(*cr->elected), by_round_votes);
	if (cr->nreserves > 1)
		qsort(cr->reserves, cr->nreserves, sizeof(*cr->reserves), by_round_votes);
	cr->unfilled = ct->seats + ct->reserves - cr->nelected - cr->nreserves;
	cr->status = kp_rules_status(ct->closed, cr->nrounds, cr->unfilled);
	return status;
}

static void contest_result_release(struct kp_contest_result *cr)
{
	size_t j, k;

	for (j = 0; j < cr->nrounds; j++) {
		for (k = 0; k < cr->rounds[j].nreasons; k++)
			free(cr->rounds[j].reasons[k].text);
		free(cr->rounds[j].reasons);
		free(cr->rounds[j].cands);
	}
	free(cr->rounds);
	free(cr->elected);
	free(cr->reserves);
	free(cr->tied);
	memset(cr, 0, sizeof(*cr));
}

/* Elected from among the members of the new committee (QĐ 244 Art. 19.9;
 * a secretary elected at the congress too, HD 04-HD/TW item 8). */
static int is_linked(enum kp_kind k)
{
	return k == KP_KIND_STANDING || k == KP_KIND_SECRETARY ||
	       k == KP_KIND_DEPUTY;
}

/* One person in two elections: by `person` when both candidates have one,
 * else by name (both NFC, spaces folded). */
static int same_person(const struct kp_candidate *a, const struct kp_candidate *b)
{
	if (a->person && b->person)
		return strcmp(a->person, b->person) == 0;
	return strcmp(a->name, b->name) == 0;
}

/*
 * The election cr is held among the new committee com: with com decided,
 * each candidate must be one of its elected members (an error each, and
 * the election is not tallied: KP_EXIT_DATA); with com not decided, cr
 * waits for it (1). 0 when cr can be tallied.
 */
static int check_link(struct kp_contest_result *cr,
		      const struct kp_contest_result *com,
		      const struct kp_congress *cg, struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct, *cc = com->ct;
	int status = 0;
	size_t i, j;

	if (com->status != KP_STATUS_COMPLETE && com->status != KP_STATUS_CLOSED) {
		cr->status = KP_STATUS_WAITING;
		cr->waits_for = cc;
		if (ct->nrounds)
			kp_warning(sink, ct->rounds[0].path, 0, 0,
				   "not counted yet: contest '%s' is elected from "
				   "the new committee, and the committee '%s' is "
				   "not complete", ct->id, cc->id);
		return 1;
	}
	for (i = 0; i < ct->ncands; i++) {
		const struct kp_candidate *cd = &ct->cands[i];
		int member = 0;

		for (j = 0; j < com->nelected && !member; j++)
			member = same_person(cd, &cc->cands[com->elected[j].no - 1]);
		/* one sentence per body, each translated whole */
		if (member)
			continue;
		if (ct->kind == KP_KIND_STANDING)
			status = kp_error(sink, cg->candidates_path, cd->line, 1,
					  "candidate %u (%s) of contest '%s' is "
					  "not an elected member of the committee "
					  "'%s': the standing committee is elected "
					  "from the new committee", cd->no, cd->name,
					  ct->id, cc->id);
		else if (ct->kind == KP_KIND_SECRETARY)
			status = kp_error(sink, cg->candidates_path, cd->line, 1,
					  "candidate %u (%s) of contest '%s' is "
					  "not an elected member of the committee "
					  "'%s': the secretary is elected from the "
					  "new committee", cd->no, cd->name, ct->id,
					  cc->id);
		else
			status = kp_error(sink, cg->candidates_path, cd->line, 1,
					  "candidate %u (%s) of contest '%s' is "
					  "not an elected member of the committee "
					  "'%s': a deputy secretary is elected from "
					  "the new committee", cd->no, cd->name,
					  ct->id, cc->id);
	}
	return status;
}

int kp_tally_congress(const struct kp_congress *cg, const char *only,
		      const struct kp_tally_opts *o, struct kp_results *res,
		      struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK, st;
	uint64_t errors = sink->errors;
	struct kp_contest_result hidden;
	const struct kp_contest_result *com = NULL;
	const struct kp_contest *comct = NULL;
	enum kp_status *sts;
	size_t i, pass;

	memset(res, 0, sizeof(*res));
	memset(&hidden, 0, sizeof(hidden));
	res->cg = cg;
	if (only && !kp_congress_find(cg, only))
		return kp_error(sink, cg->contests_path, 0, 0,
				"no contest '%s' in this congress", only);
	for (i = 0; i < cg->n && !comct; i++)
		if (cg->contests[i].kind == KP_KIND_COMMITTEE)
			comct = &cg->contests[i];
	res->contests = kp_xcalloc(cg->n + 1, sizeof(*res->contests));
	for (i = 0; i < cg->n; i++) {
		if (only && strcmp(cg->contests[i].id, only) != 0)
			continue;
		if (cg->contests[i].broken)
			status = KP_EXIT_DATA; /* its error was reported; its
						* ballots mean nothing */
		else
			res->contests[res->n++].ct = &cg->contests[i];
	}
	/* the committee first: the elections held among its members follow */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < res->n; i++) {
			struct kp_contest_result *cr = &res->contests[i];

			if (is_linked(cr->ct->kind) != (int)pass)
				continue;
			/* the surplus is that of the round 1 list (names added
			 * later are the congress's call, QĐ 244 Art. 20.2) */
			cr->surplus = kp_rules_surplus(cr->ct->kind,
						       kp_contest_round1(cr->ct),
						       cr->ct->seats,
						       cr->ct->reserves,
						       &o->limits);
			surplus_check(cr, cg, o, sink);
			if (pass && comct && !comct->broken) {
				if (!com) {
					/* --contest of a linked election: the
					 * committee counted aside, silently */
					struct kp_diag_sink quiet;

					kp_diag_sink_init(&quiet, NULL, NULL);
					hidden.ct = comct;
					if (tally_contest(&hidden, o, &quiet) != KP_EXIT_OK)
						hidden.status = KP_STATUS_PENDING;
					com = &hidden;
				}
				st = check_link(cr, com, cg, sink);
				if (st == 1)
					continue;
				if (st != 0) {
					status = st;
					continue;
				}
			}
			if (comct && cr->ct == comct)
				com = cr;
			st = tally_contest(cr, o, sink);
			if (st == KP_EXIT_IO || status == KP_EXIT_OK)
				status = st;
		}
	contest_result_release(&hidden);
	sts = kp_xcalloc(res->n + 1, sizeof(*sts));
	for (i = 0; i < res->n; i++)
		sts[i] = res->contests[i].status;
	res->status = kp_rules_congress_status(sts, res->n);
	free(sts);
	if (status == KP_EXIT_OK && sink->errors > errors)
		status = KP_EXIT_DATA;
	return status;
}

void kp_results_release(struct kp_results *res)
{
	size_t i;

	if (!res)
		return;
	for (i = 0; i < res->n; i++)
		contest_result_release(&res->contests[i]);
	free(res->contests);
	memset(res, 0, sizeof(*res));
}

int kp_results_pending(const struct kp_results *res)
{
	return res->status != KP_CONGRESS_COMPLETE;
}
