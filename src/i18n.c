/* Language choice and the decimal separator and date of the language. */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/rules.h"
#include "kiemphieu/tally.h"

static const char *chosen = "en";
static int strict;	/* KP_I18N_STRICT: say what is not translated */

static void untranslated(const char *msgid)
{
	if (strict && msgid[0])
		fprintf(stderr, "kiemphieu: untranslated: %s\n", msgid);
}

const char *kp_gettext(const char *msgid)
{
	const char *t = dgettext(KP_DOMAIN, msgid);

	if (t == msgid)
		untranslated(msgid);
	return t;
}

const char *kp_ngettext(const char *one, const char *many, unsigned long n)
{
	const char *t = dngettext(KP_DOMAIN, one, many, n);

	if (t == one || t == many)
		untranslated(one);
	return t;
}

const char *kp_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = dgettext(KP_DOMAIN, ctx_msgid);

	if (t == ctx_msgid)
		untranslated(msgid);
	return t == ctx_msgid ? msgid : t;
}

char kp_decimal_sep(void)
{
	/* TRANSLATORS: the decimal separator, one character: "," in
	 * Vietnamese (83,33%) */
	const char *s = P_("decimal separator", ".");

	return s[0] && !s[1] ? s[0] : '.';
}

char *kp_date_text(char out[16], const struct kp_date *d)
{
	/* TRANSLATORS: how a date is written, with %Y the year, %m the
	 * month and %d the day, each once: "%d/%m/%Y" in Vietnamese */
	/* xgettext:no-c-format */
	const char *f = P_("date format", "%Y-%m-%d");
	size_t o = 0;

	for (; *f && o < 12; f++) {
		int n;

		if (f[0] != '%' || !f[1]) {
			out[o++] = *f;
			continue;
		}
		f++;
		if (*f == 'Y')
			n = snprintf(out + o, 16 - o, "%04d", d->year);
		else if (*f == 'm')
			n = snprintf(out + o, 16 - o, "%02d", d->month);
		else if (*f == 'd')
			n = snprintf(out + o, 16 - o, "%02d", d->day);
		else
			n = snprintf(out + o, 16 - o, "%%%c", *f);
		o += n > 0 ? (size_t)n : 0;
	}
	out[o < 16 ? o : 15] = '\0';
	return out;
}

char *kp_percent_text(char out[24], uint64_t x100)
{
	return kp_rules_fmt_x100(out, x100, kp_decimal_sep());
}

/* --- the words of the results, for people (JSON keeps kp_*_name) --- */

const char *kp_verdict_text(enum kp_verdict v)
{
	switch (v) {
	case KP_VERDICT_OK:
		return P_("surplus verdict", "ok");
	case KP_VERDICT_BELOW_MIN:
		return P_("surplus verdict", "below-min");
	case KP_VERDICT_ABOVE_MAX:
		return P_("surplus verdict", "above-max");
	case KP_VERDICT_NOT_REQUIRED:
		return P_("surplus verdict", "not-required");
	case KP_VERDICT_NONE:
		break;
	}
	return P_("surplus verdict", "none");
}

const char *kp_kind_text(enum kp_kind k)
{
	switch (k) {
	case KP_KIND_COMMITTEE:
		return P_("election kind", "committee");
	case KP_KIND_STANDING:
		return P_("election kind", "standing");
	case KP_KIND_SECRETARY:
		return P_("election kind", "secretary");
	case KP_KIND_DEPUTY:
		return P_("election kind", "deputy");
	case KP_KIND_INSPECTION:
		return P_("election kind", "inspection");
	case KP_KIND_DELEGATES:
		return P_("election kind", "delegates");
	case KP_KIND_OTHER:
		break;
	}
	return P_("election kind", "other");
}

const char *kp_org_status_text(enum kp_org_status st)
{
	switch (st) {
	case KP_ORG_DONE:
		return P_("congress status", "done");
	case KP_ORG_IN_PROGRESS:
		return P_("congress status", "in-progress");
	case KP_ORG_NOT_STARTED:
		return P_("congress status", "not-started");
	case KP_ORG_INVALID:
		break;
	}
	return P_("congress status", "invalid");
}

const char *kp_result_text(enum kp_result r)
{
	switch (r) {
	case KP_RESULT_ELECTED:
		return P_("candidate result", "elected");
	case KP_RESULT_RESERVE:
		return P_("candidate result", "reserve");
	case KP_RESULT_TIE:
		return P_("candidate result", "tie");
	case KP_RESULT_NOT_ELECTED:
		break;
	}
	return P_("candidate result", "not-elected");
}

const char *kp_status_text(enum kp_status st)
{
	switch (st) {
	case KP_STATUS_COMPLETE:
		return P_("contest status", "complete");
	case KP_STATUS_PENDING:
		return P_("contest status", "pending");
	case KP_STATUS_CLOSED:
		return P_("contest status", "closed");
	case KP_STATUS_WAITING:
		return P_("contest status", "waiting");
	case KP_STATUS_NOT_STARTED:
		break;
	}
	return P_("contest status", "not-started");
}

/* The language a locale name or LANGUAGE entry asks for, or NULL. */
static const char *lang_of(const char *s)
{
	if (strncmp(s, "vi", 2) == 0 && (!s[2] || strchr("_.@", s[2])))
		return "vi";
	if (strncmp(s, "en", 2) == 0 && (!s[2] || strchr("_.@", s[2])))
		return "en";
	return NULL;
}

static const char *from_environment(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *loc = NULL, *list, *l;
	size_t i;

	for (i = 0; i < sizeof(vars) / sizeof(vars[0]) && !loc; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			loc = v;
	}
	/* none set: Windows' UI language (elsewhere, English) */
	if (!loc)
		return (l = kp_os_ui_language()) ? l : "en";
	/* as gettext: the C locale means untranslated, LANGUAGE or not */
	if ( strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		return "en";
	list = getenv("LANGUAGE");
	while (list && *list) {
		char one[32];
		size_t n = strcspn(list, ":");

		snprintf(one, sizeof(one), "%.*s", (int)(n < 31 ? n : 31), list);
		if ((l = lang_of(one)))
			return l;
		list += n + (list[n] == ':');
	}
	return (l = lang_of(loc)) ? l : "en";
}

const char *kp_i18n_init(const char *lang, const char *localedir)
{
	chosen = lang && strcmp(lang, "vi") == 0 ? "vi"
		 : lang ? "en" : from_environment();
	if (strcmp(chosen, "vi") != 0) {
		/* the messages are written in English: no catalogue at all */
		strict = 0;
		setlocale(LC_MESSAGES, "C");
		return chosen;
	}
	/*
	 * gettext translates only when LC_MESSAGES is not "C". vi_VN is
	 * rarely installed on a server; C.UTF-8 always is on Debian, and with
	 * it LANGUAGE picks the catalogue. Output is UTF-8 whatever the
	 * locale's character set.
	 */
	strict = getenv("KP_I18N_STRICT") != NULL;
	kp_os_setenv("LANGUAGE", "vi");
	if (!setlocale(LC_MESSAGES, "C.UTF-8") &&
	    !setlocale(LC_MESSAGES, "C.utf8") &&
	    !setlocale(LC_MESSAGES, "vi_VN.UTF-8"))
		setlocale(LC_MESSAGES, "");
	kp_os_bindtextdomain(KP_DOMAIN, localedir);
	bind_textdomain_codeset(KP_DOMAIN, "UTF-8");
	/* the C library's own messages (strerror) too: in the "C" character
	 * set they would come out with '?' for every Vietnamese letter */
	bind_textdomain_codeset("libc", "UTF-8");
	return chosen;
}

const char *kp_i18n_lang(void)
{
	return chosen;
}
