/* Ballot-entry sheets: the empty ballot file of a contest's next round. */
#include "kiemphieu/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/columns.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

static int elected_in(const struct kp_elected *e, size_t n, unsigned no)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (e[i].no == no)
			return 1;
	return 0;
}

static void plan_one(struct kp_sheet *s, const struct kp_contest_result *cr)
{
	const struct kp_contest *ct = cr->ct;
	size_t i;

	s->ct = ct;
	s->round = (unsigned)cr->nrounds + 1;
	s->nos = kp_xcalloc(ct->ncands + 1, sizeof(*s->nos));
	s->n = 0;
	s->tie = cr->nrounds > 0 && cr->ntied > 0;
	s->present = ct->nrounds >= s->round;
	s->seats = cr->next;
	if (s->tie) {
		/* a tie at the last seat: the congress votes again among
		 * those tied (rules.md, ties) */
		for (i = 0; i < cr->ntied; i++)
			s->nos[s->n++] = cr->tied[i];
		return;
	}
	for (i = 0; i < ct->ncands; i++) {
		unsigned no = ct->cands[i].no;

		/* a name added for a later round stands from that round on */
		if (ct->cands[i].round > s->round)
			continue;
		if (!elected_in(cr->elected, cr->nelected, no) &&
		    !elected_in(cr->reserves, cr->nreserves, no))
			s->nos[s->n++] = no;
	}
}

size_t kp_sheets_plan(const struct kp_results *res, struct kp_sheet **out)
{
	struct kp_sheet *s = kp_xcalloc(res->n + 1, sizeof(*s));
	size_t i, n = 0;

	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];

		if (cr->status != KP_STATUS_NOT_STARTED &&
		    cr->status != KP_STATUS_PENDING)
			continue;
		plan_one(&s[n], cr);
		if (s[n].n)
			n++;
		else
			free(s[n].nos); /* no one left to vote for */
	}
	*out = s;
	return n;
}

void kp_sheets_release(struct kp_sheet *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].nos);
	free(s);
}

char *kp_sheet_name(const struct kp_sheet *s)
{
	size_t n = strlen(s->ct->id) + 16;
	char *name = kp_xmalloc(n);

	if (s->round == 1)
		snprintf(name, n, "%s.csv", s->ct->id);
	else
		snprintf(name, n, "%s.r%u.csv", s->ct->id, s->round);
	return name;
}

/* A candidate's column: the name when it reads back as that candidate
 * alone and stays text in Excel, else the number (into num). */
static const char *column(const struct kp_contest *ct, unsigned no,
			  char num[16])
{
	const struct kp_candidate *cd = &ct->cands[no - 1];
	const char *name = cd->name;
	size_t len = strlen(name);
	int ambiguous;

	snprintf(num, 16, "%u", no);
	if (!len || strchr("=+-@", name[0]) ||
	    kp_column_is(name, len, "ballot") || kp_column_is(name, len, "void") ||
	    kp_contest_lookup(ct, name, len, &ambiguous) != cd)
		return num;
	return name;
}

void kp_sheet_csv(struct kp_buf *b, const struct kp_sheet *s)
{
	const char **row = kp_xcalloc(s->n + 2, sizeof(*row));
	char (*nums)[16] = kp_xcalloc(s->n + 1, sizeof(*nums));
	size_t i;

	row[0] = "ballot";
	for (i = 0; i < s->n; i++)
		row[i + 1] = column(s->ct, s->nos[i], nums[i]);
	row[s->n + 1] = "void";
	kp_csv_put_unicode_row(b, row, s->n + 2);
	free(nums);
	free(row);
}
