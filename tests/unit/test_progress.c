/* The campaign report's figures of people, and the summaries a province
 * merges. */
#include "unit.h"

#include <jansson.h>

#include "kiemphieu/campaign.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/tally.h"
#include "../../src/summary.h"

static struct kp_person man(short age, signed char incumbent)
{
	struct kp_person p;

	memset(&p, 0, sizeof(p));
	p.gender = 'M';
	p.age = age;
	p.incumbent = incumbent;
	p.local = 1;
	return p;
}

static struct kp_person woman(short age, signed char incumbent)
{
	struct kp_person p = man(age, incumbent);

	p.gender = 'F';
	return p;
}

/* A decided body of the people given (copied). */
static void body(struct kp_body *b, uint64_t seats, const struct kp_person *p,
		 size_t n)
{
	memset(b, 0, sizeof(*b));
	b->held = b->decided = 1;
	b->seats = seats;
	b->people = calloc(n + 1, sizeof(*p));
	memcpy(b->people, p, n * sizeof(*p));
	b->n = n;
}

struct fixture {
	struct kp_org orgs[3];
	struct kp_campaign c;
	struct kp_summary s[3];
	struct kp_progress_opts o;
	char x[2], y[2], cs[8], ch[8];
};

/*
 * Three congresses, by hand:
 * 0 (parent X, level cs): done 2020-05-10; committee of 3 seats, 3 elected:
 *   a woman of 35 (first-time), men of 45 (re-elected) and 52 (re-elected);
 *   an outgoing committee of 3, of which 1 not re-elected; a secretary
 *   (the man of 45) elected directly; a standing committee of 2 men;
 *   summoned 100, present 96.
 * 1 (parent X, level cs, young under 36 by its own row): done 2020-05-08;
 *   a committee of 2 seats, 1 filled (closed): a woman of 35, young
 *   (35 < 36); a standing committee of her alone. Summoned 50, present 50.
 * 2 (parent Y, level ch): suspended, not started.
 */
static void setup(struct fixture *f)
{
	const struct kp_person c0[3] = { woman(35, 0), man(45, 1), man(52, 1) };
	const struct kp_person p0[3] = { man(45, -1), man(52, -1), man(60, -1) };
	const struct kp_person s0[1] = { man(45, 1) };
	const struct kp_person st0[2] = { man(45, -1), man(52, -1) };
	const struct kp_person c1[1] = { woman(35, 0) };
	size_t i;

	memset(f, 0, sizeof(*f));
	strcpy(f->x, "X");
	strcpy(f->y, "Y");
	strcpy(f->cs, "cs");
	strcpy(f->ch, "ch");
	f->c.orgs = f->orgs;
	f->c.n = 3;
	for (i = 0; i < 3; i++) {
		f->orgs[i].parent = i < 2 ? f->x : f->y;
		f->orgs[i].level = i < 2 ? f->cs : f->ch;
	}
	f->orgs[1].young_under = 36;
	f->orgs[2].state = KP_STATE_SUSPENDED;
	f->orgs[2].scheduled = (struct kp_date){ 2020, 5, 1 };
	f->s[0].status = KP_ORG_DONE;
	f->s[0].started = 1;
	f->s[0].done_date = (struct kp_date){ 2020, 5, 10 };
	body(&f->s[0].bodies[KP_BODY_COMMITTEE], 3, c0, 3);
	body(&f->s[0].prev_bodies[KP_BODY_COMMITTEE], 3, p0, 3);
	body(&f->s[0].bodies[KP_BODY_SECRETARY], 1, s0, 1);
	f->s[0].bodies[KP_BODY_SECRETARY].direct = 1;
	body(&f->s[0].bodies[KP_BODY_STANDING], 2, st0, 2);
	f->s[0].has_not_reelected = 1;
	f->s[0].not_reelected = 1;
	f->s[0].seats = 6;
	f->s[0].filled = 6;
	f->s[0].summoned = 100;
	f->s[0].present = 96;
	f->s[0].has_present = 1;
	f->s[1].status = KP_ORG_DONE;
	f->s[1].started = 1;
	f->s[1].done_date = (struct kp_date){ 2020, 5, 8 };
	body(&f->s[1].bodies[KP_BODY_COMMITTEE], 2, c1, 1);
	body(&f->s[1].bodies[KP_BODY_STANDING], 1, c1, 1);
	f->s[1].seats = 3;
	f->s[1].filled = 2;
	f->s[1].summoned = 50;
	f->s[1].present = 50;
	f->s[1].has_present = 1;
	f->s[2].status = KP_ORG_NOT_STARTED;
	/* the thresholds each was counted with */
	f->s[0].young_under = f->s[2].young_under = 40;
	f->s[1].young_under = 36;
	f->o.as_of = (struct kp_date){ 2020, 5, 15 };
	f->o.young_under = 40;
	f->o.limits.min_percent = 10;
	f->o.limits.max_percent = 30;
	f->o.target_max = 15;
	kp_bands_default(&f->o.bands);
	f->o.targets[0] = (struct kp_target){ KP_TARGET_WOMEN, 34 };
	f->o.targets[1] = (struct kp_target){ KP_TARGET_YOUNG, 50 };
	f->o.targets[2] = (struct kp_target){ KP_TARGET_STANDING_WOMAN, 50 };
	f->o.ntargets = 3;
}

static void teardown(struct fixture *f)
{
	size_t i;

	for (i = 0; i < 3; i++)
		kp_summary_release(&f->s[i]);
}

static void people_figures_by_hand(void **state)
{
	struct fixture f;
	struct kp_progress p;

	(void)state;
	setup(&f);
	kp_progress_compute(&p, &f.c, f.s, &f.o);
	/* completion */
	assert_int_equal(p.total, 3);
	assert_int_equal(p.done, 2);
	assert_int_equal(p.started, 2);
	assert_int_equal(p.suspended, 1);
	assert_false(p.overdue[2]);	/* suspended: not late */
	assert_int_equal(p.nlevels, 2);
	assert_string_equal(p.levels[0].level, "cs");
	assert_int_equal(p.levels[0].done, 2);
	assert_int_equal(p.levels[1].done, 0);
	/* X finished on the 10th (the later of its two); Y did not */
	assert_int_equal(p.nfinished, 1);
	assert_int_equal(p.finish_order[0], 0);
	assert_int_equal(p.parents[0].finished.day, 10);
	assert_int_equal(p.parents[1].finished.year, 0);
	/* seats: 9 decided, 8 filled, in 1 congress */
	assert_int_equal(p.seats_decided, 9);
	assert_int_equal(p.seats_filled, 8);
	assert_int_equal(p.unfilled_orgs, 1);
	/* committees: 4 members, 2 women; young: 35 under 40 (org 0) and 35
	 * under 36 (org 1's own threshold) */
	assert_int_equal(p.committees_n, 2);
	assert_int_equal(p.committees.n, 4);
	assert_int_equal(p.committees.women, 2);
	assert_int_equal(p.committees.young, 2);
	assert_int_equal(p.committees.reelected, 2);
	assert_int_equal(p.committees.first_time, 2);
	assert_int_equal(p.committees.bands[0], 2);	/* 35, 35 */
	assert_int_equal(p.committees.bands[1], 1);	/* 45 */
	assert_int_equal(p.committees.bands[2], 1);	/* 52 */
	/* (35 + 45 + 52 + 35) / 4 = 41.75 -> 41.8 */
	assert_int_equal(kp_comp_age_mean_x10(&p.committees), 418);
	/* the outgoing committee of org 0 only */
	assert_int_equal(p.prev_committees_n, 1);
	assert_int_equal(p.prev_committees.n, 3);
	assert_int_equal(p.prev_committees.young, 0);
	assert_int_equal(p.not_reelected, 1);
	assert_int_equal(p.not_reelected_of, 3);
	/* secretaries, standing committees, attendance */
	assert_int_equal(p.secretaries.n, 1);
	assert_int_equal(p.secretaries.reelected, 1);
	assert_int_equal(p.secretaries_direct, 1);
	assert_int_equal(p.standing_n, 2);
	assert_int_equal(p.standing_with_woman, 1);
	assert_int_equal(p.attendance_orgs, 2);
	assert_int_equal(p.summoned, 150);
	assert_int_equal(p.present, 146);
	/* targets: women 34%: org 0 has 1/3 = 33.3% (not met), org 1 1/1
	 * (met); overall 2/4 = 50%, met. Young 50%: 1/3 no, 1/1 yes. A
	 * standing committee with a woman, 50%: org 0 no, org 1 yes; 1/2 */
	assert_int_equal(p.targets[0].met, 1);
	assert_int_equal(p.targets[0].of, 2);
	assert_int_equal(p.targets[0].num, 2);
	assert_int_equal(p.targets[0].den, 4);
	assert_int_equal(p.target_met[0 * KP_TARGETS_MAX + 0], 2);
	assert_int_equal(p.target_met[1 * KP_TARGETS_MAX + 0], 1);
	assert_int_equal(p.target_met[2 * KP_TARGETS_MAX + 0], 0);
	assert_int_equal(p.targets[1].met, 1);
	assert_int_equal(p.targets[2].met, 1);
	assert_int_equal(p.targets[2].num, 1);
	assert_int_equal(p.targets[2].den, 2);
	kp_progress_release(&p);
	/* one level */
	f.o.level = "ch";
	kp_progress_compute(&p, &f.c, f.s, &f.o);
	assert_int_equal(p.total, 1);
	assert_int_equal(p.committees.n, 0);
	kp_progress_release(&p);
	teardown(&f);
}

/* Young counted again with another threshold: from the ages. */
static void young_again(void **state)
{
	struct fixture f;

	(void)state;
	setup(&f);
	f.s[0].committee_complete = 1;
	f.s[0].young_under = 40;
	f.s[0].young = 1;
	kp_summary_reyoung(&f.s[0], 36);
	assert_int_equal(f.s[0].young, 1);	/* 35 */
	kp_summary_reyoung(&f.s[0], 35);
	assert_int_equal(f.s[0].young, 0);	/* 35 is not under 35 */
	kp_summary_reyoung(&f.s[0], 53);
	assert_int_equal(f.s[0].young, 3);
	assert_int_equal(f.s[0].prev_young, 2);	/* 45, 52 of the outgoing */
	teardown(&f);
}

/* The summary of the fixture's congresses, as progress --format json
 * writes it (the reasons of congress 2 given). */
static json_t *fixture_summary(struct fixture *f)
{
	unsigned nos[2] = { 2, 7 };
	json_t *root, *orgs, *org;
	size_t i;

	kp_summary_why(&f->s[2], KP_WHY_NO_BALLOTS, NULL, NULL, NULL, 0, 0, 0);
	kp_summary_why(&f->s[2], KP_WHY_TIE, "bch", NULL, nos, 2, 0, 0);
	root = json_pack("{s:s,s:i,s:{s:b,s:n,s:n}}", "kind", "kiemphieu-progress",
			 "format", 2, "filters", "pilot", 0, "parent", "level");
	orgs = json_array();
	for (i = 0; i < 3; i++) {
		char id[8];

		snprintf(id, sizeof(id), "o%zu", i);
		f->orgs[i].id = id;
		f->orgs[i].name = id;
		org = json_object();
		kp_org_to_json(org, &f->orgs[i]);
		json_object_set_new(org, "summary", kp_summary_to_json(&f->s[i]));
		json_array_append_new(orgs, org);
		f->orgs[i].id = NULL;
		f->orgs[i].name = NULL;
	}
	json_object_set_new(root, "orgs", orgs);
	return root;
}

/* A summary written and read back is the same summary, and a province
 * merges it in place of its row. */
static void summary_round_trip(void **state)
{
	struct fixture f;
	struct kp_campaign prov;
	struct kp_progress_opts o;
	struct kp_diag_sink sink;
	char *dir = unit_tmpdir(), *a, *b, path[4200];
	json_t *root;
	size_t i;

	(void)state;
	setup(&f);
	root = fixture_summary(&f);
	snprintf(path, sizeof(path), "%s/d.json", dir);
	assert_int_equal(json_dump_file(root, path, JSON_COMPACT), 0);
	json_decref(root);
	unit_writes(dir, "campaign.csv", "org,name,dir\nd,Huyện D,d.json\n");
	kp_diag_sink_init(&sink, unit_keep_diag, NULL);
	unit_diags[0] = '\0';
	{
		struct kp_csv_opts co;
		struct kp_tally_opts to;

		kp_tally_opts_init(&to);
		co = to.csv;
		assert_int_equal(kp_campaign_load(&prov, dir, &co, &sink), KP_EXIT_OK);
	}
	memset(&o, 0, sizeof(o));
	o.young_under = 40;
	assert_int_equal(kp_campaign_merge(&prov, &o, &sink), KP_EXIT_OK);
	assert_string_equal(unit_diags, "");
	assert_int_equal(prov.n, 3);
	assert_int_equal(prov.nmerged, 1);
	assert_int_equal(prov.merged[0].n, 3);
	assert_string_equal(prov.orgs[1].id, "o1");
	assert_int_equal(prov.orgs[1].young_under, 36);
	assert_int_equal(prov.orgs[2].state, KP_STATE_SUSPENDED);
	assert_string_equal(prov.orgs[0].parent, "X");
	for (i = 0; i < 3; i++) {
		json_t *x = kp_summary_to_json(&f.s[i]);
		json_t *y = kp_summary_to_json(&prov.pre[i]);

		a = json_dumps(x, JSON_COMPACT | JSON_PRESERVE_ORDER);
		b = json_dumps(y, JSON_COMPACT | JSON_PRESERVE_ORDER);
		assert_string_equal(a, b);
		free(a);
		free(b);
		json_decref(x);
		json_decref(y);
	}
	/* the reasons, rebuilt from data */
	assert_string_equal(prov.pre[2].reason, "no ballots yet; bch: a tie between "
			    "candidates 2 and 7, a further round is needed");
	kp_campaign_release(&prov);
	teardown(&f);
	unit_rmdir(dir);
}

/* Puts `value` (JSON text) at `path` ("orgs[0].summary.why[1]") in root. */
static void put_at(json_t *root, const char *path, const char *value)
{
	json_t *v = json_loads(value, JSON_DECODE_ANY, NULL), *at = root;
	char key[64];
	size_t n;

	assert_non_null(v);
	while (*path) {
		if (*path == '[') {
			size_t i = strtoul(path + 1, NULL, 10);

			path = strchr(path, ']') + 1;
			if (!*path) {
				assert_int_equal(json_array_set_new(at, i, v), 0);
				return;
			}
			at = json_array_get(at, i);
		} else {
			path += *path == '.';
			n = strcspn(path, ".[");
			assert_true(n < sizeof(key));
			memcpy(key, path, n);
			key[n] = '\0';
			path += n;
			if (!*path) {
				assert_int_equal(json_object_set_new(at, key, v), 0);
				return;
			}
			at = json_object_get(at, key);
		}
		assert_non_null(at);
	}
	fail_msg("no place in the path");
}

/* The JSON of a complete committee, its members and previous as given. */
#define COMMITTEE(members, previous)                                          \
	"{\"surplus\": {\"candidates\": 4, \"seats\": 3, \"surplus\": 1, "          \
	"\"percent_x100\": 3333, \"verdict\": \"ok\"}, \"complete\": true, "        \
	"\"one_round\": true, \"date\": \"2020-05-10\", \"members\": " members ", " \
	"\"women\": 1, \"young\": 1, \"pct_sum_x100\": 0, \"pct_min_x100\": 0, "   \
	"\"over_80\": 0, \"over_90\": 0, \"previous\": " previous "}"

/* One value of a district's summary made wrong at a time: each is refused
 * with its JSON path, and the summary contributes nothing (its row is one
 * invalid congress). */
static void every_value_of_a_summary_is_checked(void **state)
{
	static const struct {
		const char *path, *value, *diag;
	} cases[] = {
		{ "format", "1", "a summary of another layout (format 1): make it "
		  "again with this kiemphieu" },
		{ "orgs", "{}", "orgs: expected a list of congresses" },
		{ "orgs[1]", "1", "orgs[1]: expected an object" },
		{ "orgs[0].org", "\"a/b\"", "orgs[0].org: expected an id, without '/'" },
		{ "orgs[0].name", "\"o\\u0001\"", "orgs[0].name: expected text" },
		{ "orgs[2].scheduled", "\"2020-13-01\"",
		  "orgs[2].scheduled: expected a day YYYY-MM-DD or null" },
		{ "orgs[0].pilot", "0", "orgs[0].pilot: expected true or false" },
		{ "orgs[0].summary", "[]", "orgs[0].summary: expected an object" },
		{ "orgs[0].summary.io_error", "\"no\"",
		  "orgs[0].summary.io_error: expected true or false" },
		{ "orgs[0].summary.why", "{}", "orgs[0].summary.why: expected a list" },
		{ "orgs[2].summary.why[1].candidates", "\"2, 7\"",
		  "orgs[2].summary.why[1].candidates: expected a list of at most 64 "
		  "candidates" },
		{ "orgs[2].summary.why[1].candidates[1]", "-7",
		  "orgs[2].summary.why[1].candidates[1]: expected a whole number "
		  "from 0 to 1000" },
		{ "orgs[0].summary.errors", "\"none\"",
		  "orgs[0].summary.errors: expected a list of at most 3 errors" },
		{ "orgs[0].summary.committee", "1",
		  "orgs[0].summary.committee: expected an object or null" },
		{ "orgs[0].summary.committee", "{\"surplus\": 1}",
		  "orgs[0].summary.committee.surplus: expected an object" },
		{ "orgs[0].summary.committee",
		  "{\"surplus\": {\"candidates\": 4, \"seats\": 3, \"surplus\": 1.5}}",
		  "orgs[0].summary.committee.surplus.surplus: expected a whole number" },
		{ "orgs[0].summary.done_date", "\"10/05/2020 08:00\"",
		  "orgs[0].summary.done_date: expected a day YYYY-MM-DD or null" },
		{ "orgs[0].summary.filled", "7",
		  "orgs[0].summary.filled: expected a whole number from 0 to 6" },
		{ "orgs[0].summary.bodies", "[]",
		  "orgs[0].summary.bodies: expected an object" },
		{ "orgs[0].summary.bodies.committee.people", "{}",
		  "orgs[0].summary.bodies.committee.people: expected a list of people" },
		{ "orgs[0].summary.bodies.committee.people[2]", "[\"M\", 52]",
		  "orgs[0].summary.bodies.committee.people[2]: expected a person, "
		  "[gender, age, ethnicity, education, degree, theory, incumbent, "
		  "local]" },
		{ "orgs[0].summary.bodies.committee.people[2][0]", "\"Nam\"",
		  "orgs[0].summary.bodies.committee.people[2][0]: not a value kiemphieu "
		  "writes there" },
		{ "orgs[0].summary.inputs", "null",
		  "orgs[0].summary.inputs: expected a list of files" },
		/* a committee of 3 people, but 2 members (or 4) in its
		 * figures; and an outgoing one of 3 people, but 2 members or
		 * none given: the province counts the young again from the
		 * people, so they must be the members (a fuzz finding) */
		{ "orgs[0].summary.committee", COMMITTEE("2", "null"),
		  "orgs[0].summary.bodies.committee.people: expected a list of 2 "
		  "people, as committee.members says" },
		{ "orgs[0].summary.committee", COMMITTEE("4", "null"),
		  "orgs[0].summary.bodies.committee.people: expected a list of 4 "
		  "people, as committee.members says" },
		{ "orgs[0].summary.committee",
		  COMMITTEE("3", "{\"members\": 2, \"women\": 0, \"young\": 0}"),
		  "orgs[0].summary.previous_bodies.committee.people: expected a list "
		  "of 2 people, as committee.previous.members says" },
		{ "orgs[0].summary.committee", COMMITTEE("3", "null"),
		  "orgs[0].summary.previous_bodies.committee.people: expected a list "
		  "of 0 people, as committee.previous.members says" },
	};
	struct fixture f;
	json_t *good;
	char *dir = unit_tmpdir(), path[4200];
	size_t i;

	(void)state;
	setup(&f);
	good = fixture_summary(&f);
	snprintf(path, sizeof(path), "%s/d.json", dir);
	unit_writes(dir, "campaign.csv", "org,name,dir\nd,Huyện D,d.json\n");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *root = json_deep_copy(good);
		struct kp_campaign prov;
		struct kp_progress_opts o;
		struct kp_diag_sink sink;
		struct kp_tally_opts to;
		char want[512];

		put_at(root, cases[i].path, cases[i].value);
		assert_int_equal(json_dump_file(root, path, JSON_COMPACT), 0);
		json_decref(root);
		kp_diag_sink_init(&sink, unit_keep_diag, NULL);
		unit_diags[0] = '\0';
		kp_tally_opts_init(&to);
		assert_int_equal(kp_campaign_load(&prov, dir, &to.csv, &sink), KP_EXIT_OK);
		memset(&o, 0, sizeof(o));
		o.young_under = 40;
		assert_int_equal(kp_campaign_merge(&prov, &o, &sink), KP_EXIT_DATA);
		snprintf(want, sizeof(want), "d.json:0:0:e:%s\n", cases[i].diag);
		assert_string_equal(unit_diags, want);
		/* nothing merged: the row is one invalid congress */
		assert_int_equal(prov.nmerged, 0);
		assert_int_equal(prov.n, 1);
		kp_campaign_release(&prov);
	}
	json_decref(good);
	teardown(&f);
	unit_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(people_figures_by_hand),
		cmocka_unit_test(young_again),
		cmocka_unit_test(summary_round_trip),
		cmocka_unit_test(every_value_of_a_summary_is_checked),
	};

	return cmocka_run_group_tests_name("progress", tests, NULL, NULL);
}
