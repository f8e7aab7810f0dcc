/*
 * The progress report's blocks on the people elected (progress.h): the new
 * committees against the outgoing ones, the secretaries, the standing
 * committees, the delegates, the directive's targets and the attendance.
 * Every figure is a count of people over the count of those whose
 * particular is known; the share is printed, never counted with.
 */
#include "progress.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "kiemphieu/text.h"

char *kp_rank_text(char out[32], size_t rank)
{
	/* TRANSLATORS: a parent's place in the order in which they finished
	 * their congresses */
	snprintf(out, 32, _("#%zu"), rank);
	return out;
}

/* Tenths (463) as the language writes them: 46.3 or 46,3. */
static char *tenths(char out[24], uint64_t t)
{
	snprintf(out, 24, "%llu%c%llu", (unsigned long long)(t / 10),
		 kp_decimal_sep(), (unsigned long long)(t % 10));
	return out;
}

static const char *edu_label(size_t i)
{
	switch (i) {
	case KP_EDU_PRIMARY:
		return _("education: primary");
	case KP_EDU_LOWER:
		return _("education: lower secondary");
	case KP_EDU_UPPER:
		return _("education: upper secondary");
	}
	return "";
}

static const char *degree_label(size_t i)
{
	switch (i) {
	case KP_DEGREE_NONE:
		return _("degree: none");
	case KP_DEGREE_INTERMEDIATE:
		return _("degree: intermediate");
	case KP_DEGREE_COLLEGE:
		return _("degree: college");
	case KP_DEGREE_BACHELOR:
		return _("degree: bachelor");
	case KP_DEGREE_MASTER:
		return _("degree: master");
	case KP_DEGREE_DOCTOR:
		return _("degree: doctor");
	}
	return "";
}

static const char *theory_label(size_t i)
{
	switch (i) {
	case KP_THEORY_NONE:
		return _("political theory: none");
	case KP_THEORY_ELEMENTARY:
		return _("political theory: elementary");
	case KP_THEORY_INTERMEDIATE:
		return _("political theory: intermediate");
	case KP_THEORY_ADVANCED:
		return _("political theory: advanced");
	case KP_THEORY_BACHELOR:
		return _("political theory: bachelor");
	}
	return "";
}

static uint64_t known(const uint64_t *levels, size_t n)
{
	uint64_t k = 0;
	size_t i;

	for (i = 1; i < n; i++)
		k += levels[i];
	return k;
}

struct rows {
	struct kp_fig_row *r;
	size_t n;
	int all;
};

static void row(struct rows *rs, const char *label, const char *key, uint64_t n,
		uint64_t of, const uint64_t *prev)
{
	struct kp_fig_row *r;

	if (!rs->all && !of && !(prev && prev[1]))
		return;
	if (rs->n == KP_FIG_ROWS)
		return;
	r = &rs->r[rs->n++];
	memset(r, 0, sizeof(*r));
	snprintf(r->label, sizeof(r->label), "%s", label);
	snprintf(r->key, sizeof(r->key), "%s", key);
	r->n = n;
	r->of = of;
	if (prev) {
		r->has_prev = 1;
		r->pn = prev[0];
		r->pof = prev[1];
	}
}

size_t kp_fig_rows(const struct kp_comp *c, const struct kp_comp *p,
		   const struct kp_bands *bands, unsigned young_under, int all,
		   struct kp_fig_row *out)
{
	struct rows rs = { out, 0, all };
	uint64_t pv[2];
	char label[64], key[40];
	size_t i;

#define PREV(a, b) (p ? (pv[0] = (a), pv[1] = (b), pv) : NULL)
	row(&rs, _("women"), "women", c->women, c->gender_known,
	    PREV(p->women, p->gender_known));
	snprintf(label, sizeof(label), _("young (under %u)"), young_under);
	row(&rs, label, "young", c->young, c->young_known,
	    PREV(p->young, p->young_known));
	row(&rs, _("ethnic minority"), "ethnic_minority", c->minority,
	    c->ethnicity_known, PREV(p->minority, p->ethnicity_known));
	row(&rs, _("re-elected"), "reelected", c->reelected, c->incumbent_known, NULL);
	row(&rs, _("first-time"), "first_time", c->first_time, c->incumbent_known,
	    NULL);
	row(&rs, _("not local"), "not_local", c->not_local, c->local_known,
	    PREV(p->not_local, p->local_known));
	for (i = 0; i <= bands->n; i++) {
		char band[32];

		kp_band_label(bands, i, band);
		if (i == 0)
			snprintf(label, sizeof(label), _("age under %u"), bands->b[0]);
		else if (i == bands->n)
			snprintf(label, sizeof(label), _("age over %u"),
				 bands->b[bands->n - 1]);
		else
			snprintf(label, sizeof(label), _("age %u-%u"),
				 i == 1 ? bands->b[0] : bands->b[i - 1] + 1, bands->b[i]);
		if (i == bands->n && bands->n == 1)
			snprintf(label, sizeof(label), _("age %u and over"), bands->b[0]);
		snprintf(key, sizeof(key), "age %s", band);
		row(&rs, label, key, c->bands[i], c->age_known,
		    PREV(p->bands[i], p->age_known));
	}
	for (i = 1; i < KP_EDU_N; i++) {
		snprintf(key, sizeof(key), "education %s",
			 kp_education_name((enum kp_education)i));
		if (c->education[i] || (p && p->education[i]) || all)
			row(&rs, edu_label(i), key, c->education[i],
			    known(c->education, KP_EDU_N),
			    PREV(p->education[i], known(p->education, KP_EDU_N)));
	}
	for (i = 1; i < KP_DEGREE_N; i++) {
		snprintf(key, sizeof(key), "degree %s", kp_degree_name((enum kp_degree)i));
		if (c->degree[i] || (p && p->degree[i]) || all)
			row(&rs, degree_label(i), key, c->degree[i],
			    known(c->degree, KP_DEGREE_N),
			    PREV(p->degree[i], known(p->degree, KP_DEGREE_N)));
	}
	for (i = 1; i < KP_THEORY_N; i++) {
		snprintf(key, sizeof(key), "theory %s", kp_theory_name((enum kp_theory)i));
		if (c->theory[i] || (p && p->theory[i]) || all)
			row(&rs, theory_label(i), key, c->theory[i],
			    known(c->theory, KP_THEORY_N),
			    PREV(p->theory[i], known(p->theory, KP_THEORY_N)));
	}
#undef PREV
	return rs.n;
}

/* --- JSON --- */

static json_t *jpct(uint64_t num, uint64_t den)
{
	return den ? json_real((double)kp_rules_percent_x100(num, den) / 100.0) :
		     json_null();
}

static json_t *levels_json(const uint64_t *v, size_t n,
			   const char *(*name)(size_t))
{
	json_t *j = json_object();
	size_t i;

	for (i = 1; i < n; i++)
		json_object_set_new(j, name(i), json_integer((json_int_t)v[i]));
	return j;
}

static const char *edu_name(size_t i)
{
	return kp_education_name((enum kp_education)i);
}

static const char *degree_name(size_t i)
{
	return kp_degree_name((enum kp_degree)i);
}

static const char *theory_name(size_t i)
{
	return kp_theory_name((enum kp_theory)i);
}

json_t *kp_comp_json(const struct kp_comp *c, const struct kp_bands *bands)
{
	json_t *j = json_object(), *g = json_object(), *ab = json_object();
	size_t i;
	char label[32];

	json_object_set_new(j, "members", json_integer((json_int_t)c->n));
	json_object_set_new(j, "women", json_integer((json_int_t)c->women));
	json_object_set_new(j, "young", json_integer((json_int_t)c->young));
	json_object_set_new(j, "reelected", json_integer((json_int_t)c->reelected));
	json_object_set_new(j, "first_time", json_integer((json_int_t)c->first_time));
	json_object_set_new(j, "ethnic_minority", json_integer((json_int_t)c->minority));
	for (i = 0; i < c->ngroups; i++)
		json_object_set_new(g, c->groups[i].name,
				    json_integer((json_int_t)c->groups[i].n));
	json_object_set_new(j, "ethnic_groups", g);
	json_object_set_new(j, "not_local", json_integer((json_int_t)c->not_local));
	for (i = 0; i <= bands->n; i++) {
		kp_band_label(bands, i, label);
		json_object_set_new(ab, label, json_integer((json_int_t)c->bands[i]));
	}
	json_object_set_new(j, "age_bands", ab);
	json_object_set_new(j, "age_mean", c->age_known ?
			    json_real((double)kp_comp_age_mean_x10(c) / 10.0) :
			    json_null());
	json_object_set_new(j, "age_min", c->age_known ? json_integer(c->age_min) :
			    json_null());
	json_object_set_new(j, "age_max", c->age_known ? json_integer(c->age_max) :
			    json_null());
	json_object_set_new(j, "education", levels_json(c->education, KP_EDU_N, edu_name));
	json_object_set_new(j, "degree", levels_json(c->degree, KP_DEGREE_N, degree_name));
	json_object_set_new(j, "theory", levels_json(c->theory, KP_THEORY_N, theory_name));
	json_object_set_new(j, "percent", json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}",
		"women", jpct(c->women, c->gender_known),
		"young", jpct(c->young, c->young_known),
		"reelected", jpct(c->reelected, c->incumbent_known),
		"first_time", jpct(c->first_time, c->incumbent_known),
		"ethnic_minority", jpct(c->minority, c->ethnicity_known),
		"not_local", jpct(c->not_local, c->local_known)));
	json_object_set_new(j, "covers", json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}",
		"gender", (json_int_t)c->gender_known,
		"age", (json_int_t)c->age_known,
		"ethnicity", (json_int_t)c->ethnicity_known,
		"incumbent", (json_int_t)c->incumbent_known,
		"local", (json_int_t)c->local_known,
		"education", (json_int_t)known(c->education, KP_EDU_N),
		"degree", (json_int_t)known(c->degree, KP_DEGREE_N),
		"theory", (json_int_t)known(c->theory, KP_THEORY_N)));
	return j;
}

static json_t *jpp(uint64_t a, uint64_t ad, uint64_t b, uint64_t bd)
{
	if (!ad || !bd)
		return json_null();
	return json_real(((double)kp_rules_percent_x100(a, ad) -
			  (double)kp_rules_percent_x100(b, bd)) / 100.0);
}

void kp_progress_people_json(json_t *root, const struct kp_progress *p)
{
	const struct kp_bands *bands = &p->o->bands;
	const struct kp_comp *c = &p->committees, *pc = &p->prev_committees;
	json_t *j, *t;
	size_t i;

	json_object_set_new(root, "unfilled_seats", json_pack("{s:I,s:I,s:I,s:I}",
		"seats", (json_int_t)p->seats_decided,
		"filled", (json_int_t)p->seats_filled,
		"unfilled", (json_int_t)(p->seats_decided - p->seats_filled),
		"congresses", (json_int_t)p->unfilled_orgs));
	j = kp_comp_json(c, bands);
	json_object_set_new(j, "congresses", json_integer((json_int_t)p->committees_n));
	json_object_set_new(j, "not_reelected", json_integer((json_int_t)p->not_reelected));
	json_object_set_new(j, "not_reelected_of",
			    json_integer((json_int_t)p->not_reelected_of));
	t = kp_comp_json(pc, bands);
	json_object_set_new(t, "congresses", json_integer((json_int_t)p->prev_committees_n));
	json_object_set_new(j, "previous", t);
	json_object_set_new(j, "change_pp", json_pack("{s:o,s:o,s:o}",
		"women", jpp(c->women, c->gender_known, pc->women, pc->gender_known),
		"young", jpp(c->young, c->young_known, pc->young, pc->young_known),
		"ethnic_minority", jpp(c->minority, c->ethnicity_known, pc->minority,
				       pc->ethnicity_known)));
	json_object_set_new(root, "committees", j);
	c = &p->secretaries;
	json_object_set_new(root, "secretaries", json_pack(
		"{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o,s:o}",
		"elected", (json_int_t)c->n,
		"reelected", (json_int_t)c->reelected,
		"first_time", (json_int_t)c->first_time,
		"women", (json_int_t)c->women,
		"ethnic_minority", (json_int_t)c->minority,
		"not_local", (json_int_t)c->not_local,
		"direct", (json_int_t)p->secretaries_direct,
		"percent", json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}",
			"reelected", jpct(c->reelected, c->incumbent_known),
			"first_time", jpct(c->first_time, c->incumbent_known),
			"women", jpct(c->women, c->gender_known),
			"ethnic_minority", jpct(c->minority, c->ethnicity_known),
			"not_local", jpct(c->not_local, c->local_known),
			"direct", jpct(p->secretaries_direct, c->n)),
		"covers", json_pack("{s:I,s:I,s:I,s:I}",
			"gender", (json_int_t)c->gender_known,
			"ethnicity", (json_int_t)c->ethnicity_known,
			"incumbent", (json_int_t)c->incumbent_known,
			"local", (json_int_t)c->local_known)));
	json_object_set_new(root, "standing", json_pack("{s:I,s:I,s:o}",
		"committees", (json_int_t)p->standing_n,
		"with_woman", (json_int_t)p->standing_with_woman,
		"with_woman_percent", jpct(p->standing_with_woman, p->standing_n)));
	json_object_set_new(root, "delegates", kp_comp_json(&p->delegates, bands));
	json_object_set_new(root, "reserves", kp_comp_json(&p->reserves, bands));
	t = json_array();
	for (i = 0; i < p->ntargets; i++) {
		const struct kp_target_result *r = &p->targets[i];

		json_array_append_new(t, json_pack("{s:s,s:I,s:I,s:I,s:I,s:I,s:o,s:o}",
			"figure", kp_target_name(r->t.figure),
			"percent", (json_int_t)r->t.percent,
			"met", (json_int_t)r->met,
			"of", (json_int_t)r->of,
			"num", (json_int_t)r->num,
			"den", (json_int_t)r->den,
			"share_percent", jpct(r->num, r->den),
			"met_overall", r->den ? json_boolean(r->num * 100 >=
					(uint64_t)r->t.percent * r->den) : json_null()));
	}
	json_object_set_new(root, "targets", t);
	json_object_set_new(root, "attendance", json_pack("{s:I,s:I,s:I,s:I,s:o}",
		"congresses", (json_int_t)p->attendance_orgs,
		"summoned", (json_int_t)p->summoned,
		"present", (json_int_t)p->present,
		"absent", (json_int_t)(p->summoned - p->present),
		"present_percent", jpct(p->present, p->summoned)));
}

/* --- text --- */

/* A share as a table cell: the count right-aligned in nw digits, then the
 * percentage in 7 ("100.00%"): "  30  19.61%"; blank when nobody is
 * known. */
static void share(char *out, size_t n, uint64_t num, uint64_t den, int nw)
{
	char a[24], pc[32];

	if (!den) {
		out[0] = '\0';
		return;
	}
	snprintf(pc, sizeof(pc), "%s%%", kp_percent_text(a, kp_rules_percent_x100(num, den)));
	snprintf(out, n, "%*llu %7s", nw, (unsigned long long)num, pc);
}

static int digits(uint64_t v)
{
	int d = 1;

	while (v >= 10)
		v /= 10, d++;
	return d;
}

static void pp(char *out, size_t n, const struct kp_fig_row *r)
{
	uint64_t a, b;
	char t[24];

	if (!r->has_prev || !r->of || !r->pof) {
		out[0] = '\0';
		return;
	}
	a = kp_rules_percent_x100(r->n, r->of);
	b = kp_rules_percent_x100(r->pn, r->pof);
	kp_percent_text(t, a >= b ? a - b : b - a);
	snprintf(out, n, "%s%s %s", a == b ? "" : a > b ? "+" : "-", t, _("pp"));
}

/* A table of rows: label, the first share (the new body's), and the
 * second (the outgoing body's, or the reserves') when `second`; the
 * change between them when `change`. */
static void fig_table(struct kp_buf *b, const struct kp_fig_row *rows, size_t n,
		      const char *first, const char *second, int change)
{
	size_t i, lw = 0, cw, pw, dw;
	int nw = 1, pnw = 1;
	char s[64];

	for (i = 0; i < n; i++) {
		if (digits(rows[i].n) > nw)
			nw = digits(rows[i].n);
		if (rows[i].has_prev && digits(rows[i].pn) > pnw)
			pnw = digits(rows[i].pn);
	}
	cw = kp_text_width(first);
	pw = second ? kp_text_width(second) : 0;
	dw = change ? kp_text_width(_("change")) : 0;
	if ((size_t)nw + 8 > cw)
		cw = (size_t)nw + 8;
	if (second && (size_t)pnw + 8 > pw)
		pw = (size_t)pnw + 8;
	for (i = 0; i < n; i++) {
		if (kp_text_width(rows[i].label) > lw)
			lw = kp_text_width(rows[i].label);
		if (change) {
			pp(s, sizeof(s), &rows[i]);
			if (kp_text_width(s) > dw)
				dw = kp_text_width(s);
		}
	}
	kp_buf_pad(b, ' ', 2 + lw);
	kp_buf_addstr(b, "  ");
	kp_text_rcell(b, first, cw);
	if (second) {
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, second, pw);
	}
	if (change) {
		kp_buf_addstr(b, "  ");
		kp_text_rcell(b, _("change"), dw);
	}
	kp_buf_addch(b, '\n');
	for (i = 0; i < n; i++) {
		kp_buf_addstr(b, "  ");
		kp_text_cell(b, rows[i].label, lw);
		kp_buf_addstr(b, "  ");
		share(s, sizeof(s), rows[i].n, rows[i].of, nw);
		kp_text_rcell(b, s, cw);
		if (second) {
			if (rows[i].has_prev)
				share(s, sizeof(s), rows[i].pn, rows[i].pof, pnw);
			else
				s[0] = '\0';
			kp_buf_addstr(b, "  ");
			kp_text_rcell(b, s, pw);
		}
		if (change) {
			pp(s, sizeof(s), &rows[i]);
			kp_buf_addstr(b, "  ");
			kp_text_rcell(b, s, dw);
		}
		/* trailing spaces off */
		while (b->len && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		kp_buf_addch(b, '\n');
	}
}

/* "  age: mean 46.3, youngest 29, oldest 59" */
static void ages(struct kp_buf *b, const char *who, const struct kp_comp *c)
{
	char m[24];

	if (!c->age_known)
		return;
	kp_buf_addf(b, _("  %s: mean age %s, youngest %d, oldest %d\n"), who,
		    tenths(m, kp_comp_age_mean_x10(c)), c->age_min, c->age_max);
}

static void groups(struct kp_buf *b, const struct kp_comp *c)
{
	size_t i;

	if (!c->ngroups)
		return;
	kp_buf_addf(b, "  %s", _("ethnic minorities by group:"));
	for (i = 0; i < c->ngroups; i++)
		kp_buf_addf(b, "%s %s %llu", i ? "," : "", c->groups[i].name,
			    (unsigned long long)c->groups[i].n);
	kp_buf_addch(b, '\n');
}

/* What the figures do not cover: "  not known: ethnicity of 13, ...";
 * without `incumbent` for delegates, who have no outgoing body. */
static void covers(struct kp_buf *b, const struct kp_comp *c, int incumbent)
{
	const struct {
		const char *what;
		uint64_t k;
	} f[] = {
		{ _("gender"), c->gender_known },
		{ _("age"), c->age_known },
		{ _("ethnicity"), c->ethnicity_known },
		{ _("re-elected or not"), c->incumbent_known },
		{ _("local or not"), c->local_known },
		{ _("education"), known(c->education, KP_EDU_N) },
		{ _("degree"), known(c->degree, KP_DEGREE_N) },
		{ _("political theory"), known(c->theory, KP_THEORY_N) },
	};
	size_t i, k = 0;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (f[i].k >= c->n || (i == 3 && !incumbent))
			continue;
		kp_buf_addstr(b, k++ ? ", " : "  ");
		if (k == 1)
			kp_buf_addf(b, "%s ", _("not known:"));
		kp_buf_addf(b, _("%s of %llu"), f[i].what,
			    (unsigned long long)(c->n - f[i].k));
	}
	if (k)
		kp_buf_addch(b, '\n');
}

static void text_committees(struct kp_buf *b, const struct kp_progress *p)
{
	struct kp_fig_row rows[KP_FIG_ROWS];
	const struct kp_comp *c = &p->committees;
	const struct kp_comp *pc = p->prev_committees_n ? &p->prev_committees : NULL;
	size_t n;
	char a[24];

	kp_buf_addch(b, '\n');
	kp_buf_addf(b, Q_("New committees: %llu congress", "New committees: %llu "
			  "congresses", p->committees_n),
		    (unsigned long long)p->committees_n);
	kp_buf_addf(b, Q_(", %llu member elected\n", ", %llu members elected\n", c->n),
		    (unsigned long long)c->n);
	if (!c->n)
		return;
	n = kp_fig_rows(c, pc, &p->o->bands, p->o->young_under, 0, rows);
	fig_table(b, rows, n, _("new"), pc ? _("outgoing") : NULL, pc != NULL);
	if (p->not_reelected_of)
		kp_buf_addf(b, _("  not re-elected: %llu of %llu outgoing members "
				 "(%s%%)\n"), (unsigned long long)p->not_reelected,
			    (unsigned long long)p->not_reelected_of,
			    kp_percent_text(a, kp_rules_percent_x100(p->not_reelected,
								     p->not_reelected_of)));
	ages(b, _("new"), c);
	if (pc)
		ages(b, _("outgoing"), pc);
	groups(b, c);
	covers(b, c, 1);
}

size_t kp_secretary_rows(const struct kp_progress *p, struct kp_fig_row *rows)
{
	const struct kp_comp *c = &p->secretaries;
	size_t n = 0, i;
	const struct {
		const char *label;
		uint64_t num, den;
	} f[] = {
		{ _("re-elected"), c->reelected, c->incumbent_known },
		{ _("first-time"), c->first_time, c->incumbent_known },
		{ _("women"), c->women, c->gender_known },
		{ _("ethnic minority"), c->minority, c->ethnicity_known },
		{ _("not local"), c->not_local, c->local_known },
		{ _("elected directly at the congress"), p->secretaries_direct, c->n },
	};

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (!f[i].den)
			continue;
		memset(&rows[n], 0, sizeof(rows[n]));
		snprintf(rows[n].label, sizeof(rows[n].label), "%s", f[i].label);
		rows[n].n = f[i].num;
		rows[n].of = f[i].den;
		n++;
	}
	return n;
}

static void text_secretaries(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_comp *c = &p->secretaries;
	struct kp_fig_row rows[6];
	size_t n;

	kp_buf_addch(b, '\n');
	kp_buf_addf(b, Q_("Secretaries: %llu elected\n", "Secretaries: %llu elected\n",
			  c->n), (unsigned long long)c->n);
	if (!c->n)
		return;
	n = kp_secretary_rows(p, rows);
	fig_table(b, rows, n, _("secretaries"), NULL, 0);
	covers(b, c, 1);
}

static void text_delegates(struct kp_buf *b, const struct kp_progress *p)
{
	struct kp_fig_row rows[KP_FIG_ROWS];
	size_t n;

	if (!p->delegates.n && !p->reserves.n)
		return;
	kp_buf_addch(b, '\n');
	kp_buf_addf(b, _("Delegates to the next congress: %llu official, %llu "
			 "reserve\n"), (unsigned long long)p->delegates.n,
		    (unsigned long long)p->reserves.n);
	/* official and reserve side by side, without a change between */
	n = kp_fig_rows(&p->delegates, &p->reserves, &p->o->bands, p->o->young_under,
			0, rows);
	fig_table(b, rows, n, _("official"), _("reserve"), 0);
	covers(b, &p->delegates, 0);
}

static const char *target_label(enum kp_target_figure f)
{
	switch (f) {
	case KP_TARGET_WOMEN:
		return _("women in the committee");
	case KP_TARGET_YOUNG:
		return _("young members in the committee");
	case KP_TARGET_MINORITY:
		return _("ethnic minority members in the committee");
	case KP_TARGET_STANDING_WOMAN:
		return _("standing committees with a woman member");
	case KP_TARGET_N:
		break;
	}
	return "";
}

static void text_targets(struct kp_buf *b, const struct kp_progress *p)
{
	size_t i;
	char a[24];

	if (!p->ntargets)
		return;
	kp_buf_addf(b, "\n%s\n", _("Targets of the directive"));
	for (i = 0; i < p->ntargets; i++) {
		const struct kp_target_result *r = &p->targets[i];
		int met = r->den && r->num * 100 >= (uint64_t)r->t.percent * r->den;

		kp_buf_addf(b, _("  %s, at least %u%%: met by %llu of %llu congresses"),
			    target_label(r->t.figure), r->t.percent,
			    (unsigned long long)r->met, (unsigned long long)r->of);
		if (r->den)
			kp_buf_addf(b, _("; overall %s%%, %s"),
				    kp_percent_text(a, kp_rules_percent_x100(r->num, r->den)),
				    met ? _("met") : _("not met"));
		kp_buf_addch(b, '\n');
	}
}

void kp_progress_people_text(struct kp_buf *b, const struct kp_progress *p)
{
	char a[24];

	text_committees(b, p);
	text_secretaries(b, p);
	if (p->standing_n) {
		kp_buf_addch(b, '\n');
		kp_buf_addf(b, _("Standing committees: %llu, with a woman member: %llu "
				 "(%s%%)\n"), (unsigned long long)p->standing_n,
			    (unsigned long long)p->standing_with_woman,
			    kp_percent_text(a, kp_rules_percent_x100(p->standing_with_woman,
								     p->standing_n)));
	}
	text_delegates(b, p);
	text_targets(b, p);
	if (p->attendance_orgs) {
		kp_buf_addch(b, '\n');
		kp_buf_addf(b, Q_("Attendance at the committee election (%llu congress): "
				  "summoned %llu, present %llu (%s%%), absent %llu\n",
				  "Attendance at the committee election (%llu congresses): "
				  "summoned %llu, present %llu (%s%%), absent %llu\n",
				  p->attendance_orgs),
			    (unsigned long long)p->attendance_orgs,
			    (unsigned long long)p->summoned, (unsigned long long)p->present,
			    kp_percent_text(a, kp_rules_percent_x100(p->present, p->summoned)),
			    (unsigned long long)(p->summoned - p->present));
	}
}
