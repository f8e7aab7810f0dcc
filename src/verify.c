/* Verifying a results file against its inputs. */
#include "i18n.h"
#include "kiemphieu/verify.h"
#include "kiemphieu/minutes.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/audit.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/report.h"
#include "kiemphieu/tally.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

/* A file name a results file may record: relative, inside the congress
 * folder (no "..", no absolute path), as tally writes them. */
static int safe_name(const char *name)
{
	const char *p = name;

	if (!*p || *p == '/' || strchr(p, '\\'))
		return 0;
	while (*p) {
		size_t n = strcspn(p, "/");

		if ((n == 2 && p[0] == '.' && p[1] == '.') || !n)
			return 0;
		p += n;
		if (*p == '/')
			p++;
	}
	return 1;
}

/* The congress folder a record names: relative to the results file's own
 * folder, as tally records it, else (results of an older version) to the
 * current folder. A new string. */
static char *congress_dir(const char *results, const char *dir)
{
	char *base, *p;

	if (kp_os_is_absolute(dir))
		return kp_xstrdup(dir);
	base = kp_xstrdup(results);
	p = kp_path_last_sep(base);
	if (p) {
		*p = '\0';
		p = kp_path_join(base, dir);
		free(base);
		if (kp_os_is_dir(p))
			return p;
		free(p);
	} else {
		free(base);
	}
	return kp_xstrdup(dir);
}

/* Verify one recorded congress result. */
static void verify_one(json_t *rec, const char *results, unsigned long line,
		       const struct kp_csv_opts *o, struct kp_buf *out,
		       unsigned *changed, struct kp_diag_sink *sink)
{
	json_t *audit = json_object_get(rec, "audit"), *files, *rules, *now = NULL;
	const char *org0 = json_string_value(json_object_get(rec, "org"));
	const char *recorded, *version;
	char *org, *dir, *real;
	struct kp_tally_opts to;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_audit cur;
	struct kp_diag_sink quiet;
	struct kp_buf b = KP_BUF_INIT;
	unsigned before = *changed;
	size_t i, j;

	/* what the file says reaches the terminal escaped */
	org = kp_text_safe(org0 ? org0 : "?");
	if (json_is_true(json_object_get(rec, "invalid"))) {
		kp_buf_addf(out, _("%s: recorded as invalid data: nothing to verify\n"),
			    org);
		free(org);
		return;
	}
	recorded = json_string_value(json_object_get(audit, "congress"));
	files = json_object_get(audit, "files");
	rules = json_object_get(audit, "rules");
	version = json_string_value(json_object_get(audit, "version"));
	if (!org0 || !recorded || !json_is_array(files) || !json_is_object(rules)) {
		kp_error(sink, results, line, 0, "no audit trail (org, audit.congress, "
			 "audit.files, audit.rules): not a result of kiemphieu tally "
			 "--format json");
		free(org);
		return;
	}
	json_array_foreach(files, i, now) {
		const char *name = json_string_value(json_object_get(now, "path"));

		if (!name || !safe_name(name)) {
			kp_error(sink, results, line, 0,
				 "audit.files[%zu]: '%s' is not a file of the congress "
				 "folder (a relative path, without '..'): nothing is "
				 "opened from this record", i,
				 name ? name : "(none)");
			free(org);
			return;
		}
	}
	dir = congress_dir(results, recorded);
	real = kp_os_realpath(dir);
	kp_tally_opts_init(&to);
	to.csv = *o;
	to.limits.min_percent = (unsigned)json_integer_value(json_object_get(rules, "surplus_min_percent"));
	to.limits.max_percent = (unsigned)json_integer_value(json_object_get(rules, "surplus_max_percent"));
	/* errors of the inputs are findings here, not failures of verify */
	kp_diag_sink_init(&quiet, NULL, NULL);
	kp_congress_load(&cg, dir, &to.csv, &quiet);
	kp_tally_congress(&cg, NULL, &to, &res, &quiet);
	kp_audit_congress(&cur, &cg, &res, &quiet);
	/* the files: each recorded one still there with its hash, no new one */
	json_array_foreach(files, i, now) {
		const char *name = json_string_value(json_object_get(now, "path"));
		const char *sum = json_string_value(json_object_get(now, "sha256"));
		char *path, *safe, *rp, hex[65];

		if (!name || !sum)
			continue;
		path = kp_path_join(dir, name);
		safe = kp_text_safe(path);
		/* a link inside the folder must not lead out of it */
		rp = kp_os_realpath(path);
		if (rp && real && !kp_os_path_within(rp, real)) {
			kp_buf_addf(out, _("%s: %s: leads outside the congress folder "
					   "(a link): not read\n"), org, safe);
			(*changed)++;
		} else if (kp_sha256_file(path, hex) != 0) {
			kp_buf_addf(out, _("%s: %s: missing (%s)\n"), org, safe, strerror(errno));
			(*changed)++;
		} else if (strcmp(hex, sum) != 0) {
			kp_buf_addf(out, _("%s: %s: changed: SHA-256 %.16s..., recorded %.16s...\n"),
				    org, safe, hex, sum);
			(*changed)++;
		}
		free(rp);
		free(safe);
		free(path);
	}
	for (j = 0; j < cur.n; j++) {
		int known = 0;

		json_array_foreach(files, i, now)
			if (json_string_value(json_object_get(now, "path")) &&
			    strcmp(json_string_value(json_object_get(now, "path")),
				   cur.files[j].name) == 0)
				known = 1;
		if (!known) {
			char *p = kp_path_join(dir, cur.files[j].name), *safe = kp_text_safe(p);

			kp_buf_addf(out, _("%s: %s: a file the results do not record\n"),
				    org, safe);
			free(safe);
			free(p);
			(*changed)++;
		}
	}
	/* the results, tallied again, without the audit trail */
	if (quiet.errors) {
		char *safe = kp_text_safe(dir);

		kp_buf_addf(out, Q_("%s: the inputs now have %llu error: no results "
				    "to compare (kiemphieu check %s)\n",
				    "%s: the inputs now have %llu errors: no results "
				    "to compare (kiemphieu check %s)\n", quiet.errors),
			    org, (unsigned long long)quiet.errors, safe);
		free(safe);
		(*changed)++;
	} else {
		json_t *again, *rc, *ac, *c;

		kp_report_json(&b, &res, NULL);
		again = json_loads(b.s, 0, NULL);
		rc = json_object_get(rec, "contests");
		ac = json_object_get(again, "contests");
		if (json_array_size(rc) != json_array_size(ac))
			kp_buf_addf(out, _("%s: %zu contests recorded, %zu now\n"), org,
				    json_array_size(rc), json_array_size(ac)), (*changed)++;
		json_array_foreach(rc, i, c) {
			json_t *d = json_array_get(ac, i);

			if (!json_equal(c, d)) {
				const char *id = json_string_value(json_object_get(c, "contest"));
				char *safe = kp_text_safe(id ? id : "?");

				kp_buf_addf(out, _("%s: contest '%s': the results differ "
						      "from those recorded\n"), org, safe);
				free(safe);
				(*changed)++;
			}
		}
		json_decref(again);
	}
	if (*changed == before)
	{
		kp_buf_addf(out, Q_("%s: %zu input file unchanged, same results",
				    "%s: %zu input files unchanged, same results",
				    cur.n), org, cur.n);
		if (version && strcmp(version, KP_VERSION) != 0) {
			char *safe = kp_text_safe(version);

			kp_buf_addf(out, _("; made by kiemphieu %s"), safe);
			free(safe);
		}
		kp_buf_addch(out, '\n');
	}
	kp_buf_release(&b);
	kp_audit_release(&cur);
	kp_results_release(&res);
	kp_congress_release(&cg);
	free(real);
	free(dir);
	free(org);
}

/* The lines of a results file, read through the platform module (its name
 * may be anything a script gives, Vietnamese included). */
struct lines {
	int fd;
	uint64_t off;
	int eof;
	char chunk[1 << 16];
	size_t start, len;
	struct kp_buf line;
};

static int lines_open(struct lines *l, const char *path, struct kp_diag_sink *sink)
{
	memset(l, 0, sizeof(*l));
	kp_buf_init(&l->line);
	l->fd = kp_os_open_input(path, NULL);
	if (l->fd == -2 || l->fd == -3)
		return kp_error(sink, path, 0, 0, "not a regular file: refused"), -1;
	if (l->fd < 0)
		return kp_error_errno(sink, path, 0, 0, errno, "cannot open"), -1;
	return 0;
}

/* The next line, with its '\n', in l->line: its length, 0 at the end. */
static size_t lines_next(struct lines *l)
{
	kp_buf_reset(&l->line);
	for (;;) {
		const char *nl = memchr(l->chunk + l->start, '\n', l->len - l->start);
		size_t n = nl ? (size_t)(nl - (l->chunk + l->start)) + 1 : l->len - l->start;
		ssize_t got;

		kp_buf_add(&l->line, l->chunk + l->start, n);
		l->start += n;
		if (nl || l->eof)
			return l->line.len;
		got = kp_os_pread(l->fd, l->chunk, sizeof(l->chunk), l->off);
		l->start = 0;
		l->len = got > 0 ? (size_t)got : 0;
		l->off += l->len;
		l->eof = got <= 0;
	}
}

static void lines_close(struct lines *l)
{
	if (l->fd >= 0)
		kp_os_close(l->fd);
	kp_buf_release(&l->line);
}

int kp_verify(const char *results, const struct kp_csv_opts *o,
	      struct kp_buf *out, unsigned *changed, struct kp_diag_sink *sink)
{
	struct lines *l = kp_xmalloc(sizeof(*l));
	const char *line;
	size_t n;
	unsigned long lineno = 0, records = 0;
	int status = KP_EXIT_OK;

	*changed = 0;
	if (lines_open(l, results, sink) != 0) {
		lines_close(l);
		free(l);
		return KP_EXIT_IO;
	}
	while ((n = lines_next(l)) > 0) {
		json_error_t err;
		json_t *rec;

		line = l->line.s;
		lineno++;
		if (n == 1 && line[0] == '\n')
			continue;
		rec = json_loads(line, 0, &err);
		if (!json_is_object(rec)) {
			status = kp_error(sink, results, lineno, (uint64_t)err.column,
					  "not a JSON object of results: %s", err.text);
			json_decref(rec);
			continue;
		}
		records++;
		verify_one(rec, results, lineno, o, out, changed, sink);
		json_decref(rec);
	}
	lines_close(l);
	free(l);
	if (!records && status == KP_EXIT_OK)
		status = kp_error(sink, results, 0, 0, "no results in the file");
	return sink->errors ? KP_EXIT_DATA : status;
}

/* --- a hash typed from paper --- */

struct known_hash {
	char *what;		/* "org: file", or "org: the results" */
	char hex[65];
};

static int add_known(struct known_hash **k, size_t *n, const char *org,
		     const char *what, const char *hex)
{
	struct kp_buf b = KP_BUF_INIT;
	size_t i;

	if (!hex || strlen(hex) != 64)
		return -1;
	for (i = 0; i < 64; i++)
		if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f')))
			return -1;
	*k = kp_xrealloc(*k, (*n + 1) * sizeof(**k));
	kp_buf_addf(&b, "%s: %s", org, what);
	(*k)[*n].what = kp_buf_detach(&b);
	memcpy((*k)[*n].hex, hex, 65);
	(*n)++;
	return 0;
}

int kp_verify_typed(const char *results, const char *typed, struct kp_buf *out,
		    unsigned *changed, struct kp_diag_sink *sink)
{
	struct lines *l;
	const char *line;
	char hex[65];
	size_t n = 0, nk = 0, i, len = 0, best = 0, bestk = 0, got;
	unsigned long lineno = 0;
	struct known_hash *k = NULL;
	int status = KP_EXIT_OK;

	*changed = 1;
	/* the typed groups: hex digits, spaces and dashes between them */
	for (i = 0; typed[i]; i++) {
		char c = typed[i];

		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
			if (len == 64)
				return kp_error(sink, "--typed", 0, 0, "more than 64 hex "
						"digits: a SHA-256 has 64 (16 groups of 4)");
			hex[len++] = c;
		} else if (c != ' ' && c != '-' && c != '\t' && c != '\n' && c != '\r') {
			char q[16];

			return kp_error(sink, "--typed", 0, 0, "'%s' at position %zu is not "
					"a hex digit (0-9, a-f): type the groups as printed",
					kp_diag_quote(q, sizeof(q), typed + i, 1), i + 1);
		}
	}
	hex[len] = '\0';
	if (len < 4)
		return kp_error(sink, "--typed", 0, 0, "nothing to check: type at least "
				"one group of four from the minutes");
	l = kp_xmalloc(sizeof(*l));
	if (lines_open(l, results, sink) != 0) {
		lines_close(l);
		free(l);
		return KP_EXIT_IO;
	}
	while ((got = lines_next(l)) > 0) {
		json_error_t err;
		json_t *rec, *files, *one;
		const char *org;
		char digest[65];

		line = l->line.s;
		lineno++;
		if (got == 1 && line[0] == '\n')
			continue;
		rec = json_loads(line, 0, &err);
		org = json_string_value(json_object_get(rec, "org"));
		files = json_object_get(json_object_get(rec, "audit"), "files");
		if (!json_is_object(rec) || !org || !json_is_array(files)) {
			status = kp_error(sink, results, lineno, 0, "not a result of "
					  "kiemphieu tally --format json");
			json_decref(rec);
			continue;
		}
		for (i = 0; i < json_array_size(files); i++) {
			one = json_array_get(files, i);
			add_known(&k, &nk, org,
				  json_string_value(json_object_get(one, "path")) ?
				  json_string_value(json_object_get(one, "path")) : "?",
				  json_string_value(json_object_get(one, "sha256")));
		}
		kp_results_digest_json(json_object_get(rec, "contests"), digest);
		add_known(&k, &nk, org, _("the results"), digest);
		json_decref(rec);
	}
	lines_close(l);
	free(l);
	if (status != KP_EXIT_OK || !nk) {
		if (!nk && status == KP_EXIT_OK)
			status = kp_error(sink, results, 0, 0, "no results in the file");
		goto out;
	}
	/* the recorded hash that agrees with the most typed groups */
	for (i = 0; i < nk; i++) {
		size_t g, same = 0;

		for (g = 0; g + 4 <= len; g += 4)
			same += memcmp(hex + g, k[i].hex + g, 4) == 0;
		if (same > best) {
			best = same;
			bestk = i;
		}
	}
	n = len / 4;
	if (!best) {
		kp_buf_addf(out, Q_("no recorded hash has the group typed\n",
				    "no recorded hash has any of the %zu groups typed\n", n), n);
		goto out;
	}
	{
		char *safe = kp_text_safe(k[bestk].what);

		if (best == n && len == 64) {
			kp_buf_addf(out, _("%s: all 16 groups agree\n"), safe);
			*changed = 0;
		} else {
			size_t g;

			for (g = 0; g + 4 <= len; g += 4)
				if (memcmp(hex + g, k[bestk].hex + g, 4) != 0)
					kp_buf_addf(out, _("%s: group %zu differs: typed "
							   "'%.4s', the file has '%.4s'\n"),
						    safe, g / 4 + 1, hex + g, k[bestk].hex + g);
			if (len % 4)
				kp_buf_addf(out, Q_("%s: the last group typed has %zu digit of 4\n",
						    "%s: the last group typed has %zu digits of 4\n",
						    len % 4), safe, len % 4);
			if (len < 64)
				kp_buf_addf(out, Q_("%s: %zu group of 16 typed, and it agrees\n",
						    "%s: %zu groups of 16 typed; %zu agree\n", n),
					    safe, n, best);
		}
		free(safe);
	}
out:
	for (i = 0; i < nk; i++)
		free(k[i].what);
	free(k);
	return status;
}
