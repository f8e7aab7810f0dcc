/*
 * Summaries (summary.h): a congress's summary to JSON and back, and the
 * merge of districts' summary files into a province's campaign.
 */
#include "summary.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/idset.h"
#include "kiemphieu/sha256.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

/* What a summary file says it is: `progress --format json` of this
 * layout. A later layout is refused rather than read wrong. */
#define SUMMARY_KIND "kiemphieu-progress"
#define SUMMARY_FORMAT 2

/* --- writing --- */

static json_t *jdate(const struct kp_date *d)
{
	char s[16];

	if (!d->year)
		return json_null();
	snprintf(s, sizeof(s), "%04d-%02d-%02d", d->year, d->month, d->day);
	return json_string(s);
}

static json_t *jtri(signed char v)
{
	return v < 0 ? json_null() : json_boolean(v);
}

static json_t *jname(const char *name)
{
	return name[0] ? json_string(name) : json_null();
}

/* A person: [gender, age, ethnicity, education, degree, theory,
 * incumbent, local], null where not known. */
static json_t *person_json(const struct kp_person *p)
{
	char g[2] = { p->gender, 0 };

	return json_pack("[o,o,o,o,o,o,o,o]",
			 p->gender ? json_string(g) : json_null(),
			 p->age >= 0 ? json_integer(p->age) : json_null(),
			 p->ethnicity ? json_string(p->ethnicity) : json_null(),
			 jname(kp_education_name((enum kp_education)p->education)),
			 jname(kp_degree_name((enum kp_degree)p->degree)),
			 jname(kp_theory_name((enum kp_theory)p->theory)),
			 jtri(p->incumbent), jtri(p->local));
}

static json_t *bodies_json(const struct kp_body *bodies)
{
	json_t *j = json_object();
	size_t b, i;

	for (b = 0; b < KP_BODY_N; b++) {
		const struct kp_body *x = &bodies[b];
		json_t *people;

		if (!x->held)
			continue;
		people = json_array();
		for (i = 0; i < x->n; i++)
			json_array_append_new(people, person_json(&x->people[i]));
		json_object_set_new(j, kp_body_name((enum kp_body_kind)b),
				    json_pack("{s:b,s:b,s:I,s:o}", "decided", x->decided,
					      "direct", x->direct, "seats",
					      (json_int_t)x->seats, "people", people));
	}
	return j;
}

json_t *kp_summary_to_json(const struct kp_summary *s)
{
	json_t *j = json_object(), *a;
	size_t i;

	json_object_set_new(j, "status", json_string(kp_org_status_name(s->status)));
	json_object_set_new(j, "io_error", json_boolean(s->io_error));
	a = json_array();
	for (i = 0; i < s->nwhys; i++) {
		const struct kp_why_item *w = &s->whys[i];
		json_t *nos = json_array();
		size_t k;

		for (k = 0; k < w->nnos; k++)
			json_array_append_new(nos, json_integer(w->nos[k]));
		json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:o,s:I,s:I}",
			"why", kp_why_name(w->why), "contest", w->contest,
			"other", w->other, "candidates", nos,
			"seats", (json_int_t)w->seats, "round", (json_int_t)w->round));
	}
	json_object_set_new(j, "why", a);
	a = json_array();
	for (i = 0; i < s->nerrors; i++)
		json_array_append_new(a, json_string(s->errors[i]));
	json_object_set_new(j, "errors", a);
	json_object_set_new(j, "ballots", json_integer((json_int_t)s->ballots));
	json_object_set_new(j, "young_under", json_integer(s->young_under));
	if (s->has_committee) {
		json_t *c = json_object();

		json_object_set_new(c, "surplus", json_pack("{s:I,s:I,s:I,s:I,s:s}",
			"candidates", (json_int_t)s->surplus.candidates,
			"seats", (json_int_t)s->surplus.seats,
			"surplus", (json_int_t)s->surplus.surplus,
			"percent_x100", (json_int_t)s->surplus.percent_x100,
			"verdict", kp_verdict_name(s->surplus.verdict)));
		json_object_set_new(c, "complete", json_boolean(s->committee_complete));
		json_object_set_new(c, "one_round", json_boolean(s->one_round));
		json_object_set_new(c, "date", jdate(&s->date));
		json_object_set_new(c, "members", json_integer((json_int_t)s->members));
		json_object_set_new(c, "women", json_integer((json_int_t)s->women));
		json_object_set_new(c, "young", json_integer((json_int_t)s->young));
		json_object_set_new(c, "pct_sum_x100", json_integer((json_int_t)s->pct_sum_x100));
		json_object_set_new(c, "pct_min_x100", json_integer((json_int_t)(
			s->members ? s->pct_min_x100 : 0)));
		json_object_set_new(c, "over_80", json_integer((json_int_t)s->over80));
		json_object_set_new(c, "over_90", json_integer((json_int_t)s->over90));
		json_object_set_new(c, "previous", !s->has_prev ? json_null() :
			json_pack("{s:I,s:I,s:I}", "members", (json_int_t)s->prev_members,
				  "women", (json_int_t)s->prev_women,
				  "young", (json_int_t)s->prev_young));
		json_object_set_new(j, "committee", c);
	} else {
		json_object_set_new(j, "committee", json_null());
	}
	json_object_set_new(j, "started", json_boolean(s->started));
	json_object_set_new(j, "done_date", jdate(&s->done_date));
	json_object_set_new(j, "seats", json_integer((json_int_t)s->seats));
	json_object_set_new(j, "filled", json_integer((json_int_t)s->filled));
	json_object_set_new(j, "summoned", json_integer((json_int_t)s->summoned));
	json_object_set_new(j, "present", s->has_present ?
			    json_integer((json_int_t)s->present) : json_null());
	json_object_set_new(j, "by_minutes", json_boolean(s->by_minutes));
	json_object_set_new(j, "not_reelected", s->has_not_reelected ?
			    json_integer((json_int_t)s->not_reelected) : json_null());
	json_object_set_new(j, "bodies", bodies_json(s->bodies));
	json_object_set_new(j, "previous_bodies", bodies_json(s->prev_bodies));
	a = json_array();
	for (i = 0; i < s->nfiles; i++)
		json_array_append_new(a, json_pack("{s:s,s:s}", "file", s->files[i].name,
						   "sha256", s->files[i].sha256));
	json_object_set_new(j, "inputs", a);
	return j;
}

void kp_org_to_json(json_t *j, const struct kp_org *o)
{
	json_object_set_new(j, "org", json_string(o->id));
	json_object_set_new(j, "name", json_string(o->name));
	json_object_set_new(j, "parent", json_string(o->parent));
	json_object_set_new(j, "level", json_string(o->level ? o->level : ""));
	json_object_set_new(j, "pilot", json_boolean(o->pilot));
	json_object_set_new(j, "scheduled", jdate(&o->scheduled));
	json_object_set_new(j, "state", json_string(o->state == KP_STATE_ACTIVE ?
						    "active" : kp_org_state_name(o->state)));
	json_object_set_new(j, "state_reason",
			    json_string(o->state_reason ? o->state_reason : ""));
	json_object_set_new(j, "young_under", o->young_under ?
			    json_integer(o->young_under) : json_null());
	json_object_set_new(j, "dir", json_string(o->dir ? o->dir : ""));
}

/* --- reading --- */

/* Where in the file a value is, for its message: "orgs[3].summary.seats". */
struct rd {
	struct kp_diag_sink *sink;
	const char *file;
	char path[160];
	int bad;
};

static void at(struct rd *r, const char *fmt, ...) KP_PRINTF(2, 3);

static void at(struct rd *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->path, sizeof(r->path), fmt, ap);
	va_end(ap);
}

/* The value of key, with the place of the next message. */
static json_t *field(struct rd *r, json_t *obj, const char *base, const char *key)
{
	at(r, "%s%s%s", base, base[0] ? "." : "", key);
	return json_object_get(obj, key);
}

static uint64_t u(struct rd *r, json_t *v, uint64_t max)
{
	json_int_t n = json_integer_value(v);

	if (!json_is_integer(v) || n < 0 || (uint64_t)n > max) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected a whole number "
				 "from 0 to %llu", r->path, (unsigned long long)max);
		r->bad = 1;
		return 0;
	}
	return (uint64_t)n;
}

static int flag(struct rd *r, json_t *v)
{
	if (!json_is_boolean(v)) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected true or false",
				 r->path);
		r->bad = 1;
		return 0;
	}
	return json_is_true(v);
}

/* A string, NFC and valid UTF-8 (jansson checks), without control
 * characters; "" after an error. */
static const char *str(struct rd *r, json_t *v)
{
	const char *s = json_string_value(v);
	size_t i, n = json_string_length(v);

	for (i = 0; s && i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			s = NULL;
	if (!s) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected text", r->path);
		r->bad = 1;
		return "";
	}
	return s;
}

static void date(struct rd *r, json_t *v, struct kp_date *d)
{
	const char *s = json_string_value(v);

	memset(d, 0, sizeof(*d));
	if (json_is_null(v))
		return;
	if (!s || kp_date_parse(s, strlen(s), d) != 0) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected a day "
				 "YYYY-MM-DD or null", r->path);
		r->bad = 1;
	}
}

/* One of the names `names[0..n)`; "" (index 0) is null. */
static int which(struct rd *r, json_t *v, const char *const *names, int n,
		 int null_ok)
{
	const char *s = json_string_value(v);
	int i;

	if (null_ok && json_is_null(v))
		return 0;
	for (i = 0; s && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	if (!r->bad)
		kp_error(r->sink, r->file, 0, 0, "%s: not a value kiemphieu writes "
			 "there", r->path);
	r->bad = 1;
	return 0;
}

static signed char tri(struct rd *r, json_t *v)
{
	if (json_is_null(v))
		return -1;
	return (signed char)flag(r, v);
}

static void person_read(struct rd *r, json_t *v, struct kp_person *p)
{
	static const char *const edu[] = {
		"", "primary", "lower-secondary", "upper-secondary"
	};
	static const char *const deg[] = {
		"", "none", "intermediate", "college", "bachelor", "master", "doctor"
	};
	static const char *const th[] = {
		"", "none", "elementary", "intermediate", "advanced", "bachelor"
	};
	static const char *const genders[] = { "", "M", "F" };
	char base[160];
	json_t *e;

	memcpy(base, r->path, sizeof(base));
	memset(p, 0, sizeof(*p));
	p->age = -1;
	if (!json_is_array(v) || json_array_size(v) != 8) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected a person, [gender, "
				 "age, ethnicity, education, degree, theory, incumbent, "
				 "local]", r->path);
		r->bad = 1;
		return;
	}
	at(r, "%s[0]", base);
	p->gender = " MF"[which(r, json_array_get(v, 0), genders, 3, 1)];
	if (p->gender == ' ')
		p->gender = 0;
	at(r, "%s[1]", base);
	e = json_array_get(v, 1);
	p->age = json_is_null(e) ? -1 : (short)u(r, e, 150);
	at(r, "%s[2]", base);
	e = json_array_get(v, 2);
	if (!json_is_null(e)) {
		const char *s = str(r, e);

		p->ethnicity = kp_text_nfc(s, strlen(s));
	}
	at(r, "%s[3]", base);
	p->education = (unsigned char)which(r, json_array_get(v, 3), edu, KP_EDU_N, 1);
	at(r, "%s[4]", base);
	p->degree = (unsigned char)which(r, json_array_get(v, 4), deg, KP_DEGREE_N, 1);
	at(r, "%s[5]", base);
	p->theory = (unsigned char)which(r, json_array_get(v, 5), th, KP_THEORY_N, 1);
	at(r, "%s[6]", base);
	p->incumbent = tri(r, json_array_get(v, 6));
	at(r, "%s[7]", base);
	p->local = tri(r, json_array_get(v, 7));
}

static void bodies_read(struct rd *r, json_t *v, const char *base,
			struct kp_body *bodies)
{
	size_t b, i;

	if (!json_is_object(v)) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected an object",
				 r->path);
		r->bad = 1;
		return;
	}
	for (b = 0; b < KP_BODY_N && !r->bad; b++) {
		const char *name = kp_body_name((enum kp_body_kind)b);
		json_t *x = json_object_get(v, name), *people;
		struct kp_body *o = &bodies[b];
		char here[160];

		if (!x)
			continue;
		snprintf(here, sizeof(here), "%s.%s", base, name);
		o->held = 1;
		o->decided = flag(r, field(r, x, here, "decided"));
		o->direct = flag(r, field(r, x, here, "direct"));
		o->seats = u(r, field(r, x, here, "seats"), 100000);
		people = field(r, x, here, "people");
		if (!json_is_array(people) || json_array_size(people) > 100000) {
			if (!r->bad)
				kp_error(r->sink, r->file, 0, 0, "%s: expected a list "
					 "of people", r->path);
			r->bad = 1;
			continue;
		}
		o->people = kp_xcalloc(json_array_size(people) + 1, sizeof(*o->people));
		for (i = 0; i < json_array_size(people) && !r->bad; i++) {
			at(r, "%s.people[%zu]", here, i);
			person_read(r, json_array_get(people, i), &o->people[o->n++]);
		}
	}
}

/* A committee's list of people as long as its members say. */
static void people_count(struct rd *r, const char *base, const char *bodies,
			 const struct kp_body *b, uint64_t members, const char *says)
{
	if (b->n == members)
		return;
	at(r, "%s.%s.committee.people", base, bodies);
	kp_error(r->sink, r->file, 0, 0, "%s: expected a list of %llu people, "
		 "as %s says", r->path, (unsigned long long)members, says);
	r->bad = 1;
}

static void summary_read(struct rd *r, json_t *j, const char *base,
			 struct kp_summary *s)
{
	static const char *const statuses[] = {
		"done", "in-progress", "not-started", "invalid"
	};
	static const char *const verdicts[] = {
		"ok", "below-min", "above-max", "none", "not-required"
	};
	json_t *v, *c;
	size_t i;

	memset(s, 0, sizeof(*s));
	if (!json_is_object(j)) {
		at(r, "%s", base);
		kp_error(r->sink, r->file, 0, 0, "%s: expected an object", r->path);
		r->bad = 1;
		return;
	}
	s->status = (enum kp_org_status)which(r, field(r, j, base, "status"),
					       statuses, 4, 0);
	s->io_error = flag(r, field(r, j, base, "io_error"));
	v = field(r, j, base, "why");
	if (!json_is_array(v) || json_array_size(v) > 1000) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected a list", r->path);
		r->bad = 1;
	}
	for (i = 0; i < json_array_size(v) && !r->bad; i++) {
		static const char *const whys[KP_WHY_N] = {
			"data-errors", "no-election", "no-ballots", "tie",
			"seats-open", "not-started", "waiting", "summary-errors"
		};
		json_t *w = json_array_get(v, i), *nos;
		char here[200];
		unsigned no[64];
		size_t k, nn;
		int kind;
		const char *contest, *other;
		uint64_t seats, round;

		snprintf(here, sizeof(here), "%s.why[%zu]", base, i);
		kind = which(r, field(r, w, here, "why"), whys, KP_WHY_N, 0);
		contest = str(r, field(r, w, here, "contest"));
		other = str(r, field(r, w, here, "other"));
		nos = field(r, w, here, "candidates");
		nn = json_array_size(nos);
		if (!json_is_array(nos) || nn > 64) {
			if (!r->bad)
				kp_error(r->sink, r->file, 0, 0, "%s: expected a list "
					 "of at most 64 candidates", r->path);
			r->bad = 1;
			nn = 0;
		}
		for (k = 0; k < nn && !r->bad; k++) {
			at(r, "%s.candidates[%zu]", here, k);
			no[k] = (unsigned)u(r, json_array_get(nos, k), 1000);
		}
		seats = u(r, field(r, w, here, "seats"), 1000);
		round = u(r, field(r, w, here, "round"), 99);
		if (!r->bad)
			kp_summary_why(s, (enum kp_why)kind, contest, other, no, nn,
				       seats, round);
	}
	{
		json_t *a = field(r, j, base, "errors");

		if (!json_is_array(a) || json_array_size(a) > KP_SUMMARY_ERRORS) {
			if (!r->bad)
				kp_error(r->sink, r->file, 0, 0, "%s: expected a list "
					 "of at most %d errors", r->path,
					 KP_SUMMARY_ERRORS);
			r->bad = 1;
		} else {
			/* the errors as the district's program wrote them
			 * (in English: diagnostics are not data) */
			for (i = 0; i < json_array_size(a); i++) {
				s->errors[i] = kp_xstrdup(str(r, json_array_get(a, i)));
				s->errors_text[i] = kp_xstrdup(s->errors[i]);
				s->nerrors++;
			}
		}
	}
	s->ballots = u(r, field(r, j, base, "ballots"), UINT64_C(1) << 52);
	s->young_under = (unsigned)u(r, field(r, j, base, "young_under"), 150);
	c = field(r, j, base, "committee");
	if (json_is_object(c)) {
		char here[160];
		json_t *sp, *pv;

		snprintf(here, sizeof(here), "%s.committee", base);
		s->has_committee = 1;
		sp = field(r, c, here, "surplus");
		if (!json_is_object(sp)) {
			if (!r->bad)
				kp_error(r->sink, r->file, 0, 0, "%s: expected an object",
					 r->path);
			r->bad = 1;
		} else {
			char h2[200];
			json_t *n;

			snprintf(h2, sizeof(h2), "%s.surplus", here);
			s->surplus.candidates = u(r, field(r, sp, h2, "candidates"), 1000000);
			s->surplus.seats = u(r, field(r, sp, h2, "seats"), 1000000);
			n = field(r, sp, h2, "surplus");
			if (!json_is_integer(n) || json_integer_value(n) < -1000000 ||
			    json_integer_value(n) > 1000000) {
				if (!r->bad)
					kp_error(r->sink, r->file, 0, 0, "%s: expected a "
						 "whole number", r->path);
				r->bad = 1;
			}
			s->surplus.surplus = (int64_t)json_integer_value(n);
			s->surplus.percent_x100 = u(r, field(r, sp, h2, "percent_x100"),
						    UINT64_C(1) << 40);
			s->surplus.verdict = (enum kp_verdict)which(r,
				field(r, sp, h2, "verdict"), verdicts, 5, 0);
		}
		s->committee_complete = flag(r, field(r, c, here, "complete"));
		s->one_round = flag(r, field(r, c, here, "one_round"));
		date(r, field(r, c, here, "date"), &s->date);
		s->members = u(r, field(r, c, here, "members"), 1000000);
		s->women = u(r, field(r, c, here, "women"), s->members);
		s->young = u(r, field(r, c, here, "young"), s->members);
		s->pct_sum_x100 = u(r, field(r, c, here, "pct_sum_x100"),
				    s->members * 10000);
		s->pct_min_x100 = u(r, field(r, c, here, "pct_min_x100"), 10000);
		s->over80 = u(r, field(r, c, here, "over_80"), s->members);
		s->over90 = u(r, field(r, c, here, "over_90"), s->over80);
		if (!s->members)
			s->pct_min_x100 = UINT64_MAX;
		pv = field(r, c, here, "previous");
		if (json_is_object(pv)) {
			char h2[200];

			snprintf(h2, sizeof(h2), "%s.previous", here);
			s->has_prev = 1;
			s->prev_members = u(r, field(r, pv, h2, "members"), 1000000);
			s->prev_women = u(r, field(r, pv, h2, "women"), s->prev_members);
			s->prev_young = u(r, field(r, pv, h2, "young"), s->prev_members);
		} else if (!json_is_null(pv)) {
			if (!r->bad)
				kp_error(r->sink, r->file, 0, 0, "%s: expected an object "
					 "or null", r->path);
			r->bad = 1;
		}
	} else if (!json_is_null(c)) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected an object or null",
				 r->path);
		r->bad = 1;
	}
	s->started = flag(r, field(r, j, base, "started"));
	date(r, field(r, j, base, "done_date"), &s->done_date);
	s->seats = u(r, field(r, j, base, "seats"), 1000000);
	s->filled = u(r, field(r, j, base, "filled"), s->seats);
	s->summoned = u(r, field(r, j, base, "summoned"), 100000000);
	v = field(r, j, base, "present");
	if (!json_is_null(v)) {
		s->has_present = 1;
		s->present = u(r, v, s->summoned);
	}
	s->by_minutes = flag(r, field(r, j, base, "by_minutes"));
	v = field(r, j, base, "not_reelected");
	if (!json_is_null(v)) {
		s->has_not_reelected = 1;
		s->not_reelected = u(r, v, 1000000);
	}
	{
		char here[160];

		snprintf(here, sizeof(here), "%s.bodies", base);
		bodies_read(r, field(r, j, base, "bodies"), here, s->bodies);
		snprintf(here, sizeof(here), "%s.previous_bodies", base);
		bodies_read(r, field(r, j, base, "previous_bodies"), here, s->prev_bodies);
		/* the people of a committee are its members, as the figures
		 * count them: a province counts the young again from them
		 * (kp_summary_reyoung) */
		if (!r->bad && s->committee_complete &&
		    s->bodies[KP_BODY_COMMITTEE].decided)
			people_count(r, base, "bodies", &s->bodies[KP_BODY_COMMITTEE],
				     s->members, "committee.members");
		if (!r->bad && s->has_committee && s->prev_bodies[KP_BODY_COMMITTEE].held)
			people_count(r, base, "previous_bodies",
				     &s->prev_bodies[KP_BODY_COMMITTEE], s->prev_members,
				     "committee.previous.members");
	}
	v = field(r, j, base, "inputs");
	if (!json_is_array(v) || json_array_size(v) > 100000) {
		if (!r->bad)
			kp_error(r->sink, r->file, 0, 0, "%s: expected a list of files",
				 r->path);
		r->bad = 1;
		return;
	}
	s->files = kp_xcalloc(json_array_size(v) + 1, sizeof(*s->files));
	for (i = 0; i < json_array_size(v) && !r->bad; i++) {
		json_t *f = json_array_get(v, i);
		char here[200];
		const char *h;

		snprintf(here, sizeof(here), "%s.inputs[%zu]", base, i);
		s->files[s->nfiles].name = kp_xstrdup(str(r, field(r, f, here, "file")));
		h = str(r, field(r, f, here, "sha256"));
		snprintf(s->files[s->nfiles].sha256, 65, "%s", h);
		s->nfiles++;
	}
}

/* The bytes of the file at path (at most 1 GiB), NUL-ended, with their
 * SHA-256; NULL after an error. */
static char *slurp(const char *path, size_t *len, char sha[65],
		   struct kp_diag_sink *sink, int *status)
{
	struct kp_os_stamp st;
	int fd = kp_os_open_input(path, &st);
	struct kp_sha256 *h;
	char *buf;
	size_t n = 0;
	ssize_t got;

	if (fd == -2) {
		*status = kp_error(sink, path, 0, 0, "not a regular file: refused");
		*status = KP_EXIT_IO;
		return NULL;
	}
	if (fd < 0) {
		kp_error_errno(sink, path, 0, 0, errno, "cannot open");
		*status = KP_EXIT_IO;
		return NULL;
	}
	if (st.size > (UINT64_C(1) << 30)) {
		kp_os_close(fd);
		*status = kp_error(sink, path, 0, 0, "a summary over 1 GiB: refused");
		return NULL;
	}
	buf = kp_xmalloc((size_t)st.size + 1);
	while (n < st.size &&
	       (got = kp_os_pread(fd, buf + n, (size_t)st.size - n, n)) > 0)
		n += (size_t)got;
	kp_os_close(fd);
	buf[n] = '\0';
	h = kp_sha256_new();
	kp_sha256_update(h, buf, n);
	kp_sha256_final(h, sha);
	kp_sha256_free(h);
	*len = n;
	return buf;
}

static int has_org_fields(struct rd *r, json_t *o, const char *base,
			  struct kp_org *org)
{
	static const char *const states[] = { "active", "suspended", "postponed" };
	json_t *v;
	const char *s;

	memset(org, 0, sizeof(*org));
	s = str(r, field(r, o, base, "org"));
	org->id = kp_text_fold_id(s, strlen(s));
	if (!r->bad && (!org->id[0] || strchr(org->id, '/'))) {
		kp_error(r->sink, r->file, 0, 0, "%s: expected an id, without '/'",
			 r->path);
		r->bad = 1;
	}
	s = str(r, field(r, o, base, "name"));
	org->name = kp_text_nfc(s, strlen(s));
	s = str(r, field(r, o, base, "parent"));
	org->parent = kp_text_nfc(s, strlen(s));
	s = str(r, field(r, o, base, "level"));
	org->level = kp_text_nfc(s, strlen(s));
	org->pilot = flag(r, field(r, o, base, "pilot"));
	date(r, field(r, o, base, "scheduled"), &org->scheduled);
	org->state = (enum kp_org_state)which(r, field(r, o, base, "state"), states,
					       3, 0);
	s = str(r, field(r, o, base, "state_reason"));
	org->state_reason = kp_text_nfc(s, strlen(s));
	v = field(r, o, base, "young_under");
	if (!json_is_null(v))
		org->young_under = (unsigned)u(r, v, 150);
	s = str(r, field(r, o, base, "dir"));
	org->dir = kp_xstrdup(s);
	return !r->bad;
}

void kp_summary_reyoung(struct kp_summary *s, unsigned y)
{
	const struct kp_body *b = &s->bodies[KP_BODY_COMMITTEE];
	const struct kp_body *pb = &s->prev_bodies[KP_BODY_COMMITTEE];
	size_t i;

	if (s->young_under == y)
		return;
	s->young_under = y;
	if (s->committee_complete && b->decided) {
		s->young = 0;
		for (i = 0; i < b->n; i++)
			s->young += b->people[i].age >= 0 && b->people[i].age < (int)y;
	}
	if (pb->held) {
		s->prev_young = 0;
		for (i = 0; i < pb->n; i++)
			s->prev_young += pb->people[i].age >= 0 && pb->people[i].age < (int)y;
	}
}

/* Read the summary file of row `row` into the new lists: its congresses,
 * or the row itself as one invalid congress. */
static int merge_one(struct kp_campaign *c, const struct kp_org *row,
		     const struct kp_progress_opts *po, struct kp_idset *ids,
		     struct kp_org **orgs, struct kp_summary **pre, size_t *n,
		     size_t *alloc, struct kp_diag_sink *sink)
{
	struct rd r;
	struct kp_merged m;
	json_error_t err;
	json_t *root = NULL, *list, *v;
	size_t len = 0, i, first = *n, pre_alloc;
	char *text;
	int status = KP_EXIT_OK;
	uint64_t errors = sink->errors;

	memset(&r, 0, sizeof(r));
	memset(&m, 0, sizeof(m));
	r.sink = sink;
	r.file = row->path;
	text = slurp(row->path, &len, m.sha256, sink, &status);
	if (text) {
		root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
		if (!root)
			status = kp_error(sink, row->path, (uint64_t)err.line,
					  (uint64_t)err.column, "not JSON: %s", err.text);
	}
	free(text);
	if (root) {
		const char *kind = json_string_value(json_object_get(root, "kind"));
		json_t *f = json_object_get(root, "filters");

		if (!kind || strcmp(kind, SUMMARY_KIND) != 0)
			status = kp_error(sink, row->path, 0, 0, "not a summary of "
					  "kiemphieu progress --format json");
		else if (json_integer_value(json_object_get(root, "format")) !=
			 SUMMARY_FORMAT)
			status = kp_error(sink, row->path, 0, 0, "a summary of another "
					  "layout (format %lld): make it again with "
					  "this kiemphieu",
					  (long long)json_integer_value(json_object_get(root, "format")));
		else if (json_is_true(json_object_get(f, "pilot")) ||
			 !json_is_null(json_object_get(f, "parent")) ||
			 !json_is_null(json_object_get(f, "level")))
			status = kp_error(sink, row->path, 0, 0, "a summary of some "
					  "congresses only (made with --pilot, --parent "
					  "or --level): make it of the whole campaign");
	}
	list = root ? json_object_get(root, "orgs") : NULL;
	if (root && status == KP_EXIT_OK && !json_is_array(list))
		status = kp_error(sink, row->path, 0, 0, "orgs: expected a list "
				  "of congresses");
	pre_alloc = *alloc;
	for (i = 0; status == KP_EXIT_OK && i < json_array_size(list); i++) {
		json_t *o = json_array_get(list, i);
		struct kp_org org;
		char base[64];
		uint64_t dup;

		snprintf(base, sizeof(base), "orgs[%zu]", i);
		if (!json_is_object(o)) {
			status = kp_error(sink, row->path, 0, 0, "%s: expected an "
					  "object", base);
			break;
		}
		if (!has_org_fields(&r, o, base, &org)) {
			kp_org_release(&org);
			status = KP_EXIT_DATA;
			break;
		}
		if (!kp_idset_add(ids, org.id, strlen(org.id), row->line, &dup)) {
			status = kp_error(sink, row->path, 0, 0, "%s: org '%s' is in "
					  "the campaign twice (also on campaign.csv "
					  "line %llu)", base, org.id,
					  (unsigned long long)dup);
			kp_org_release(&org);
			break;
		}
		/* the district's row fills what its congress leaves open */
		if (!org.parent[0]) {
			free(org.parent);
			org.parent = kp_xstrdup(row->name);
		}
		if (!org.level[0] && row->level && row->level[0]) {
			free(org.level);
			org.level = kp_xstrdup(row->level);
		}
		if (!org.young_under)
			org.young_under = row->young_under;
		org.line = row->line;
		org.via = c->nmerged + 1;
		org.path = kp_path_join(c->dir, row->summary);
		*orgs = kp_xgrow(*orgs, alloc, *n + 1, sizeof(**orgs));
		if (*alloc != pre_alloc) {
			*pre = kp_xrealloc(*pre, *alloc * sizeof(**pre));
			pre_alloc = *alloc;
		}
		(*orgs)[*n] = org;
		at(&r, "%s.summary", base);
		snprintf(base, sizeof(base), "orgs[%zu].summary", i);
		summary_read(&r, field(&r, o, "", "summary"), base, &(*pre)[*n]);
		(*n)++;
		if (r.bad) {
			status = KP_EXIT_DATA;
			break;
		}
		kp_summary_reyoung(&(*pre)[*n - 1],
				   kp_progress_young_under(po, &(*orgs)[*n - 1]));
	}
	if (status != KP_EXIT_OK || sink->errors > errors) {
		/* nothing of a summary with an error: the row stands for it,
		 * invalid, as a congress whose data has an error */
		while (*n > first) {
			(*n)--;
			kp_org_release(&(*orgs)[*n]);
			kp_summary_release(&(*pre)[*n]);
		}
		if (status == KP_EXIT_OK)
			status = KP_EXIT_DATA;
		json_decref(root);
		return status;
	}
	m.file = kp_xstrdup(row->summary);
	v = json_object_get(root, "version");
	m.version = kp_xstrdup(json_is_string(v) ? json_string_value(v) : "");
	v = json_object_get(root, "campaign");
	m.campaign = kp_xstrdup(json_is_string(v) ? json_string_value(v) : "");
	v = json_object_get(root, "as_of");
	m.as_of = kp_xstrdup(json_is_string(v) ? json_string_value(v) : "");
	m.n = *n - first;
	c->merged = kp_xrealloc(c->merged, (c->nmerged + 1) * sizeof(*c->merged));
	c->merged[c->nmerged++] = m;
	json_decref(root);
	return KP_EXIT_OK;
}

int kp_campaign_merge(struct kp_campaign *c, const struct kp_progress_opts *po,
		      struct kp_diag_sink *sink)
{
	struct kp_org *orgs = NULL;
	struct kp_summary *pre = NULL;
	struct kp_idset ids;
	size_t n = 0, alloc = 0, i, any = 0;
	int status = KP_EXIT_OK;

	for (i = 0; i < c->n; i++)
		any += c->orgs[i].summary != NULL;
	if (!any)
		return KP_EXIT_OK;
	kp_idset_init(&ids);
	for (i = 0; i < c->n; i++) {
		uint64_t first;

		if (!c->orgs[i].summary)
			kp_idset_add(&ids, c->orgs[i].id, strlen(c->orgs[i].id),
				     c->orgs[i].line, &first);
	}
	for (i = 0; i < c->n; i++) {
		struct kp_org *row = &c->orgs[i];
		int st = KP_EXIT_OK;

		if (row->summary)
			st = merge_one(c, row, po, &ids, &orgs, &pre, &n, &alloc, sink);
		if (st != KP_EXIT_OK && (status == KP_EXIT_OK || st == KP_EXIT_IO))
			status = st;
		if (row->summary && st == KP_EXIT_OK) {
			kp_org_release(row);
			continue;
		}
		/* a congress folder, or a summary that could not be merged */
		orgs = kp_xgrow(orgs, &alloc, n + 1, sizeof(*orgs));
		pre = kp_xrealloc(pre, alloc * sizeof(*pre));
		orgs[n] = *row;
		memset(&pre[n], 0, sizeof(pre[n]));
		if (row->summary) {
			pre[n].status = KP_ORG_INVALID;
			pre[n].io_error = st == KP_EXIT_IO;
			kp_summary_why(&pre[n], KP_WHY_SUMMARY_ERRORS, NULL, NULL, NULL,
				       0, 0, 0);
		}
		n++;
	}
	kp_idset_release(&ids);
	free(c->orgs);
	c->orgs = orgs;
	c->n = n;
	c->alloc = alloc;
	c->pre = pre ? pre : kp_xcalloc(1, sizeof(*pre));
	return status;
}
