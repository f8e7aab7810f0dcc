/* A campaign of congresses: campaign.csv, per-congress summaries, figures. */
#include "kiemphieu/campaign.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kiemphieu/audit.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/idset.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

const char *kp_org_status_name(enum kp_org_status s)
{
	static const char *const names[] = {
		[KP_ORG_DONE] = "done",
		[KP_ORG_IN_PROGRESS] = "in-progress",
		[KP_ORG_NOT_STARTED] = "not-started",
		[KP_ORG_INVALID] = "invalid",
	};
	return names[s];
}

int kp_campaign_detect(const char *dir)
{
	char *p = kp_path_join(dir, "campaign.csv"), *q = kp_path_join(dir, "campaign.xlsx");
	int yes = kp_os_is_file(p) || kp_os_is_file(q);

	free(p);
	free(q);
	return yes;
}

/* --- campaign.csv --- */

enum { CP_ORG, CP_NAME, CP_PARENT, CP_PILOT, CP_SCHEDULED, CP_DIR, CP_LEVEL,
       CP_STATUS, CP_REASON, CP_YOUNG, CP_SUMMARY, CP_N };

struct load_ctx {
	struct kp_campaign *c;
	struct kp_column cols[CP_N];
	size_t width;
	struct kp_idset ids;	/* the org ids seen: a duplicate is an error */
	struct kp_idset folders;	/* their folders, resolved: likewise */
	char *real;		/* the campaign folder, resolved */
};

static int campaign_header(void *vctx, const struct kp_csv_record *r,
			   struct kp_diag_sink *sink)
{
	struct load_ctx *x = vctx;
	static const struct kp_column init[CP_N] = {
		{ "org", 1, -1 },    { "name", 0, -1 },	     { "parent", 0, -1 },
		{ "pilot", 0, -1 },  { "scheduled", 0, -1 }, { "dir", 0, -1 },
		{ "level", 0, -1 },  { "status", 0, -1 },    { "reason", 0, -1 },
		{ "young_under", 0, -1 }, { "summary", 0, -1 },
	};

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	return kp_columns_map(x->cols, CP_N, r, sink) != KP_EXIT_OK;
}

static const struct kp_csv_field *cfield(const struct kp_csv_record *r, long i)
{
	static const struct kp_csv_field none = { "", 0 };

	return i < 0 || (size_t)i >= r->nfields ? &none : &r->fields[i];
}

/* A relative path that stays inside its folder: no leading '/', and no
 * ".." that climbs above where it starts (on Windows '\\' separates too,
 * and a drive letter or a stream, "C:", is refused). */
static int stays_inside(const char *p)
{
	int depth = 0;

	if (!*p || kp_os_is_sep((unsigned char)*p) || kp_os_is_absolute(p) ||
	    (kp_os_is_sep('\\') && strchr(p, ':')))
		return 0;
	while (*p) {
		size_t n = 0;

		while (p[n] && !kp_os_is_sep((unsigned char)p[n]))
			n++;

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0)
				return 0;
		} else if (n && !(n == 1 && p[0] == '.')) {
			depth++;
		}
		p += n;
		while (kp_os_is_sep((unsigned char)*p))
			p++;
	}
	return 1;
}

/* The org of campaign.csv's line `line`, for a message. */
static const char *org_on_line(const struct kp_campaign *c, uint64_t line)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->orgs[i].line == line)
			return c->orgs[i].id;
	return "?";
}

/* The column of a row's dir, for an error only: finding it parses the row
 * again. */
static uint64_t dir_col(const struct load_ctx *x, const struct kp_csv_record *r)
{
	return x->cols[CP_DIR].index < 0 ? 1 : kp_csv_col(r, (size_t)x->cols[CP_DIR].index);
}

/*
 * A congress folder, resolved, must lie inside the campaign folder however
 * it is reached (a link may lead out where ".." may not), and be listed
 * once however it is written ("a", "a/", "./a", "b/../a"). A folder that is
 * not there is left for the congress's own error. 0, or -1 after an error.
 */
static int check_folder(struct load_ctx *x, const struct kp_org *o,
			const struct kp_csv_record *r, struct kp_diag_sink *sink)
{
	char *real = kp_os_realpath_child(x->real, o->dir, o->path), q[128];
	uint64_t first;
	int status = 0;

	if (!real || !x->real) {
		free(real);
		return 0;
	}
	if (!kp_os_path_within(real, x->real)) {
		kp_error(sink, r->file, r->line, dir_col(x, r),
			 "dir '%s': its folder is outside the campaign folder "
			 "(through a link): refused",
			 kp_diag_quote(q, sizeof(q), o->dir, strlen(o->dir)));
		status = -1;
	} else if (!kp_idset_add(&x->folders, real, strlen(real), r->line, &first)) {
		kp_error(sink, r->file, r->line, dir_col(x, r),
			 "dir '%s' is the folder of org '%s' on line %llu too: a "
			 "congress is listed once",
			 kp_diag_quote(q, sizeof(q), o->dir, strlen(o->dir)),
			 org_on_line(x->c, first), (unsigned long long)first);
		status = -1;
	}
	free(real);
	return status;
}

void kp_org_release(struct kp_org *o)
{
	free(o->id);
	free(o->name);
	free(o->parent);
	free(o->level);
	free(o->state_reason);
	free(o->dir);
	free(o->path);
	free(o->summary);
}

const char *kp_org_state_name(enum kp_org_state s)
{
	return s == KP_STATE_SUSPENDED ? "suspended" :
	       s == KP_STATE_POSTPONED ? "postponed" : "";
}

/* A row's status: empty, "suspended" (tạm dừng), "postponed" (hoãn). */
static int parse_state(const char *s, size_t len, enum kp_org_state *out)
{
	if (!len || kp_text_eq_ascii_ci(s, len, "active")) {
		*out = KP_STATE_ACTIVE;
		return 0;
	}
	if (kp_text_eq_ascii_ci(s, len, "suspended") ||
	    (kp_text_valid(s, len) && kp_text_eq_ci(s, len, "tạm dừng"))) {
		*out = KP_STATE_SUSPENDED;
		return 0;
	}
	if (kp_text_eq_ascii_ci(s, len, "postponed") ||
	    (kp_text_valid(s, len) && (kp_text_eq_ci(s, len, "hoãn") ||
				       kp_text_eq_ci(s, len, "tạm hoãn")))) {
		*out = KP_STATE_POSTPONED;
		return 0;
	}
	return -1;
}

static int campaign_row(void *vctx, const struct kp_csv_record *r,
			struct kp_diag_sink *sink)
{
	struct load_ctx *x = vctx;
	struct kp_campaign *c = x->c;
	const struct kp_csv_field *f;
	struct kp_org o;
	char q[128];
	uint64_t first;
	int bad = 0;

	if (r->nfields != x->width) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, r->nfields < x->width ? r->nfields : x->width),
			 "expected %zu fields as in the header, found %zu",
			 x->width, r->nfields);
		return 0;
	}
	memset(&o, 0, sizeof(o));
	o.line = r->line;
	f = cfield(r, x->cols[CP_ORG].index);
	/* ids that look the same are the same (kp_text_fold_id) */
	o.id = kp_text_fold_id(f->s, f->len);
	if (!o.id[0] || strchr(o.id, '/')) {
		kp_error(sink, r->file, r->line,
			 kp_csv_col(r, (size_t)x->cols[CP_ORG].index),
			 "org '%s': expected an id, without '/'",
			 kp_diag_quote(q, sizeof(q), f->s, f->len));
		bad = 1;
	}
	/* a set, not a scan of the rows before: 52,105 congresses would
	 * cost 1.4 billion comparisons */
	if (!bad && !kp_idset_add(&x->ids, o.id, strlen(o.id), r->line, &first))
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CP_ORG].index),
			       "org '%s' appears twice (first on line %llu)",
			       o.id, (unsigned long long)first);
	f = cfield(r, x->cols[CP_NAME].index);
	o.name = f->len ? kp_text_nfc(f->s, f->len) : kp_xstrdup(o.id);
	f = cfield(r, x->cols[CP_PARENT].index);
	o.parent = kp_text_nfc(f->s, f->len);
	f = cfield(r, x->cols[CP_PILOT].index);
	if (kp_parse_yes_no(f->s, f->len, &o.pilot) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CP_PILOT].index),
			       "pilot '%s': expected yes or no",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = cfield(r, x->cols[CP_SCHEDULED].index);
	if (f->len && kp_date_parse(f->s, f->len, &o.scheduled) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CP_SCHEDULED].index),
			       "scheduled '%s': expected a day as YYYY-MM-DD or DD/MM/YYYY",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = cfield(r, x->cols[CP_LEVEL].index);
	o.level = kp_text_nfc(f->s, f->len);
	f = cfield(r, x->cols[CP_STATUS].index);
	if (parse_state(f->s, f->len, &o.state) != 0)
		bad = kp_error(sink, r->file, r->line,
			       kp_csv_col(r, (size_t)x->cols[CP_STATUS].index),
			       "status '%s': expected empty, suspended (tạm dừng) "
			       "or postponed (hoãn)",
			       kp_diag_quote(q, sizeof(q), f->s, f->len));
	f = cfield(r, x->cols[CP_REASON].index);
	o.state_reason = kp_text_nfc(f->s, f->len);
	f = cfield(r, x->cols[CP_YOUNG].index);
	if (f->len) {
		uint64_t v;

		if (kp_parse_uint(f->s, f->len, 120, &v) != 0 || v < 1)
			bad = kp_error(sink, r->file, r->line,
				       kp_csv_col(r, (size_t)x->cols[CP_YOUNG].index),
				       "young_under '%s': expected an age from 1 to 120",
				       kp_diag_quote(q, sizeof(q), f->s, f->len));
		else
			o.young_under = (unsigned)v;
	}
	f = cfield(r, x->cols[CP_SUMMARY].index);
	if (f->len) {
		o.summary = kp_xstrndup(f->s, f->len);
		if (!stays_inside(o.summary))
			bad = kp_error(sink, r->file, r->line,
				       kp_csv_col(r, (size_t)x->cols[CP_SUMMARY].index),
				       "summary '%s': expected a file inside the "
				       "campaign folder, not an absolute path or one "
				       "that leaves it",
				       kp_diag_quote(q, sizeof(q), o.summary,
						     strlen(o.summary)));
	}
	f = cfield(r, x->cols[CP_DIR].index);
	o.dir = f->len ? kp_xstrndup(f->s, f->len) : kp_xstrdup(o.id);
	/* a dir that is a district's summary (.json) stands for it */
	if (!o.summary && f->len > 5 &&
	    kp_text_eq_ascii_ci(f->s + f->len - 5, 5, ".json"))
		o.summary = kp_xstrdup(o.dir);
	if (!stays_inside(o.dir))
		bad = kp_error(sink, r->file, r->line,
			       x->cols[CP_DIR].index < 0 ? 1 :
			       kp_csv_col(r, (size_t)x->cols[CP_DIR].index),
			       "dir '%s': expected a folder inside the campaign "
			       "folder, not an absolute path or one that leaves it",
			       kp_diag_quote(q, sizeof(q), o.dir, strlen(o.dir)));
	if (bad) {
		kp_org_release(&o);
		return 0;
	}
	o.path = kp_path_join(c->dir, o.summary ? o.summary : o.dir);
	if (!o.summary && check_folder(x, &o, r, sink) != 0) {
		kp_org_release(&o);
		return 0;
	}
	c->orgs = kp_xgrow(c->orgs, &c->alloc, c->n + 1, sizeof(*c->orgs));
	c->orgs[c->n++] = o;
	return 0;
}

static void campaign_reset(void *vctx)
{
	struct load_ctx *x = vctx;
	size_t i;

	for (i = 0; i < x->c->n; i++)
		kp_org_release(&x->c->orgs[i]);
	x->c->n = 0;
	kp_idset_clear(&x->ids);
	kp_idset_clear(&x->folders);
}

int kp_campaign_load(struct kp_campaign *c, const char *dir,
		     const struct kp_csv_opts *opts, struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = {
		campaign_header, campaign_row, campaign_reset, NULL, NULL
	};
	struct kp_csv_opts one = *opts;
	struct load_ctx x;
	void *ctx = &x;
	int status;

	memset(c, 0, sizeof(*c));
	c->dir = kp_xstrdup(dir);
	c->file = kp_path_join(dir, "campaign.csv");
	{
		/* the workbook Excel saves, when there is no CSV */
		char *wb = kp_path_join(dir, "campaign.xlsx");

		if (!kp_os_is_file(c->file) && kp_os_is_file(wb)) {
			free(c->file);
			c->file = wb;
		} else {
			free(wb);
		}
	}
	{
		/* a folder's name may be anything: shown escaped */
		char *name = kp_path_name(dir);

		c->name = kp_text_safe(name);
		free(name);
	}
	memset(&x, 0, sizeof(x));
	x.c = c;
	x.real = kp_os_realpath(dir);
	kp_idset_init(&x.ids);
	kp_idset_init(&x.folders);
	one.threads = 1;
	status = kp_csv_read(c->file, NULL, &one, &h, &ctx, 1, sink);
	kp_idset_release(&x.ids);
	kp_idset_release(&x.folders);
	free(x.real);
	return status;
}

void kp_campaign_release(struct kp_campaign *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		kp_org_release(&c->orgs[i]);
		if (c->pre)
			kp_summary_release(&c->pre[i]);
	}
	free(c->orgs);
	free(c->pre);
	for (i = 0; i < c->nmerged; i++) {
		free(c->merged[i].file);
		free(c->merged[i].version);
		free(c->merged[i].campaign);
		free(c->merged[i].as_of);
	}
	free(c->merged);
	free(c->dir);
	free(c->file);
	free(c->name);
	memset(c, 0, sizeof(*c));
}

/* --- a congress named by its campaign --- */

void kp_campaign_name_congress(struct kp_congress *cg, const struct kp_csv_opts *o)
{
	char *up = kp_path_join(cg->dir, ".."), *me;
	struct kp_campaign c;
	struct kp_diag_sink quiet;
	struct kp_csv_opts one = *o;
	size_t i;

	if (!kp_campaign_detect(up)) {
		free(up);
		return;
	}
	me = kp_os_realpath(cg->dir);
	kp_diag_sink_init(&quiet, NULL, NULL);
	one.threads = 1;
	kp_campaign_load(&c, up, &one, &quiet);
	for (i = 0; me && i < c.n; i++) {
		char *it = c.orgs[i].summary ? NULL : kp_os_realpath(c.orgs[i].path);
		int same = it && strcmp(it, me) == 0;

		free(it);
		if (same) {
			/* campaign.csv's name defaults to the id: not a name */
			kp_congress_fill(cg, strcmp(c.orgs[i].name, c.orgs[i].id) ?
					 c.orgs[i].name : NULL, c.orgs[i].parent);
			break;
		}
	}
	kp_campaign_release(&c);
	free(me);
	free(up);
}

/* --- targets.csv --- */

struct targets_ctx {
	struct kp_progress_opts *po;
	struct kp_column cols[2];
	size_t width;
	uint64_t line[KP_TARGET_N];	/* where each figure was set */
};

static int targets_header(void *vctx, const struct kp_csv_record *r,
			  struct kp_diag_sink *sink)
{
	struct targets_ctx *x = vctx;
	static const struct kp_column init[2] = {
		{ "figure", 1, -1 }, { "percent", 1, -1 },
	};

	memcpy(x->cols, init, sizeof(init));
	x->width = r->nfields;
	return kp_columns_map(x->cols, 2, r, sink) != KP_EXIT_OK;
}

static int targets_row(void *vctx, const struct kp_csv_record *r,
		       struct kp_diag_sink *sink)
{
	struct targets_ctx *x = vctx;
	const struct kp_csv_field *f = cfield(r, x->cols[0].index);
	const struct kp_csv_field *p = cfield(r, x->cols[1].index);
	struct kp_target t;
	char q[128];
	uint64_t v;
	size_t i;

	if (r->nfields != x->width)
		return kp_error(sink, r->file, r->line,
				kp_csv_col(r, r->nfields < x->width ? r->nfields : x->width),
				"expected %zu fields as in the header, found %zu",
				x->width, r->nfields), 0;
	if (kp_target_parse(f->s, f->len, &t.figure) != 0)
		return kp_error(sink, r->file, r->line,
				kp_csv_col(r, (size_t)x->cols[0].index),
				"figure '%s': expected women (nữ), young (trẻ), "
				"ethnic_minority (dân tộc thiểu số) or standing_woman "
				"(thường vụ có nữ)",
				kp_diag_quote(q, sizeof(q), f->s, f->len)), 0;
	/* "15" or "15%" */
	if (kp_parse_uint(p->s, p->len && p->s[p->len - 1] == '%' ? p->len - 1 :
			  p->len, 100, &v) != 0)
		return kp_error(sink, r->file, r->line,
				kp_csv_col(r, (size_t)x->cols[1].index),
				"percent '%s': expected a whole percent from 0 to 100",
				kp_diag_quote(q, sizeof(q), p->s, p->len)), 0;
	if (x->line[t.figure])
		return kp_error(sink, r->file, r->line,
				kp_csv_col(r, (size_t)x->cols[0].index),
				"figure '%s' has a target already (line %llu)",
				kp_target_name(t.figure),
				(unsigned long long)x->line[t.figure]), 0;
	x->line[t.figure] = r->line;
	t.percent = (unsigned)v;
	i = x->po->ntargets++;
	x->po->targets[i] = t;
	return 0;
}

static void targets_reset(void *vctx)
{
	struct targets_ctx *x = vctx;

	x->po->ntargets = 0;
	memset(x->line, 0, sizeof(x->line));
}

int kp_targets_load(struct kp_progress_opts *po, const char *dir,
		    const struct kp_csv_opts *opts, struct kp_diag_sink *sink)
{
	static const struct kp_csv_handler h = {
		targets_header, targets_row, targets_reset, NULL, NULL
	};
	struct kp_csv_opts one = *opts;
	struct targets_ctx x;
	char *path = kp_path_join(dir, "targets.csv");
	void *ctx = &x;
	uint64_t errors = sink->errors;
	int status = KP_EXIT_OK;

	if (kp_os_is_file(path) || kp_os_is_link(path)) {
		memset(&x, 0, sizeof(x));
		x.po = po;
		po->ntargets = 0;
		one.threads = 1;
		status = kp_csv_read(path, NULL, &one, &h, &ctx, 1, sink);
		if (status == KP_EXIT_OK && sink->errors > errors)
			status = KP_EXIT_DATA;
	}
	free(path);
	return status;
}

/* --- one congress --- */

/* Age in whole years on day `on`; a birth year alone is January 1. */
/* Append "; " (unless *to is still NULL) and text to *to. */
static void append_str(char **to, const char *text)
{
	size_t n = *to ? strlen(*to) : 0, len = strlen(text);

	*to = kp_xrealloc(*to, n + 2 + len + 1);
	if (n) {
		memcpy(*to + n, "; ", 2);
		n += 2;
	}
	memcpy(*to + n, text, len + 1);
}

/* A reason why the congress is not done, in English (for JSON and CSV)
 * and in the language of the messages. */
static void add_reason_pair(struct kp_summary *s, const char *en,
			    const char *text)
{
	append_str(&s->reason, en);
	append_str(&s->reason_text, text);
}

static void add_reason(struct kp_summary *s, const char *fmt, ...)
	KP_PRINTF(2, 3);

static void add_reason(struct kp_summary *s, const char *fmt, ...)
{
	char en[256], text[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(en, sizeof(en), fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), _(fmt), ap);
	va_end(ap);
	add_reason_pair(s, en, text);
}

void kp_summary_release(struct kp_summary *s)
{
	size_t i;

	free(s->reason);
	free(s->reason_text);
	for (i = 0; i < s->nerrors; i++) {
		free(s->errors[i]);
		free(s->errors_text[i]);
	}
	for (i = 0; i < KP_BODY_N; i++) {
		kp_body_release(&s->bodies[i]);
		kp_body_release(&s->prev_bodies[i]);
	}
	for (i = 0; i < s->nwhys; i++) {
		free(s->whys[i].contest);
		free(s->whys[i].other);
		free(s->whys[i].nos);
	}
	free(s->whys);
	s->whys = NULL;
	s->nwhys = 0;
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i].name);
	free(s->files);
	s->files = NULL;
	s->nfiles = 0;
	s->reason = s->reason_text = NULL;
	s->nerrors = 0;
}

const char *kp_why_name(enum kp_why w)
{
	static const char *const names[] = {
		[KP_WHY_DATA_ERRORS] = "data-errors",
		[KP_WHY_NO_ELECTION] = "no-election",
		[KP_WHY_NO_BALLOTS] = "no-ballots",
		[KP_WHY_TIE] = "tie",
		[KP_WHY_OPEN_SEATS] = "seats-open",
		[KP_WHY_NOT_STARTED] = "not-started",
		[KP_WHY_WAITING] = "waiting",
		[KP_WHY_SUMMARY_ERRORS] = "summary-errors",
	};
	return w < KP_WHY_N ? names[w] : "";
}

void kp_summary_why(struct kp_summary *s, enum kp_why kind, const char *contest,
		    const char *other, const unsigned *nos, size_t nnos,
		    uint64_t seats, uint64_t round)
{
	struct kp_why_item *x, *w;
	size_t i;

	s->whys = kp_xpush(s->whys, s->nwhys, sizeof(*s->whys));
	x = w = &s->whys[s->nwhys++];
	x->why = kind;
	x->contest = kp_xstrdup(contest ? contest : "");
	x->other = kp_xstrdup(other ? other : "");
	x->nos = kp_xcalloc(nnos + 1, sizeof(*x->nos));
	if (nnos)
		memcpy(x->nos, nos, nnos * sizeof(*x->nos));
	x->nnos = nnos;
	x->seats = seats;
	x->round = round;
	switch (kind) {
	case KP_WHY_DATA_ERRORS:
		add_reason(s, "its data has errors");
		break;
	case KP_WHY_SUMMARY_ERRORS:
		add_reason(s, "its summary has errors");
		break;
	case KP_WHY_NO_ELECTION:
		add_reason(s, "contests.csv lists no election");
		break;
	case KP_WHY_NO_BALLOTS:
		add_reason(s, "no ballots yet");
		break;
	case KP_WHY_TIE: {
		char list[160] = "", nos_text[160] = "", en[256], text[512];
		size_t n = 0, nt = 0;

		/* both lists stop, whole numbers only, well before the end of
		 * their buffers (a translated "and" may be longer) */
		for (i = 0; i < w->nnos && n + 24 < sizeof(list) &&
			    nt + 24 < sizeof(nos_text); i++) {
			const char *sep = !i ? "" : i + 1 < w->nnos ? ", " : NULL;

			n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%u",
					      sep ? sep : " and ", w->nos[i]);
			nt += (size_t)snprintf(nos_text + nt, sizeof(nos_text) - nt,
					       "%s%u", sep ? sep : _(" and "), w->nos[i]);
		}
		snprintf(en, sizeof(en), "%s: a tie between candidates %s, a "
			 "further round is needed", x->contest, list);
		snprintf(text, sizeof(text), _("%s: a tie between candidates %s, a "
					       "further round is needed"),
			 x->contest, nos_text);
		add_reason_pair(s, en, text);
		break;
	}
	case KP_WHY_OPEN_SEATS:
		if (w->seats == 1)
			add_reason(s, "%s: 1 seat open after round %llu, a further "
				      "round is needed", x->contest,
				   (unsigned long long)w->round);
		else
			add_reason(s, "%s: %llu seats open after round %llu, a further "
				      "round is needed", x->contest,
				   (unsigned long long)w->seats,
				   (unsigned long long)w->round);
		break;
	case KP_WHY_NOT_STARTED:
		add_reason(s, "%s: not started", x->contest);
		break;
	case KP_WHY_WAITING:
		add_reason(s, "%s: waits for the committee %s", x->contest, x->other);
		break;
	case KP_WHY_N:
		break;
	}
}

static void describe_pending(struct kp_summary *s,
			     const struct kp_contest_result *cr)
{
	if (cr->ntied)
		kp_summary_why(s, KP_WHY_TIE, cr->ct->id, NULL, cr->tied, cr->ntied,
			       0, 0);
	else
		kp_summary_why(s, KP_WHY_OPEN_SEATS, cr->ct->id, NULL, NULL, 0,
			       cr->unfilled, cr->nrounds);
}

/* A reason that names nothing but its kind, or a contest. */
static void why(struct kp_summary *s, enum kp_why kind, const char *contest,
		const char *other)
{
	kp_summary_why(s, kind, contest, other, NULL, 0, 0, 0);
}

/* A person from a candidate, aged on the day `on`. */
static void person_of(struct kp_person *p, char gender, const struct kp_date *born,
		      const struct kp_particulars *pp, const struct kp_date *on)
{
	memset(p, 0, sizeof(*p));
	p->gender = gender;
	p->age = (short)(born->year && on->year ? kp_date_age(born, on) : -1);
	p->incumbent = pp->incumbent;
	p->local = pp->local;
	p->education = (unsigned char)pp->education;
	p->degree = (unsigned char)pp->degree;
	p->theory = (unsigned char)pp->theory;
	p->ethnicity = pp->ethnicity ? kp_xstrdup(pp->ethnicity) : NULL;
}

/* The body an election fills, by its kind. */
static int body_of(enum kp_kind k)
{
	switch (k) {
	case KP_KIND_COMMITTEE:
		return KP_BODY_COMMITTEE;
	case KP_KIND_STANDING:
		return KP_BODY_STANDING;
	case KP_KIND_SECRETARY:
		return KP_BODY_SECRETARY;
	case KP_KIND_DEPUTY:
		return KP_BODY_DEPUTY;
	case KP_KIND_DELEGATES:
		return KP_BODY_DELEGATES;
	default:
		break;
	}
	return -1;
}

static void body_add(struct kp_body *b, const struct kp_contest *ct,
		     const struct kp_elected *e, size_t n)
{
	size_t i;

	b->people = kp_xrealloc(b->people, (b->n + n + 1) * sizeof(*b->people));
	for (i = 0; i < n; i++) {
		const struct kp_candidate *cd = &ct->cands[e[i].no - 1];

		person_of(&b->people[b->n++], cd->gender, &cd->born, &cd->p,
			  &ct->date);
	}
}

/*
 * The people of the new bodies (the first election of each kind; the
 * deputies of every deputy election), and of the outgoing ones that
 * previous.csv lists, aged on the committee election's day (a choice:
 * docs/formats.md); the seats decided and filled; the day the congress was
 * done; its attendance.
 */
static void summarize_people(struct kp_summary *s, const struct kp_results *res)
{
	const struct kp_congress *cg = res->cg;
	const struct kp_date *on = NULL;
	size_t i, j;

	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];
		const struct kp_contest *ct = cr->ct;
		int b = body_of(ct->kind);
		int decided = cr->status == KP_STATUS_COMPLETE ||
			      cr->status == KP_STATUS_CLOSED;

		for (j = 0; j < cr->nrounds; j++)
			s->by_minutes |= cr->rounds[j].source == KP_SOURCE_RESULTS;
		if (cr->nrounds)
			s->started = 1;
		if (decided) {
			s->seats += ct->seats + ct->reserves;
			s->filled += cr->nelected + cr->nreserves;
			if (s->status == KP_ORG_DONE && ct->date.year &&
			    (!s->done_date.year || kp_date_cmp(&ct->date, &s->done_date) > 0))
				s->done_date = ct->date;
		}
		if (b < 0 || (s->bodies[b].held && b != KP_BODY_DEPUTY))
			continue;
		if (b == KP_BODY_COMMITTEE) {
			on = &ct->date;
			s->summoned = ct->base;
			if (cr->nrounds && cr->rounds[0].has_present) {
				s->present = cr->rounds[0].present;
				s->has_present = 1;
			}
		}
		s->bodies[b].held = 1;
		s->bodies[b].decided = decided;
		s->bodies[b].direct |= ct->direct;
		s->bodies[b].seats += ct->seats;
		if (decided)
			body_add(&s->bodies[b], ct, cr->elected, cr->nelected);
		if (b == KP_BODY_DELEGATES) {
			s->bodies[KP_BODY_RESERVES].held = 1;
			s->bodies[KP_BODY_RESERVES].decided = decided;
			s->bodies[KP_BODY_RESERVES].seats = ct->reserves;
			if (decided)
				body_add(&s->bodies[KP_BODY_RESERVES], ct, cr->reserves,
					 cr->nreserves);
		}
	}
	/* who of the outgoing committee is not in the new one, by name */
	if (s->bodies[KP_BODY_COMMITTEE].decided && kp_congress_has_previous(cg, KP_KIND_COMMITTEE)) {
		const struct kp_contest_result *com = NULL;

		for (i = 0; i < res->n && !com; i++)
			if (res->contests[i].ct->kind == KP_KIND_COMMITTEE)
				com = &res->contests[i];
		s->has_not_reelected = 1;
		for (i = 0; com && i < cg->nprev; i++) {
			int again = 0;

			if (cg->prev[i].kind != KP_KIND_COMMITTEE)
				continue;
			for (j = 0; j < com->nelected && !again; j++)
				again = strcmp(com->ct->cands[com->elected[j].no - 1].name,
					       cg->prev[i].name) == 0;
			s->not_reelected += !again;
		}
	}
	for (i = 0; i < cg->nprev; i++) {
		const struct kp_previous *pv = &cg->prev[i];
		int b = body_of(pv->kind);
		struct kp_body *pb;
		static const struct kp_date none;

		if (b < 0)
			continue;
		pb = &s->prev_bodies[b];
		pb->held = pb->decided = 1;
		pb->people = kp_xrealloc(pb->people, (pb->n + 1) * sizeof(*pb->people));
		person_of(&pb->people[pb->n++], pv->gender, &pv->born, &pv->p,
			  on ? on : &none);
		pb->seats++;
	}
}

void kp_summarize(struct kp_summary *s, const struct kp_results *res,
		  int data_status,
		  unsigned young_under)
{
	size_t i, j, held = 0, done = 0;
	const struct kp_contest_result *com = NULL;

	s->young_under = young_under;
	if (data_status != KP_EXIT_OK) {
		s->status = KP_ORG_INVALID;
		why(s, KP_WHY_DATA_ERRORS, NULL, NULL);
		return;
	}
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];

		for (j = 0; j < cr->nrounds; j++)
			s->ballots += cr->rounds[j].ballots;
		if (cr->nrounds)
			held++;
		if (cr->status == KP_STATUS_COMPLETE || cr->status == KP_STATUS_CLOSED)
			done++;
		if (!com && cr->ct->kind == KP_KIND_COMMITTEE)
			com = cr;
	}
	if (!res->n) {
		s->status = KP_ORG_NOT_STARTED;
		why(s, KP_WHY_NO_ELECTION, NULL, NULL);
	} else if (done == res->n) {
		s->status = KP_ORG_DONE;
	} else if (!held) {
		s->status = KP_ORG_NOT_STARTED;
		why(s, KP_WHY_NO_BALLOTS, NULL, NULL);
	} else {
		s->status = KP_ORG_IN_PROGRESS;
		for (i = 0; i < res->n; i++) {
			const struct kp_contest_result *cr = &res->contests[i];

			if (cr->status == KP_STATUS_PENDING)
				describe_pending(s, cr);
		}
		for (i = 0; i < res->n; i++)
			if (res->contests[i].status == KP_STATUS_NOT_STARTED)
				why(s, KP_WHY_NOT_STARTED, res->contests[i].ct->id, NULL);
			else if (res->contests[i].status == KP_STATUS_WAITING)
				why(s, KP_WHY_WAITING, res->contests[i].ct->id,
				    res->contests[i].waits_for->id);
	}
	summarize_people(s, res);
	if (!com)
		return;
	s->has_committee = 1;
	s->surplus = com->surplus;
	s->date = com->ct->date;
	s->has_prev = com->ct->has_prev_members && com->ct->has_prev_women &&
		      com->ct->has_prev_young;
	s->prev_members = com->ct->prev_members;
	s->prev_women = com->ct->prev_women;
	s->prev_young = com->ct->prev_young;
	if (s->prev_bodies[KP_BODY_COMMITTEE].held) {
		/* previous.csv lists the outgoing committee: its composition
		 * from people, not from typed totals */
		const struct kp_body *pb = &s->prev_bodies[KP_BODY_COMMITTEE];

		s->has_prev = 1;
		s->prev_members = pb->n;
		s->prev_women = s->prev_young = 0;
		for (i = 0; i < pb->n; i++) {
			s->prev_women += pb->people[i].gender == 'F';
			s->prev_young += pb->people[i].age >= 0 &&
					 pb->people[i].age < (int)young_under;
		}
	}
	if (com->status != KP_STATUS_COMPLETE)
		return;
	s->committee_complete = 1;
	s->one_round = com->nrounds == 1;
	s->pct_min_x100 = UINT64_MAX;
	for (i = 0; i < com->nelected; i++) {
		const struct kp_elected *e = &com->elected[i];
		const struct kp_candidate *cd = &com->ct->cands[e->no - 1];
		uint64_t base = com->ct->base, pct = kp_rules_percent_x100(e->votes, base);

		s->members++;
		s->pct_sum_x100 += pct;
		if (pct < s->pct_min_x100)
			s->pct_min_x100 = pct;
		/* strictly over 80% and 90% of base, on integers */
		if (e->votes * 100 > 80 * base)
			s->over80++;
		if (e->votes * 100 > 90 * base)
			s->over90++;
		if (cd->gender == 'F')
			s->women++;
		if (cd->born.year && s->date.year &&
		    kp_date_age(&cd->born, &s->date) < (int)young_under)
			s->young++;
	}
}

struct first_errors {
	struct kp_summary *s;
	struct kp_diag_sink *next;
};

/* "FILE:LINE:COL: msg", allocated */
static char *where(const struct kp_diag *d, const char *msg, int translated)
{
	struct kp_buf b = KP_BUF_INIT;
	char w[48];

	kp_text_add_safe(&b, d->file);
	if (d->line)
		kp_buf_addf(&b, ":%llu", (unsigned long long)d->line);
	if (d->line && d->col)
		kp_buf_addf(&b, ":%llu", (unsigned long long)d->col);
	kp_buf_addf(&b, ": %s", kp_diag_where(d, translated, w));
	/* a message may quote a name that is not text (a file named in
	 * another code page): escaped, as stderr shows it */
	kp_text_add_safe(&b, msg);
	return kp_buf_detach(&b);
}

static void keep_first(void *ctx, const struct kp_diag *d)
{
	struct first_errors *f = ctx;
	struct kp_summary *s = f->s;

	if (d->severity == KP_SEV_ERROR && s->nerrors < KP_SUMMARY_ERRORS) {
		s->errors[s->nerrors] = where(d, d->msg_en, 0);
		s->errors_text[s->nerrors] = where(d, d->msg, 1);
		s->nerrors++;
	}
	kp_diag_report(f->next, d);
}

void kp_evaluate(struct kp_summary *s, const char *path,
		 const struct kp_tally_opts *o, unsigned young_under,
		 struct kp_diag_sink *sink)
{
	struct first_errors fe = { s, sink };
	struct kp_diag_sink tee;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_tally_opts own = *o;
	struct kp_csv_cache cache;
	int status, r;

	memset(s, 0, sizeof(*s));
	/* the congress's files read with the same buffers, one after another */
	memset(&cache, 0, sizeof(cache));
	own.csv.cache = &cache;
	kp_diag_sink_init(&tee, keep_first, &fe);
	status = kp_congress_load(&cg, path, &own.csv, &tee);
	r = kp_tally_congress(&cg, NULL, &own, &res, &tee);
	kp_csv_cache_release(&cache);
	if (status == KP_EXIT_OK)
		status = r;
	if (status == KP_EXIT_OK && tee.errors)
		status = KP_EXIT_DATA;
	s->io_error = status == KP_EXIT_IO;
	kp_summarize(s, &res, status, young_under);
	if (status != KP_EXIT_IO) {
		/* the inputs' hashes, for a summary to carry upward (those
		 * counted as they were read; the rest hashed now) */
		struct kp_audit a;
		struct kp_diag_sink quiet;

		kp_diag_sink_init(&quiet, NULL, NULL);
		kp_audit_congress(&a, &cg, status == KP_EXIT_OK ? &res : NULL, &quiet);
		s->files = a.files;
		s->nfiles = a.n;
		a.files = NULL;
		a.n = 0;
		kp_audit_release(&a);
	}
	kp_results_release(&res);
	kp_congress_release(&cg);
}

/* --- the figures --- */

static int date_before(const struct kp_date *a, const struct kp_date *b)
{
	if (a->year != b->year)
		return a->year < b->year;
	if (a->month != b->month)
		return a->month < b->month;
	return a->day < b->day;
}

int kp_progress_overdue(const struct kp_progress *p, size_t i)
{
	return p->overdue[i];
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* An org's level: "" when campaign.csv has none. */
static const char *org_level(const struct kp_org *org)
{
	return org->level ? org->level : "";
}

unsigned kp_progress_young_under(const struct kp_progress_opts *o,
				 const struct kp_org *org)
{
	return org->young_under ? org->young_under : o->young_under;
}

const char *kp_target_name(enum kp_target_figure f)
{
	static const char *const names[] = {
		[KP_TARGET_WOMEN] = "women", [KP_TARGET_YOUNG] = "young",
		[KP_TARGET_MINORITY] = "ethnic_minority",
		[KP_TARGET_STANDING_WOMAN] = "standing_woman",
	};
	return f < KP_TARGET_N ? names[f] : "";
}

int kp_target_parse(const char *s, size_t len, enum kp_target_figure *out)
{
	static const struct {
		const char *text;
		enum kp_target_figure f;
	} words[] = {
		{ "women", KP_TARGET_WOMEN },	{ "nữ", KP_TARGET_WOMEN },
		{ "young", KP_TARGET_YOUNG },	{ "trẻ", KP_TARGET_YOUNG },
		{ "ethnic_minority", KP_TARGET_MINORITY },
		{ "dân tộc thiểu số", KP_TARGET_MINORITY },
		{ "standing_woman", KP_TARGET_STANDING_WOMAN },
		{ "thường vụ có nữ", KP_TARGET_STANDING_WOMAN },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (kp_text_eq_ascii_ci(s, len, words[i].text) ||
		    (kp_text_valid(s, len) && kp_text_eq_ci(s, len, words[i].text))) {
			*out = words[i].f;
			return 0;
		}
	return -1;
}

static void add_people(struct kp_comp *c, const struct kp_body *b, unsigned young,
		       const struct kp_bands *bands)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		kp_comp_add(c, &b->people[i], young, bands);
}

/* The new committee's share of a target's figure, num/den (0/0: none). */
static void target_share(const struct kp_summary *x, enum kp_target_figure f,
			 unsigned young, uint64_t *num, uint64_t *den)
{
	const struct kp_body *b = &x->bodies[f == KP_TARGET_STANDING_WOMAN ?
					     KP_BODY_STANDING : KP_BODY_COMMITTEE];
	struct kp_comp c;
	struct kp_bands bands;

	*num = *den = 0;
	if (!b->decided || !b->n)
		return;
	kp_bands_default(&bands);
	kp_comp_init(&c);
	add_people(&c, b, young, &bands);
	switch (f) {
	case KP_TARGET_WOMEN:
		*num = c.women, *den = c.gender_known;
		break;
	case KP_TARGET_YOUNG:
		*num = c.young, *den = c.young_known;
		break;
	case KP_TARGET_MINORITY:
		*num = c.minority, *den = c.ethnicity_known;
		break;
	case KP_TARGET_STANDING_WOMAN:
		*num = c.women > 0, *den = c.gender_known > 0;
		break;
	case KP_TARGET_N:
		break;
	}
	kp_comp_release(&c);
}

/* Everything of the people elected, added up over the valid congresses,
 * and how each target fares. */
static void compute_people(struct kp_progress *p, size_t i)
{
	const struct kp_org *org = &p->c->orgs[i];
	const struct kp_summary *x = &p->s[i];
	const struct kp_progress_opts *o = p->o;
	unsigned young = kp_progress_young_under(o, org);
	const struct kp_body *b = x->bodies;
	size_t t;

	p->seats_decided += x->seats;
	p->seats_filled += x->filled;
	p->unfilled_orgs += x->filled < x->seats;
	if (b[KP_BODY_COMMITTEE].decided) {
		p->committees_n++;
		add_people(&p->committees, &b[KP_BODY_COMMITTEE], young, &o->bands);
		if (x->prev_bodies[KP_BODY_COMMITTEE].held) {
			p->prev_committees_n++;
			add_people(&p->prev_committees,
				   &x->prev_bodies[KP_BODY_COMMITTEE], young, &o->bands);
		} else if (x->has_prev) {
			/* only the totals typed in contests.csv: they count
			 * for members, women and young, nothing else */
			struct kp_comp *pc = &p->prev_committees;

			p->prev_committees_n++;
			pc->n += x->prev_members;
			pc->women += x->prev_women;
			pc->gender_known += x->prev_members;
			pc->young += x->prev_young;
			pc->young_known += x->prev_members;
		}
		if (x->has_not_reelected) {
			p->not_reelected += x->not_reelected;
			p->not_reelected_of += x->prev_bodies[KP_BODY_COMMITTEE].n;
		}
	}
	if (b[KP_BODY_SECRETARY].decided) {
		add_people(&p->secretaries, &b[KP_BODY_SECRETARY], young, &o->bands);
		p->secretaries_direct += b[KP_BODY_SECRETARY].direct ?
					 b[KP_BODY_SECRETARY].n : 0;
	}
	if (b[KP_BODY_STANDING].decided) {
		size_t k;
		int woman = 0;

		p->standing_n++;
		for (k = 0; k < b[KP_BODY_STANDING].n; k++)
			woman |= b[KP_BODY_STANDING].people[k].gender == 'F';
		p->standing_with_woman += (uint64_t)woman;
	}
	if (b[KP_BODY_DELEGATES].decided)
		add_people(&p->delegates, &b[KP_BODY_DELEGATES], young, &o->bands);
	if (b[KP_BODY_RESERVES].decided)
		add_people(&p->reserves, &b[KP_BODY_RESERVES], young, &o->bands);
	if (x->has_present) {
		p->attendance_orgs++;
		p->summoned += x->summoned;
		p->present += x->present;
	}
	for (t = 0; t < p->ntargets; t++) {
		struct kp_target_result *tr = &p->targets[t];
		uint64_t num, den;

		target_share(x, tr->t.figure, young, &num, &den);
		if (!den)
			continue;
		tr->num += num;
		tr->den += den;
		tr->of++;
		/* met: num / den >= percent, on integers */
		if (num * 100 >= (uint64_t)tr->t.percent * den) {
			tr->met++;
			p->target_met[i * KP_TARGETS_MAX + t] = 1;
		} else {
			p->target_met[i * KP_TARGETS_MAX + t] = 2;
		}
	}
}

static int by_finish(const void *a, const void *b, void *ctx)
{
	const struct kp_parent_count *pc = ctx;
	const struct kp_parent_count *x = &pc[*(const size_t *)a];
	const struct kp_parent_count *y = &pc[*(const size_t *)b];
	int d = kp_date_cmp(&x->finished, &y->finished);

	if (d)
		return d;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

void kp_progress_compute(struct kp_progress *p, const struct kp_campaign *c,
			 const struct kp_summary *s,
			 const struct kp_progress_opts *o)
{
	uint64_t *pcts = kp_xcalloc(c->n + 1, sizeof(*pcts));
	struct kp_idset parents;
	size_t i, j;

	memset(p, 0, sizeof(*p));
	kp_idset_init(&parents);
	p->c = c;
	p->s = s;
	p->o = o;
	p->selected = kp_xcalloc(c->n + 1, 1);
	p->overdue = kp_xcalloc(c->n + 1, 1);
	p->breaking = kp_xcalloc(c->n + 1, 1);
	p->parents = kp_xcalloc(c->n + 1, sizeof(*p->parents));
	p->parent_of = kp_xcalloc(c->n + 1, sizeof(*p->parent_of));
	p->levels = kp_xcalloc(c->n + 1, sizeof(*p->levels));
	p->target_met = kp_xcalloc((c->n + 1) * KP_TARGETS_MAX, 1);
	p->pct_min_x100 = UINT64_MAX;
	kp_comp_init(&p->committees);
	kp_comp_init(&p->prev_committees);
	kp_comp_init(&p->secretaries);
	kp_comp_init(&p->delegates);
	kp_comp_init(&p->reserves);
	p->ntargets = o->ntargets;
	for (j = 0; j < o->ntargets; j++)
		p->targets[j].t = o->targets[j];
	for (i = 0; i < c->n; i++) {
		const struct kp_org *org = &c->orgs[i];
		const struct kp_summary *x = &s[i];
		int done = x->status == KP_ORG_DONE;
		int started = done || x->status == KP_ORG_IN_PROGRESS || x->started;

		if ((o->pilots_only && !org->pilot) ||
		    (o->parent && strcmp(o->parent, org->parent) != 0) ||
		    (o->level && strcmp(o->level, org_level(org)) != 0))
			continue;
		p->selected[i] = 1;
		p->total++;
		p->done += (uint64_t)done;
		p->not_done += (uint64_t)!done;
		p->started += (uint64_t)started;
		p->invalid += x->status == KP_ORG_INVALID;
		p->suspended += org->state == KP_STATE_SUSPENDED;
		p->postponed += org->state == KP_STATE_POSTPONED;
		if (org->pilot) {
			p->pilots++;
			p->pilots_done += (uint64_t)done;
		}
		/* a congress suspended or postponed is not late */
		p->overdue[i] = !done && org->state == KP_STATE_ACTIVE &&
				org->scheduled.year &&
				date_before(&org->scheduled, &o->as_of);
		{
			/* a set: a nationwide campaign has hundreds of parents */
			uint64_t first;

			if (kp_idset_add(&parents, org->parent, strlen(org->parent),
					 p->nparents + 1, &first))
				p->parents[j = p->nparents++].parent = org->parent;
			else
				j = (size_t)first - 1;
			p->parent_of[i] = j;
		}
		p->parents[j].total++;
		p->parents[j].done += (uint64_t)done;
		p->parents[j].started += (uint64_t)started;
		if (done && x->done_date.year &&
		    kp_date_cmp(&x->done_date, &p->parents[j].finished) > 0)
			p->parents[j].finished = x->done_date;
		for (j = 0; j < p->nlevels; j++)
			if (strcmp(p->levels[j].level, org_level(org)) == 0)
				break;
		if (j == p->nlevels)
			p->levels[p->nlevels++].level = org_level(org);
		p->levels[j].total++;
		p->levels[j].done += (uint64_t)done;
		p->levels[j].started += (uint64_t)started;
		if (x->status != KP_ORG_INVALID)
			compute_people(p, i);
		if (x->status == KP_ORG_INVALID || !x->has_committee)
			continue;
		/* the committee list's surplus, on integers */
		p->lists++;
		pcts[p->lists - 1] = x->surplus.percent_x100;
		if (x->surplus.surplus > 0 &&
		    (uint64_t)x->surplus.surplus * 100 >=
			    (uint64_t)o->limits.min_percent * x->surplus.seats)
			p->lists_min++;
		/* as check says it: a body of 5 or fewer is within with a
		 * surplus of exactly one (rules.md 1) */
		if (kp_rules_surplus_in_band(&x->surplus, o->limits.min_percent,
					     o->target_max))
			p->lists_target++;
		p->breaking[i] = (unsigned char)kp_verdict_is_error(x->surplus.verdict);
		p->lists_breaking += p->breaking[i];
		if (done) {
			p->one_round_of++;
			p->one_round += (uint64_t)x->one_round;
		}
		if (!x->committee_complete)
			continue;
		p->members += x->members;
		p->pct_sum_x100 += x->pct_sum_x100;
		if (x->members && x->pct_min_x100 < p->pct_min_x100)
			p->pct_min_x100 = x->pct_min_x100;
		p->over80 += x->over80;
		p->over90 += x->over90;
		if (x->has_prev && x->members) {
			p->composition_orgs++;
			p->new_members += x->members;
			p->new_women += x->women;
			p->new_young += x->young;
			p->prev_members += x->prev_members;
			p->prev_women += x->prev_women;
			p->prev_young += x->prev_young;
		}
	}
	if (p->lists) {
		if (p->lists > 1)
			qsort(pcts, p->lists, sizeof(*pcts), cmp_u64);
		p->surplus_min_x100 = pcts[0];
		p->surplus_max_x100 = pcts[p->lists - 1];
		/* the median of an even count: the mean of the middle two,
		 * rounded half up */
		p->surplus_median_x100 = p->lists % 2 ? pcts[p->lists / 2] :
			(pcts[p->lists / 2 - 1] + pcts[p->lists / 2] + 1) / 2;
	}
	if (!p->members)
		p->pct_min_x100 = 0;
	free(pcts);
	kp_idset_release(&parents);
	/* the parents that finished every congress, ranked by the day */
	p->finish_order = kp_xcalloc(p->nparents + 1, sizeof(*p->finish_order));
	for (j = 0; j < p->nparents; j++)
		if (p->parents[j].done == p->parents[j].total &&
		    p->parents[j].finished.year)
			p->finish_order[p->nfinished++] = j;
		else
			p->parents[j].finished.year = 0;
	kp_os_sort(p->finish_order, p->nfinished, sizeof(*p->finish_order), by_finish,
		p->parents);
}

void kp_progress_release(struct kp_progress *p)
{
	if (!p)
		return;
	free(p->selected);
	free(p->overdue);
	free(p->breaking);
	free(p->parents);
	free(p->levels);
	free(p->parent_of);
	free(p->finish_order);
	free(p->target_met);
	kp_comp_release(&p->committees);
	kp_comp_release(&p->prev_committees);
	kp_comp_release(&p->secretaries);
	kp_comp_release(&p->delegates);
	kp_comp_release(&p->reserves);
	memset(p, 0, sizeof(*p));
}
