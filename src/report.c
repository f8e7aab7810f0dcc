/* Text, JSON and CSV reports of a congress's results. */
#include "kiemphieu/report.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonbuf.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

int kp_format_parse(const char *name, enum kp_format *out)
{
	if (strcmp(name, "text") == 0)
		*out = KP_FORMAT_TEXT;
	else if (strcmp(name, "json") == 0)
		*out = KP_FORMAT_JSON;
	else if (strcmp(name, "csv") == 0)
		*out = KP_FORMAT_CSV;
	else if (strcmp(name, "xlsx") == 0)
		*out = KP_FORMAT_XLSX;
	else
		return -1;
	return 0;
}

static const char *cand_name(const struct kp_contest *ct, unsigned no)
{
	return no >= 1 && no <= ct->ncands ? ct->cands[no - 1].name : "?";
}

static char *pct(char out[24], uint64_t num, uint64_t den)
{
	return kp_rules_fmt_x100(out, kp_rules_percent_x100(num, den), '.');
}

/* --- text --- */

/* Append "too-many", "all-crossed", "void: TEXT" in the language (the
 * void ballot's own text is the counting board's, kept as written). */
static void add_reason(struct kp_buf *b, const char *r)
{
	if (strcmp(r, "too-many") == 0)
		kp_buf_addstr(b, P_("invalid ballot", "too-many"));
	else if (strcmp(r, "all-crossed") == 0)
		kp_buf_addstr(b, P_("invalid ballot", "all-crossed"));
	else if (strcmp(r, "no-choice") == 0)
		kp_buf_addstr(b, P_("invalid ballot", "no-choice"));
	else if (strcmp(r, "void: (other reasons)") == 0)
		kp_buf_addf(b, "%s: %s", P_("invalid ballot", "void"),
			    _("(other reasons)"));
	else if (strncmp(r, "void: ", 6) == 0)
		kp_buf_addf(b, "%s: %s", P_("invalid ballot", "void"), r + 6);
	else
		kp_buf_addstr(b, r);
}

static void text_reasons(struct kp_buf *b, const struct kp_round_result *rr)
{
	size_t i;

	if (!rr->nreasons)
		return;
	kp_buf_addstr(b, " (");
	for (i = 0; i < rr->nreasons; i++)
	{
		kp_buf_addstr(b, i ? ", " : "");
		add_reason(b, rr->reasons[i].text);
		kp_buf_addf(b, " %llu", (unsigned long long)rr->reasons[i].count);
	}
	kp_buf_addch(b, ')');
}

void kp_text_bar(struct kp_buf *b, uint64_t h, unsigned width)
{
	static const char *const eighths[] = {
		"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"
	};
	uint64_t e = (h > 10000 ? 10000 : h) * width * 8 / 10000;
	unsigned i;

	for (i = 0; i < e / 8; i++)
		kp_buf_addstr(b, "\u2588");
	kp_buf_addstr(b, eighths[e % 8]);
}

static const char *result_color(enum kp_result r)
{
	switch (r) {
	case KP_RESULT_ELECTED:
		return "\033[32m";	/* green */
	case KP_RESULT_RESERVE:
		return "\033[36m";	/* cyan */
	case KP_RESULT_TIE:
		return "\033[33;1m";	/* bold yellow: a re-vote is needed */
	case KP_RESULT_NOT_ELECTED:
		break;
	}
	return "\033[2m";		/* dim */
}

static void text_round(struct kp_buf *b, const struct kp_contest *ct,
		       const struct kp_round_result *rr,
		       const struct kp_text_style *st)
{
	const char *head[6] = {
		_("No"), _("Name"), _("Votes"), _("% base"), _("% valid"), _("Result")
	};
	size_t i, w[6], rw = 0, barw = 20;
	int bars = st && st->bars, show_label = 1, show[6] = { 1, 1, 1, 1, 1, 1 };
	char p1[24], p2[24];

	kp_buf_addstr(b, "\n  ");
	kp_buf_addf(b, Q_("Round %u: %llu seat to elect", "Round %u: %llu seats to elect",
			  rr->seats), rr->round, (unsigned long long)rr->seats);
	if (ct->kind == KP_KIND_DELEGATES)
		kp_buf_addf(b, _(" (%llu official, %llu reserve)"),
			    (unsigned long long)rr->official_open,
			    (unsigned long long)rr->reserve_open);
	kp_buf_addstr(b, ", ");
	kp_buf_addstr(b, rr->source == KP_SOURCE_RESULTS ?
		      _("counted from the minutes") : _("counted from the ballots"));
	if (rr->has_present || rr->has_issued) {
		kp_buf_addstr(b, "\n    ");
		if (rr->has_present) {
			kp_buf_addf(b, _("summoned %llu, present %llu, absent %llu"),
				    (unsigned long long)ct->base,
				    (unsigned long long)rr->present,
				    (unsigned long long)(ct->base - rr->present));
			if (rr->has_issued)
				kp_buf_addstr(b, ", ");
		}
		if (rr->has_issued)
			kp_buf_addf(b, _("issued %llu"),
				    (unsigned long long)rr->issued);
	}
	kp_buf_addstr(b, "\n    ");
	kp_buf_addf(b, _("ballots %llu, valid %llu, invalid %llu"),
		    (unsigned long long)rr->ballots,
		    (unsigned long long)rr->valid,
		    (unsigned long long)rr->invalid);
	text_reasons(b, rr);
	kp_buf_addstr(b, "\n    ");
	kp_buf_addf(b, _("valid x seats = votes cast + unused: %llu x %llu = %llu + %llu"),
		    (unsigned long long)rr->valid, (unsigned long long)rr->seats,
		    (unsigned long long)rr->votes_cast,
		    (unsigned long long)rr->unused);
	kp_buf_addch(b, '\n');
	/* columns as wide as their heading or their widest cell */
	for (i = 0; i < 6; i++)
		w[i] = kp_text_width(head[i]);
	if (w[0] < 3)
		w[0] = 3;
	if (w[2] < 6)
		w[2] = 6;
	if (w[3] < 7)
		w[3] = 7;
	if (w[4] < 7)
		w[4] = 7;
	for (i = 0; i < rr->ncands; i++) {
		size_t nw = kp_text_width(cand_name(ct, rr->cands[i].no));
		size_t r = kp_text_width(kp_result_text(rr->cands[i].result));

		if (nw > w[1])
			w[1] = nw;
		if (r > rw)
			rw = r;
	}
	if (w[5] > rw)
		rw = w[5];
	if (st && st->width) {
		/* fit the terminal: the bars shrink, then go, then names are
		 * cut, then the percentage columns go (of valid ballots first);
		 * a row never wraps (pipes and files keep the layout) */
		size_t fixed = 4 + w[0] + 2 + w[2] + 2 + w[3] + 2 + w[4] + 2 + rw;
		size_t limit = st->width - 1, label = kp_text_width(_("% of base"));

		for (i = 4; i >= 3 && fixed + 2 + 8 > limit; i--) {
			show[i] = 0;
			fixed -= w[i] + 2;
		}
		if (fixed + w[1] + 2 > limit)
			w[1] = limit > fixed + 2 + 6 ? limit - fixed - 2 : 6;
		barw = bars && limit > fixed + w[1] + 2 + 2 ? limit - fixed - w[1] - 4 : 0;
		if (barw > 20)
			barw = 20;
		if (barw < 8)
			bars = 0;
		else if (barw < label)
			show_label = 0;
	}
	kp_buf_addstr(b, "    ");
	kp_text_rcell(b, head[0], w[0]);
	kp_buf_addstr(b, "  ");
	kp_text_cell_cut(b, head[1], w[1]);
	for (i = 2; i < 5; i++) {
		if (!show[i])
			continue;
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, head[i], w[i]);
	}
	kp_buf_addstr(b, "  ");
	if (bars && show_label) {
		kp_text_cell(b, head[5], rw + 2);
		/* xgettext:no-c-format */
		kp_buf_addstr(b, _("% of base"));
	} else {
		kp_buf_addstr(b, head[5]);
	}
	kp_buf_addch(b, '\n');
	for (i = 0; i < rr->ncands; i++) {
		const struct kp_standing *s = &rr->cands[i];
		const char *res = kp_result_text(s->result);
		char t[24];

		snprintf(t, sizeof(t), "%u", s->no);
		kp_buf_addstr(b, "    ");
		kp_text_rcell(b, t, w[0]);
		kp_buf_addstr(b, "  ");
		kp_text_cell_cut(b, cand_name(ct, s->no), w[1]);
		snprintf(t, sizeof(t), "%llu", (unsigned long long)s->votes);
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, t, w[2]);
		if (show[3]) {
			kp_buf_addstr(b, "  ");
			kp_text_rcell(b, kp_percent_text(p1, kp_rules_percent_x100(s->votes, ct->base)), w[3]);
		}
		if (show[4]) {
			kp_buf_addstr(b, "  ");
			kp_text_rcell(b, kp_percent_text(p2, kp_rules_percent_x100(s->votes, rr->valid)), w[4]);
		}
		kp_buf_addstr(b, "  ");
		if (st && st->color)
			kp_buf_addf(b, "%s%s\033[0m", result_color(s->result), res);
		else
			kp_buf_addstr(b, res);
		if (bars) {
			/* the bar of the share of base */
			kp_buf_pad(b, ' ', rw + 2 - kp_text_width(res));
			kp_text_bar(b, kp_rules_percent_x100(s->votes, ct->base),
				    (unsigned)barw);
		}
		kp_buf_addch(b, '\n');
	}
}

static void text_list(struct kp_buf *b, const struct kp_contest *ct,
		      const char *title, const struct kp_elected *e, size_t n)
{
	size_t i, namew = 0;

	kp_buf_addf(b, "\n  %s:", title);
	if (!n) {
		kp_buf_addf(b, " %s\n", _("none"));
		return;
	}
	kp_buf_addch(b, '\n');
	for (i = 0; i < n; i++) {
		size_t w = kp_text_width(cand_name(ct, e[i].no));

		if (w > namew)
			namew = w;
	}
	for (i = 0; i < n; i++) {
		kp_buf_addf(b, "    %2zu. ", i + 1);
		kp_text_cell(b, cand_name(ct, e[i].no), namew);
		kp_buf_addstr(b, "  ");
		kp_buf_addf(b, Q_("no %u, round %u, %llu vote",
				  "no %u, round %u, %llu votes", e[i].votes),
			    e[i].no, e[i].round, (unsigned long long)e[i].votes);
		kp_buf_addch(b, '\n');
	}
}

void kp_report_text(struct kp_buf *b, const struct kp_results *res,
		    const struct kp_text_style *style)
{
	size_t i, j;
	char p[24], date[16];

	if (res->cg->info.name && res->cg->info.name[0])
		kp_buf_addf(b, _("Congress %s (%s)\n"), res->cg->info.name,
			    res->cg->org);
	else
		kp_buf_addf(b, _("Congress %s\n"), res->cg->org);
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];
		const struct kp_contest *ct = cr->ct;

		kp_buf_addf(b, "\n== %s: %s\n  ", ct->id, ct->title);
		kp_buf_addf(b, _("kind %s"), kp_kind_text(ct->kind));
		kp_buf_addstr(b, ", ");
		kp_buf_addf(b, Q_("%u seat", "%u seats", ct->seats), ct->seats);
		if (ct->reserves) {
			kp_buf_addstr(b, " + ");
			kp_buf_addf(b, Q_("%u reserve", "%u reserves", ct->reserves),
				    ct->reserves);
		}
		kp_buf_addstr(b, ", ");
		kp_buf_addf(b, _("base %llu"), (unsigned long long)ct->base);
		if (ct->has_issued) {
			kp_buf_addstr(b, ", ");
			kp_buf_addf(b, _("issued %llu"), (unsigned long long)ct->issued);
		}
		if (ct->date.year) {
			kp_buf_addstr(b, ", ");
			kp_buf_addf(b, _("held %s"), kp_date_text(date, &ct->date));
		}
		kp_buf_addstr(b, "\n  ");
		kp_buf_addf(b, _("status %s"), kp_status_text(cr->status));
		if (cr->unfilled) {
			kp_buf_addstr(b, ", ");
			kp_buf_addf(b, Q_("%llu seat open", "%llu seats open",
					  cr->unfilled),
				    (unsigned long long)cr->unfilled);
		}
		kp_buf_addstr(b, "\n  ");
		/* in three pieces, so that "1 candidate for 1 seat" agrees */
		kp_buf_addf(b, Q_("surplus: %llu candidate", "surplus: %llu candidates",
				  cr->surplus.candidates),
			    (unsigned long long)cr->surplus.candidates);
		kp_buf_addf(b, Q_(" for %llu seat", " for %llu seats", cr->surplus.seats),
			    (unsigned long long)cr->surplus.seats);
		kp_buf_addf(b, _(", surplus %lld (%s%%): %s"),
			    (long long)cr->surplus.surplus,
			    kp_percent_text(p, cr->surplus.percent_x100),
			    kp_verdict_text(cr->surplus.verdict));
		kp_buf_addch(b, '\n');
		if (cr->status == KP_STATUS_WAITING) {
			kp_buf_addstr(b, "\n  ");
			kp_buf_addf(b, _("Elected from the new committee: waits for "
					 "'%s' to be complete."), cr->waits_for->id);
			kp_buf_addch(b, '\n');
			continue;
		}
		if (!cr->nrounds) {
			kp_buf_addf(b, "\n  %s\n", _("No ballots yet."));
			continue;
		}
		for (j = 0; j < cr->nrounds; j++)
			text_round(b, ct, &cr->rounds[j], style);
		text_list(b, ct, _("Elected, in order of votes"), cr->elected,
			  cr->nelected);
		if (ct->reserves)
			text_list(b, ct, _("Reserves, in order of votes"),
				  cr->reserves, cr->nreserves);
		if (cr->ntied) {
			kp_buf_addf(b, "\n  %s", _("Tied, a further round is needed:"));
			for (j = 0; j < cr->ntied; j++)
				kp_buf_addf(b, "%s %u (%s)", j ? "," : "",
					    cr->tied[j], cand_name(ct, cr->tied[j]));
			kp_buf_addch(b, '\n');
		}
	}
}

/* --- JSON --- */

static json_t *jpct(uint64_t num, uint64_t den)
{
	/* hundredths are exact in decimal; printed with %.15g they come out
	 * as written, with no binary noise */
	return json_real((double)kp_rules_percent_x100(num, den) / 100.0);
}

static json_t *jnum(uint64_t v)
{
	return json_integer((json_int_t)v);
}

static json_t *jlist(const struct kp_contest *ct, const struct kp_elected *e,
		     size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I,s:s,s:I,s:I}",
			"no", (json_int_t)e[i].no, "name", cand_name(ct, e[i].no),
			"round", (json_int_t)e[i].round,
			"votes", (json_int_t)e[i].votes));
	return a;
}

static json_t *jround(const struct kp_contest *ct,
		      const struct kp_round_result *rr)
{
	json_t *o = json_object(), *reasons = json_object(), *cands = json_array();
	size_t i;

	json_object_set_new(o, "round", jnum(rr->round));
	json_object_set_new(o, "source", json_string(kp_source_name(rr->source)));
	json_object_set_new(o, "seats", jnum(rr->seats));
	json_object_set_new(o, "official_open", jnum(rr->official_open));
	json_object_set_new(o, "reserve_open", jnum(rr->reserve_open));
	json_object_set_new(o, "issued", rr->has_issued ? jnum(rr->issued) : json_null());
	json_object_set_new(o, "present", rr->has_present ? jnum(rr->present) : json_null());
	json_object_set_new(o, "ballots", jnum(rr->ballots));
	json_object_set_new(o, "valid", jnum(rr->valid));
	json_object_set_new(o, "invalid", jnum(rr->invalid));
	for (i = 0; i < rr->nreasons; i++)
		json_object_set_new(reasons, rr->reasons[i].text,
				    jnum(rr->reasons[i].count));
	json_object_set_new(o, "invalid_reasons", reasons);
	json_object_set_new(o, "votes_cast", jnum(rr->votes_cast));
	json_object_set_new(o, "unused", jnum(rr->unused));
	for (i = 0; i < rr->ncands; i++) {
		const struct kp_standing *s = &rr->cands[i];
		json_t *c = json_object();

		json_object_set_new(c, "no", jnum(s->no));
		json_object_set_new(c, "name", json_string(cand_name(ct, s->no)));
		json_object_set_new(c, "votes", jnum(s->votes));
		json_object_set_new(c, "percent_of_base", jpct(s->votes, ct->base));
		json_object_set_new(c, "percent_of_valid", jpct(s->votes, rr->valid));
		json_object_set_new(c, "result", json_string(kp_result_name(s->result)));
		json_array_append_new(cands, c);
	}
	json_object_set_new(o, "candidates", cands);
	return o;
}

static json_t *jcontest(const struct kp_contest_result *cr)
{
	const struct kp_contest *ct = cr->ct;
	json_t *o = json_object(), *rounds = json_array(), *tied = json_array();
	char date[16];
	size_t i;

	json_object_set_new(o, "contest", json_string(ct->id));
	json_object_set_new(o, "title", json_string(ct->title));
	json_object_set_new(o, "kind", json_string(kp_kind_name(ct->kind)));
	json_object_set_new(o, "seats", jnum(ct->seats));
	json_object_set_new(o, "reserves", jnum(ct->reserves));
	json_object_set_new(o, "base", jnum(ct->base));
	json_object_set_new(o, "issued", ct->has_issued ? jnum(ct->issued) : json_null());
	json_object_set_new(o, "present", ct->has_present ? jnum(ct->present) : json_null());
	json_object_set_new(o, "form", json_string(kp_form_name(ct->form)));
	if (ct->kind == KP_KIND_SECRETARY)
		json_object_set_new(o, "direct", json_boolean(ct->direct));
	if (ct->date.year) {
		snprintf(date, sizeof(date), "%04d-%02d-%02d", ct->date.year,
			 ct->date.month, ct->date.day);
		json_object_set_new(o, "date", json_string(date));
	} else {
		json_object_set_new(o, "date", json_null());
	}
	json_object_set_new(o, "status", json_string(kp_status_name(cr->status)));
	if (cr->waits_for)
		json_object_set_new(o, "waits_for", json_string(cr->waits_for->id));
	json_object_set_new(o, "surplus", json_pack("{s:I,s:I,s:I,s:o,s:s}",
		"candidates", (json_int_t)cr->surplus.candidates,
		"seats", (json_int_t)cr->surplus.seats,
		"surplus", (json_int_t)cr->surplus.surplus,
		"percent", json_real((double)cr->surplus.percent_x100 / 100.0),
		"verdict", kp_verdict_name(cr->surplus.verdict)));
	for (i = 0; i < cr->nrounds; i++)
		json_array_append_new(rounds, jround(ct, &cr->rounds[i]));
	json_object_set_new(o, "rounds", rounds);
	json_object_set_new(o, "elected", jlist(ct, cr->elected, cr->nelected));
	json_object_set_new(o, "reserves_elected",
			    jlist(ct, cr->reserves, cr->nreserves));
	json_object_set_new(o, "unfilled", jnum(cr->unfilled));
	for (i = 0; i < cr->ntied; i++)
		json_array_append_new(tied, jnum(cr->tied[i]));
	json_object_set_new(o, "tied", tied);
	return o;
}

static json_t *jaudit(const struct kp_report_meta *m)
{
	json_t *files = json_array();
	size_t i;

	for (i = 0; m->audit && i < m->audit->n; i++)
		json_array_append_new(files, json_pack("{s:s,s:s}",
			"path", m->audit->files[i].name,
			"sha256", m->audit->files[i].sha256));
	return json_pack("{s:s,s:s,s:{s:s,s:I,s:I},s:s,s:o}",
		"program", "kiemphieu", "version", m->version,
		"rules", "regulation", "QĐ 190-QĐ/TW (QĐ 244-QĐ/TW)",
		"surplus_min_percent", (json_int_t)m->limits->min_percent,
		"surplus_max_percent", (json_int_t)m->limits->max_percent,
		"congress", m->audit ? m->audit->congress : "",
		"files", files);
}

static json_t *jstr(const char *s)
{
	return s && s[0] ? json_string(s) : json_null();
}

static json_t *jday(const struct kp_date *d)
{
	char t[16];

	if (!d->year)
		return json_null();
	snprintf(t, sizeof(t), "%04d-%02d-%02d", d->year, d->month, d->day);
	return json_string(t);
}

/* Who the congress is (congress.csv, or its campaign's row): null where
 * not known. */
static json_t *jcongress(const struct kp_congress_info *in)
{
	json_t *j = json_object(), *board = json_array();
	size_t i;

	json_object_set_new(j, "name", jstr(in->name));
	json_object_set_new(j, "parent", jstr(in->parent));
	json_object_set_new(j, "term", jstr(in->term));
	json_object_set_new(j, "number", in->number ? json_integer(in->number) :
			    json_null());
	json_object_set_new(j, "place", jstr(in->place));
	json_object_set_new(j, "from", jday(&in->from));
	json_object_set_new(j, "to", jday(&in->to));
	json_object_set_new(j, "assembly", in->assembly == KP_ASSEMBLY_MEMBERS ?
			    json_string("members") : in->assembly == KP_ASSEMBLY_DELEGATES ?
			    json_string("delegates") : json_null());
	for (i = 0; i < in->nboard; i++)
		json_array_append_new(board, json_string(in->board[i]));
	json_object_set_new(j, "board_head", in->head_given ?
			    json_string(in->board[0]) : json_null());
	json_object_set_new(j, "board", board);
	return j;
}

void kp_report_json(struct kp_buf *b, const struct kp_results *res,
		    const struct kp_report_meta *meta)
{
	json_t *root = json_object(), *contests = json_array();
	size_t i;

	json_object_set_new(root, "org", json_string(res->cg->org));
	json_object_set_new(root, "dir", json_string(res->cg->dir));
	json_object_set_new(root, "congress", jcongress(&res->cg->info));
	json_object_set_new(root, "status",
			    json_string(kp_congress_status_name(res->status)));
	for (i = 0; i < res->n; i++)
		json_array_append_new(contests, jcontest(&res->contests[i]));
	json_object_set_new(root, "contests", contests);
	if (meta)
		json_object_set_new(root, "audit", jaudit(meta));
	kp_json_put(b, root);
	kp_buf_addch(b, '\n');
}

void kp_report_json_invalid(struct kp_buf *b, const char *org, const char *dir,
			    uint64_t errors)
{
	kp_json_put(b, json_pack("{s:s,s:s,s:b,s:I}", "org", org, "dir", dir,
				 "invalid", 1, "errors", (json_int_t)errors));
	kp_buf_addch(b, '\n');
}

/* --- CSV --- */

void kp_report_csv_invalid(struct kp_buf *b, const char *org, int header,
			   unsigned flags)
{
	const char *row[15] = { org, "", "", "", "", "", "", "", "", "", "", "",
				"", "invalid", "" };

	if (header) {
		struct kp_results none;

		memset(&none, 0, sizeof(none));
		kp_report_csv(b, &none, 1, flags);
	}
	kp_csv_put_row(b, row, 15, flags);
}

void kp_report_csv(struct kp_buf *b, const struct kp_results *res, int header,
		   unsigned flags)
{
	static const char *const cols[] = {
		"org", "contest", "kind", "round", "seats", "ballots", "valid",
		"invalid", "no", "name", "votes", "percent_of_base",
		"percent_of_valid", "result", "source"
	};
	size_t i, j, k;

	if (header)
		kp_csv_put_row(b, cols, sizeof(cols) / sizeof(cols[0]), flags);
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];
		const struct kp_contest *ct = cr->ct;

		if (!cr->nrounds) {
			/* an election not held yet is a row of its own, with
			 * its status for a result: no contest goes missing */
			char seats[24];
			const char *row[15] = { res->cg->org, ct->id,
						kp_kind_name(ct->kind), "", seats,
						"", "", "", "", "", "", "", "",
						kp_status_name(cr->status), "" };

			snprintf(seats, sizeof(seats), "%u", ct->seats + ct->reserves);
			kp_csv_put_row(b, row, 15, flags);
			continue;
		}
		for (j = 0; j < cr->nrounds; j++) {
			const struct kp_round_result *rr = &cr->rounds[j];

			for (k = 0; k < rr->ncands; k++) {
				const struct kp_standing *s = &rr->cands[k];
				char n[7][24], p1[24], p2[24];
				const char *row[15];

				snprintf(n[0], 24, "%u", rr->round);
				snprintf(n[1], 24, "%llu", (unsigned long long)rr->seats);
				snprintf(n[2], 24, "%llu", (unsigned long long)rr->ballots);
				snprintf(n[3], 24, "%llu", (unsigned long long)rr->valid);
				snprintf(n[4], 24, "%llu", (unsigned long long)rr->invalid);
				snprintf(n[5], 24, "%u", s->no);
				snprintf(n[6], 24, "%llu", (unsigned long long)s->votes);
				row[0] = res->cg->org;
				row[1] = ct->id;
				row[2] = kp_kind_name(ct->kind);
				row[3] = n[0];
				row[4] = n[1];
				row[5] = n[2];
				row[6] = n[3];
				row[7] = n[4];
				row[8] = n[5];
				row[9] = cand_name(ct, s->no);
				row[10] = n[6];
				row[11] = pct(p1, s->votes, ct->base);
				row[12] = pct(p2, s->votes, rr->valid);
				row[13] = kp_result_name(s->result);
				row[14] = kp_source_name(rr->source);
				kp_csv_put_row(b, row, 15, flags);
			}
		}
	}
}
