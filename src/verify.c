/* Verifying a results file against its inputs. */
#include "i18n.h"
#include "kiemphieu/verify.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/audit.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/report.h"
#include "kiemphieu/tally.h"
#include "kiemphieu/xalloc.h"

/* Verify one recorded congress result. */
static void verify_one(json_t *rec, const char *results, unsigned long line,
		       const struct kp_csv_opts *o, struct kp_buf *out,
		       unsigned *changed, struct kp_diag_sink *sink)
{
	json_t *audit = json_object_get(rec, "audit"), *files, *rules, *now = NULL;
	const char *org = json_string_value(json_object_get(rec, "org"));
	const char *dir, *version;
	struct kp_tally_opts to;
	struct kp_congress cg;
	struct kp_results res;
	struct kp_audit cur;
	struct kp_diag_sink quiet;
	struct kp_buf b = KP_BUF_INIT;
	unsigned before = *changed;
	size_t i, j;

	if (json_is_true(json_object_get(rec, "invalid"))) {
		kp_buf_addf(out, _("%s: recorded as invalid data: nothing to verify\n"),
			    org ? org : "?");
		return;
	}
	dir = json_string_value(json_object_get(audit, "congress"));
	files = json_object_get(audit, "files");
	rules = json_object_get(audit, "rules");
	version = json_string_value(json_object_get(audit, "version"));
	if (!org || !dir || !json_is_array(files) || !json_is_object(rules)) {
		kp_error(sink, results, line, 0, "no audit trail (org, audit.congress, "
			 "audit.files, audit.rules): not a result of kiemphieu tally "
			 "--format json");
		return;
	}
	kp_tally_opts_init(&to);
	to.csv = *o;
	to.limits.min_percent = (unsigned)json_integer_value(json_object_get(rules, "surplus_min_percent"));
	to.limits.max_percent = (unsigned)json_integer_value(json_object_get(rules, "surplus_max_percent"));
	/* errors of the inputs are findings here, not failures of verify */
	kp_diag_sink_init(&quiet, NULL, NULL);
	kp_congress_load(&cg, dir, &to.csv, &quiet);
	kp_tally_congress(&cg, NULL, &to, &res, &quiet);
	kp_audit_congress(&cur, &cg, &quiet);
	/* the files: each recorded one still there with its hash, no new one */
	json_array_foreach(files, i, now) {
		const char *name = json_string_value(json_object_get(now, "path"));
		const char *sum = json_string_value(json_object_get(now, "sha256"));
		char *path, hex[65];

		if (!name || !sum)
			continue;
		path = kp_path_join(dir, name);
		if (kp_sha256_file(path, hex) != 0) {
			kp_buf_addf(out, _("%s: %s: missing (%s)\n"), org, path, strerror(errno));
			(*changed)++;
		} else if (strcmp(hex, sum) != 0) {
			kp_buf_addf(out, _("%s: %s: changed: SHA-256 %.16s..., recorded %.16s...\n"),
				    org, path, hex, sum);
			(*changed)++;
		}
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
			kp_buf_addf(out, _("%s: %s/%s: a file the results do not record\n"),
				    org, dir, cur.files[j].name);
			(*changed)++;
		}
	}
	/* the results, tallied again, without the audit trail */
	if (quiet.errors) {
		kp_buf_addf(out, Q_("%s: the inputs now have %llu error: no results "
				    "to compare (kiemphieu check %s)\n",
				    "%s: the inputs now have %llu errors: no results "
				    "to compare (kiemphieu check %s)\n", quiet.errors),
			    org, (unsigned long long)quiet.errors, dir);
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
				kp_buf_addf(out, _("%s: contest '%s': the results differ "
						      "from those recorded\n"), org,
					    json_string_value(json_object_get(c, "contest")));
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
		if (version && strcmp(version, KP_VERSION) != 0)
			kp_buf_addf(out, _("; made by kiemphieu %s"), version);
		kp_buf_addch(out, '\n');
	}
	kp_buf_release(&b);
	kp_audit_release(&cur);
	kp_results_release(&res);
	kp_congress_release(&cg);
}

int kp_verify(const char *results, const struct kp_csv_opts *o,
	      struct kp_buf *out, unsigned *changed, struct kp_diag_sink *sink)
{
	FILE *f = fopen(results, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0, records = 0;
	int status = KP_EXIT_OK;

	*changed = 0;
	if (!f)
		return kp_error_errno(sink, results, 0, 0, errno, "cannot open");
	while ((n = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *rec;

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
	free(line);
	fclose(f);
	if (!records && status == KP_EXIT_OK)
		status = kp_error(sink, results, 0, 0, "no results in the file");
	return sink->errors ? KP_EXIT_DATA : status;
}
