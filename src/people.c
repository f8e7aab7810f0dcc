/* The particulars of people (people.h). */
#include "kiemphieu/people.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/model.h"
#include "kiemphieu/text.h"

void kp_particulars_init(struct kp_particulars *p)
{
	memset(p, 0, sizeof(*p));
	p->incumbent = -1;
	p->local = -1;
}

void kp_particulars_release(struct kp_particulars *p)
{
	if (!p)
		return;
	free(p->ethnicity);
	p->ethnicity = NULL;
}

int kp_minority(const struct kp_particulars *p)
{
	struct kp_text_cell c;
	int kinh;

	if (!p->ethnicity || !p->ethnicity[0])
		return 0;
	kp_text_cell_init(&c, p->ethnicity, strlen(p->ethnicity));
	kinh = kp_text_cell_is(&c, "kinh");
	kp_text_cell_release(&c);
	return !kinh;
}

/* A word of a table: value v when s is one of its spellings. */
struct word {
	const char *text;
	int value;
};

static int lookup(const char *s, size_t len, const struct word *w, size_t n,
		  int *out)
{
	struct kp_text_cell c;
	size_t i;
	int found = -1;

	/* folded once, for every word of the table (each its own key: the
	 * unit test people_words_are_keys) */
	kp_text_cell_init(&c, s, len);
	for (i = 0; i < n && found < 0; i++)
		if (kp_text_cell_is(&c, w[i].text))
			found = (int)i;
	kp_text_cell_release(&c);
	if (found < 0)
		return -1;
	*out = w[found].value;
	return 0;
}

/* The words of each column (each its own kp_text_key: lower case). */
#define NWORDS(t) (sizeof(t) / sizeof((t)[0]))

static const struct word edu_words[] = {
	{ "thpt", KP_EDU_UPPER }, { "trung học phổ thông", KP_EDU_UPPER },
	{ "ptth", KP_EDU_UPPER }, { "upper-secondary", KP_EDU_UPPER },
	{ "thcs", KP_EDU_LOWER }, { "trung học cơ sở", KP_EDU_LOWER },
	{ "ptcs", KP_EDU_LOWER }, { "lower-secondary", KP_EDU_LOWER },
	{ "tiểu học", KP_EDU_PRIMARY }, { "primary", KP_EDU_PRIMARY },
};

static const struct word degree_words[] = {
	{ "không", KP_DEGREE_NONE }, { "none", KP_DEGREE_NONE },
	{ "chưa qua đào tạo", KP_DEGREE_NONE },
	{ "trung cấp", KP_DEGREE_INTERMEDIATE },
	{ "intermediate", KP_DEGREE_INTERMEDIATE },
	{ "cao đẳng", KP_DEGREE_COLLEGE }, { "college", KP_DEGREE_COLLEGE },
	{ "đại học", KP_DEGREE_BACHELOR }, { "cử nhân", KP_DEGREE_BACHELOR },
	{ "kỹ sư", KP_DEGREE_BACHELOR }, { "kĩ sư", KP_DEGREE_BACHELOR },
	{ "bác sĩ", KP_DEGREE_BACHELOR }, { "bachelor", KP_DEGREE_BACHELOR },
	{ "thạc sĩ", KP_DEGREE_MASTER }, { "thạc sỹ", KP_DEGREE_MASTER },
	{ "master", KP_DEGREE_MASTER },
	{ "tiến sĩ", KP_DEGREE_DOCTOR }, { "tiến sỹ", KP_DEGREE_DOCTOR },
	{ "doctor", KP_DEGREE_DOCTOR },
};

static const struct word theory_words[] = {
	{ "không", KP_THEORY_NONE }, { "none", KP_THEORY_NONE },
	{ "chưa qua đào tạo", KP_THEORY_NONE },
	{ "sơ cấp", KP_THEORY_ELEMENTARY }, { "elementary", KP_THEORY_ELEMENTARY },
	{ "trung cấp", KP_THEORY_INTERMEDIATE },
	{ "intermediate", KP_THEORY_INTERMEDIATE },
	{ "cao cấp", KP_THEORY_ADVANCED }, { "advanced", KP_THEORY_ADVANCED },
	{ "cử nhân", KP_THEORY_BACHELOR }, { "bachelor", KP_THEORY_BACHELOR },
};

const char *kp_people_word(size_t i)
{
	static const struct {
		const struct word *w;
		size_t n;
	} all[] = {
		{ edu_words, NWORDS(edu_words) },
		{ degree_words, NWORDS(degree_words) },
		{ theory_words, NWORDS(theory_words) },
	};
	size_t t;

	for (t = 0; t < sizeof(all) / sizeof(all[0]); t++) {
		if (i < all[t].n)
			return all[t].w[i].text;
		i -= all[t].n;
	}
	return NULL;
}

/* Leading and trailing spaces off. */
static void trim(const char **s, size_t *len)
{
	while (*len && **s == ' ')
		(*s)++, (*len)--;
	while (*len && (*s)[*len - 1] == ' ')
		(*len)--;
}

/* A cell of a column of words: empty is `unknown` (0), else a word of the
 * table, or -1. */
static int word_cell(const char *s, size_t len, const struct word *w, size_t n,
		     int *out)
{
	trim(&s, &len);
	if (!len) {
		*out = 0; /* every table's unknown */
		return 0;
	}
	return lookup(s, len, w, n, out);
}

int kp_education_parse(const char *s, size_t len, enum kp_education *out)
{
	const char *slash;
	uint64_t years, of;
	int v;

	trim(&s, &len);
	if (!len) {
		*out = KP_EDU_UNKNOWN;
		return 0;
	}
	slash = memchr(s, '/', len);
	if (slash && kp_parse_uint(s, (size_t)(slash - s), 12, &years) == 0 &&
	    kp_parse_uint(slash + 1, len - (size_t)(slash - s) - 1, 12, &of) == 0 &&
	    (of == 12 || of == 10) && years >= 1 && years <= of) {
		/* the 12-year system (and the 10-year one of the North before
		 * 1981): all of it is upper secondary, 9/12 or 7/10 lower */
		if (years == of)
			*out = KP_EDU_UPPER;
		else if (years >= (of == 12 ? 9 : 7))
			*out = KP_EDU_LOWER;
		else
			*out = KP_EDU_PRIMARY;
		return 0;
	}
	if (lookup(s, len, edu_words, NWORDS(edu_words), &v) != 0)
		return -1;
	*out = (enum kp_education)v;
	return 0;
}

int kp_degree_parse(const char *s, size_t len, enum kp_degree *out)
{
	int v;

	if (word_cell(s, len, degree_words, NWORDS(degree_words), &v) != 0)
		return -1;
	*out = (enum kp_degree)v;
	return 0;
}

int kp_theory_parse(const char *s, size_t len, enum kp_theory *out)
{
	int v;

	if (word_cell(s, len, theory_words, NWORDS(theory_words), &v) != 0)
		return -1;
	*out = (enum kp_theory)v;
	return 0;
}

const char *kp_education_name(enum kp_education e)
{
	static const char *const names[] = {
		"", "primary", "lower-secondary", "upper-secondary"
	};
	return e < KP_EDU_N ? names[e] : "";
}

const char *kp_degree_name(enum kp_degree d)
{
	static const char *const names[] = {
		"", "none", "intermediate", "college", "bachelor", "master", "doctor"
	};
	return d < KP_DEGREE_N ? names[d] : "";
}

const char *kp_theory_name(enum kp_theory t)
{
	static const char *const names[] = {
		"", "none", "elementary", "intermediate", "advanced", "bachelor"
	};
	return t < KP_THEORY_N ? names[t] : "";
}
