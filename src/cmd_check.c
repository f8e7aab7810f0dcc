/* kiemphieu check: every problem of congress folders, without results. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "jsonbuf.h"
#include "kiemphieu/batch.h"
#include "kiemphieu/buf.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

/* "  bch: 10 candidates for 9 seats, surplus 1 (11.11%), within 10-15%":
 * each list's surplus, and for a committee or standing committee whether it
 * lies in the band the convening committee prepares (QĐ 190 Art. 14.1). */
static void surplus_line(struct kp_buf *b, const struct kp_contest_result *cr,
			 const struct kp_tally_opts *o)
{
	const struct kp_surplus *s = &cr->surplus;
	char p[24];

	if (cr->ct->kind != KP_KIND_COMMITTEE && cr->ct->kind != KP_KIND_STANDING)
		return; /* no surplus is asked of other lists */
	kp_buf_addf(b, "  %s: ", cr->ct->id);
	kp_buf_addf(b, Q_("%llu candidate", "%llu candidates", s->candidates),
		    (unsigned long long)s->candidates);
	kp_buf_addf(b, Q_(" for %llu seat", " for %llu seats", s->seats),
		    (unsigned long long)s->seats);
	kp_buf_addf(b, _(", surplus %lld (%s%%)"), (long long)s->surplus,
		    kp_percent_text(p, s->percent_x100));
	kp_buf_addstr(b, ", ");
	if (kp_rules_surplus_in_band(s, o->limits.min_percent,
				     KP_SURPLUS_TARGET_MAX))
		kp_buf_addf(b, _("within %u-%u%%"), o->limits.min_percent,
			    KP_SURPLUS_TARGET_MAX);
	else
		kp_buf_addf(b, _("not within %u-%u%%"), o->limits.min_percent,
			    KP_SURPLUS_TARGET_MAX);
	kp_buf_addch(b, '\n');
}

/* The JSON of a list's surplus, as surplus_line says it. */
static json_t *surplus_json(const struct kp_contest_result *cr,
			    const struct kp_tally_opts *o)
{
	const struct kp_surplus *s = &cr->surplus;

	return json_pack("{s:s,s:s,s:I,s:I,s:I,s:f,s:s,s:b}",
		"contest", cr->ct->id, "kind", kp_kind_name(cr->ct->kind),
		"candidates", (json_int_t)s->candidates, "seats", (json_int_t)s->seats,
		"surplus", (json_int_t)s->surplus,
		"percent", (double)s->percent_x100 / 100.0,
		"verdict", kp_verdict_name(s->verdict),
		"within_target", kp_rules_surplus_in_band(s, o->limits.min_percent,
							  KP_SURPLUS_TARGET_MAX));
}

/* Check one congress folder, reporting to sink; its line of the summary
 * goes to out (a JSON object with `json`). */
static int check_congress(const char *path, const struct kp_tally_opts *o,
			  int json, struct kp_diag_sink *sink, struct kp_buf *out)
{
	struct kp_congress cg;
	struct kp_results res;
	uint64_t errors = sink->errors;
	int status, r;
	size_t i, k, files = 0, minutes = 0;
	struct kp_buf lists = KP_BUF_INIT;

	status = kp_congress_load(&cg, path, &o->csv, sink);
	memset(&res, 0, sizeof(res));
	if (status != KP_EXIT_IO) {
		/* the ballots are read too: counting is what finds their errors */
		r = kp_tally_congress(&cg, NULL, o, &res, sink);
		if (r != KP_EXIT_OK && status != KP_EXIT_IO)
			status = r;
	}
	for (i = 0; i < cg.n; i++)
		for (k = 0; k < cg.contests[i].nrounds; k++) {
			if (cg.contests[i].rounds[k].source == KP_SOURCE_RESULTS)
				minutes++;
			else
				files++;
		}
	if (json) {
		json_t *j = json_object(), *l = json_array();
		char *safe = kp_text_safe(path);

		for (i = 0; i < res.n; i++)
			if (res.contests[i].ct->kind == KP_KIND_COMMITTEE ||
			    res.contests[i].ct->kind == KP_KIND_STANDING)
				json_array_append_new(l, surplus_json(&res.contests[i], o));
		json_object_set_new(j, "congress", json_string(safe));
		json_object_set_new(j, "ok", json_boolean(sink->errors == errors));
		json_object_set_new(j, "errors", json_integer((json_int_t)(sink->errors - errors)));
		json_object_set_new(j, "contests", json_integer((json_int_t)cg.n));
		json_object_set_new(j, "ballot_files", json_integer((json_int_t)files));
		json_object_set_new(j, "minutes_files", json_integer((json_int_t)minutes));
		json_object_set_new(j, "lists", l);
		kp_json_put(out, j);
		kp_buf_addch(out, '\n');
		free(safe);
		kp_results_release(&res);
		kp_congress_release(&cg);
		return status;
	}
	for (i = 0; i < res.n; i++)
		surplus_line(&lists, &res.contests[i], o);
	kp_results_release(&res);
	kp_text_add_safe(out, path);
	kp_buf_addstr(out, ": ");
	if (sink->errors > errors) {
		kp_buf_addf(out, Q_("%llu error", "%llu errors", sink->errors - errors),
			    (unsigned long long)(sink->errors - errors));
	} else {
		kp_buf_addf(out, "%s (", _("ok"));
		kp_buf_addf(out, Q_("%zu contest", "%zu contests", cg.n), cg.n);
		kp_buf_addstr(out, ", ");
		kp_buf_addf(out, Q_("%zu ballot file", "%zu ballot files", files),
			    files);
		if (minutes) {
			kp_buf_addstr(out, ", ");
			kp_buf_addf(out, Q_("%zu file of minutes", "%zu files of minutes",
					    minutes), minutes);
		}
		kp_buf_addch(out, ')');
	}
	kp_buf_addch(out, '\n');
	if (sink->errors == errors && lists.len)
		kp_buf_add(out, lists.s, lists.len);
	kp_buf_release(&lists);
	kp_congress_release(&cg);
	return status;
}

/* A campaign: campaign.csv, then every congress side by side, reported in
 * campaign order. */
struct campaign_run {
	const struct kp_campaign *c;
	const struct kp_tally_opts *o;
	int json;
	struct kp_diag_list *lists;
	struct kp_buf *lines;
	int *status;
	struct kp_cli *cli;
	struct kp_buf *out;
	int worst;
	struct kp_cli_bar bar;
};

static void campaign_work(void *ctx, size_t i)
{
	struct campaign_run *r = ctx;

	kp_diag_list_init(&r->lists[i], 1000);
	kp_buf_init(&r->lines[i]);
	r->status[i] = check_congress(r->c->orgs[i].path, r->o, r->json,
				      &r->lists[i].sink, &r->lines[i]);
}

static void campaign_done(void *ctx, size_t i)
{
	struct campaign_run *r = ctx;

	kp_diag_list_flush(&r->lists[i], 1, &r->cli->sink);
	kp_diag_list_release(&r->lists[i]);
	kp_buf_add(r->out, r->lines[i].s ? r->lines[i].s : "", r->lines[i].len);
	kp_buf_release(&r->lines[i]);
	if (r->status[i] == KP_EXIT_IO || r->worst == KP_EXIT_OK)
		r->worst = r->status[i];
	kp_cli_bar_step(&r->bar, i + 1, 0);
}

static int check_campaign(const char *path, struct kp_tally_opts *o, int json,
			  struct kp_cli *cli, struct kp_buf *out)
{
	struct kp_campaign c;
	struct campaign_run r;
	uint64_t errors = cli->sink.errors;
	unsigned jobs = o->csv.threads;
	int status;

	status = kp_campaign_load(&c, path, &o->csv, &cli->sink);
	if (json) {
		char *safe = kp_text_safe(c.file);

		kp_json_put(out, json_pack("{s:s,s:b}", "campaign", safe, "ok",
					   cli->sink.errors == errors));
		kp_buf_addch(out, '\n');
		free(safe);
	} else {
		kp_text_add_safe(out, c.file);
		kp_buf_addf(out, ": %s\n", cli->sink.errors > errors ? _("errors") :
			    _("ok"));
	}
	memset(&r, 0, sizeof(r));
	r.json = json;
	r.c = &c;
	r.o = o;
	r.cli = cli;
	r.out = out;
	r.lists = kp_xcalloc(c.n + 1, sizeof(*r.lists));
	r.lines = kp_xcalloc(c.n + 1, sizeof(*r.lines));
	r.status = kp_xcalloc(c.n + 1, sizeof(*r.status));
	o->csv.threads = 1;
	kp_cli_bar_init(&r.bar, c.n);
	{
		struct kp_batch b = { c.n, jobs, campaign_work, campaign_done, &r };

		kp_batch_run(&b);
	}
	kp_cli_bar_end(&r.bar);
	o->csv.threads = jobs;
	if (r.worst == KP_EXIT_IO || status == KP_EXIT_OK)
		status = r.worst;
	free(r.lists);
	free(r.lines);
	free(r.status);
	kp_campaign_release(&c);
	return status;
}

static int own_option(void *ctx, int opt, const char *arg)
{
	int *json = ctx;

	if (opt != 'f')
		return -1;
	if (strcmp(arg, "json") == 0)
		*json = 1;
	else if (strcmp(arg, "text") == 0)
		*json = 0;
	else
		return kp_cli_usage(&kp_cmd_check, "--format '%s': expected text "
				    "or json", arg);
	return KP_EXIT_OK;
}

static int check_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	int status = KP_EXIT_OK, r, json = 0;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	o.surplus_errors = 1;
	r = kp_cli_getopt(self, argc, argv, NULL, longopts, own_option, &json,
			  &o, &cli);
	if (r >= 0)
		return r;
	if (json) {
		/* for scripts: the diagnostics as JSON Lines on stdout, each
		 * congress's summary after them */
		cli.json = 1;
		cli.to_stdout = 1;
	}
	if (optind == argc)
		return kp_cli_usage(self, "expected a congress folder");
	for (; optind < argc; optind++) {
		/* a folder with campaign.csv is a campaign of congresses */
		if (kp_campaign_detect(argv[optind]))
			r = check_campaign(argv[optind], &o, json, &cli, &out);
		else
			r = check_congress(argv[optind], &o, json, &cli.sink, &out);
		if (r == KP_EXIT_IO || status == KP_EXIT_OK)
			status = r;
	}
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_check = {
	"check", check_main,
	"kiemphieu check [--format text|json] [options] PATH...",
	N_("check congress or campaign folders, without printing results"),
	N_("Check congress folders, or campaign folders (with a campaign.csv) and\n"
	   "every congress in them: formats, references, candidate lists and their\n"
	   "surplus, and every ballot, without printing results. Every problem is\n"
	   "listed as FILE:LINE:COL.\n\n"
	   "Options:\n"
	   "  --format FMT       text (default), or json: every diagnostic as a JSON\n"
	   "                     object per line on stdout (file, line, column,\n"
	   "                     severity, code, message), then one per congress\n"),
	N_("\nExit status: 0 no error, 1 some error, 2 usage, 3 I/O error.\n")
};
