#ifndef KP_PROGRESS_H
#define KP_PROGRESS_H

/*
 * The blocks of the progress report on the people elected, shared by its
 * text, JSON, CSV and HTML (progress_people.c). Private to the library.
 */

#include <jansson.h>

#include "kiemphieu/campaign.h"

/* One line of a composition table: `n` of `of` people (the people whose
 * particular is known), and the same of the outgoing body when `pof`. */
struct kp_fig_row {
	char label[64];			/* in the language of the messages */
	char key[40];			/* its JSON name, "women", "under-40" */
	uint64_t n, of;
	int has_prev;
	uint64_t pn, pof;
};

#define KP_FIG_ROWS 48

/* The rows of a composition: women, young, ethnic minority, re-elected,
 * first-time, not local, the age bands, the levels of education, degree
 * and theory; prev may be NULL. Rows nobody is known for are left out
 * unless `all`. Returns the count. */
size_t kp_fig_rows(const struct kp_comp *c, const struct kp_comp *prev,
		   const struct kp_bands *bands, unsigned young_under, int all,
		   struct kp_fig_row *rows);

/* The rows of the secretaries: re-elected, first-time, women, ethnic
 * minority, not local, elected directly (those known of someone); rows
 * holds 6. */
size_t kp_secretary_rows(const struct kp_progress *p, struct kp_fig_row *rows);

/* The composition as JSON (docs/formats.md, "progress: the people"). */
json_t *kp_comp_json(const struct kp_comp *c, const struct kp_bands *bands);

/* The people blocks of the JSON report into root. */
void kp_progress_people_json(json_t *root, const struct kp_progress *p);

/* The people blocks of the text report. */
void kp_progress_people_text(struct kp_buf *b, const struct kp_progress *p);

/* The ordinal of a rank in the language of the messages: "1st", "thứ 1". */
char *kp_rank_text(char out[32], size_t rank);

#endif
