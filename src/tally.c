/* Tallying ballot files and deciding each round (docs/rules.md). */
#include "kiemphieu/tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/idset.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

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
}

/* What a ballot file's header says, shared read-only by every part. */
struct header {
	const struct kp_contest *ct;
	const char *path;
	unsigned round;
	uint64_t seats;
	const unsigned char *open;	/* open[no - 1]: may be on this list */
	size_t width;
	size_t id_col;
	long void_col;
	size_t nlist;
	size_t *list_col;		/* list position -> field index */
	unsigned *list_no;		/* list position -> candidate no, 0 unknown */
	uint64_t ballots_max;
	int ok;
};

/* One part's counts. */
struct count {
	struct header *h;
	uint64_t ballots, valid, too_many, all_crossed;
	uint64_t *votes;		/* per list position */
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

	c->ballots = c->valid = c->too_many = c->all_crossed = 0;
	c->voids_other = 0;
	c->over_limit = 0;
	for (i = 0; i < c->nvoids; i++)
		free(c->voids[i].text);
	c->nvoids = 0;
	if (c->votes)
		memset(c->votes, 0, c->h->nlist * sizeof(*c->votes));
	kp_idset_clear(&c->ids);
}

static void count_release(struct count *c)
{
	count_clear(c);
	free(c->votes);
	free(c->kept);
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
	h->nlist = 0;
	h->width = r->nfields;
	h->void_col = -1;
	h->list_col = kp_xcalloc(r->nfields, sizeof(*h->list_col));
	h->list_no = kp_xcalloc(r->nfields, sizeof(*h->list_no));
	for (i = 0; i < r->nfields; i++) {
		const struct kp_csv_field *f = &r->fields[i];
		const struct kp_candidate *cd;
		int ambiguous;

		if (kp_text_eq_ascii_ci(f->s, f->len, "ballot") && !have_id) {
			have_id = 1;
			h->id_col = i;
			continue;
		}
		if (kp_text_eq_ascii_ci(f->s, f->len, "void") && h->void_col < 0) {
			h->void_col = (long)i;
			continue;
		}
		h->list_col[h->nlist] = i;
		cd = kp_contest_lookup(ct, f->s, f->len, &ambiguous);
		if (!cd) {
			ok = kp_error(sink, r->file, r->line, kp_csv_col(r, i),
				      ambiguous ?
				      "column '%s' names two candidates of "
				      "contest '%s': name them by number" :
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
	/* round 1 is the whole list: every candidate is on the ballot */
	if (h->round == 1)
		for (i = 1; i <= ct->ncands; i++)
			if (!seen[i])
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
	return !have_id; /* without ids no row can be checked */
}

static void ensure_arrays(struct count *c)
{
	if (!c->votes) {
		c->votes = kp_xcalloc(c->h->nlist + 1, sizeof(*c->votes));
		c->kept = kp_xcalloc(c->h->nlist + 1, sizeof(*c->kept));
	}
}

static int ballot_row(void *ctx, const struct kp_csv_record *r,
		      struct kp_diag_sink *sink)
{
	struct count *c = ctx;
	const struct header *h = c->h;
	const struct kp_csv_field *id;
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
	if (!id->len) {
		kp_error(sink, r->file, r->line, kp_csv_col(r, h->id_col),
			 "empty ballot id: every ballot needs one");
		bad = 1;
	} else if (!kp_idset_add(&c->ids, id->s, id->len, r->line, &first)) {
		kp_error(sink, r->file, r->line, kp_csv_col(r, h->id_col),
			 "duplicate ballot id '%s' (first on line %llu)",
			 kp_diag_quote(q, sizeof(q), id->s, id->len),
			 (unsigned long long)first);
		bad = 1;
	}
	for (i = 0; i < h->nlist; i++) {
		const struct kp_csv_field *f = &r->fields[h->list_col[i]];

		if (!f->len)
			c->kept[nkept++] = i; /* name kept: a vote */
		else if (f->len != 1 || (f->s[0] != 'x' && f->s[0] != 'X')) {
			kp_error(sink, r->file, r->line,
				 kp_csv_col(r, h->list_col[i]),
				 "mark '%s' for candidate %u: expected empty "
				 "(kept) or 'x' (crossed out)",
				 kp_diag_quote(q, sizeof(q), f->s, f->len),
				 h->list_no[i]);
			bad = 1;
		}
	}
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

		switch (kp_rules_ballot(nkept, h->nlist, h->seats, v->len > 0)) {
		case KP_BALLOT_VOID:
			count_void(c, v->s, v->len, 1);
			break;
		case KP_BALLOT_TOO_MANY:
			c->too_many++;
			break;
		case KP_BALLOT_ALL_CROSSED:
			c->all_crossed++;
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
	c->votes = NULL;
	c->kept = NULL;
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
	for (p = 1; p < n; p++) {
		struct count *c = ctx[p];

		into->ballots += c->ballots;
		into->valid += c->valid;
		into->too_many += c->too_many;
		into->all_crossed += c->all_crossed;
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

/* The reasons of a round: too-many, all-crossed, then each void reason. */
static void collect_reasons(struct kp_round_result *rr, struct count *c)
{
	size_t i, n = 0;

	rr->reasons = kp_xcalloc(c->nvoids + 3, sizeof(*rr->reasons));
	if (c->too_many) {
		rr->reasons[n].text = kp_xstrdup("too-many");
		rr->reasons[n++].count = c->too_many;
	}
	if (c->all_crossed) {
		rr->reasons[n].text = kp_xstrdup("all-crossed");
		rr->reasons[n++].count = c->all_crossed;
	}
	if (c->nvoids > 1)
		qsort(c->voids, c->nvoids, sizeof(*c->voids), by_text);
	for (i = 0; i < c->nvoids; i++) {
		struct kp_buf b = KP_BUF_INIT;

		kp_buf_addf(&b, "void: %s", c->voids[i].text);
		rr->reasons[n].text = kp_buf_detach(&b);
		rr->reasons[n++].count = c->voids[i].count;
	}
	if (c->voids_other) {
		rr->reasons[n].text = kp_xstrdup("void: (other reasons)");
		rr->reasons[n++].count = c->voids_other;
	}
	rr->nreasons = n;
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

/* Count one round's ballot file and decide the round. */
static int tally_round(struct kp_contest_result *cr, const struct kp_round_file *rf,
		       unsigned char *open, const struct kp_tally_opts *o,
		       struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler handler = {
		ballot_header, ballot_row, ballot_reset, ballot_merge
	};
	const struct kp_contest *ct = cr->ct;
	struct kp_round_result *rr;
	struct header h;
	struct count counts[PARTS_MAX];
	void *ctx[PARTS_MAX];
	unsigned nparts = o->csv.threads ? o->csv.threads : 1, i;
	uint64_t official_open = ct->seats - cr->nelected;
	uint64_t reserve_open = ct->reserves - cr->nreserves;
	uint64_t errors = sink->errors;
	int status;
	size_t k;

	if (nparts > PARTS_MAX)
		nparts = PARTS_MAX;
	if (official_open + reserve_open == 0)
		return kp_error(sink, rf->path, 0, 0,
				"round %u ballots, but every seat of contest "
				"'%s' was filled in round %u", rf->round,
				ct->id, rf->round - 1);
	memset(&h, 0, sizeof(h));
	h.ct = ct;
	h.path = rf->path;
	h.round = rf->round;
	h.ballots_max = o->ballots_max ? o->ballots_max : KP_BALLOTS_MAX;
	h.seats = official_open + reserve_open;
	h.open = open;
	for (i = 0; i < nparts; i++) {
		count_init(&counts[i], &h);
		ctx[i] = &counts[i];
	}
	status = kp_csv_read(rf->path, NULL, &o->csv, &handler, ctx, nparts, sink);
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
	cr->rounds = kp_xrealloc(cr->rounds, (cr->nrounds + 1) * sizeof(*cr->rounds));
	rr = &cr->rounds[cr->nrounds++];
	memset(rr, 0, sizeof(*rr));
	rr->round = rf->round;
	rr->path = rf->path;
	rr->seats = h.seats;
	rr->official_open = official_open;
	rr->reserve_open = reserve_open;
	rr->ballots = counts[0].ballots;
	rr->valid = counts[0].valid;
	rr->invalid = rr->ballots - rr->valid;
	collect_reasons(rr, &counts[0]);
	/* consistency: no more ballots than were issued */
	if (ct->has_issued && rr->ballots > ct->issued)
		status = kp_error(sink, rf->path, 0, 0,
				  "%llu ballots counted, but contests.csv line "
				  "%llu says only %llu were issued",
				  (unsigned long long)rr->ballots,
				  (unsigned long long)ct->line,
				  (unsigned long long)ct->issued);
	/* the list in ballot order, decided */
	rr->ncands = 0;
	rr->cands = kp_xcalloc(h.nlist + 1, sizeof(*rr->cands));
	for (k = 0; k < h.nlist; k++)
		if (h.list_no[k]) {
			rr->cands[rr->ncands].no = h.list_no[k];
			rr->cands[rr->ncands].votes = counts[0].votes[k];
			rr->votes_cast += counts[0].votes[k];
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
	kp_rules_elect(rr->cands, rr->ncands, ct->base, official_open,
		       reserve_open);
	for (k = 0; k < rr->ncands; k++) {
		struct kp_standing *s = &rr->cands[k];
		struct kp_elected e = { s->no, rf->round, s->votes };

		if (s->result == KP_RESULT_ELECTED) {
			cr->elected = kp_xrealloc(cr->elected, (cr->nelected + 1) *
						  sizeof(*cr->elected));
			cr->elected[cr->nelected++] = e;
			open[s->no - 1] = 0;
		} else if (s->result == KP_RESULT_RESERVE) {
			cr->reserves = kp_xrealloc(cr->reserves, (cr->nreserves + 1) *
						   sizeof(*cr->reserves));
			cr->reserves[cr->nreserves++] = e;
			open[s->no - 1] = 0;
		}
	}
out:
	for (i = 0; i < nparts; i++)
		count_release(&counts[i]);
	free(h.list_col);
	free(h.list_no);
	return status;
}

static void surplus_check(struct kp_contest_result *cr, const struct kp_congress *cg,
			  const struct kp_tally_opts *o, struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct;
	const struct kp_surplus *s = &cr->surplus;
	/* an error for check, a warning for tally, which still counts */
	enum kp_severity sev = o->surplus_errors ? KP_SEV_ERROR : KP_SEV_WARNING;
	const char *path = cg->contests_path, *v = kp_verdict_name(s->verdict);
	unsigned long long cands = s->candidates, whole = s->percent_x100 / 100,
			   hundredths = s->percent_x100 % 100;
	long long surplus = s->surplus;

	/* one whole sentence per case, so that each is translated whole; the
	 * percentage goes in as two numbers, so that a translation can write
	 * its own decimal separator */
	if (!kp_verdict_is_error(s->verdict))
		return;
	if (s->verdict == KP_VERDICT_NONE &&
	    (ct->kind == KP_KIND_COMMITTEE || ct->kind == KP_KIND_STANDING))
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): the list must have more candidates than "
			"seats (verdict %s)", ct->id, cands, ct->seats, surplus,
			whole, hundredths, v);
	else if (s->verdict == KP_VERDICT_NONE)
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): the list must have at least as many "
			"candidates as seats and reserves (verdict %s)", ct->id,
			cands, ct->seats, surplus, whole, hundredths, v);
	else if (s->verdict == KP_VERDICT_BELOW_MIN)
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): below the %u%% minimum (verdict %s)",
			ct->id, cands, ct->seats, surplus, whole, hundredths,
			o->limits.min_percent, v);
	else if (ct->seats <= 5)
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): a body of 5 seats or fewer has a surplus "
			"of exactly 1 (verdict %s)", ct->id, cands, ct->seats,
			surplus, whole, hundredths, v);
	else
		kp_diag(sink, sev, path, ct->line, 1,
			"contest '%s': %llu candidates for %u seats, surplus %lld "
			"(%llu.%02llu%%): above the %u%% maximum (verdict %s)",
			ct->id, cands, ct->seats, surplus, whole, hundredths,
			o->limits.max_percent, v);
}

static int tally_contest(struct kp_contest_result *cr, const struct kp_congress *cg,
			 const struct kp_tally_opts *o, struct kp_diag_sink *sink)
{
	const struct kp_contest *ct = cr->ct;
	unsigned char *open = kp_xmalloc(ct->ncands + 1);
	int status = KP_EXIT_OK, st;
	unsigned empty = 0;	/* the round of an empty ballot file */
	size_t i;

	memset(open, 1, ct->ncands + 1);
	cr->surplus = kp_rules_surplus(ct->kind, ct->ncands, ct->seats,
				       ct->reserves, &o->limits);
	surplus_check(cr, cg, o, sink);
	for (i = 0; i < ct->nrounds; i++) {
		const struct kp_round_file *rf = &ct->rounds[i];

		if (empty) {
			status = kp_error(sink, rf->path, 0, 0,
					  "round %u ballots, but round %u has no "
					  "ballots yet", rf->round, empty);
			break;
		}
		st = tally_round(cr, rf, open, o, sink);
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
	free(open);
	if (cr->nelected > 1)
		qsort(cr->elected, cr->nelected, sizeof(*cr->elected), by_round_votes);
	if (cr->nreserves > 1)
		qsort(cr->reserves, cr->nreserves, sizeof(*cr->reserves), by_round_votes);
	cr->unfilled = ct->seats + ct->reserves - cr->nelected - cr->nreserves;
	if (cr->nrounds) {
		const struct kp_round_result *last = &cr->rounds[cr->nrounds - 1];

		for (i = 0; i < last->ncands; i++)
			if (last->cands[i].result == KP_RESULT_TIE) {
				cr->tied = kp_xrealloc(cr->tied, (cr->ntied + 1) *
						       sizeof(*cr->tied));
				cr->tied[cr->ntied++] = last->cands[i].no;
			}
	}
	cr->status = kp_rules_status(ct->closed, cr->nrounds, cr->unfilled);
	return status;
}

int kp_tally_congress(const struct kp_congress *cg, const char *only,
		      const struct kp_tally_opts *o, struct kp_results *res,
		      struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK, st;
	uint64_t errors = sink->errors;
	size_t i;

	memset(res, 0, sizeof(*res));
	res->cg = cg;
	if (only && !kp_congress_find(cg, only))
		return kp_error(sink, cg->contests_path, 0, 0,
				"no contest '%s' in this congress", only);
	res->contests = kp_xcalloc(cg->n, sizeof(*res->contests));
	for (i = 0; i < cg->n; i++) {
		struct kp_contest_result *cr;

		if (only && strcmp(cg->contests[i].id, only) != 0)
			continue;
		if (cg->contests[i].broken) {
			/* its error was reported; its ballots mean nothing */
			status = KP_EXIT_DATA;
			continue;
		}
		cr = &res->contests[res->n++];
		cr->ct = &cg->contests[i];
		st = tally_contest(cr, cg, o, sink);
		if (st == KP_EXIT_IO || status == KP_EXIT_OK)
			status = st;
	}
	if (status == KP_EXIT_OK && sink->errors > errors)
		status = KP_EXIT_DATA;
	return status;
}

void kp_results_release(struct kp_results *res)
{
	size_t i, j, k;

	if (!res)
		return;
	for (i = 0; i < res->n; i++) {
		struct kp_contest_result *cr = &res->contests[i];

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
	}
	free(res->contests);
	memset(res, 0, sizeof(*res));
}

int kp_results_pending(const struct kp_results *res)
{
	size_t i;

	for (i = 0; i < res->n; i++)
		if (res->contests[i].status == KP_STATUS_PENDING)
			return 1;
	return 0;
}
