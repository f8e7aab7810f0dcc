/* Who was elected, added up (composition.h). */
#include "kiemphieu/composition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

const char *kp_body_name(enum kp_body_kind b)
{
	static const char *const names[] = {
		[KP_BODY_COMMITTEE] = "committee",  [KP_BODY_STANDING] = "standing",
		[KP_BODY_SECRETARY] = "secretary",  [KP_BODY_DEPUTY] = "deputy",
		[KP_BODY_DELEGATES] = "delegates",  [KP_BODY_RESERVES] = "reserves",
	};
	return b < KP_BODY_N ? names[b] : "";
}

void kp_body_release(struct kp_body *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->n; i++)
		free(b->people[i].ethnicity);
	free(b->people);
	memset(b, 0, sizeof(*b));
}

void kp_bands_default(struct kp_bands *bands)
{
	/* under 40 / 40-50 / over 50: the three ages of the cadre policy
	 * (HD 26-HD/BTCTW, domain notes §6) */
	bands->b[0] = 40;
	bands->b[1] = 50;
	bands->n = 2;
}

int kp_bands_parse(const char *s, struct kp_bands *out)
{
	struct kp_bands b;
	char *end;

	memset(&b, 0, sizeof(b));
	while (*s) {
		unsigned long v;

		if (*s < '0' || *s > '9' || b.n == KP_BANDS_MAX)
			return -1;
		v = strtoul(s, &end, 10);
		if (v < 1 || v > 150 || (b.n && v <= b.b[b.n - 1]))
			return -1;
		b.b[b.n++] = (unsigned)v;
		s = end;
		if (*s == ',')
			s++;
		else if (*s)
			return -1;
	}
	if (!b.n)
		return -1;
	*out = b;
	return 0;
}

void kp_band_label(const struct kp_bands *bands, size_t i, char out[32])
{
	if (i == 0)
		snprintf(out, 32, "under-%u", bands->b[0]);
	else if (i >= bands->n && bands->n == 1)
		snprintf(out, 32, "%u-and-over", bands->b[0]);
	else if (i >= bands->n)
		snprintf(out, 32, "over-%u", bands->b[bands->n - 1]);
	else
		snprintf(out, 32, "%u-%u", i == 1 ? bands->b[0] : bands->b[i - 1] + 1,
			 bands->b[i]);
}

/* The band of an age. */
static size_t band_of(const struct kp_bands *bands, int age)
{
	size_t i;

	if (age < (int)bands->b[0])
		return 0;
	for (i = 1; i < bands->n; i++)
		if (age <= (int)bands->b[i])
			return i;
	return bands->n;
}

void kp_comp_init(struct kp_comp *c)
{
	memset(c, 0, sizeof(*c));
	c->age_min = c->age_max = -1;
}

void kp_comp_release(struct kp_comp *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->ngroups; i++)
		free(c->groups[i].name);
	free(c->groups);
	kp_comp_init(c);
}

static void add_group(struct kp_comp *c, const char *name)
{
	size_t i;

	/* a group is one however its name is cased */
	for (i = 0; i < c->ngroups; i++)
		if (kp_text_eq_ci(c->groups[i].name, strlen(c->groups[i].name), name)) {
			c->groups[i].n++;
			return;
		}
	c->groups = kp_xrealloc(c->groups, (c->ngroups + 1) * sizeof(*c->groups));
	c->groups[c->ngroups].name = kp_xstrdup(name);
	c->groups[c->ngroups].n = 1;
	c->ngroups++;
}

void kp_comp_add(struct kp_comp *c, const struct kp_person *p,
		 unsigned young_under, const struct kp_bands *bands)
{
	c->n++;
	if (p->gender) {
		c->gender_known++;
		c->women += p->gender == 'F';
	}
	if (p->age >= 0) {
		c->age_known++;
		c->young_known++;
		c->young += p->age < (int)young_under;
		c->age_sum += (uint64_t)p->age;
		if (c->age_min < 0 || p->age < c->age_min)
			c->age_min = p->age;
		if (p->age > c->age_max)
			c->age_max = p->age;
		c->bands[band_of(bands, p->age)]++;
	}
	if (p->ethnicity) {
		struct kp_particulars pp;

		kp_particulars_init(&pp);
		pp.ethnicity = p->ethnicity;
		c->ethnicity_known++;
		if (kp_minority(&pp)) {
			c->minority++;
			add_group(c, p->ethnicity);
		}
	}
	if (p->education < KP_EDU_N)
		c->education[p->education]++;
	if (p->degree < KP_DEGREE_N)
		c->degree[p->degree]++;
	if (p->theory < KP_THEORY_N)
		c->theory[p->theory]++;
	if (p->incumbent >= 0) {
		c->incumbent_known++;
		c->reelected += p->incumbent == 1;
		c->first_time += p->incumbent == 0;
	}
	if (p->local >= 0) {
		c->local_known++;
		c->not_local += p->local == 0;
	}
}

uint64_t kp_comp_age_mean_x10(const struct kp_comp *c)
{
	if (!c->age_known)
		return 0;
	return (c->age_sum * 20 + c->age_known) / (2 * c->age_known);
}
