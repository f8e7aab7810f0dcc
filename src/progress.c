/* The progress report of a campaign: text, JSON and CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "progress.h"
#include "summary.h"
#include "jsonbuf.h"
#include "kiemphieu/batch.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

static char *x100(char out[24], uint64_t h)
{
	return kp_rules_fmt_x100(out, h, '.');
}

static void date_str(char out[16], const struct kp_date *d)
{
	if (d->year)
		snprintf(out, 16, "%04d-%02d-%02d", d->year, d->month, d->day);
	else
		out[0] = '\0';
}

static uint64_t mean_x100(const struct kp_progress *p)
{
	return p->members ? (p->pct_sum_x100 * 2 + p->members) / (2 * p->members) : 0;
}

/* --- text --- */

/* numbers and dates as the language writes them */
static char *tpct(char out[24], uint64_t num, uint64_t den)
{
	return kp_percent_text(out, kp_rules_percent_x100(num, den));
}

static size_t max_width(const char *const *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (kp_text_width(s[i]) > w)
			w = kp_text_width(s[i]);
	return w;
}

static void bar(struct kp_buf *b, const struct kp_text_style *st,
		uint64_t num, uint64_t den)
{
	unsigned w = 20;

	if (!st || !st->bars)
		return;
	if (st->width) {
		/* what the line already takes: the bar fits beside it, or goes */
		const char *nl = NULL;
		char *line;

		for (size_t k = b->len; k > 0 && !nl; k--)
			if (b->s[k - 1] == '\n')
				nl = b->s + k - 1;
		line = kp_xstrdup(nl ? nl + 1 : b->s ? b->s : "");
		size_t used = kp_text_width(line) + 2;

		free(line);
		if (used + 8 + 1 > st->width)
			return;
		if (used + w + 1 > st->width)
			w = (unsigned)(st->width - used - 1);
	}
	kp_buf_addstr(b, "  ");
	kp_text_bar(b, kp_rules_percent_x100(num, den), w);
}

static void text_completion(struct kp_buf *b, const struct kp_progress *p,
			    const struct kp_text_style *st)
{
	const char *label[3] = { _("congresses done"), _("pilots done"),
				 _("congresses started") };
	size_t i, w = max_width(label, 3) + 2, *rank;
	char a[24], date[16];

	kp_buf_addf(b, "\n\n%s\n", _("Completion"));
	for (i = 0; i < 3; i++) {
		uint64_t done = i == 0 ? p->done : i == 1 ? p->pilots_done : p->started;
		uint64_t total = i == 1 ? p->pilots : p->total;

		if (i == 1 && !p->pilots)
			continue;
		kp_buf_addstr(b, "  ");
		kp_text_cell(b, label[i], w);
		kp_buf_addf(b, "%llu/%llu (%s%%)", (unsigned long long)done,
			    (unsigned long long)total, tpct(a, done, total));
		bar(b, st, done, total);
		kp_buf_addch(b, '\n');
	}
	if (p->suspended || p->postponed)
		kp_buf_addf(b, _("  suspended %llu, postponed %llu\n"),
			    (unsigned long long)p->suspended,
			    (unsigned long long)p->postponed);
	if (p->nlevels > 1 || (p->nlevels == 1 && p->levels[0].level[0])) {
		kp_buf_addf(b, "  %s\n", _("By level (done/total, started)"));
		w = kp_text_width(_("(none)"));
		for (i = 0; i < p->nlevels; i++)
			if (kp_text_width(p->levels[i].level) > w)
				w = kp_text_width(p->levels[i].level);
		for (i = 0; i < p->nlevels; i++) {
			const struct kp_level_count *l = &p->levels[i];

			kp_buf_addstr(b, "    ");
			kp_text_cell(b, l->level[0] ? l->level : _("(none)"), w + 2);
			kp_buf_addf(b, "%llu/%llu, %llu", (unsigned long long)l->done,
				    (unsigned long long)l->total,
				    (unsigned long long)l->started);
			bar(b, st, l->done, l->total);
			kp_buf_addch(b, '\n');
		}
	}
	/* the parents, with the day each finished and its place */
	rank = kp_xcalloc(p->nparents + 1, sizeof(*rank));
	for (i = 0; i < p->nfinished; i++)
		rank[p->finish_order[i]] = i + 1;
	kp_buf_addf(b, "  %s\n", _("By parent (done/total, the day all were done)"));
	w = kp_text_width(_("(none)"));
	for (i = 0; i < p->nparents; i++)
		if (kp_text_width(p->parents[i].parent) > w)
			w = kp_text_width(p->parents[i].parent);
	for (i = 0; i < p->nparents; i++) {
		char t[32], r[32];

		kp_buf_addstr(b, "    ");
		kp_text_cell(b, p->parents[i].parent[0] ? p->parents[i].parent : _("(none)"),
			     w + 2);
		snprintf(t, sizeof(t), "%llu/%llu", (unsigned long long)p->parents[i].done,
			 (unsigned long long)p->parents[i].total);
		if (rank[i]) {
			kp_text_cell(b, t, 9);
			kp_date_text(date, &p->parents[i].finished);
			kp_buf_addf(b, "%s %s", date, kp_rank_text(r, rank[i]));
		} else {
			kp_buf_addstr(b, t);
			bar(b, st, p->parents[i].done, p->parents[i].total);
		}
		kp_buf_addch(b, '\n');
	}
	free(rank);
}

static void text_not_done(struct kp_buf *b, const struct kp_progress *p,
			  const struct kp_text_style *st)
{
	const struct kp_campaign *c = p->c;
	size_t i, k, j, *order, n = 0, *start;
	char date[16];

	kp_buf_addf(b, _("\nNot done (%llu)\n"), (unsigned long long)p->not_done);
	/* under their parents, in the parents' order: a counting sort */
	start = kp_xcalloc(p->nparents + 2, sizeof(*start));
	order = kp_xcalloc(c->n + 1, sizeof(*order));
	for (i = 0; i < c->n; i++)
		if (p->selected[i] && p->s[i].status != KP_ORG_DONE)
			start[p->parent_of[i] + 1]++;
	for (j = 0; j < p->nparents; j++)
		start[j + 1] += start[j];
	for (i = 0; i < c->n; i++)
		if (p->selected[i] && p->s[i].status != KP_ORG_DONE)
			order[start[p->parent_of[i]]++] = i, n++;
	for (k = 0; k < n; k++) {
		const struct kp_org *o = &c->orgs[order[k]];
		const struct kp_summary *s = &p->s[order[k]];
		const char *status = kp_org_status_text(s->status);

		i = order[k];
		if (!k || p->parent_of[order[k - 1]] != p->parent_of[i])
			kp_buf_addf(b, "  %s\n", o->parent[0] ? o->parent : _("no parent"));
		kp_buf_addf(b, "    %s: %s%s%s%s\n", o->id, o->name,
			    o->pilot ? " (" : "", o->pilot ? _("pilot") : "",
			    o->pilot ? ")" : "");
		if (st && st->color)
			kp_buf_addf(b, "      %s%s\033[0m", s->status == KP_ORG_INVALID ?
				    "\033[31;1m" : "\033[33m", status);
		else
			kp_buf_addf(b, "      %s", status);
		if (o->state != KP_STATE_ACTIVE) {
			kp_buf_addf(b, ", %s", o->state == KP_STATE_SUSPENDED ?
				    _("suspended") : _("postponed"));
			if (o->state_reason && o->state_reason[0])
				kp_buf_addf(b, " (%s)", o->state_reason);
		}
		if (p->overdue[i]) {
			kp_date_text(date, &o->scheduled);
			kp_buf_addstr(b, ", ");
			kp_buf_addstr(b, st && st->color ? "\033[31m" : "");
			kp_buf_addstr(b, _("overdue"));
			kp_buf_addstr(b, st && st->color ? "\033[0m" : "");
			kp_buf_addf(b, _(": scheduled %s"), date);
		}
		if (s->reason_text)
			kp_buf_addf(b, ": %s", s->reason_text);
		kp_buf_addch(b, '\n');
		for (j = 0; j < s->nerrors; j++)
			kp_buf_addf(b, "        %s\n", s->errors_text[j]);
	}
	free(start);
	free(order);
}

static void text_surplus(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_campaign *c = p->c;
	char a[24], d[24], e[24];
	size_t i, k;

	kp_buf_addch(b, '\n');
	kp_buf_addf(b, Q_("Committee lists: the surplus (%llu list)\n",
			  "Committee lists: the surplus (%llu lists)\n", p->lists),
		    (unsigned long long)p->lists);
	if (!p->lists)
		return;
	kp_buf_addf(b, _("  at least %u%%: %llu/%llu; within %u-%u%%: %llu/%llu\n"),
		    p->o->limits.min_percent, (unsigned long long)p->lists_min,
		    (unsigned long long)p->lists, p->o->limits.min_percent,
		    p->o->target_max, (unsigned long long)p->lists_target,
		    (unsigned long long)p->lists);
	kp_buf_addf(b, _("  min %s%%, median %s%%, max %s%%\n"),
		    kp_percent_text(a, p->surplus_min_x100),
		    kp_percent_text(d, p->surplus_median_x100),
		    kp_percent_text(e, p->surplus_max_x100));
	kp_buf_addf(b, _("  breaking the rules: %s"),
		    p->lists_breaking ? "" : _("none"));
	for (i = 0, k = 0; i < c->n; i++) {
		const struct kp_summary *s = &p->s[i];

		if (!p->breaking[i])
			continue;
		kp_buf_addf(b, "%s%s (", k++ ? ", " : "", c->orgs[i].id);
		kp_buf_addf(b, _("%llu for %llu seats, %s%%, %s"),
			    (unsigned long long)s->surplus.candidates,
			    (unsigned long long)s->surplus.seats,
			    kp_percent_text(a, s->surplus.percent_x100),
			    kp_verdict_text(s->surplus.verdict));
		kp_buf_addch(b, ')');
	}
	kp_buf_addch(b, '\n');
}

static void text_composition(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_campaign *c = p->c;
	const char *cols[5] = { _("org"), _("members"), _("women"), _("was"), _("young") };
	size_t i, cw, w;
	char a[24];

	if (!p->composition_orgs)
		return;
	kp_buf_addch(b, '\n');
	kp_buf_addf(b, Q_("Women and young, per congress, new against outgoing "
			  "(%llu congress; young: under %u)\n",
			  "Women and young, per congress, new against outgoing "
			  "(%llu congresses; young: under %u)\n", p->composition_orgs),
		    (unsigned long long)p->composition_orgs, p->o->young_under);
	/* per congress: org, members, women, was, young, was */
	w = kp_text_width(cols[0]);
	for (i = 0; i < c->n; i++)
		if (p->selected[i] && kp_text_width(c->orgs[i].id) > w)
			w = kp_text_width(c->orgs[i].id);
	cw = 7;
	for (i = 1; i < 5; i++)
		if (kp_text_width(cols[i]) > cw)
			cw = kp_text_width(cols[i]);
	kp_buf_addstr(b, "  ");
	kp_text_cell(b, cols[0], w);
	for (i = 1; i < 6; i++) {
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, cols[i < 5 ? i : 3], cw);
	}
	kp_buf_addch(b, '\n');
	for (i = 0; i < c->n; i++) {
		const struct kp_summary *s = &p->s[i];
		char t[40];
		size_t k;

		if (!p->selected[i] || s->status == KP_ORG_INVALID ||
		    !s->committee_complete || !s->has_prev || !s->members)
			continue;
		kp_buf_addstr(b, "  ");
		kp_text_cell(b, c->orgs[i].id, w);
		snprintf(t, sizeof(t), "%llu", (unsigned long long)s->members);
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, t, cw);
		for (k = 0; k < 4; k++) {
			uint64_t num = k == 0 ? s->women : k == 1 ? s->prev_women :
				       k == 2 ? s->young : s->prev_young;
			uint64_t den = k % 2 ? s->prev_members : s->members;

			snprintf(t, sizeof(t), "%s%%", tpct(a, num, den));
			kp_buf_addstr(b, "  ");
			kp_text_rcell(b, t, cw);
		}
		kp_buf_addch(b, '\n');
	}
}

void kp_progress_text(struct kp_buf *b, const struct kp_progress *p,
		      const struct kp_text_style *st)
{
	char a[24], d[24], date[16];

	kp_date_text(date, &p->o->as_of);
	kp_buf_addf(b, Q_("Campaign %s, as of %s: %llu congress",
			  "Campaign %s, as of %s: %llu congresses", p->total),
		    p->c->name, date, (unsigned long long)p->total);
	if (p->o->pilots_only)
		kp_buf_addf(b, ", %s", _("pilots only"));
	if (p->o->parent)
		kp_buf_addf(b, _(", under %s"), p->o->parent);
	text_completion(b, p, st);
	text_not_done(b, p, st);
	text_surplus(b, p);
	kp_buf_addch(b, '\n');
	kp_buf_addf(b, _("Committees filled in one round: %llu of %llu done "
			 "congresses\n"), (unsigned long long)p->one_round,
		    (unsigned long long)p->one_round_of);
	kp_buf_addf(b, _("Seats decided: %llu, filled: %llu"),
		    (unsigned long long)p->seats_decided,
		    (unsigned long long)p->seats_filled);
	if (p->seats_filled < p->seats_decided)
		kp_buf_addf(b, Q_("; %llu unfilled (elected fewer than the seats) in "
				  "%llu congress", "; %llu unfilled (elected fewer "
				  "than the seats) in %llu congresses", p->unfilled_orgs),
			    (unsigned long long)(p->seats_decided - p->seats_filled),
			    (unsigned long long)p->unfilled_orgs);
	kp_buf_addch(b, '\n');
	kp_buf_addch(b, '\n');
	kp_buf_addf(b, Q_("Vote concentration: %llu elected committee member\n",
			  "Vote concentration: %llu elected committee members\n",
			  p->members), (unsigned long long)p->members);
	if (p->members)
		kp_buf_addf(b, _("  mean %s%% of base, lowest %s%%; over 80%%: %llu, "
				 "over 90%%: %llu\n"),
			    kp_percent_text(a, mean_x100(p)),
			    kp_percent_text(d, p->pct_min_x100),
			    (unsigned long long)p->over80,
			    (unsigned long long)p->over90);
	kp_progress_people_text(b, p);
	text_composition(b, p);
}

/* --- JSON --- */

/* A day as a string, in a static buffer (one at a time). */
static const char *date_of(const struct kp_date *d)
{
	static char s[16];

	date_str(s, d);
	return s;
}

static json_t *jpct(uint64_t num, uint64_t den)
{
	return json_real((double)kp_rules_percent_x100(num, den) / 100.0);
}

static json_t *jx100(uint64_t h)
{
	return json_real((double)h / 100.0);
}

static json_t *jpp(uint64_t a_num, uint64_t a_den, uint64_t b_num, uint64_t b_den)
{
	int64_t a = (int64_t)kp_rules_percent_x100(a_num, a_den);
	int64_t b = (int64_t)kp_rules_percent_x100(b_num, b_den);

	return json_real((double)(a - b) / 100.0);
}

static json_t *jcount(uint64_t reported, uint64_t total)
{
	return json_pack("{s:I,s:I}", "reported", (json_int_t)reported, "total",
			 (json_int_t)total);
}

static json_t *jorg(const struct kp_progress *p, size_t i)
{
	const struct kp_org *o = &p->c->orgs[i];
	const struct kp_summary *s = &p->s[i];
	json_t *j = json_object(), *errs = json_array(), *t;
	size_t k;

	kp_org_to_json(j, o);
	json_object_set_new(j, "status", json_string(kp_org_status_name(s->status)));
	json_object_set_new(j, "overdue", json_boolean(p->overdue[i]));
	json_object_set_new(j, "reason", json_string(s->reason ? s->reason : ""));
	for (k = 0; k < s->nerrors; k++)
		json_array_append_new(errs, json_string(s->errors[k]));
	json_object_set_new(j, "errors", errs);
	json_object_set_new(j, "ballots", json_integer((json_int_t)s->ballots));
	json_object_set_new(j, "by_minutes", json_boolean(s->by_minutes));
	json_object_set_new(j, "via", o->via ?
			    json_string(p->c->merged[o->via - 1].file) : json_null());
	t = json_object();
	for (k = 0; k < p->ntargets; k++) {
		unsigned char m = p->target_met[i * KP_TARGETS_MAX + k];

		json_object_set_new(t, kp_target_name(p->targets[k].t.figure),
				    m == 1 ? json_string("met") : m == 2 ?
				    json_string("not-met") : json_null());
	}
	json_object_set_new(j, "targets", t);
	json_object_set_new(j, "summary", kp_summary_to_json(s));
	if (s->status == KP_ORG_INVALID || !s->has_committee) {
		json_object_set_new(j, "committee", json_null());
		return j;
	}
	{
		json_t *cm = json_object();

		json_object_set_new(cm, "surplus", json_pack("{s:I,s:I,s:I,s:o,s:s}",
			"candidates", (json_int_t)s->surplus.candidates,
			"seats", (json_int_t)s->surplus.seats,
			"surplus", (json_int_t)s->surplus.surplus,
			"percent", jx100(s->surplus.percent_x100),
			"verdict", kp_verdict_name(s->surplus.verdict)));
		json_object_set_new(cm, "complete", json_boolean(s->committee_complete));
		json_object_set_new(cm, "one_round", json_boolean(s->one_round));
		if (s->committee_complete) {
			json_object_set_new(cm, "members", json_integer((json_int_t)s->members));
			json_object_set_new(cm, "women", json_integer((json_int_t)s->women));
			json_object_set_new(cm, "young", json_integer((json_int_t)s->young));
			json_object_set_new(cm, "mean_percent_of_base",
					    jx100(s->members ? (s->pct_sum_x100 * 2 + s->members) /
							       (2 * s->members) : 0));
			json_object_set_new(cm, "lowest_percent_of_base",
					    jx100(s->members ? s->pct_min_x100 : 0));
			json_object_set_new(cm, "over_80", json_integer((json_int_t)s->over80));
			json_object_set_new(cm, "over_90", json_integer((json_int_t)s->over90));
		}
		if (s->has_prev)
			json_object_set_new(cm, "previous", json_pack("{s:I,s:I,s:I}",
				"members", (json_int_t)s->prev_members,
				"women", (json_int_t)s->prev_women,
				"young", (json_int_t)s->prev_young));
		else
			json_object_set_new(cm, "previous", json_null());
		json_object_set_new(j, "committee", cm);
	}
	return j;
}

/* The array of congresses (only those not done, when asked), written one
 * object at a time: a nationwide campaign never sits whole in jansson. */
/* Each selected congress's JSON object, written by several threads: for a
 * nationwide campaign this is most of the JSON's time. */
struct rendering {
	const struct kp_progress *p;
	char **json;		/* json[i]: org i's object, NULL if not selected */
};

static void render_org(void *ctx, size_t i)
{
	struct rendering *r = ctx;
	json_t *j;

	if (!r->p->selected[i])
		return;
	j = jorg(r->p, i);
	r->json[i] = json_dumps(j, KP_JSON_FLAGS);
	if (!r->json[i])
		kp_xdie_oom(0); /* jansson fails only without memory */
	json_decref(j);
}

static void rendered(void *ctx, size_t i)
{
	(void)ctx;
	(void)i;
}

static void put_orgs(struct kp_buf *b, const struct kp_progress *p,
		     char *const *json, int not_done_only)
{
	size_t i;
	int first = 1;

	kp_buf_addch(b, '[');
	for (i = 0; i < p->c->n; i++) {
		if (!json[i] || (not_done_only && p->s[i].status == KP_ORG_DONE))
			continue;
		if (!first)
			kp_buf_addch(b, ',');
		kp_buf_addstr(b, json[i]);
		first = 0;
	}
	kp_buf_addch(b, ']');
}

/* Where a placeholder string stands in the dump, written in its place.
 * Input text cannot hold U+0001 (control characters are not text), so
 * the placeholders are unique. */
#define NOT_DONE_MARK "\001not_done\001"
#define ORGS_MARK "\001orgs\001"

void kp_progress_json(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_campaign *c = p->c;
	json_t *root = json_object(), *parents = json_array();
	json_t *breaking = json_array(), *st;
	uint64_t by[4] = { 0, 0, 0, 0 }, overdue = 0;
	char date[16], *s, *mark1, *mark2;
	size_t i;

	date_str(date, &p->o->as_of);
	json_object_set_new(root, "kind", json_string("kiemphieu-progress"));
	json_object_set_new(root, "format", json_integer(2));
	json_object_set_new(root, "version", json_string(KP_VERSION));
	json_object_set_new(root, "campaign", json_string(c->name));
	json_object_set_new(root, "as_of", json_string(date));
	json_object_set_new(root, "filters", json_pack("{s:b,s:o,s:o}",
		"pilot", p->o->pilots_only,
		"parent", p->o->parent ? json_string(p->o->parent) : json_null(),
		"level", p->o->level ? json_string(p->o->level) : json_null()));
	{
		json_t *opt = json_object(), *bands = json_array(), *tg = json_array();

		json_object_set_new(opt, "young_under", json_integer(p->o->young_under));
		for (i = 0; i < p->o->bands.n; i++)
			json_array_append_new(bands, json_integer(p->o->bands.b[i]));
		json_object_set_new(opt, "age_bands", bands);
		for (i = 0; i < p->o->ntargets; i++)
			json_array_append_new(tg, json_pack("{s:s,s:I}", "figure",
				kp_target_name(p->o->targets[i].figure), "percent",
				(json_int_t)p->o->targets[i].percent));
		json_object_set_new(opt, "targets", tg);
		json_object_set_new(root, "options", opt);
	}
	json_object_set_new(root, "congresses", jcount(p->done, p->total));
	json_object_set_new(root, "pilots", jcount(p->pilots_done, p->pilots));
	for (i = 0; i < c->n; i++) {
		if (!p->selected[i])
			continue;
		by[p->s[i].status]++;
		overdue += p->overdue[i];
		if (p->breaking[i])
			json_array_append_new(breaking, json_pack("{s:s,s:I,s:I,s:o,s:s}",
				"org", c->orgs[i].id,
				"candidates", (json_int_t)p->s[i].surplus.candidates,
				"seats", (json_int_t)p->s[i].surplus.seats,
				"percent", jx100(p->s[i].surplus.percent_x100),
				"verdict", kp_verdict_name(p->s[i].surplus.verdict)));
	}
	st = json_object();
	for (i = 0; i < 4; i++)
		json_object_set_new(st, kp_org_status_name((enum kp_org_status)i),
				    json_integer((json_int_t)by[i]));
	json_object_set_new(st, "overdue", json_integer((json_int_t)overdue));
	json_object_set_new(root, "by_status", st);
	{
		json_t *cp = json_object(), *lv = json_array();

		json_object_set_new(cp, "total", json_integer((json_int_t)p->total));
		json_object_set_new(cp, "started", json_integer((json_int_t)p->started));
		json_object_set_new(cp, "done", json_integer((json_int_t)p->done));
		json_object_set_new(cp, "suspended", json_integer((json_int_t)p->suspended));
		json_object_set_new(cp, "postponed", json_integer((json_int_t)p->postponed));
		json_object_set_new(cp, "overdue", json_integer((json_int_t)overdue));
		json_object_set_new(cp, "done_percent", jpct(p->done, p->total));
		json_object_set_new(cp, "started_percent", jpct(p->started, p->total));
		for (i = 0; i < p->nlevels; i++)
			json_array_append_new(lv, json_pack("{s:s,s:I,s:I,s:I}",
				"level", p->levels[i].level,
				"total", (json_int_t)p->levels[i].total,
				"started", (json_int_t)p->levels[i].started,
				"done", (json_int_t)p->levels[i].done));
		json_object_set_new(cp, "levels", lv);
		json_object_set_new(root, "completion", cp);
	}
	{
		size_t *rank = kp_xcalloc(p->nparents + 1, sizeof(*rank));

		for (i = 0; i < p->nfinished; i++)
			rank[p->finish_order[i]] = i + 1;
		for (i = 0; i < p->nparents; i++)
			json_array_append_new(parents, json_pack("{s:s,s:I,s:I,s:I,s:o,s:o}",
				"parent", p->parents[i].parent,
				"reported", (json_int_t)p->parents[i].done,
				"total", (json_int_t)p->parents[i].total,
				"started", (json_int_t)p->parents[i].started,
				"finished", rank[i] ? json_string(date_of(&p->parents[i].finished)) :
						      json_null(),
				"rank", rank[i] ? json_integer((json_int_t)rank[i]) : json_null()));
		free(rank);
	}
	json_object_set_new(root, "parents", parents);
	json_object_set_new(root, "not_done", json_string(NOT_DONE_MARK));
	json_object_set_new(root, "surplus", json_pack("{s:I,s:I,s:I,s:I,s:I,s:[I,I],s:o,s:o,s:o,s:o}",
		"lists", (json_int_t)p->lists,
		"at_least_min", (json_int_t)p->lists_min,
		"within_target", (json_int_t)p->lists_target,
		"breaking", (json_int_t)p->lists_breaking,
		"min_percent", (json_int_t)p->o->limits.min_percent,
		"target_percent", (json_int_t)p->o->limits.min_percent,
		(json_int_t)p->o->target_max,
		"min", p->lists ? jx100(p->surplus_min_x100) : json_null(),
		"median", p->lists ? jx100(p->surplus_median_x100) : json_null(),
		"max", p->lists ? jx100(p->surplus_max_x100) : json_null(),
		"breaking_lists", breaking));
	json_object_set_new(root, "one_round", jcount(p->one_round, p->one_round_of));
	json_object_set_new(root, "concentration", json_pack("{s:I,s:o,s:o,s:I,s:I}",
		"members", (json_int_t)p->members,
		"mean_percent_of_base", p->members ? jx100(mean_x100(p)) : json_null(),
		"lowest_percent_of_base", p->members ? jx100(p->pct_min_x100) : json_null(),
		"over_80", (json_int_t)p->over80,
		"over_90", (json_int_t)p->over90));
	{
		json_t *cmp = json_object();
		int any = p->new_members && p->prev_members;

		json_object_set_new(cmp, "congresses", json_integer((json_int_t)p->composition_orgs));
		json_object_set_new(cmp, "young_under", json_integer(p->o->young_under));
		json_object_set_new(cmp, "new", json_pack("{s:I,s:I,s:I,s:o,s:o}",
			"members", (json_int_t)p->new_members,
			"women", (json_int_t)p->new_women,
			"young", (json_int_t)p->new_young,
			"women_percent", any ? jpct(p->new_women, p->new_members) : json_null(),
			"young_percent", any ? jpct(p->new_young, p->new_members) : json_null()));
		json_object_set_new(cmp, "previous", json_pack("{s:I,s:I,s:I,s:o,s:o}",
			"members", (json_int_t)p->prev_members,
			"women", (json_int_t)p->prev_women,
			"young", (json_int_t)p->prev_young,
			"women_percent", any ? jpct(p->prev_women, p->prev_members) : json_null(),
			"young_percent", any ? jpct(p->prev_young, p->prev_members) : json_null()));
		json_object_set_new(cmp, "women_change_pp", any ?
			jpp(p->new_women, p->new_members, p->prev_women, p->prev_members) : json_null());
		json_object_set_new(cmp, "young_change_pp", any ?
			jpp(p->new_young, p->new_members, p->prev_young, p->prev_members) : json_null());
		json_object_set_new(root, "composition", cmp);
	}
	kp_progress_people_json(root, p);
	{
		json_t *sm = json_array();

		for (i = 0; i < c->nmerged; i++)
			json_array_append_new(sm, json_pack("{s:s,s:s,s:s,s:s,s:s,s:I}",
				"file", c->merged[i].file,
				"sha256", c->merged[i].sha256,
				"version", c->merged[i].version,
				"campaign", c->merged[i].campaign,
				"as_of", c->merged[i].as_of,
				"congresses", (json_int_t)c->merged[i].n));
		json_object_set_new(root, "summaries", sm);
	}
	json_object_set_new(root, "orgs", json_string(ORGS_MARK));
	s = json_dumps(root, KP_JSON_FLAGS);
	if (!s)
		kp_xdie_oom(0); /* jansson fails only without memory */
	json_decref(root);
	mark1 = strstr(s, "\"\\u0001not_done\\u0001\"");
	mark2 = strstr(s, "\"\\u0001orgs\\u0001\"");
	if (!mark1 || !mark2 || mark2 < mark1)
		abort(); /* the dump always holds both, in this order */
	{
		struct rendering r = { p, kp_xcalloc(c->n + 1, sizeof(char *)) };
		struct kp_batch batch = { c->n, p->o->jobs, render_org, rendered, &r };

		kp_batch_run(&batch);
		kp_buf_add(b, s, (size_t)(mark1 - s));
		put_orgs(b, p, r.json, 1);
		mark1 += strlen("\"\\u0001not_done\\u0001\"");
		kp_buf_add(b, mark1, (size_t)(mark2 - mark1));
		put_orgs(b, p, r.json, 0);
		for (i = 0; i < c->n; i++)
			free(r.json[i]);
		free(r.json);
	}
	kp_buf_addstr(b, mark2 + strlen("\"\\u0001orgs\\u0001\""));
	kp_buf_addch(b, '\n');
	free(s);
}

/* --- CSV: one row per congress --- */

/* The composition of body `k` of a summary, with the congress's own
 * threshold of young. */
static void body_comp(struct kp_comp *c, const struct kp_progress *p, size_t i,
		      int k, int prev)
{
	const struct kp_summary *s = &p->s[i];
	const struct kp_body *b = prev ? &s->prev_bodies[k] : &s->bodies[k];
	unsigned young = kp_progress_young_under(p->o, &p->c->orgs[i]);
	size_t j;

	kp_comp_init(c);
	if (!b->decided)
		return;
	for (j = 0; j < b->n; j++)
		kp_comp_add(c, &b->people[j], young, &p->o->bands);
}

static char *num(char out[24], uint64_t v)
{
	snprintf(out, 24, "%llu", (unsigned long long)v);
	return out;
}

/* "n" when known of everyone, else "" (a share of fewer people than the
 * body would be read as the body's) */
static char *num_if(char out[24], uint64_t v, uint64_t known, uint64_t n)
{
	out[0] = '\0';
	return n && known == n ? num(out, v) : out;
}

#define PROGRESS_COLS 38

void kp_progress_csv(struct kp_buf *b, const struct kp_progress *p,
		     unsigned flags)
{
	static const char *const fixed[PROGRESS_COLS] = {
		"org", "name", "parent", "pilot", "scheduled", "status", "overdue",
		"reason", "surplus_percent", "surplus_verdict", "one_round",
		"members", "mean_percent_of_base", "lowest_percent_of_base",
		"over_80", "over_90", "women", "young", "prev_members",
		"prev_women", "prev_young",
		"level", "state", "state_reason", "started", "by_minutes",
		"seats", "filled", "summoned", "present", "ethnic_minority",
		"reelected", "first_time", "not_reelected", "age_mean",
		"secretaries", "standing_with_woman", "via"
	};
	const struct kp_campaign *c = p->c;
	const char *cols[PROGRESS_COLS + KP_TARGETS_MAX];
	char tnames[KP_TARGETS_MAX][40];
	size_t i, k, ncols = PROGRESS_COLS + p->ntargets;

	for (k = 0; k < PROGRESS_COLS; k++)
		cols[k] = fixed[k];
	for (k = 0; k < p->ntargets; k++) {
		snprintf(tnames[k], sizeof(tnames[k]), "target_%s",
			 kp_target_name(p->targets[k].t.figure));
		cols[PROGRESS_COLS + k] = tnames[k];
	}
	kp_csv_put_row(b, cols, ncols, flags);
	for (i = 0; i < c->n; i++) {
		const struct kp_org *o = &c->orgs[i];
		const struct kp_summary *s = &p->s[i];
		char n[30][24], date[16];
		const char *row[PROGRESS_COLS + KP_TARGETS_MAX];
		int com = s->status != KP_ORG_INVALID && s->has_committee;
		int fin = com && s->committee_complete;
		int valid = s->status != KP_ORG_INVALID;

		if (!p->selected[i])
			continue;
		for (k = 0; k < 30; k++)
			n[k][0] = '\0';
		date_str(date, &o->scheduled);
		if (com) {
			x100(n[0], s->surplus.percent_x100);
			snprintf(n[1], 24, "%s", kp_verdict_name(s->surplus.verdict));
		}
		if (fin) {
			snprintf(n[2], 24, "%s", s->one_round ? "yes" : "no");
			num(n[3], s->members);
			x100(n[4], s->members ? (s->pct_sum_x100 * 2 + s->members) /
					      (2 * s->members) : 0);
			x100(n[5], s->members ? s->pct_min_x100 : 0);
			num(n[6], s->over80);
			num(n[7], s->over90);
			num(n[8], s->women);
			num(n[9], s->young);
		}
		if (com && s->has_prev) {
			num(n[10], s->prev_members);
			num(n[11], s->prev_women);
			num(n[12], s->prev_young);
		}
		if (valid) {
			struct kp_comp cc;
			const struct kp_body *sec = &s->bodies[KP_BODY_SECRETARY];
			const struct kp_body *st = &s->bodies[KP_BODY_STANDING];

			num(n[13], s->seats);
			num(n[14], s->filled);
			if (s->summoned)
				num(n[15], s->summoned);
			if (s->has_present)
				num(n[16], s->present);
			body_comp(&cc, p, i, KP_BODY_COMMITTEE, 0);
			if (s->bodies[KP_BODY_COMMITTEE].decided) {
				num_if(n[17], cc.minority, cc.ethnicity_known, cc.n);
				num_if(n[18], cc.reelected, cc.incumbent_known, cc.n);
				num_if(n[19], cc.first_time, cc.incumbent_known, cc.n);
				if (cc.age_known == cc.n && cc.n)
					snprintf(n[21], 24, "%llu.%llu",
						 (unsigned long long)(kp_comp_age_mean_x10(&cc) / 10),
						 (unsigned long long)(kp_comp_age_mean_x10(&cc) % 10));
			}
			if (s->has_not_reelected)
				num(n[20], s->not_reelected);
			kp_comp_release(&cc);
			if (sec->decided)
				num(n[22], sec->n);
			if (st->decided) {
				int woman = 0;

				for (k = 0; k < st->n; k++)
					woman |= st->people[k].gender == 'F';
				snprintf(n[23], 24, "%s", woman ? "yes" : "no");
			}
		}
		row[0] = o->id;
		row[1] = o->name;
		row[2] = o->parent;
		row[3] = o->pilot ? "yes" : "no";
		row[4] = date;
		row[5] = kp_org_status_name(s->status);
		row[6] = p->overdue[i] ? "yes" : "no";
		row[7] = s->reason ? s->reason : "";
		for (k = 0; k < 13; k++)
			row[8 + k] = n[k];
		row[21] = o->level ? o->level : "";
		row[22] = o->state == KP_STATE_ACTIVE ? "active" : kp_org_state_name(o->state);
		row[23] = o->state_reason ? o->state_reason : "";
		row[24] = s->started || s->status == KP_ORG_DONE ? "yes" : "no";
		row[25] = s->by_minutes ? "yes" : "no";
		for (k = 0; k < 11; k++)
			row[26 + k] = n[13 + k];
		row[37] = o->via ? c->merged[o->via - 1].file : "";
		for (k = 0; k < p->ntargets; k++) {
			unsigned char m = p->target_met[i * KP_TARGETS_MAX + k];

			row[PROGRESS_COLS + k] = m == 1 ? "met" : m == 2 ? "not-met" : "";
		}
		kp_csv_put_row(b, row, ncols, flags);
	}
}
