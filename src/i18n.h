#ifndef KP_I18N_H
#define KP_I18N_H

/*
 * Translation of what people read (GNU gettext, domain "kiemphieu"), and
 * the two things that follow the language beside words: the decimal
 * separator and the way a date is written. Machine output (JSON, CSV, the
 * names in them) never goes through these. Private to the program and its
 * library; the catalogue is po/vi.po.
 *
 * The library only looks words up; which language is used is the
 * program's choice (kp_i18n_init(), called by main).
 */

#include <libintl.h>
#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/campaign.h"
#include "kiemphieu/model.h"
#include "kiemphieu/rules.h"

#define KP_DOMAIN "kiemphieu"

#define _(s) kp_gettext(s)
#define N_(s) s
/* one of two forms by count; Vietnamese has one form for every count */
#define Q_(one, many, n) kp_ngettext(one, many, (unsigned long)(n))

/* dgettext and dngettext in the domain; with KP_I18N_STRICT set in the
 * environment and Vietnamese chosen, a message with no translation is also
 * said on stderr ("kiemphieu: untranslated: ..."), so that a test can find
 * English that a Vietnamese reader would meet. */
const char *kp_gettext(const char *msgid) __attribute__((format_arg(1)));
const char *kp_ngettext(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));
/* a word that needs its context to be translated: "tie" as a result */
#define P_(ctx, s) kp_pgettext(ctx "\004" s, s)

const char *kp_pgettext(const char *ctx_msgid, const char *msgid)
	__attribute__((format_arg(2)));

/* The decimal separator of the language: '.' in English, ',' in
 * Vietnamese (83,33%). */
char kp_decimal_sep(void);

/* A date as the language writes it: 2020-04-10 or 10/04/2020. */
char *kp_date_text(char out[16], const struct kp_date *d);

/* A percentage in hundredths (8333) as the language writes it: 83.33 or
 * 83,33 (no % sign). */
char *kp_percent_text(char out[24], uint64_t x100);

/* The words of results in the language: "trúng cử" for "elected"... */
const char *kp_verdict_text(enum kp_verdict v);
const char *kp_kind_text(enum kp_kind k);
const char *kp_result_text(enum kp_result r);
const char *kp_status_text(enum kp_status st);
const char *kp_org_status_text(enum kp_org_status st);

/*
 * Pick the language: lang is "vi", "en", or NULL to follow LANGUAGE,
 * LC_ALL, LC_MESSAGES and LANG as gettext does (C or POSIX: English).
 * Vietnamese works on a machine whose only locale is C.UTF-8: the choice
 * does not depend on vi_VN being installed. Catalogues are looked up in
 * localedir. Returns the language chosen: "vi" or "en".
 */
const char *kp_i18n_init(const char *lang, const char *localedir);

/* The language chosen by kp_i18n_init(): "vi" or "en". */
const char *kp_i18n_lang(void);

#endif
