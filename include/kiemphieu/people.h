#ifndef KP_PEOPLE_H
#define KP_PEOPLE_H

#include <stddef.h>

/*
 * The particulars of a person that the Organization Commission reports
 * (docs/formats.md, "Particulars"): ethnicity, general education,
 * professional degree, political theory, whether a member of the outgoing
 * body and whether a local person. Every value is optional; an unknown one
 * is left out of the figures, which then say how many people they cover.
 */

enum kp_education {
	KP_EDU_UNKNOWN,
	KP_EDU_PRIMARY,		/* tiểu học */
	KP_EDU_LOWER,		/* trung học cơ sở (THCS) */
	KP_EDU_UPPER,		/* trung học phổ thông (THPT: 12/12, 10/10) */
	KP_EDU_N
};

enum kp_degree {
	KP_DEGREE_UNKNOWN,
	KP_DEGREE_NONE,		/* chưa qua đào tạo */
	KP_DEGREE_INTERMEDIATE,	/* trung cấp */
	KP_DEGREE_COLLEGE,	/* cao đẳng */
	KP_DEGREE_BACHELOR,	/* đại học */
	KP_DEGREE_MASTER,	/* thạc sĩ */
	KP_DEGREE_DOCTOR,	/* tiến sĩ */
	KP_DEGREE_N
};

enum kp_theory {
	KP_THEORY_UNKNOWN,
	KP_THEORY_NONE,		/* chưa qua đào tạo */
	KP_THEORY_ELEMENTARY,	/* sơ cấp */
	KP_THEORY_INTERMEDIATE,	/* trung cấp */
	KP_THEORY_ADVANCED,	/* cao cấp */
	KP_THEORY_BACHELOR,	/* cử nhân */
	KP_THEORY_N
};

struct kp_particulars {
	char *ethnicity;	/* NFC, as written; NULL when not given */
	enum kp_education education;
	enum kp_degree degree;
	enum kp_theory theory;
	signed char incumbent;	/* 1 a member of the outgoing body, 0 not,
				 * -1 not given */
	signed char local;	/* 1 a local person, 0 not, -1 not given */
};

void kp_particulars_init(struct kp_particulars *p);
void kp_particulars_release(struct kp_particulars *p);

/* Non-zero when the ethnicity is given and is not Kinh (the majority):
 * an ethnic minority (dân tộc thiểu số). */
int kp_minority(const struct kp_particulars *p);

/* The i-th of every spelling that kp_education_parse, kp_degree_parse and
 * kp_theory_parse know, or NULL past the last (for the tests). */
const char *kp_people_word(size_t i);

/*
 * Parse a cell of each column: 0 and *out set, or -1 when it is not a value
 * of that column (an empty cell is 0 with the unknown value). education:
 * "12/12", "9/12", "10/10", "7/10" (years of school out of the system's
 * years), "THPT", "THCS", "tiểu học", or the English names; degree and
 * theory: the Vietnamese levels (trung cấp, đại học, cao cấp, ...), "không",
 * or the English names.
 */
int kp_education_parse(const char *s, size_t len, enum kp_education *out);
int kp_degree_parse(const char *s, size_t len, enum kp_degree *out);
int kp_theory_parse(const char *s, size_t len, enum kp_theory *out);

/* The JSON names: "upper-secondary", "bachelor", "advanced"... ("" for
 * unknown). */
const char *kp_education_name(enum kp_education e);
const char *kp_degree_name(enum kp_degree d);
const char *kp_theory_name(enum kp_theory t);

#endif
