/* Loading a congress folder: contests.csv, candidates.csv, ballots/. */
#include "kiemphieu/model.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/columns.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/idset.h"
#include "kiemphieu/people.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

char *kp_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	char *p = kp_xmalloc(n + strlen(name) + 2);

	memcpy(p, dir, n);
	if (n && !kp_os_is_sep((unsigned char)dir[n - 1]))
		p[n++] = kp_os_sep_for(dir);
	strcpy(p + n, name);
	return p;
}

char *kp_path_base(const char *path)
{
	size_t len = strlen(path);
	const char *slash;

	while (len > 1 && kp_os_is_sep((unsigned char)path[len - 1]))
		len--;
	for (slash = path + len; slash > path && !kp_os_is_sep((unsigned char)slash[-1]);
	     slash--)
		;
	return kp_xstrndup(slash, (size_t)(path + len - slash));
}

char *kp_path_last_sep(const char *path)
{
	const char *last = NULL;

	for (; *path; path++)
		if (kp_os_is_sep((unsigned char)*path))
			last = path;
	return (char *)(uintptr_t)last;
}

char *kp_path_relative(const char *from, const char *to)
{
	size_t common = 0, i;
	struct kp_buf b = KP_BUF_INIT;
	/* '/' on every system, as recorded in results files (Windows reads
	 * it too) */
	char sep = '/';

	/* the longest shared run of whole components */
	for (i = 0; from[i] && from[i] == to[i]; i++)
		if (kp_os_is_sep((unsigned char)from[i]))
			common = i;
	if (!from[i] && (kp_os_is_sep((unsigned char)to[i]) || !to[i]))
		common = i;
	else if (!to[i] && kp_os_is_sep((unsigned char)from[i]))
		common = i;
	for (i = common; from[i]; i++)
		if (kp_os_is_sep((unsigned char)from[i]) && from[i + 1]) {
			if (b.len)
				kp_buf_addch(&b, sep);
			kp_buf_addstr(&b, "..");
		}
	if (kp_os_is_sep((unsigned char)to[common]))
		common++;
	if (to[common]) {
		if (b.len)
			kp_buf_addch(&b, sep);
		kp_buf_addstr(&b, to + common);
	}
	if (!b.len)
		kp_buf_addch(&b, '.');
	return kp_buf_detach(&b);
}

char *kp_path_name(const char *path)
{
	char *base = kp_path_base(path), *real;

	/* ".", "..", "/" or "" name nothing: the folder's real name does */
	if (base[0] && strcmp(base, ".") != 0 && strcmp(base, "..") != 0 &&
	    strcmp(base, "/") != 0)
		return base;
	real = kp_os_realpath(path);
	if (real) {
		free(base);
		base = kp_path_base(real);
		free(real);
	}
	if (!base[0]) { /* the root folder */
		free(base);
		base = kp_xstrdup("/");
	}
	return base;
}

int kp_parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!len)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (UINT64_MAX - 9) / 10)
			return -2;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > max)
		return -2;
	*out = v;
	return 0;
}

int kp_parse_yes_no(const char *s, size_t len, int *out)
{
	static const char *const yes[] = { "yes", "y", "x", "có" };
	static const char *const no[] = { "no", "n", "không" };
	struct kp_text_cell c;
	size_t i;
	int found = -1;

	while (len && s[0] == ' ')
		s++, len--;
	while (len && s[len - 1] == ' ')
		len--;
	if (!len) {
		*out = 0;
		return 0;
	}
	/* (each word its own key: the unit test yes_no_words) */
	kp_text_cell_init(&c, s, len);
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]) && found < 0; i++)
		if (kp_text_cell_is(&c, yes[i]))
			found = 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]) && found < 0; i++)
		if (kp_text_cell_is(&c, no[i]))
			found = 0;
	kp_text_cell_release(&c);
	if (found < 0)
		return -1;
	*out = found;
	return 0;
}

const char *kp_candidate_key(const struct kp_candidate *cd)
{
	return cd->person ? cd->person : cd->name;
}

const struct kp_round_plan *kp_contest_plan(const struct kp_contest *ct,
					    unsigned round)
{
	size_t i;

	for (i = 0; i < ct->nplans; i++)
		if (ct->plans[i].round == round)
			return &ct->plans[i];
	return NULL;
}

size_t kp_contest_round1(const struct kp_contest *ct)
{
	size_t i, n = 0;

	for (i = 0; i < ct->ncands; i++)
		n += ct->cands[i].round <= 1;
	return n;
}

int kp_date_cmp(const struct kp_date *a, const struct kp_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

int kp_date_age(const struct kp_date *born, const struct kp_date *on)
{
	int age = on->year - born->year;
	int m = born->month ? born->month : 1, d = born->day ? born->day : 1;

	/* whole years: not yet this year's birthday, one fewer */
	if (on->month < m || (on->month == m && on->day < d))
		age--;
	return age;
}

int kp_date_parse(const char *s, size_t len, struct kp_date *out)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	uint64_t y, m, d;
	const char *slash = len >= 8 ? memchr(s, '/', len) : NULL;

	if (slash && len <= 10) {
		/* dd/mm/yyyy (d/m/yyyy too): how Excel on Vietnamese Windows
		 * writes a date in CSV, day first */
		const char *slash2 = memchr(slash + 1, '/', len - (size_t)(slash - s) - 1);
		size_t dl = (size_t)(slash - s), ml;

		if (!slash2 || dl < 1 || dl > 2)
			return -1;
		ml = (size_t)(slash2 - slash - 1);
		if (ml < 1 || ml > 2 || len - (size_t)(slash2 - s) - 1 != 4 ||
		    kp_parse_uint(s, dl, 31, &d) || kp_parse_uint(slash + 1, ml, 12, &m) ||
		    kp_parse_uint(slash2 + 1, 4, 9999, &y))
			return -1;
	} else if (len != 10 || s[4] != '-' || s[7] != '-' ||
		   kp_parse_uint(s, 4, 9999, &y) || kp_parse_uint(s + 5, 2, 12, &m) ||
		   kp_parse_uint(s + 8, 2, 31, &d)) {
		return -1;
	}
	if (y < 1900 || m < 1 || d < 1 || (int)d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return -1;
	out->year = (int)y;
	out->month = (int)m;
	out->day = (int)d;
	return 0;
}

int kp_columns_map(struct kp_column *cols, size_t n,
		   const struct kp_csv_record *h, struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK, ref[KP_COLUMNS_MAX], known = n <= KP_COLUMNS_MAX;
	size_t i, j, next = 0;
	char q[128];

	for (j = 0; j < n; j++) {
		cols[j].index = -1;
		if (j < KP_COLUMNS_MAX && (ref[j] = kp_column_ref(cols[j].name)) < 0)
			known = 0;
	}
	for (i = 0; i < h->nfields; i++) {
		const struct kp_csv_field *f = &h->fields[i];
		struct kp_column_cell cell;
		size_t tried;

		/* A header is mostly in the order of its table: the column
		 * after the last one found is tried first. A cell names one
		 * known column at most (the unit test
		 * column_names_name_one_column), so the order changes nothing;
		 * with a column outside columns.c, they are tried in order. */
		kp_column_cell_init(&cell, f->s, f->len);
		j = known ? next : 0;
		for (tried = 0; tried < n; tried++, j = j + 1 < n ? j + 1 : 0)
			if (kp_column_cell_is(&cell, j < KP_COLUMNS_MAX ? ref[j] :
					      kp_column_ref(cols[j].name), cols[j].name))
				break;
		kp_column_cell_release(&cell);
		if (tried == n) {
			kp_warning(sink, h->file, h->line, kp_csv_col(h, i),
				   "unknown column '%s' is ignored",
				   kp_diag_quote(q, sizeof(q), f->s, f->len));
			continue;
		}
		next = j + 1 < n ? j + 1 : 0;
		if (cols[j].index >= 0)
			status = kp_error(sink, h->file, h->line,
					  kp_csv_col(h, i),
					  "column '%s' appears twice (first as "
					  "column %ld)", cols[j].name,
					  cols[j].index + 1);
		else
			cols[j].index = (long)i;
	}
	for (j = 0; j < n; j++)
		if (cols[j].required && cols[j].index < 0)
			status = kp_error(sink, h->file, h->line, 1,
					  "missing required column '%s'",
					  cols[j].name);
	return status;
}

/* The field in column `idx`, or an empty one when the column is absent. */
static const struct kp_csv_field *get(const struct kp_csv_record *r, long idx)
{
	static const struct kp_csv_field none = { "", 0 };

	if (idx < 0 || (size_t)idx >= r->nfields)
		return &none;
	return &r->fields[idx];
}

static int check_width(const struct kp_csv_record *r, size_t want,
		       struct kp_diag_sink *sink)
{
	if (r->nfields == want)
		return 0;
	kp_error(sink, r->file, r->line,
		 kp_csv_col(r, r->nfields < want ? r->nfields : want),
		 "expected %zu fields as in the header, found %zu", want,
		 r->nfields);
	return -1;
}

/* Parse column `idx` as a whole number in [min, max]; report and return -1
 * when it is not. An empty optional field leaves *out and returns 1. */
static int field_uint(const struct kp_csv_record *r, long idx, const char *what,
		      uint64_t min, uint64_t max, int optional, uint64_t *out,
		      struct kp_diag_sink *sink)
{
	const struct kp_csv_field *f = get(r, idx);
	char q[128];
	uint64_t v;
	int rc;

	if (!f->len && optional)
		return 1;
	rc = kp_parse_uint(f->s, f->len, max, &v);
	if (rc == 0 && v >= min) {
		*out = v;
		return 0;
	}
	kp_error(sink, r->file, r->line, kp_csv_col(r, idx < 0 ? 0 : (size_t)idx),
		 "%s: expected a whole number from %llu to %llu, got '%s'",
		 what, (unsigned long long)min, (unsigned long long)max,
		 kp_diag_quote(q, sizeof(q), f->s, f->len));
	return -1;
}

static int valid_id(const char *s, size_t len)
{
	size_t i;

	if (!len)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* The contest with id s[0..len), by the congress's index (a scan of the
 * contests for each file or row would be quadratic: 40,000 contests). */
static struct kp_contest *find_mut(struct kp_congress *c, const char *s,
				   size_t len)
{
	uint64_t at;

	if (!kp_idset_get(&c->index, s, len, &at) || at > c->n)
		return NULL;
	return &c->contests[at - 1];
}

const struct kp_contest *kp_congress_find(const struct kp_congress *c,
					  const char *id)
{
	return find_mut((struct kp_congress *)(uintptr_t)c, id, strlen(id));
}

/* Append ct to the congress's contests, indexed by id. */
static void add_contest(struct kp_congress *c, const struct kp_contest *ct)
{
	uint64_t first;

	c->contests = kp_xgrow(c->contests, &c->alloc, c->n + 1,
			       sizeof(*c->contests));
	c->contests[c->n++] = *ct;
	kp_idset_add(&c->index, ct->id, strlen(ct->id), c->n, &first);
}

/* --- contests.csv --- */

enum {
	CC_CONTEST, CC_TITLE, CC_KIND, CC_SEATS, CC_RESERVES, CC_BASE,
	CC_ISSUED, CC_DATE, CC_PREV_MEMBERS, CC_PREV_WOMEN, CC_PREV_YOUNG,
	CC_STATUS, CC_PRESENT, CC_FORM, CC_DIRECT, CC_TIME, CC_N
};

struct contests_ctx {
	struct kp_congress *c;
	struct kp_column cols[CC_N];
	size_t width;
	int ok, header_seen;
};

static int contests_header(void *vctx, const struct kp_csv_record *r,
			   struct kp_diag_sink *sink)
{
	struct contests_ctx *x = vctx;
	static const struct kp_column init[CC_N] = {
		{ "contest", 1, -1 },	   { "title", 0, -1 },
		{ "kind", 1, -1 },	   { "seats", 1, -1 },
		{ "reserves", 0, -1 },	   { "base", 1, -1 },
		{ "issued", 0, -1 },	   { "date", 0, -1 },
		{ "prev_members", 0, -1 }, { "prev_women", 0, -1 },
		{ "prev_young", 0, -1 },   { "status", 0, -1 },
		{ "present", 0, -1 },	   { "form", 0, -1 },
		{ "direct", 0, -1 },	   { "time", 0, -1 },
	};

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	x->ok = kp_columns_map(x->cols, CC_N, r, sink) == KP_EXIT_OK;
	x->header_seen = 1;
	return !x->ok; /* without the required columns, rows mean nothing */
}

static void contest_free(struct kp_contest *ct)
{
	size_t i;

	free(ct->id);
	free(ct->title);
	for (i = 0; i < ct->ncands; i++) {
		free(ct->cands[i].name);
		free(ct->cands[i].person);
		kp_particulars_release(&ct->cands[i].p);
	}
	free(ct->cands);
	for (i = 0; i < ct->nrounds; i++)
		free(ct->rounds[i].path);
	free(ct->rounds);
	free(ct->plans);
}

static int contests_row(void *vctx, const struct kp_csv_record *r,
			struct kp_diag_sink *sink)
{
	struct contests_ctx *x = vctx;
	struct kp_contest ct;
	const struct kp_csv_field *f;
	const struct kp_contest *dup;
	uint64_t v;
	char q[128];
	int bad = 0;
	size_t i;

	if (check_width(r, x->width, sink)) {
		/* keep the contest, broken, so that its candidates and ballots
		 * are not each reported as unknown */
		f = get(r, x->cols[CC_CONTEST].index);
		if (valid_id(f->s, f->len)) {
			char *id = kp_xstrndup(f->s, f->len);

			if (!kp_congress_find(x->c, id)) {
				memset(&ct, 0, sizeof(ct));
				ct.id = id;
				ct.title = kp_xstrdup(id);
				ct.line = r->line;
				ct.broken = 1;
				add_contest(x->c, &ct);
			} else {
				free(id);
			}
		}
		return 0;
	}
	memset(&ct, 0, sizeof(ct));
	ct.line = r->line;
	f = get(r, x->cols[CC_CONTEST].index);
	if (!valid_id(f->s, f->len)) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CC_CONTEST].index),
			 "contest id '%s': expected letters, digits, '_' or '-'",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
		return 0;
	}
	ct.id = kp_xstrndup(f->s, f->len);
	dup = kp_congress_find(x->c, ct.id);
	if (dup) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CC_CONTEST].index),
			 "contest '%s' appears twice (first on line %llu)",
			 ct.id, (unsigned long long)dup->line);
		bad = 1;
	}
	f = get(r, x->cols[CC_TITLE].index);
	ct.title = f->len ? kp_text_nfc(f->s, f->len) : kp_xstrdup(ct.id);
	f = get(r, x->cols[CC_KIND].index);
	if (kp_kind_parse(f->s, f->len, &ct.kind) != 0) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CC_KIND].index),
			 "kind '%s': expected committee, standing, secretary, "
			 "deputy, inspection, delegates or other, or the name in "
			 "Vietnamese (ban chấp hành, ban thường vụ, bí thư, phó "
			 "bí thư, ủy ban kiểm tra, đại biểu, khác)",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
		bad = 1;
	}
	if (field_uint(r, x->cols[CC_SEATS].index, "seats", 1, KP_SEATS_MAX, 0,
		       &v, sink) == 0)
		ct.seats = (unsigned)v;
	else
		bad = 1;
	v = 0;
	if (field_uint(r, x->cols[CC_RESERVES].index, "reserves", 0,
		       KP_SEATS_MAX, 1, &v, sink) < 0)
		bad = 1;
	ct.reserves = (unsigned)v;
	if (ct.reserves && ct.kind != KP_KIND_DELEGATES && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_RESERVES].index),
			       "reserves: only a delegates election has reserve "
			       "delegates, and contest '%s' is not one", ct.id);
	if (ct.seats + ct.reserves > KP_SEATS_MAX && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_SEATS].index),
			       "seats and reserves: %u in all, over the limit of %u",
			       ct.seats + ct.reserves, KP_SEATS_MAX);
	if (field_uint(r, x->cols[CC_BASE].index, "base", 1, KP_BASE_MAX, 0,
		       &ct.base, sink) < 0)
		bad = 1;
	switch (field_uint(r, x->cols[CC_ISSUED].index, "issued", 0,
			   KP_BASE_MAX * 10ull, 1, &ct.issued, sink)) {
	case 0:
		ct.has_issued = 1;
		break;
	case -1:
		bad = 1;
		break;
	}
	switch (field_uint(r, x->cols[CC_PRESENT].index, "present", 0,
			   KP_BASE_MAX, 1, &ct.present, sink)) {
	case 0:
		ct.has_present = 1;
		/* more present than summoned: a mistyped base or present */
		if (ct.base && ct.present > ct.base && !bad)
			bad = kp_error(sink, r->file, r->line,
				       kp_csv_col(r, (size_t)x->cols[CC_PRESENT].index),
				       "present: %llu present, but the base (those "
				       "summoned) is %llu",
				       (unsigned long long)ct.present,
				       (unsigned long long)ct.base);
		break;
	case -1:
		bad = 1;
		break;
	}
	f = get(r, x->cols[CC_FORM].index);
	if (f->len && kp_form_parse(f->s, f->len, &ct.form) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_FORM].index),
			       "form '%s': expected strike (names struck out) or "
			       "agree (boxes đồng ý / không đồng ý)",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, x->cols[CC_DIRECT].index);
	if (kp_parse_yes_no(f->s, f->len, &ct.direct) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_DIRECT].index),
			       "direct '%s': expected yes or no",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	else if (ct.direct && ct.kind != KP_KIND_SECRETARY && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_DIRECT].index),
			       "direct: only a secretary is elected directly at "
			       "the congress, and contest '%s' is not one", ct.id);
	f = get(r, x->cols[CC_DATE].index);
	if (f->len && kp_date_parse(f->s, f->len, &ct.date) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_DATE].index),
			       "date '%s': expected a day as YYYY-MM-DD or DD/MM/YYYY",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, x->cols[CC_TIME].index);
	if (f->len && kp_time_parse(f->s, f->len, ct.time) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_TIME].index),
			       "time '%s': expected the hour the vote began, as 14:30",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	{
		static const char *const what[] = { "prev_members", "prev_women",
						    "prev_young" };
		int *has[] = { &ct.has_prev_members, &ct.has_prev_women,
			       &ct.has_prev_young };
		unsigned *val[] = { &ct.prev_members, &ct.prev_women,
				    &ct.prev_young };

		for (i = 0; i < 3; i++)
			switch (field_uint(r, x->cols[CC_PREV_MEMBERS + i].index,
					   what[i], 0, KP_SEATS_MAX, 1, &v, sink)) {
			case 0:
				*has[i] = 1;
				*val[i] = (unsigned)v;
				break;
			case -1:
				bad = 1;
				break;
			}
		for (i = 1; i < 3; i++)
			if (*has[i] && ct.has_prev_members &&
			    *val[i] > ct.prev_members && !bad)
				bad = kp_error(sink, r->file, r->line,
					       kp_csv_col(r, (size_t)x->cols[CC_PREV_MEMBERS + i].index),
					       "%s: %u is more than prev_members (%u)",
					       what[i], *val[i], ct.prev_members);
	}
	f = get(r, x->cols[CC_STATUS].index);
	if (kp_text_eq_ascii_ci(f->s, f->len, "closed"))
		ct.closed = 1;
	else if (f->len && !kp_text_eq_ascii_ci(f->s, f->len, "open"))
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CC_STATUS].index),
			       "status '%s': expected empty, 'open' or 'closed'",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	if (dup) {
		contest_free(&ct);
		return 0;
	}
	ct.broken = bad;
	add_contest(x->c, &ct);
	return 0;
}

static void contests_reset(void *vctx)
{
	struct contests_ctx *x = vctx;
	size_t i;

	for (i = 0; i < x->c->n; i++)
		contest_free(&x->c->contests[i]);
	x->c->n = 0;
	kp_idset_clear(&x->c->index);
}

/* --- candidates.csv --- */

enum { CD_CONTEST, CD_NO, CD_NAME, CD_GENDER, CD_BORN, CD_ROUND, CD_PERSON,
       CD_ETHNICITY, CD_EDUCATION, CD_DEGREE, CD_THEORY, CD_INCUMBENT, CD_LOCAL,
       CD_N };

struct candidates_ctx {
	struct kp_congress *c;
	struct kp_column cols[CD_N];
	size_t width;
	uint64_t row_errors;	/* errors that rows explain */
};

static int candidates_header(void *vctx, const struct kp_csv_record *r,
			     struct kp_diag_sink *sink)
{
	struct candidates_ctx *x = vctx;
	static const struct kp_column init[CD_N] = {
		{ "contest", 1, -1 }, { "no", 1, -1 }, { "name", 1, -1 },
		{ "gender", 0, -1 },  { "born", 0, -1 }, { "round", 0, -1 },
		{ "person", 0, -1 }, { "ethnicity", 0, -1 }, { "education", 0, -1 },
		{ "degree", 0, -1 }, { "theory", 0, -1 }, { "incumbent", 0, -1 },
		{ "local", 0, -1 },
	};
	size_t i, j;
	int ref[CD_N];

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	/* other columns are kept by the user but unused: no warning */
	for (j = 0; j < CD_N; j++) {
		x->cols[j].index = -1;
		ref[j] = kp_column_ref(x->cols[j].name);
	}
	for (i = 0; i < r->nfields; i++) {
		struct kp_column_cell cell;

		kp_column_cell_init(&cell, r->fields[i].s, r->fields[i].len);
		for (j = 0; j < CD_N; j++)
			if (kp_column_cell_is(&cell, ref[j], x->cols[j].name)) {
				if (x->cols[j].index >= 0)
					kp_error(sink, r->file, r->line,
						 kp_csv_col(r, i),
						 "column '%s' appears twice "
						 "(first as column %ld)",
						 x->cols[j].name,
						 x->cols[j].index + 1);
				else
					x->cols[j].index = (long)i;
			}
		kp_column_cell_release(&cell);
	}
	for (j = 0; j < CD_N; j++)
		if (x->cols[j].required && x->cols[j].index < 0)
			return kp_error(sink, r->file, r->line, 1,
					"missing required column '%s'",
					x->cols[j].name), 1;
	return 0;
}

/* The particulars' cells of a row of candidates.csv or previous.csv, whose
 * columns are cols[first..first+6) (ethnicity, education, degree, theory,
 * incumbent, local): each checked, an error at its cell. */
static void parse_particulars(const struct kp_csv_record *r,
			      const struct kp_column *cols,
			      struct kp_particulars *p, struct kp_diag_sink *sink)
{
	const struct kp_csv_field *f;
	char q[128];
	int yes;

	kp_particulars_init(p);
	f = get(r, cols[0].index);
	if (f->len) {
		p->ethnicity = kp_text_nfc(f->s, f->len);
		if (!p->ethnicity[0]) {
			free(p->ethnicity);
			p->ethnicity = NULL;
		}
	}
	f = get(r, cols[1].index);
	if (kp_education_parse(f->s, f->len, &p->education) != 0)
		kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)cols[1].index),
			 "education '%s': expected 12/12 (or 9/12, 10/10...), THPT, "
			 "THCS or tiểu học",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, cols[2].index);
	if (kp_degree_parse(f->s, f->len, &p->degree) != 0)
		kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)cols[2].index),
			 "degree '%s': expected không, trung cấp, cao đẳng, đại học, "
			 "thạc sĩ or tiến sĩ",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, cols[3].index);
	if (kp_theory_parse(f->s, f->len, &p->theory) != 0)
		kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)cols[3].index),
			 "theory '%s': expected không, sơ cấp, trung cấp, cao cấp or "
			 "cử nhân",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, cols[4].index);
	if (kp_parse_yes_no(f->s, f->len, &yes) != 0)
		kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)cols[4].index),
			 "incumbent '%s': expected yes or no",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	else if (f->len)
		p->incumbent = (signed char)yes;
	f = get(r, cols[5].index);
	if (kp_parse_yes_no(f->s, f->len, &yes) != 0)
		kp_error(sink, r->file, r->line, kp_csv_col(r, (size_t)cols[5].index),
			 "local '%s': expected yes or no",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	else if (f->len)
		p->local = (signed char)yes;
}

static int parse_gender(const char *s, size_t len, char *out)
{
	char buf[KP_TEXT_SHORT], *n;
	int ok = 1;

	if (!len) {
		*out = 0;
		return 0;
	}
	if (kp_text_eq_ascii_ci(s, len, "M") || kp_text_eq_ascii_ci(s, len, "nam")) {
		*out = 'M';
		return 0;
	}
	if (kp_text_eq_ascii_ci(s, len, "F")) {
		*out = 'F';
		return 0;
	}
	n = kp_text_nfc_in(s, len, buf, sizeof(buf));
	if (strcmp(n, "Nữ") == 0 || strcmp(n, "nữ") == 0 || strcmp(n, "NỮ") == 0)
		*out = 'F';
	else
		ok = 0;
	if (n != buf)
		free(n);
	return ok ? 0 : -1;
}

static int candidates_row(void *vctx, const struct kp_csv_record *r,
			  struct kp_diag_sink *sink)
{
	struct candidates_ctx *x = vctx;
	const struct kp_csv_field *f;
	struct kp_contest *ct = NULL;
	struct kp_candidate cd;
	char q[128];
	uint64_t v;
	size_t i;
	int bad = 0;
	uint64_t errors = sink->errors;

	if (check_width(r, x->width, sink)) {
		x->row_errors += sink->errors - errors;
		return 0;
	}
	memset(&cd, 0, sizeof(cd));
	cd.line = r->line;
	f = get(r, x->cols[CD_CONTEST].index);
	ct = find_mut(x->c, f->s, f->len);
	if (!ct && !x->c->contests_unreadable) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CD_CONTEST].index),
			 "contest '%s' is not in contests.csv",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
		bad = 1;
	} else if (!ct) {
		bad = 1; /* contests.csv's own error says why */
	}
	if (field_uint(r, x->cols[CD_NO].index, "no", 1, KP_CANDIDATES_MAX, 0,
		       &v, sink) == 0)
		cd.no = (unsigned)v;
	else
		bad = 1;
	f = get(r, x->cols[CD_NAME].index);
	cd.name = kp_text_nfc(f->s, f->len);
	if (!cd.name[0])
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CD_NAME].index),
			       "name: expected the candidate's full name, got "
			       "an empty field");
	f = get(r, x->cols[CD_GENDER].index);
	if (parse_gender(f->s, f->len, &cd.gender) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CD_GENDER].index),
			 "gender '%s': expected M, F, Nam or Nữ",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	v = 1;
	if (field_uint(r, x->cols[CD_ROUND].index, "round", 1, KP_ROUNDS_MAX, 1,
		       &v, sink) < 0)
		bad = 1;
	cd.round = (unsigned)v;
	f = get(r, x->cols[CD_PERSON].index);
	if (f->len)
		cd.person = kp_text_nfc(f->s, f->len);
	parse_particulars(r, &x->cols[CD_ETHNICITY], &cd.p, sink);
	f = get(r, x->cols[CD_BORN].index);
	if (f->len == 4 && kp_parse_uint(f->s, 4, 9999, &v) == 0 && v >= 1900)
		cd.born.year = (int)v;
	else if (f->len && kp_date_parse(f->s, f->len, &cd.born) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CD_BORN].index),
			 "born '%s': expected a year YYYY, or a day as YYYY-MM-DD or DD/MM/YYYY",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	if (ct && cd.born.year && ct->date.year) {
		/* a day of birth after the election: a typing error (9999) */
		struct kp_date b = cd.born;

		if (!b.month) {
			b.month = 1;
			b.day = 1;
		}
		if (kp_date_cmp(&b, &ct->date) > 0)
			bad = kp_error(sink, r->file, r->line,
				       kp_csv_col(r, (size_t)x->cols[CD_BORN].index),
				       "born: %04d-%02d-%02d is after the election "
				       "(%04d-%02d-%02d)", b.year, b.month, b.day,
				       ct->date.year, ct->date.month, ct->date.day);
		else if (kp_date_age(&cd.born, &ct->date) < 18)
			kp_warning(sink, r->file, r->line,
				   kp_csv_col(r, (size_t)x->cols[CD_BORN].index),
				   "born: under 18 on the election day, and a Party "
				   "member is at least 18 (Điều lệ Art. 1): is the "
				   "year right?");
	}
	if (ct && !bad) {
		for (i = 0; i < ct->ncands; i++)
			if (ct->cands[i].no == cd.no) {
				bad = kp_error(sink, r->file, r->line,
					       kp_csv_col(r, (size_t)x->cols[CD_NO].index),
					       "candidate %u of contest '%s' "
					       "appears twice (first on line %llu)",
					       cd.no, ct->id,
					       (unsigned long long)ct->cands[i].line);
				break;
			}
	}
	if (ct && !bad) {
		for (i = 0; i < ct->ncands; i++)
			if (strcmp(ct->cands[i].name, cd.name) == 0)
				kp_warning(sink, r->file, r->line,
					   kp_csv_col(r, (size_t)x->cols[CD_NAME].index),
					   "candidates %u and %u of contest '%s' "
					   "have the same name: ballot headers "
					   "must name them by number",
					   ct->cands[i].no, cd.no, ct->id);
		ct->cands = kp_xgrow(ct->cands, &ct->cands_alloc, ct->ncands + 1,
				     sizeof(*ct->cands));
		ct->cands[ct->ncands++] = cd;
		/* a bad gender or birth year was reported, but the candidate is
		 * on the ballot all the same: the count can still be checked */
		x->row_errors += sink->errors - errors;
		return 0;
	}
	/* a contest missing one of its candidates must not be tallied */
	if (ct)
		ct->broken = 1;
	x->row_errors += sink->errors - errors;
	free(cd.name);
	free(cd.person);
	kp_particulars_release(&cd.p);
	return 0;
}

static void candidates_reset(void *vctx)
{
	struct candidates_ctx *x = vctx;
	size_t i, j;

	for (i = 0; i < x->c->n; i++) {
		struct kp_contest *ct = &x->c->contests[i];

		for (j = 0; j < ct->ncands; j++) {
			free(ct->cands[j].name);
			free(ct->cands[j].person);
			kp_particulars_release(&ct->cands[j].p);
		}
		ct->ncands = 0;
	}
}

static int by_no(const void *a, const void *b)
{
	const struct kp_candidate *x = a, *y = b;

	return x->no < y->no ? -1 : x->no > y->no;
}

/* Candidate numbers must run 1..N: the ballot's own order. */
static int check_candidates(struct kp_congress *c, struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK;
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		struct kp_contest *ct = &c->contests[i];

		if (ct->ncands > 1)
			qsort(ct->cands, ct->ncands, sizeof(*ct->cands), by_no);
		if (ct->broken)
			continue;
		if (!ct->ncands) {
			status = kp_error(sink, c->contests_path, ct->line, 1,
					  "contest '%s' has no candidates in "
					  "candidates.csv", ct->id);
			ct->broken = 1;
			continue;
		}
		for (j = 0; j < ct->ncands; j++)
			if (ct->cands[j].no != j + 1) {
				ct->broken = 1;
				status = kp_error(sink, c->candidates_path,
						  ct->cands[j].line, 1,
						  "contest '%s' numbers its "
						  "candidates 1..%zu without gaps, "
						  "but %zu is missing", ct->id,
						  ct->ncands, j + 1);
				break;
			}
		if (!ct->broken && !kp_contest_round1(ct)) {
			status = kp_error(sink, c->candidates_path,
					  ct->cands[0].line, 1,
					  "contest '%s' has no round 1 candidate: "
					  "every one of them has a later round",
					  ct->id);
			ct->broken = 1;
		}
	}
	return status;
}

const struct kp_candidate *kp_contest_lookup(const struct kp_contest *ct,
					     const char *cell, size_t len,
					     int *ambiguous)
{
	const struct kp_candidate *found = NULL;
	uint64_t no;
	char *name;
	size_t i;

	*ambiguous = 0;
	if (kp_parse_uint(cell, len, KP_CANDIDATES_MAX, &no) == 0)
		return no >= 1 && no <= ct->ncands ? &ct->cands[no - 1] : NULL;
	name = kp_text_nfc(cell, len);
	for (i = 0; i < ct->ncands; i++)
		if (strcmp(ct->cands[i].name, name) == 0) {
			if (found)
				*ambiguous = 1;
			found = &ct->cands[i];
		}
	free(name);
	return *ambiguous ? NULL : found;
}

/* --- ballots/ --- */

/* "ID.csv" (or "ID.xlsx") is round 1, "ID.rN.csv" round N >= 2. 0 if
 * the name fits. */
static int parse_ballot_name(const char *name, char **id, unsigned *round)
{
	size_t n = strlen(name), i;
	uint64_t r;

	if (n >= 6 && kp_text_eq_ascii_ci(name + n - 5, 5, ".xlsx"))
		n -= 5;
	else if (n >= 5 && kp_text_eq_ascii_ci(name + n - 4, 4, ".csv"))
		n -= 4;
	else
		return -1;
	for (i = n; i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9'; i--)
		;
	if (i < n && i >= 3 && name[i - 1] == 'r' && name[i - 2] == '.' &&
	    kp_parse_uint(name + i, n - i, KP_ROUNDS_MAX, &r) == 0) {
		*round = (unsigned)r;
		*id = kp_xstrndup(name, i - 2);
		return 0;
	}
	*round = 1;
	*id = kp_xstrndup(name, n);
	return 0;
}

const char *kp_source_name(enum kp_source s)
{
	return s == KP_SOURCE_RESULTS ? "minutes" : "ballots";
}

/*
 * The names in a congress folder, listed once, so that what is surely not
 * there costs no call to the system (five workbooks, ballots, rounds.csv
 * are usually absent). Only a "no": a name listed in another case (found
 * by its name on Windows) or holding letters beyond ASCII (which Windows
 * may fold to ASCII) says "maybe", and the file is looked for as before;
 * an unreadable folder (n < 0), or one with such a name anywhere, says
 * "maybe" to every name.
 */
struct listing {
	char **names;
	long n;
	int high;		/* some name has letters beyond ASCII */
};

static void listing_read(struct listing *l, const char *dir)
{
	const char *p;
	long i;

	l->n = kp_os_list_dir(dir, &l->names);
	l->high = 0;
	for (i = 0; i < l->n; i++)
		for (p = l->names[i]; *p; p++)
			if ((unsigned char)*p & 0x80)
				l->high = 1;
}

static int may_exist(const struct listing *l, const char *name)
{
	long i;

	if (l->n < 0 || l->high)
		return 1;
	for (i = 0; i < l->n; i++)
		if (kp_text_eq_ascii_ci(l->names[i], strlen(l->names[i]), name))
			return 1;
	return 0;
}

static void listing_release(struct listing *l)
{
	long i;

	for (i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
	l->names = NULL;
	l->n = -1;
}

/* The last name of a path. */
static const char *base_of(const char *path)
{
	const char *b = path, *p;

	for (p = path; *p; p++)
		if (kp_os_is_sep((unsigned char)*p))
			b = p + 1;
	return b;
}

/* The files of folder ORG/`sub` (ballots or results) as rounds of their
 * contests. */
static int scan_folder(struct kp_congress *c, const char *sub,
		       enum kp_source source, const struct listing *l,
		       struct kp_diag_sink *sink)
{
	char *dirpath = kp_path_join(c->dir, sub), **names = NULL;
	long listed;
	size_t n, i;
	int status = KP_EXIT_OK;

	if (!may_exist(l, sub)) {
		free(dirpath);
		return KP_EXIT_OK; /* no ballots yet: every contest not started */
	}
	listed = kp_os_list_dir(dirpath, &names);
	n = listed > 0 ? (size_t)listed : 0;
	if (listed < 0) {
		if (errno != ENOENT) {
			kp_error_errno(sink, dirpath, 0, 0, errno,
				       "cannot read the folder");
			status = KP_EXIT_IO;
		}
		free(dirpath);
		return status; /* no ballots yet: every contest not started */
	}
	for (i = 0; i < n; i++) {
		char *path = kp_path_join(dirpath, names[i]), *id = NULL;
		struct kp_contest *ct = NULL;
		unsigned round;
		int results = source == KP_SOURCE_RESULTS;

		/* (each message whole, in both forms: they are translated) */
		if (names[i][0] == '~' && names[i][1] == '$') {
			kp_warning(sink, path, 0, 0, "Excel's lock file (the workbook "
				   "is open in Excel?): ignored");
			free(path);
			continue;
		}
		if (parse_ballot_name(names[i], &id, &round) != 0) {
			if (results)
				kp_warning(sink, path, 0, 0,
					   "not a results file (CONTEST.csv or "
					   "CONTEST.rN.csv): ignored");
			else
				kp_warning(sink, path, 0, 0,
					   "not a ballot file (CONTEST.csv or "
					   "CONTEST.rN.csv): ignored");
			free(path);
			continue;
		}
		ct = find_mut(c, id, strlen(id));
		if (!ct && c->contests_unreadable) {
			status = KP_EXIT_DATA; /* contests.csv's error says why */
		} else if (!ct && results) {
			status = kp_error(sink, path, 0, 0,
					  "results of contest '%s', which is not "
					  "in contests.csv", id);
		} else if (!ct) {
			status = kp_error(sink, path, 0, 0,
					  "ballots of contest '%s', which is "
					  "not in contests.csv", id);
		} else if (round < 2 && strcmp(names[i] + strlen(id), ".csv") != 0 &&
			   strcmp(names[i] + strlen(id), ".xlsx") != 0) {
			if (results)
				status = kp_error(sink, path, 0, 0,
						  "round 1 results belong in '%s.csv'; "
						  "further rounds are '%s.r2.csv' and up",
						  id, id);
			else
				status = kp_error(sink, path, 0, 0,
						  "round 1 ballots belong in '%s.csv'; "
						  "further rounds are '%s.r2.csv' and up",
						  id, id);
		} else {
			ct->rounds = kp_xrealloc(ct->rounds, (ct->nrounds + 1) *
						 sizeof(*ct->rounds));
			ct->rounds[ct->nrounds].round = round;
			ct->rounds[ct->nrounds].source = source;
			ct->rounds[ct->nrounds].path = path;
			ct->nrounds++;
			path = NULL;
		}
		free(path);
		free(id);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dirpath);
	return status;
}

static int scan_rounds(struct kp_congress *c, const struct listing *l,
		       struct kp_diag_sink *sink)
{
	int status = scan_folder(c, "ballots", KP_SOURCE_BALLOTS, l, sink), st;
	size_t i, j;

	st = scan_folder(c, "results", KP_SOURCE_RESULTS, l, sink);
	if (st != KP_EXIT_OK && status != KP_EXIT_IO)
		status = st;
	/* rounds must run 1, 2, ... with none missing, each from ballots or
	 * from the minutes, never both */
	for (i = 0; i < c->n; i++) {
		struct kp_contest *ct = &c->contests[i];
		size_t k;
		int both = 0;

		for (j = 1; j < ct->nrounds; j++)
			for (k = j; k > 0 && ct->rounds[k - 1].round > ct->rounds[k].round; k--) {
				struct kp_round_file t = ct->rounds[k];

				ct->rounds[k] = ct->rounds[k - 1];
				ct->rounds[k - 1] = t;
			}
		for (j = 1; j < ct->nrounds; j++)
			if (ct->rounds[j].round == ct->rounds[j - 1].round) {
				if (ct->rounds[j].source == ct->rounds[j - 1].source)
					status = kp_error(sink, ct->rounds[j].path, 0, 0,
							  "round %u of contest '%s' is in "
							  "two files, this one and %s: keep "
							  "one of them", ct->rounds[j].round,
							  ct->id, ct->rounds[j - 1].path);
				else
					status = kp_error(sink, ct->rounds[j].path, 0, 0,
							  "round %u of contest '%s' has both "
							  "ballots (%s) and results of the "
							  "minutes: keep one of them",
							  ct->rounds[j].round, ct->id,
							  ct->rounds[j - 1].path);
				ct->broken = both = 1;
			}
		if (both)
			continue;
		for (j = 0; j < ct->nrounds; j++)
			if (ct->rounds[j].round != j + 1) {
				status = kp_error(sink, ct->rounds[j].path, 0, 0,
						  "round %u ballots, but no round "
						  "%zu ballots of contest '%s'",
						  ct->rounds[j].round, j + 1, ct->id);
				while (ct->nrounds > j)
					free(ct->rounds[--ct->nrounds].path);
				break;
			}
	}
	return status;
}

int kp_time_parse(const char *s, size_t len, char out[6])
{
	uint64_t h, m;
	size_t i = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (!i || i > 2 || i == len || (s[i] != ':' && s[i] != 'h' && s[i] != 'H') ||
	    kp_parse_uint(s, i, 23, &h) != 0 ||
	    len - i - 1 != 2 || kp_parse_uint(s + i + 1, 2, 59, &m) != 0)
		return -1;
	snprintf(out, 6, "%02u:%02u", (unsigned)h, (unsigned)m);
	return 0;
}

/* --- congress.csv: who the congress is --- */

char *kp_roman(char out[16], unsigned n)
{
	static const struct {
		unsigned v;
		const char *s;
	} r[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
		{ 100, "C" },  { 90, "XC" },  { 50, "L" },  { 40, "XL" },
		{ 10, "X" },   { 9, "IX" },   { 5, "V" },   { 4, "IV" },
		{ 1, "I" },
	};
	size_t i, o = 0;

	out[0] = '\0';
	if (!n || n > 3999)
		return out;
	for (i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		while (n >= r[i].v && o + strlen(r[i].s) < 16) {
			memcpy(out + o, r[i].s, strlen(r[i].s) + 1);
			o += strlen(r[i].s);
			n -= r[i].v;
		}
	return out;
}

int kp_number_parse(const char *s, size_t len, unsigned *out)
{
	uint64_t v;
	size_t i;
	char back[16];

	if (kp_parse_uint(s, len, 3999, &v) == 0 && v >= 1) {
		*out = (unsigned)v;
		return 0;
	}
	if (!len || len > 15)
		return -1;
	/* Roman: the one number whose numerals these are */
	for (v = 1; v <= 3999; v++) {
		kp_roman(back, (unsigned)v);
		if (strlen(back) != len)
			continue;
		for (i = 0; i < len; i++)
			if ((s[i] & ~0x20) != back[i])
				break;
		if (i == len) {
			*out = (unsigned)v;
			return 0;
		}
	}
	return -1;
}

enum { CI_NAME, CI_PARENT, CI_TERM, CI_NUMBER, CI_PLACE, CI_FROM, CI_TO,
       CI_ASSEMBLY, CI_HEAD, CI_BOARD, CI_N };

struct info_ctx {
	struct kp_congress *c;
	struct kp_column cols[CI_N];
	size_t width;
	uint64_t first;		/* the line of the row read */
};

static int info_header(void *vctx, const struct kp_csv_record *r,
		       struct kp_diag_sink *sink)
{
	struct info_ctx *x = vctx;
	static const struct kp_column init[CI_N] = {
		{ "org_name", 1, -1 }, { "parent", 0, -1 },	{ "term", 0, -1 },
		{ "number", 0, -1 },   { "place", 0, -1 },	{ "from", 0, -1 },
		{ "to", 0, -1 },       { "assembly", 0, -1 }, { "board_head", 0, -1 },
		{ "board", 0, -1 },
	};

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	return kp_columns_map(x->cols, CI_N, r, sink) != KP_EXIT_OK;
}

static void info_free(struct kp_congress_info *in)
{
	size_t i;

	free(in->name);
	free(in->parent);
	free(in->term);
	free(in->place);
	for (i = 0; i < in->nboard; i++)
		free(in->board[i]);
	free(in->board);
	memset(in, 0, sizeof(*in));
}

/* Names separated by ';' (or new lines Excel keeps in a cell), NFC, the
 * empty ones left out, appended to the board. */
static void add_names(struct kp_congress_info *in, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t j = i;
		char *name;

		while (j < len && s[j] != ';' && s[j] != '\n')
			j++;
		name = kp_text_nfc(s + i, j - i);
		if (name[0]) {
			in->board = kp_xrealloc(in->board,
						(in->nboard + 1) * sizeof(*in->board));
			in->board[in->nboard++] = name;
		} else {
			free(name);
		}
		i = j + 1;
	}
}

static int info_row(void *vctx, const struct kp_csv_record *r,
		    struct kp_diag_sink *sink)
{
	struct info_ctx *x = vctx;
	struct kp_congress_info *in = &x->c->info;
	const struct kp_csv_field *f;
	char q[128];

	if (check_width(r, x->width, sink))
		return 0;
	if (x->first) {
		kp_error(sink, r->file, r->line, 1, "a second row: congress.csv "
			 "describes one congress, on line %llu",
			 (unsigned long long)x->first);
		return 0;
	}
	x->first = r->line;
	f = get(r, x->cols[CI_NAME].index);
	in->name = kp_text_nfc(f->s, f->len);
	if (!in->name[0])
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_NAME].index),
			 "org_name: expected the organisation's name (e.g. Đảng bộ "
			 "xã Đại Đồng), got an empty field");
	f = get(r, x->cols[CI_PARENT].index);
	in->parent = kp_text_nfc(f->s, f->len);
	f = get(r, x->cols[CI_TERM].index);
	in->term = kp_text_nfc(f->s, f->len);
	f = get(r, x->cols[CI_NUMBER].index);
	if (f->len && kp_number_parse(f->s, f->len, &in->number) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_NUMBER].index),
			 "number '%s': expected the congress's number, as 25 or XXV",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, x->cols[CI_PLACE].index);
	in->place = kp_text_nfc(f->s, f->len);
	f = get(r, x->cols[CI_FROM].index);
	if (f->len && kp_date_parse(f->s, f->len, &in->from) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_FROM].index),
			 "from '%s': expected a day as YYYY-MM-DD or DD/MM/YYYY",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, x->cols[CI_TO].index);
	if (f->len && kp_date_parse(f->s, f->len, &in->to) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_TO].index),
			 "to '%s': expected a day as YYYY-MM-DD or DD/MM/YYYY",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	else if (in->to.year && in->from.year && kp_date_cmp(&in->to, &in->from) < 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_TO].index),
			 "to: the congress ends before it begins (from)");
	f = get(r, x->cols[CI_ASSEMBLY].index);
	if (!f->len)
		in->assembly = KP_ASSEMBLY_UNKNOWN;
	else if (kp_text_eq_ascii_ci(f->s, f->len, "members") ||
		 (kp_text_valid(f->s, f->len) && kp_text_eq_ci(f->s, f->len, "đảng viên")))
		in->assembly = KP_ASSEMBLY_MEMBERS;
	else if (kp_text_eq_ascii_ci(f->s, f->len, "delegates") ||
		 (kp_text_valid(f->s, f->len) && kp_text_eq_ci(f->s, f->len, "đại biểu")))
		in->assembly = KP_ASSEMBLY_DELEGATES;
	else
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_ASSEMBLY].index),
			 "assembly '%s': expected members (đảng viên: every full "
			 "member is summoned) or delegates (đại biểu)",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, x->cols[CI_HEAD].index);
	add_names(in, f->s, f->len);
	in->head_given = in->nboard > 0;
	if (in->nboard > 1) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CI_HEAD].index),
			 "board_head: one name, the head of the counting board "
			 "(its members go in board)");
	}
	f = get(r, x->cols[CI_BOARD].index);
	add_names(in, f->s, f->len);
	return 0;
}

static void info_reset(void *vctx)
{
	struct info_ctx *x = vctx;

	info_free(&x->c->info);
	x->first = 0;
}

static int load_info(struct kp_congress *c, const struct kp_csv_opts *opts,
		     const struct listing *l, struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = { info_header, info_row, info_reset, NULL, NULL };
	struct info_ctx x;
	void *ctx = &x;
	int status;

	if (!may_exist(l, base_of(c->info_path)) ||
	    (!kp_os_is_file(c->info_path) && !kp_os_is_link(c->info_path)))
		return KP_EXIT_OK;
	memset(&x, 0, sizeof(x));
	x.c = c;
	c->has_info = 1;
	status = kp_csv_read_hashed(c->info_path, NULL, opts, &h, &ctx, 1, sink,
				    c->info_sha256);
	if (status == KP_EXIT_OK && !x.first)
		status = kp_error(sink, c->info_path, 0, 0, "no row: congress.csv "
				  "gives the congress's name (org_name) on the row "
				  "under its header");
	return status;
}

void kp_congress_fill(struct kp_congress *c, const char *name, const char *parent)
{
	struct kp_congress_info *in = &c->info;

	if (name && name[0] && (!in->name || !in->name[0])) {
		free(in->name);
		in->name = kp_xstrdup(name);
	}
	if (parent && parent[0] && (!in->parent || !in->parent[0])) {
		free(in->parent);
		in->parent = kp_xstrdup(parent);
	}
}

const char *kp_congress_name(const struct kp_congress *c)
{
	return c->info.name && c->info.name[0] ? c->info.name : c->org;
}

/* --- previous.csv: the outgoing bodies --- */

enum { PV_KIND, PV_NAME, PV_GENDER, PV_BORN, PV_ETHNICITY, PV_EDUCATION,
       PV_DEGREE, PV_THEORY, PV_INCUMBENT, PV_LOCAL, PV_N };

struct previous_ctx {
	struct kp_congress *c;
	struct kp_column cols[PV_N];
	size_t width;
};

static int previous_header(void *vctx, const struct kp_csv_record *r,
			   struct kp_diag_sink *sink)
{
	struct previous_ctx *x = vctx;
	static const struct kp_column init[PV_N] = {
		{ "kind", 1, -1 },	 { "name", 1, -1 },	 { "gender", 0, -1 },
		{ "born", 0, -1 },	 { "ethnicity", 0, -1 }, { "education", 0, -1 },
		{ "degree", 0, -1 },	 { "theory", 0, -1 },	 { "incumbent", 0, -1 },
		{ "local", 0, -1 },
	};

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	return kp_columns_map(x->cols, PV_N, r, sink) != KP_EXIT_OK;
}

static int previous_row(void *vctx, const struct kp_csv_record *r,
			struct kp_diag_sink *sink)
{
	struct previous_ctx *x = vctx;
	struct kp_previous pv;
	const struct kp_csv_field *f;
	uint64_t v;
	char q[128];

	if (check_width(r, x->width, sink))
		return 0;
	memset(&pv, 0, sizeof(pv));
	pv.line = r->line;
	f = get(r, x->cols[PV_KIND].index);
	if (kp_kind_parse(f->s, f->len, &pv.kind) != 0) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[PV_KIND].index),
			 "kind '%s': expected committee, standing, secretary, "
			 "deputy, inspection, delegates or other, or the name in "
			 "Vietnamese (ban chấp hành, ban thường vụ, bí thư, phó "
			 "bí thư, ủy ban kiểm tra, đại biểu, khác)",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
		return 0;
	}
	f = get(r, x->cols[PV_NAME].index);
	pv.name = kp_text_nfc(f->s, f->len);
	if (!pv.name[0]) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[PV_NAME].index),
			 "name: expected the candidate's full name, got an empty "
			 "field");
		free(pv.name);
		return 0;
	}
	f = get(r, x->cols[PV_GENDER].index);
	if (parse_gender(f->s, f->len, &pv.gender) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[PV_GENDER].index),
			 "gender '%s': expected M, F, Nam or Nữ",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = get(r, x->cols[PV_BORN].index);
	if (f->len == 4 && kp_parse_uint(f->s, 4, 9999, &v) == 0 && v >= 1900)
		pv.born.year = (int)v;
	else if (f->len && kp_date_parse(f->s, f->len, &pv.born) != 0)
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[PV_BORN].index),
			 "born '%s': expected a year YYYY, or a day as YYYY-MM-DD or DD/MM/YYYY",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
	parse_particulars(r, &x->cols[PV_ETHNICITY], &pv.p, sink);
	x->c->prev = kp_xgrow(x->c->prev, &x->c->prev_alloc, x->c->nprev + 1,
			      sizeof(*x->c->prev));
	x->c->prev[x->c->nprev++] = pv;
	return 0;
}

static void previous_free(struct kp_congress *c)
{
	size_t i;

	for (i = 0; i < c->nprev; i++) {
		free(c->prev[i].name);
		kp_particulars_release(&c->prev[i].p);
	}
	c->nprev = 0;
}

static void previous_reset(void *vctx)
{
	previous_free(((struct previous_ctx *)vctx)->c);
}

int kp_congress_has_previous(const struct kp_congress *c, enum kp_kind k)
{
	size_t i;

	for (i = 0; i < c->nprev; i++)
		if (c->prev[i].kind == k)
			return 1;
	return 0;
}

/*
 * previous.csv, when there is one; then who is re-elected: a candidate of
 * an election whose body previous.csv lists is an incumbent when that body
 * had a member of the same name (NFC, spaces folded), whatever the
 * incumbent column says (a warning when it says otherwise).
 */
static int load_previous(struct kp_congress *c, const struct kp_csv_opts *opts,
			 const struct listing *l, struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = {
		previous_header, previous_row, previous_reset, NULL, NULL
	};
	struct previous_ctx x;
	int status = KP_EXIT_OK;
	size_t i, j, k;
	void *ctx = &x;

	if (!may_exist(l, base_of(c->previous_path)) ||
	    (kp_os_exists(c->previous_path) != 0 && errno == ENOENT))
		return KP_EXIT_OK;
	memset(&x, 0, sizeof(x));
	x.c = c;
	c->has_previous = 1;
	status = kp_csv_read_hashed(c->previous_path, NULL, opts, &h, &ctx, 1,
				    sink, c->previous_sha256);
	for (i = 0; i < c->n; i++) {
		struct kp_contest *ct = &c->contests[i];

		if (!kp_congress_has_previous(c, ct->kind))
			continue;
		for (j = 0; j < ct->ncands; j++) {
			struct kp_candidate *cd = &ct->cands[j];
			int was = 0;

			for (k = 0; k < c->nprev && !was; k++)
				was = c->prev[k].kind == ct->kind &&
				      strcmp(c->prev[k].name, cd->name) == 0;
			/* two messages, each translated whole */
			if (cd->p.incumbent == 0 && was)
				kp_warning(sink, c->candidates_path, cd->line, 1,
					   "incumbent: candidate %u (%s) of contest "
					   "'%s' is in previous.csv, so re-elected if "
					   "elected", cd->no, cd->name, ct->id);
			else if (cd->p.incumbent == 1 && !was)
				kp_warning(sink, c->candidates_path, cd->line, 1,
					   "incumbent: candidate %u (%s) of contest "
					   "'%s' is not in previous.csv, so not "
					   "re-elected", cd->no, cd->name, ct->id);
			cd->p.incumbent = (signed char)was;
		}
	}
	return status;
}

/* --- rounds.csv --- */

enum { RD_CONTEST, RD_ROUND, RD_SEATS, RD_RESERVES, RD_ISSUED, RD_PRESENT,
       RD_TIME, RD_N };

struct rounds_ctx {
	struct kp_congress *c;
	struct kp_column cols[RD_N];
	size_t width;
};

static int rounds_header(void *vctx, const struct kp_csv_record *r,
			 struct kp_diag_sink *sink)
{
	struct rounds_ctx *x = vctx;
	static const struct kp_column init[RD_N] = {
		{ "contest", 1, -1 }, { "round", 1, -1 },  { "seats", 0, -1 },
		{ "reserves", 0, -1 }, { "issued", 0, -1 }, { "present", 0, -1 },
		{ "time", 0, -1 },
	};

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	return kp_columns_map(x->cols, RD_N, r, sink) != KP_EXIT_OK;
}

/* Field `idx` of a rounds.csv row as an optional count; 1 when given. */
static int plan_uint(const struct kp_csv_record *r, long idx, const char *what,
		     uint64_t max, uint64_t *out, int *bad,
		     struct kp_diag_sink *sink)
{
	switch (field_uint(r, idx, what, 0, max, 1, out, sink)) {
	case 0:
		return 1;
	case -1:
		*bad = 1;
		break;
	}
	return 0;
}

static int rounds_row(void *vctx, const struct kp_csv_record *r,
		      struct kp_diag_sink *sink)
{
	struct rounds_ctx *x = vctx;
	const struct kp_csv_field *f;
	struct kp_round_plan pl;
	const struct kp_round_plan *dup;
	struct kp_contest *ct;
	uint64_t v = 0;
	char q[128];
	int bad = 0;

	if (check_width(r, x->width, sink))
		return 0;
	memset(&pl, 0, sizeof(pl));
	pl.file = x->c->rounds_path;
	pl.line = r->line;
	f = get(r, x->cols[RD_CONTEST].index);
	ct = find_mut(x->c, f->s, f->len);
	if (!ct) {
		if (!x->c->contests_unreadable)
			kp_error(sink, r->file, r->line,
				 kp_csv_col(r, (size_t)x->cols[RD_CONTEST].index),
				 "contest '%s' is not in contests.csv",
				 kp_diag_quote(q, sizeof(q), f->s, f->len));
		return 0;
	}
	if (field_uint(r, x->cols[RD_ROUND].index, "round", 1, KP_ROUNDS_MAX, 0,
		       &v, sink) != 0) {
		ct->broken = 1;
		return 0;
	}
	pl.round = (unsigned)v;
	pl.has_seats = plan_uint(r, x->cols[RD_SEATS].index, "seats",
				 KP_SEATS_MAX, &pl.seats, &bad, sink);
	pl.has_reserves = plan_uint(r, x->cols[RD_RESERVES].index, "reserves",
				    KP_SEATS_MAX, &pl.reserves, &bad, sink);
	pl.has_issued = plan_uint(r, x->cols[RD_ISSUED].index, "issued",
				  KP_BASE_MAX * 10ull, &pl.issued, &bad, sink);
	pl.has_present = plan_uint(r, x->cols[RD_PRESENT].index, "present",
				   KP_BASE_MAX, &pl.present, &bad, sink);
	f = get(r, x->cols[RD_TIME].index);
	if (f->len && kp_time_parse(f->s, f->len, pl.time) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_TIME].index),
			       "time '%s': expected the hour the vote began, as 14:30",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	dup = kp_contest_plan(ct, pl.round);
	if (dup && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_ROUND].index),
			       "round %u of contest '%s' appears twice (first "
			       "on line %llu)", pl.round, ct->id,
			       (unsigned long long)dup->line);
	if (pl.round == 1 && !bad &&
	    ((pl.has_seats && pl.seats != ct->seats) ||
	     (pl.has_reserves && pl.reserves != ct->reserves)))
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_SEATS].index),
			       "round 1 elects every seat of contest '%s' (%u "
			       "and %u reserves, as contests.csv says): only a "
			       "later round may elect fewer", ct->id, ct->seats,
			       ct->reserves);
	if (pl.has_reserves && pl.reserves && ct->kind != KP_KIND_DELEGATES &&
	    !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_RESERVES].index),
			       "reserves: only a delegates election has reserve "
			       "delegates, and contest '%s' is not one", ct->id);
	if (pl.has_seats && pl.has_reserves && !pl.seats && !pl.reserves && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_SEATS].index),
			       "round %u of contest '%s' elects no one: seats "
			       "and reserves are both 0", pl.round, ct->id);
	if (pl.has_present && pl.present > ct->base && ct->base && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_PRESENT].index),
			       "present: %llu present, but the base (those "
			       "summoned) is %llu", (unsigned long long)pl.present,
			       (unsigned long long)ct->base);
	/* round 1's figures may also be in contests.csv: they must agree */
	if (pl.round == 1 && pl.has_issued && ct->has_issued &&
	    pl.issued != ct->issued && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_ISSUED].index),
			       "issued: %llu, but contests.csv line %llu says "
			       "%llu for round 1", (unsigned long long)pl.issued,
			       (unsigned long long)ct->line,
			       (unsigned long long)ct->issued);
	if (pl.round == 1 && pl.has_present && ct->has_present &&
	    pl.present != ct->present && !bad)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[RD_PRESENT].index),
			       "present: %llu, but contests.csv line %llu says "
			       "%llu for round 1", (unsigned long long)pl.present,
			       (unsigned long long)ct->line,
			       (unsigned long long)ct->present);
	if (bad) {
		if (!dup)
			ct->broken = 1;
		return 0;
	}
	ct->plans = kp_xgrow(ct->plans, &ct->plans_alloc, ct->nplans + 1,
			     sizeof(*ct->plans));
	ct->plans[ct->nplans++] = pl;
	return 0;
}

static void rounds_reset(void *vctx)
{
	struct rounds_ctx *x = vctx;
	size_t i;

	for (i = 0; i < x->c->n; i++)
		x->c->contests[i].nplans = 0;
}

static int by_plan_round(const void *a, const void *b)
{
	const struct kp_round_plan *x = a, *y = b;

	return x->round < y->round ? -1 : x->round > y->round;
}

/* rounds.csv, when there is one; then round 1's figures from contests.csv
 * folded into its plan, and a plan for a round without ballots refused. */
static int load_rounds(struct kp_congress *c, const struct kp_csv_opts *opts,
		       const struct listing *l, struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = {
		rounds_header, rounds_row, rounds_reset, NULL, NULL
	};
	struct rounds_ctx x;
	int status = KP_EXIT_OK;
	size_t i, j;
	void *ctx = &x;

	if (may_exist(l, base_of(c->rounds_path)) &&
	    (kp_os_exists(c->rounds_path) == 0 || errno != ENOENT)) {
		memset(&x, 0, sizeof(x));
		x.c = c;
		c->has_rounds = 1;
		status = kp_csv_read_hashed(c->rounds_path, NULL, opts, &h, &ctx, 1,
					    sink, c->rounds_sha256);
	}
	for (i = 0; i < c->n; i++) {
		struct kp_contest *ct = &c->contests[i];
		struct kp_round_plan *p1 = NULL;

		if (ct->nplans > 1)
			qsort(ct->plans, ct->nplans, sizeof(*ct->plans),
			      by_plan_round);
		for (j = 0; j < ct->nplans; j++) {
			if (ct->plans[j].round == 1)
				p1 = &ct->plans[j];
			if (ct->plans[j].round > ct->nrounds && !ct->broken) {
				status = kp_error(sink, c->rounds_path,
						  ct->plans[j].line, 1,
						  "round %u of contest '%s' has no "
						  "ballot file (ballots/%s.csv for "
						  "round 1, %s.rN.csv after)",
						  ct->plans[j].round, ct->id,
						  ct->id, ct->id);
				ct->broken = 1;
			}
		}
		if (!ct->has_issued && !ct->has_present)
			continue;
		if (!p1) {
			struct kp_round_plan pl;

			memset(&pl, 0, sizeof(pl));
			pl.round = 1;
			pl.file = c->contests_path;
			pl.line = ct->line;
			ct->plans = kp_xgrow(ct->plans, &ct->plans_alloc,
					     ct->nplans + 1, sizeof(*ct->plans));
			memmove(ct->plans + 1, ct->plans,
				ct->nplans * sizeof(*ct->plans));
			ct->nplans++;
			p1 = &ct->plans[0];
			*p1 = pl;
		}
		if (ct->has_issued && !p1->has_issued) {
			p1->has_issued = 1;
			p1->issued = ct->issued;
		}
		if (ct->has_present && !p1->has_present) {
			p1->has_present = 1;
			p1->present = ct->present;
		}
	}
	return status;
}

static int worst(int a, int b)
{
	if (a == KP_EXIT_IO || b == KP_EXIT_IO)
		return KP_EXIT_IO;
	return a ? a : b;
}

/* Something a table could be read from: a file or a link (one lstat;
 * stat and lstat both said as much, two calls for every name absent). */
static int file_or_link(const char *path)
{
	enum kp_os_kind k = kp_os_kind(path, 0);

	return k == KP_OS_FILE || k == KP_OS_LINK;
}

/* DIR/BASE.csv, or DIR/BASE.xlsx when only that is there (both: an error,
 * and *both set). */
static char *table_path(const char *dir, const char *base,
			const struct listing *l, struct kp_diag_sink *sink, int *both)
{
	char name[64], *csv, *xlsx;

	snprintf(name, sizeof(name), "%s.csv", base);
	csv = kp_path_join(dir, name);
	snprintf(name, sizeof(name), "%s.xlsx", base);
	xlsx = kp_path_join(dir, name);
	if (may_exist(l, name) && file_or_link(xlsx)) {
		if (file_or_link(csv)) {
			kp_error(sink, xlsx, 0, 0, "%s is here too: keep one of them "
				 "(which holds the right data is yours to say)", csv);
			*both = 1;
		} else {
			free(csv);
			return xlsx;
		}
	}
	free(xlsx);
	return csv;
}

int kp_congress_load(struct kp_congress *c, const char *dir,
		     const struct kp_csv_opts *opts, struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler contests_h = {
		contests_header, contests_row, contests_reset, NULL, NULL
	};
	static const struct kp_csv_handler candidates_h = {
		candidates_header, candidates_row, candidates_reset, NULL, NULL
	};
	struct contests_ctx cx;
	struct candidates_ctx dx;
	struct kp_csv_opts one = *opts;
	uint64_t errors;
	void *ctx;
	int status = KP_EXIT_OK, both = 0;
	struct listing l;

	memset(c, 0, sizeof(*c));
	kp_idset_init(&c->index);
	c->dir = kp_xstrdup(dir);
	{
		/* a folder's name may be anything: shown escaped */
		char *name = kp_path_name(dir);

		c->org = kp_text_safe(name);
		free(name);
	}
	/* (listed once: a folder listed is a folder that is there) */
	listing_read(&l, dir);
	c->contests_path = table_path(dir, "contests", &l, sink, &both);
	c->candidates_path = table_path(dir, "candidates", &l, sink, &both);
	c->rounds_path = table_path(dir, "rounds", &l, sink, &both);
	c->previous_path = table_path(dir, "previous", &l, sink, &both);
	c->info_path = table_path(dir, "congress", &l, sink, &both);
	if (both)
		return listing_release(&l), KP_EXIT_DATA; /* nothing is read
							    * before the clerk
							    * says which file is
							    * the right one */
	if (l.n < 0 && kp_os_exists(dir) != 0)
		return listing_release(&l),
		       kp_error_errno(sink, dir, 0, 0, errno,
				      "cannot open the congress folder");
	if (l.n < 0 && !kp_os_is_dir(dir))
		return listing_release(&l),
		       kp_error(sink, dir, 0, 0, "not a folder: expected a "
				"congress folder with contests.csv"), KP_EXIT_IO;
	one.threads = 1;
	memset(&cx, 0, sizeof(cx));
	cx.c = c;
	ctx = &cx;
	status = worst(status, kp_csv_read_hashed(c->contests_path, NULL, &one,
						  &contests_h, &ctx, 1, sink,
						  c->contests_sha256));
	c->contests_unreadable = !cx.header_seen || !cx.ok;
	memset(&dx, 0, sizeof(dx));
	dx.c = c;
	ctx = &dx;
	errors = sink->errors;
	status = worst(status, kp_csv_read_hashed(c->candidates_path, NULL, &one,
						  &candidates_h, &ctx, 1, sink,
						  c->candidates_sha256));
	if (sink->errors - errors > dx.row_errors) {
		/* the file itself is damaged (cut, undecodable, no header):
		 * no list can be trusted, and what follows from one would only
		 * be noise */
		size_t i;

		for (i = 0; i < c->n; i++)
			c->contests[i].broken = 1;
	}
	status = worst(status, check_candidates(c, sink));
	status = worst(status, scan_rounds(c, &l, sink));
	status = worst(status, load_rounds(c, &one, &l, sink));
	status = worst(status, load_previous(c, &one, &l, sink));
	status = worst(status, load_info(c, &one, &l, sink));
	listing_release(&l);
	if (!c->n && !c->contests_unreadable)
		status = worst(status, kp_error(sink, c->contests_path, 0, 0,
						"no election is listed: nothing to "
						"count (a row per election: "
						"contest, kind, seats, base)"));
	return status;
}

void kp_congress_release(struct kp_congress *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		contest_free(&c->contests[i]);
	free(c->contests);
	free(c->dir);
	free(c->org);
	free(c->contests_path);
	free(c->candidates_path);
	free(c->rounds_path);
	free(c->previous_path);
	free(c->info_path);
	info_free(&c->info);
	previous_free(c);
	free(c->prev);
	kp_idset_release(&c->index);
	memset(c, 0, sizeof(*c));
}
