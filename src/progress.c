/* The progress report of a campaign: text, JSON and CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
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

/* A change in percentage points, signed: "+12.00", "-3.50", "0.00". */
static char *tpp(char out[32], uint64_t a_num, uint64_t a_den, uint64_t b_num,
		 uint64_t b_den)
{
	uint64_t a = kp_rules_percent_x100(a_num, a_den);
	uint64_t b = kp_rules_percent_x100(b_num, b_den);
	char t[24];

	kp_percent_text(t, a >= b ? a - b : b - a);
	snprintf(out, 32, "%s%s", a == b ? "" : a > b ? "+" : "-", t);
	return out;
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
		const char *nl = b->len ? memrchr(b->s, '\n', b->len) : NULL;
		char *line = kp_xstrdup(nl ? nl + 1 : b->s ? b->s : "");
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
	const char *label[2] = { _("congresses done"), _("pilots done") };
	size_t i, w = max_width(label, 2) + 2;
	char a[24];

	kp_buf_addf(b, "\n\n%s\n", _("Completion"));
	for (i = 0; i < 2; i++) {
		uint64_t done = i ? p->pilots_done : p->done;
		uint64_t total = i ? p->pilots : p->total;

		kp_buf_addstr(b, "  ");
		kp_text_cell(b, label[i], w);
		kp_buf_addf(b, "%llu/%llu (%s%%)", (unsigned long long)done,
			    (unsigned long long)total, tpct(a, done, total));
		bar(b, st, done, total);
		kp_buf_addch(b, '\n');
	}
	w = kp_text_width(_("(none)"));
	for (i = 0; i < p->nparents; i++)
		if (kp_text_width(p->parents[i].parent) > w)
			w = kp_text_width(p->parents[i].parent);
	for (i = 0; i < p->nparents; i++) {
		kp_buf_addstr(b, "  ");
		kp_text_cell(b, p->parents[i].parent[0] ? p->parents[i].parent : _("(none)"),
			 w + 2);
		kp_buf_addf(b, "%llu/%llu", (unsigned long long)p->parents[i].done,
			    (unsigned long long)p->parents[i].total);
		bar(b, st, p->parents[i].done, p->parents[i].total);
		kp_buf_addch(b, '\n');
	}
}

static void text_not_done(struct kp_buf *b, const struct kp_progress *p,
			  const struct kp_text_style *st)
{
	const struct kp_campaign *c = p->c;
	size_t i, k;
	char date[16];

	kp_buf_addf(b, _("\nNot done (%llu)\n"), (unsigned long long)p->not_done);
	for (i = 0; i < c->n; i++) {
		const struct kp_org *o = &c->orgs[i];
		const struct kp_summary *s = &p->s[i];
		const char *status = kp_org_status_text(s->status);

		if (!p->selected[i] || s->status == KP_ORG_DONE)
			continue;
		kp_buf_addf(b, "  %s: %s (%s%s%s)\n", o->id, o->name,
			    o->parent[0] ? o->parent : _("no parent"),
			    o->pilot ? ", " : "", o->pilot ? _("pilot") : "");
		if (st && st->color)
			kp_buf_addf(b, "    %s%s\033[0m", s->status == KP_ORG_INVALID ?
				    "\033[31;1m" : "\033[33m", status);
		else
			kp_buf_addf(b, "    %s", status);
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
		for (k = 0; k < s->nerrors; k++)
			kp_buf_addf(b, "      %s\n", s->errors_text[k]);
	}
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
	const char *head[3] = { _("new"), _("outgoing"), _("change") };
	const char *rows[2] = { _("women"), _("young") };
	const char *cols[5] = { _("org"), _("members"), _("women"), _("was"), _("young") };
	size_t i, lw = max_width(rows, 2), cw = 7, ccw, w;
	char a[24], d[24], e[32];

	kp_buf_addch(b, '\n');
	kp_buf_addf(b, Q_("Composition: new committees against outgoing ones "
			  "(%llu congress; young: under %u)\n",
			  "Composition: new committees against outgoing ones "
			  "(%llu congresses; young: under %u)\n", p->composition_orgs),
		    (unsigned long long)p->composition_orgs, p->o->young_under);
	if (!p->composition_orgs)
		return;
	/* columns: new and outgoing "100.00%", change "+100.00 pp" */
	for (i = 0; i < 2; i++)
		if (kp_text_width(head[i]) > cw)
			cw = kp_text_width(head[i]);
	ccw = kp_text_width(_("pp")) + 8;
	if (kp_text_width(head[2]) > ccw)
		ccw = kp_text_width(head[2]);
	kp_buf_pad(b, ' ', 2 + lw);
	for (i = 0; i < 3; i++) {
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, head[i], i == 2 ? ccw : cw);
	}
	kp_buf_addch(b, '\n');
	for (i = 0; i < 2; i++) {
		uint64_t nn = i ? p->new_young : p->new_women;
		uint64_t pn = i ? p->prev_young : p->prev_women;
		char t[40];

		kp_buf_addstr(b, "  ");
		kp_text_cell(b, rows[i], lw);
		snprintf(t, sizeof(t), "%s%%", tpct(a, nn, p->new_members));
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, t, cw);
		snprintf(t, sizeof(t), "%s%%", tpct(d, pn, p->prev_members));
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, t, cw);
		tpp(e, nn, p->new_members, pn, p->prev_members);
		snprintf(t, sizeof(t), "%s %s", e, _("pp"));
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, t, ccw);
		kp_buf_addch(b, '\n');
	}
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
	text_composition(b, p);
}

/* --- JSON --- */

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
	json_t *j = json_object(), *errs = json_array();
	char date[16];
	size_t k;

	date_str(date, &o->scheduled);
	json_object_set_new(j, "org", json_string(o->id));
	json_object_set_new(j, "name", json_string(o->name));
	json_object_set_new(j, "parent", json_string(o->parent));
	json_object_set_new(j, "pilot", json_boolean(o->pilot));
	json_object_set_new(j, "scheduled", date[0] ? json_string(date) : json_null());
	json_object_set_new(j, "status", json_string(kp_org_status_name(s->status)));
	json_object_set_new(j, "overdue", json_boolean(p->overdue[i]));
	json_object_set_new(j, "reason", json_string(s->reason ? s->reason : ""));
	for (k = 0; k < s->nerrors; k++)
		json_array_append_new(errs, json_string(s->errors[k]));
	json_object_set_new(j, "errors", errs);
	json_object_set_new(j, "ballots", json_integer((json_int_t)s->ballots));
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
	json_object_set_new(root, "campaign", json_string(c->name));
	json_object_set_new(root, "as_of", json_string(date));
	json_object_set_new(root, "filters", json_pack("{s:b,s:o}",
		"pilot", p->o->pilots_only,
		"parent", p->o->parent ? json_string(p->o->parent) : json_null()));
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
	for (i = 0; i < p->nparents; i++)
		json_array_append_new(parents, json_pack("{s:s,s:I,s:I}",
			"parent", p->parents[i].parent,
			"reported", (json_int_t)p->parents[i].done,
			"total", (json_int_t)p->parents[i].total));
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

void kp_progress_csv(struct kp_buf *b, const struct kp_progress *p,
		     unsigned flags)
{
	static const char *const cols[] = {
		"org", "name", "parent", "pilot", "scheduled", "status", "overdue",
		"reason", "surplus_percent", "surplus_verdict", "one_round",
		"members", "mean_percent_of_base", "lowest_percent_of_base",
		"over_80", "over_90", "women", "young", "prev_members",
		"prev_women", "prev_young"
	};
	const struct kp_campaign *c = p->c;
	size_t i, k;

	kp_csv_put_row(b, cols, sizeof(cols) / sizeof(cols[0]), flags);
	for (i = 0; i < c->n; i++) {
		const struct kp_org *o = &c->orgs[i];
		const struct kp_summary *s = &p->s[i];
		char n[13][24], date[16];
		const char *row[21];
		int com = s->status != KP_ORG_INVALID && s->has_committee;
		int fin = com && s->committee_complete;

		if (!p->selected[i])
			continue;
		for (k = 0; k < 13; k++)
			n[k][0] = '\0';
		date_str(date, &o->scheduled);
		if (com) {
			x100(n[0], s->surplus.percent_x100);
			snprintf(n[1], 24, "%s", kp_verdict_name(s->surplus.verdict));
		}
		if (fin) {
			snprintf(n[2], 24, "%s", s->one_round ? "yes" : "no");
			snprintf(n[3], 24, "%llu", (unsigned long long)s->members);
			x100(n[4], s->members ? (s->pct_sum_x100 * 2 + s->members) /
					      (2 * s->members) : 0);
			x100(n[5], s->members ? s->pct_min_x100 : 0);
			snprintf(n[6], 24, "%llu", (unsigned long long)s->over80);
			snprintf(n[7], 24, "%llu", (unsigned long long)s->over90);
			snprintf(n[8], 24, "%llu", (unsigned long long)s->women);
			snprintf(n[9], 24, "%llu", (unsigned long long)s->young);
		}
		if (com && s->has_prev) {
			snprintf(n[10], 24, "%llu", (unsigned long long)s->prev_members);
			snprintf(n[11], 24, "%llu", (unsigned long long)s->prev_women);
			snprintf(n[12], 24, "%llu", (unsigned long long)s->prev_young);
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
		kp_csv_put_row(b, row, 21, flags);
	}
}
