#ifndef KP_COMPOSITION_H
#define KP_COMPOSITION_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/people.h"

/*
 * Who was elected, person by person, and what the Organization Commission
 * reports of them: women, young, ethnic minorities and their groups, age
 * bands, education, degree and political theory, re-elected and first-time,
 * not local. A congress keeps the people of each body (kp_body); a
 * campaign's figures add them up (kp_comp), so that a province adding its
 * districts' congresses gets the very figures it would get from all the
 * congresses at once.
 */

/* One person, as the figures need them. */
struct kp_person {
	char gender;			/* 'M', 'F' or 0 */
	short age;			/* whole years on the election day, -1 */
	signed char incumbent, local;	/* 1, 0, or -1 not known */
	unsigned char education, degree, theory;	/* enums of people.h */
	char *ethnicity;		/* NFC; NULL when not known */
};

/* The bodies a congress elects, as its report counts them. */
enum kp_body_kind {
	KP_BODY_COMMITTEE,	/* ban chấp hành */
	KP_BODY_STANDING,	/* ban thường vụ */
	KP_BODY_SECRETARY,	/* bí thư */
	KP_BODY_DEPUTY,		/* phó bí thư */
	KP_BODY_DELEGATES,	/* đại biểu chính thức */
	KP_BODY_RESERVES,	/* đại biểu dự khuyết */
	KP_BODY_N
};

const char *kp_body_name(enum kp_body_kind b);	/* "committee"... */

struct kp_body {
	int held;		/* the congress has this election */
	int decided;		/* it is complete or closed */
	int direct;		/* a secretary elected at the congress */
	uint64_t seats;		/* to elect */
	struct kp_person *people;	/* the elected, in order of votes */
	size_t n;
};

void kp_body_release(struct kp_body *b);

/* The age bands: boundaries b[0] < b[1] < ... (default 40, 50): under
 * b[0], b[0]-b[1], b[1]+1-b[2], ..., over b[n-1]. */
#define KP_BANDS_MAX 8
struct kp_bands {
	unsigned b[KP_BANDS_MAX];
	size_t n;
};

void kp_bands_default(struct kp_bands *bands);
/* Parse "40,50": 0, or -1 when it is not rising whole numbers. */
int kp_bands_parse(const char *s, struct kp_bands *out);
/* The label of band i (0..n): "under-40", "40-50", "over-50". */
void kp_band_label(const struct kp_bands *bands, size_t i, char out[32]);

/* An ethnic group and how many. */
struct kp_group {
	char *name;		/* as first written */
	uint64_t n;
};

/* The composition of a set of people. */
struct kp_comp {
	uint64_t n;				/* people */
	uint64_t women, gender_known;
	uint64_t age_known;
	uint64_t young, young_known;		/* young: under its threshold; of
						 * those known (age_known, and the
						 * typed totals of contests.csv) */
	uint64_t age_sum;
	int age_min, age_max;			/* of those known; -1 none */
	uint64_t bands[KP_BANDS_MAX + 1];
	uint64_t minority, ethnicity_known;
	struct kp_group *groups;		/* minorities by group, first seen first */
	size_t ngroups;
	uint64_t education[KP_EDU_N], degree[KP_DEGREE_N], theory[KP_THEORY_N];
	uint64_t reelected, first_time, incumbent_known;
	uint64_t not_local, local_known;
};

void kp_comp_init(struct kp_comp *c);
void kp_comp_release(struct kp_comp *c);

/* Add a person: young when younger than young_under years. */
void kp_comp_add(struct kp_comp *c, const struct kp_person *p,
		 unsigned young_under, const struct kp_bands *bands);

/* The mean age in tenths of a year, rounded half up (0 when none). */
uint64_t kp_comp_age_mean_x10(const struct kp_comp *c);

#endif
