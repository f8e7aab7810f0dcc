/*
 * Results of the counting minutes (results.h): the figures a clerk copies
 * from the paper minutes, read and checked before anything is derived from
 * them, each identity a numbered check (M.01 ...) with the next step for
 * the clerk, as the Dutch Abacus numbers its checks of a polling station's
 * counts.
 */
#include "results.h"

#include <stdlib.h>
#include <string.h>

#include "kiemphieu/columns.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

/* The names of the figures, as the minutes write them. */
static const char *const item_names[KP_ITEM_N][6] = {
	[KP_ITEM_PRESENT] = { "present", "có mặt", "số có mặt",
			      "số đảng viên có mặt", "số đại biểu có mặt", NULL },
	[KP_ITEM_ISSUED] = { "issued", "phát ra", "số phiếu phát ra", NULL },
	[KP_ITEM_RETURNED] = { "returned", "thu vào", "số phiếu thu vào",
			       "thu về", "số phiếu thu về", NULL },
	[KP_ITEM_VALID] = { "valid", "hợp lệ", "số phiếu hợp lệ", NULL },
	[KP_ITEM_INVALID] = { "invalid", "không hợp lệ", "số phiếu không hợp lệ",
			      NULL },
};

const char *kp_item_name(size_t i, size_t j)
{
	return i < KP_ITEM_N && j < 6 ? item_names[i][j] : NULL;
}

/* The kind of a row: a figure (0..KP_ITEM_N-1), an invalid reason
 * (KP_ITEM_N, *reason set), or a candidate (-1). */
static int classify(const char *s, size_t len, const char **reason,
		    size_t *rlen)
{
	const char *colon = memchr(s, ':', len);
	struct kp_text_cell c;
	size_t i, j;
	int kind = -1;

	/* folded once for every name (each its own key: the unit test
	 * item_names_are_keys); a candidate's row is compared with all */
	kp_text_cell_init(&c, s, len);
	for (i = 0; i < KP_ITEM_N && kind < 0; i++)
		for (j = 0; item_names[i][j] && kind < 0; j++)
			if (kp_text_cell_is(&c, item_names[i][j]))
				kind = (int)i;
	kp_text_cell_release(&c);
	if (kind >= 0)
		return kind;
	if (colon) {
		size_t head = (size_t)(colon - s);

		for (j = 0; item_names[KP_ITEM_INVALID][j]; j++)
			if (kp_text_eq_ci(s, head, item_names[KP_ITEM_INVALID][j])) {
				*reason = colon + 1;
				*rlen = len - head - 1;
				return KP_ITEM_N;
			}
	}
	return -1;
}

/* The reason's code: too-many, all-crossed, no-choice, or the board's
 * words as "void: TEXT" (a new string). */
static char *reason_code(const char *s, size_t len)
{
	static const struct {
		const char *text, *code;
	} known[] = {
		{ "too-many", "too-many" },	  { "bầu quá số lượng", "too-many" },
		{ "quá số lượng", "too-many" },	  { "all-crossed", "all-crossed" },
		{ "gạch hết tên", "all-crossed" }, { "gạch hết", "all-crossed" },
		{ "no-choice", "no-choice" },
		{ "không đánh dấu đúng một ô", "no-choice" },
	};
	struct kp_buf b = KP_BUF_INIT;
	char *t = kp_text_nfc(s, len);
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (kp_text_eq_ci(t, strlen(t), known[i].text)) {
			free(t);
			return kp_xstrdup(known[i].code);
		}
	kp_buf_addf(&b, "void: %s", t);
	free(t);
	return kp_buf_detach(&b);
}

struct reader {
	const struct kp_contest *ct;
	unsigned round;
	const unsigned char *open;
	struct kp_minutes *m;
	long item_col, value_col;
	size_t width;
	unsigned char *seen;	/* seen[no]: the candidate has its row */
	uint64_t *seen_line;
	int ok;
};

char *kp_minutes_item_key(const char *s, size_t len)
{
	static const char *const en[KP_ITEM_N] = {
		"present", "issued", "returned", "valid", "invalid"
	};
	const char *reason = NULL;
	size_t rlen = 0;
	int kind = classify(s, len, &reason, &rlen);

	if (kind >= 0 && kind < KP_ITEM_N)
		return kp_xstrdup(en[kind]);
	if (kind == KP_ITEM_N) {
		struct kp_buf b = KP_BUF_INIT;
		char *code = reason_code(reason, rlen);

		/* the board's own words as written, without "void: " */
		kp_buf_addf(&b, "invalid: %s",
			    strncmp(code, "void: ", 6) == 0 ? code + 6 : code);
		free(code);
		return kp_buf_detach(&b);
	}
	return kp_text_fold_id(s, len);
}

static int header(void *ctx, const struct kp_csv_record *r,
		  struct kp_diag_sink *sink)
{
	struct reader *x = ctx;
	struct kp_column cols[2] = { { "item", 1, -1 }, { "value", 1, -1 } };

	x->width = r->nfields;
	x->ok = kp_columns_map(cols, 2, r, sink) == KP_EXIT_OK;
	x->item_col = cols[0].index;
	x->value_col = cols[1].index;
	return !x->ok;
}

static int by_code(const void *a, const void *b)
{
	const struct kp_reason *x = a, *y = b;
	int rx = strncmp(x->text, "void: ", 6) == 0, ry = strncmp(y->text, "void: ", 6) == 0;

	/* too-many, all-crossed, no-choice first (in that order), as the
	 * ballots give them; then the board's words, sorted */
	if (rx != ry)
		return rx - ry;
	if (!rx) {
		static const char *const order[] = { "too-many", "all-crossed", "no-choice" };
		int i, ix = 3, iy = 3;

		for (i = 0; i < 3; i++) {
			if (strcmp(x->text, order[i]) == 0)
				ix = i;
			if (strcmp(y->text, order[i]) == 0)
				iy = i;
		}
		return ix - iy;
	}
	return strcmp(x->text, y->text);
}

static void add_reason(struct kp_minutes *m, char *code, uint64_t n)
{
	size_t i;

	for (i = 0; i < m->nreasons; i++)
		if (strcmp(m->reasons[i].text, code) == 0) {
			m->reasons[i].count += n;
			free(code);
			return;
		}
	m->reasons = kp_xpush(m->reasons, m->nreasons, sizeof(*m->reasons));
	m->reasons[m->nreasons].text = code;
	m->reasons[m->nreasons].count = n;
	m->nreasons++;
}

static int row(void *ctx, const struct kp_csv_record *r, struct kp_diag_sink *sink)
{
	struct reader *x = ctx;
	struct kp_minutes *m = x->m;
	const struct kp_contest *ct = x->ct;
	const struct kp_csv_field *item, *val;
	const struct kp_candidate *cd;
	const char *reason = NULL;
	size_t rlen = 0;
	uint64_t v;
	char q[128], q2[128];
	int kind, ambiguous;

	if (r->nfields != x->width) {
		x->ok = kp_error(sink, r->file, r->line,
				 kp_csv_col(r, r->nfields < x->width ? r->nfields : x->width),
				 "expected %zu fields as in the header, found %zu",
				 x->width, r->nfields) == KP_EXIT_OK;
		return 0;
	}
	item = &r->fields[x->item_col];
	val = &r->fields[x->value_col];
	kind = classify(item->s, item->len, &reason, &rlen);
	if (kp_parse_uint(val->s, val->len, KP_BALLOTS_MAX, &v) != 0) {
		x->ok = kp_error(sink, r->file, r->line,
				 kp_csv_col(r, (size_t)x->value_col),
				 "value '%s' of '%s': expected a whole number of "
				 "ballots or votes",
				 kp_diag_quote(q, sizeof(q), val->s, val->len),
				 kp_diag_quote(q2, sizeof(q2), item->s, item->len)) == KP_EXIT_OK;
		return 0;
	}
	if (kind >= 0 && kind < KP_ITEM_N) {
		if (m->has[kind]) {
			x->ok = kp_error(sink, r->file, r->line,
					 kp_csv_col(r, (size_t)x->item_col),
					 "'%s' appears twice (first on line %llu)",
					 kp_diag_quote(q, sizeof(q), item->s, item->len),
					 (unsigned long long)m->line[kind]) == KP_EXIT_OK;
			return 0;
		}
		m->has[kind] = 1;
		m->v[kind] = v;
		m->line[kind] = r->line;
		return 0;
	}
	if (kind == KP_ITEM_N) {
		add_reason(m, reason_code(reason, rlen), v);
		m->reasons_sum += v;
		if (!m->reasons_line)
			m->reasons_line = r->line;
		return 0;
	}
	/* a candidate of the round's list, by number or full name */
	cd = kp_contest_lookup(ct, item->s, item->len, &ambiguous);
	if (!cd && ambiguous) {
		x->ok = kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)x->item_col),
				 "'%s' names two candidates of contest '%s': name "
				 "them by number",
				 kp_diag_quote(q, sizeof(q), item->s, item->len),
				 ct->id) == KP_EXIT_OK;
	} else if (!cd) {
		x->ok = kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)x->item_col),
				 "'%s' is neither a figure of the minutes (present, "
				 "issued, returned, valid, invalid) nor a candidate "
				 "of contest '%s'",
				 kp_diag_quote(q, sizeof(q), item->s, item->len),
				 ct->id) == KP_EXIT_OK;
	} else if (x->seen[cd->no]) {
		x->ok = kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)x->item_col),
				 "candidate %u (%s) has two rows (first on line %llu)",
				 cd->no, cd->name,
				 (unsigned long long)x->seen_line[cd->no]) == KP_EXIT_OK;
	} else if (!x->open[cd->no - 1]) {
		x->ok = kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)x->item_col),
				 "candidate %u (%s) was elected in an earlier "
				 "round and cannot be on the round %u list",
				 cd->no, cd->name, x->round) == KP_EXIT_OK;
	} else if (cd->round > x->round) {
		x->ok = kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)x->item_col),
				 "candidate %u (%s) stands from round %u "
				 "(candidates.csv line %llu) and cannot be on "
				 "the round %u list", cd->no, cd->name,
				 cd->round, (unsigned long long)cd->line,
				 x->round) == KP_EXIT_OK;
	} else {
		x->seen[cd->no] = 1;
		x->seen_line[cd->no] = r->line;
		m->no = kp_xpush(m->no, m->n, sizeof(*m->no));
		m->votes = kp_xpush(m->votes, m->n, sizeof(*m->votes));
		m->lines = kp_xpush(m->lines, m->n, sizeof(*m->lines));
		m->no[m->n] = cd->no;
		m->votes[m->n] = v;
		m->lines[m->n] = r->line;
		m->n++;
	}
	return 0;
}

static void reset(void *ctx)
{
	struct reader *x = ctx;
	size_t i;

	for (i = 0; i < x->m->nreasons; i++)
		free(x->m->reasons[i].text);
	free(x->m->reasons);
	free(x->m->no);
	free(x->m->votes);
	free(x->m->lines);
	memset(x->m, 0, sizeof(*x->m));
	memset(x->seen, 0, x->ct->ncands + 1);
}

/* The identities of the minutes (docs/rules.md, "Results of the minutes").
 * Returns KP_EXIT_OK or KP_EXIT_DATA. */
static int check(const char *path, const struct kp_contest *ct,
		 struct kp_minutes *m, uint64_t seats, const unsigned char *seen,
		 unsigned round, struct kp_diag_sink *sink)
{
	const uint64_t *v = m->v;
	const int *has = m->has;
	int status = KP_EXIT_OK;
	uint64_t sum = 0;
	size_t i;

	/* M.01: the three figures every minutes give */
	if (!has[KP_ITEM_RETURNED])
		status = kp_error(sink, path, 0, 0, "check M.01: the minutes give no "
				  "'returned' (số phiếu thu vào): add its row");
	if (!has[KP_ITEM_VALID])
		status = kp_error(sink, path, 0, 0, "check M.01: the minutes give no "
				  "'valid' (số phiếu hợp lệ): add its row");
	if (!has[KP_ITEM_INVALID])
		status = kp_error(sink, path, 0, 0, "check M.01: the minutes give no "
				  "'invalid' (số phiếu không hợp lệ): add its row");
	/* M.02-M.04: returned <= issued <= present <= base */
	if (has[KP_ITEM_RETURNED] && has[KP_ITEM_ISSUED] &&
	    v[KP_ITEM_RETURNED] > v[KP_ITEM_ISSUED])
		status = kp_error(sink, path, m->line[KP_ITEM_RETURNED], 0,
				  "check M.02: %llu ballots returned, more than the "
				  "%llu issued: recount, or correct the minutes",
				  (unsigned long long)v[KP_ITEM_RETURNED],
				  (unsigned long long)v[KP_ITEM_ISSUED]);
	if (has[KP_ITEM_ISSUED] && has[KP_ITEM_PRESENT] &&
	    v[KP_ITEM_ISSUED] > v[KP_ITEM_PRESENT])
		status = kp_error(sink, path, m->line[KP_ITEM_ISSUED], 0,
				  "check M.03: %llu ballots issued to %llu present: "
				  "recount, or correct the minutes",
				  (unsigned long long)v[KP_ITEM_ISSUED],
				  (unsigned long long)v[KP_ITEM_PRESENT]);
	if (has[KP_ITEM_PRESENT] && v[KP_ITEM_PRESENT] > ct->base)
		status = kp_error(sink, path, m->line[KP_ITEM_PRESENT], 0,
				  "check M.04: %llu present, more than the %llu "
				  "summoned (contests.csv's base): correct the "
				  "minutes or the base",
				  (unsigned long long)v[KP_ITEM_PRESENT],
				  (unsigned long long)ct->base);
	/* M.05: valid + invalid = returned */
	if (has[KP_ITEM_RETURNED] && has[KP_ITEM_VALID] && has[KP_ITEM_INVALID] &&
	    v[KP_ITEM_VALID] + v[KP_ITEM_INVALID] != v[KP_ITEM_RETURNED])
		status = kp_error(sink, path, m->line[KP_ITEM_RETURNED], 0,
				  "check M.05: valid %llu + invalid %llu is %llu, "
				  "not the %llu returned: recount, or correct the "
				  "minutes",
				  (unsigned long long)v[KP_ITEM_VALID],
				  (unsigned long long)v[KP_ITEM_INVALID],
				  (unsigned long long)(v[KP_ITEM_VALID] + v[KP_ITEM_INVALID]),
				  (unsigned long long)v[KP_ITEM_RETURNED]);
	/* M.06: the reasons add up to invalid */
	if (m->nreasons && has[KP_ITEM_INVALID] &&
	    m->reasons_sum != v[KP_ITEM_INVALID])
		status = kp_error(sink, path, m->reasons_line, 0,
				  "check M.06: the invalid ballots by reason add up "
				  "to %llu, not the %llu invalid: correct the minutes",
				  (unsigned long long)m->reasons_sum,
				  (unsigned long long)v[KP_ITEM_INVALID]);
	else if (!m->nreasons && has[KP_ITEM_INVALID] && v[KP_ITEM_INVALID])
		kp_warning(sink, path, m->line[KP_ITEM_INVALID], 0,
			   "%llu invalid ballots without their reasons (rows "
			   "'invalid: REASON'): the minutes give them",
			   (unsigned long long)v[KP_ITEM_INVALID]);
	/* M.07, M.08: votes within the valid ballots */
	for (i = 0; i < m->n; i++) {
		sum += m->votes[i];
		if (has[KP_ITEM_VALID] && m->votes[i] > v[KP_ITEM_VALID])
			status = kp_error(sink, path, m->lines[i], 0,
					  "check M.07: candidate %u has %llu votes, "
					  "more than the %llu valid ballots: recount, "
					  "or correct the minutes", m->no[i],
					  (unsigned long long)m->votes[i],
					  (unsigned long long)v[KP_ITEM_VALID]);
	}
	if (has[KP_ITEM_VALID] && v[KP_ITEM_VALID] <= UINT64_MAX / (seats + 1) &&
	    sum > v[KP_ITEM_VALID] * seats)
		status = kp_error(sink, path, 0, 0,
				  "check M.08: %llu votes in all, more than valid "
				  "%llu x %llu seats = %llu: recount, or correct the "
				  "minutes", (unsigned long long)sum,
				  (unsigned long long)v[KP_ITEM_VALID],
				  (unsigned long long)seats,
				  (unsigned long long)(v[KP_ITEM_VALID] * seats));
	/* M.09: the list is the round's list */
	if (round == 1) {
		for (i = 1; i <= ct->ncands; i++)
			if (!seen[i] && ct->cands[i - 1].round <= 1)
				status = kp_error(sink, path, 0, 0,
						  "check M.09: candidate %zu (%s) of "
						  "the round 1 list has no row: add "
						  "their votes", i,
						  ct->cands[i - 1].name);
	} else if (!m->n) {
		status = kp_error(sink, path, 0, 0,
				  "check M.09: no candidate rows: the minutes give "
				  "each candidate's votes");
	}
	if (status != KP_EXIT_OK)
		return status;
	/* unusual, not wrong */
	if (v[KP_ITEM_RETURNED] && v[KP_ITEM_INVALID] * 10 > v[KP_ITEM_RETURNED])
		kp_warning(sink, path, m->line[KP_ITEM_INVALID], 0,
			   "%llu of %llu ballots returned are invalid, more than "
			   "a tenth: is that what the minutes say?",
			   (unsigned long long)v[KP_ITEM_INVALID],
			   (unsigned long long)v[KP_ITEM_RETURNED]);
	if (m->n > seats && v[KP_ITEM_VALID]) {
		size_t high = 0;

		for (i = 0; i < m->n; i++)
			high += m->votes[i] * 10 > v[KP_ITEM_VALID] * 9;
		if (high == m->n)
			kp_warning(sink, path, 0, 0,
				   "every candidate has more than 90%% of the "
				   "valid ballots on a list longer than its seats: "
				   "is that what the minutes say?");
	}
	return KP_EXIT_OK;
}

int kp_minutes_read(const char *path, const struct kp_contest *ct,
		    unsigned round, const unsigned char *open, uint64_t seats,
		    const struct kp_csv_opts *o, struct kp_minutes *m,
		    struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = { header, row, reset, NULL, NULL };
	struct kp_csv_opts one = *o;
	struct reader x;
	uint64_t errors = sink->errors;
	void *ctx = &x;
	int status;

	memset(m, 0, sizeof(*m));
	memset(&x, 0, sizeof(x));
	x.ct = ct;
	x.round = round;
	x.open = open;
	x.m = m;
	x.ok = 1;
	x.seen = kp_xcalloc(ct->ncands + 1, 1);
	x.seen_line = kp_xcalloc(ct->ncands + 1, sizeof(*x.seen_line));
	one.threads = 1;
	status = kp_csv_read_hashed(path, NULL, &one, &h, &ctx, 1, sink, m->sha256);
	if (status == KP_EXIT_OK && (!x.ok || sink->errors > errors))
		status = KP_EXIT_DATA;
	if (m->nreasons > 1)
		qsort(m->reasons, m->nreasons, sizeof(*m->reasons), by_code);
	if (status == KP_EXIT_OK)
		status = check(path, ct, m, seats, x.seen, round, sink);
	/* in ballot order, as the ballots give a round's list */
	if (m->n > 1) {
		size_t i, j;

		for (i = 1; i < m->n; i++)
			for (j = i; j > 0 && m->no[j - 1] > m->no[j]; j--) {
				unsigned t = m->no[j];
				uint64_t u = m->votes[j], l = m->lines[j];

				m->no[j] = m->no[j - 1];
				m->no[j - 1] = t;
				m->votes[j] = m->votes[j - 1];
				m->votes[j - 1] = u;
				m->lines[j] = m->lines[j - 1];
				m->lines[j - 1] = l;
			}
	}
	free(x.seen);
	free(x.seen_line);
	return status;
}

void kp_minutes_release(struct kp_minutes *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nreasons; i++)
		free(m->reasons[i].text);
	free(m->reasons);
	free(m->no);
	free(m->votes);
	free(m->lines);
	memset(m, 0, sizeof(*m));
}
