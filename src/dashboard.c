/*
 * The campaign dashboard: one self-contained HTML page (no script, no
 * request) with inline SVG charts (completion per parent, the surplus of
 * every committee list against the 10%, 15% and 30% lines, the share of
 * women and young members before and after) and the tables behind them.
 * Its words follow the language of the messages; every text from the
 * input is escaped. It is laid out for A4 paper.
 */
#include "kiemphieu/campaign.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "doc.h"
#include "progress.h"
#include "kiemphieu/html.h"
#include "kiemphieu/rules.h"
#include "kiemphieu/xalloc.h"

/* the drawing area of every chart, in SVG units (1 unit = 1 CSS px) */
#define W 680
#define LABEL_W 210		/* room for a parent's name left of its bar */
#define BAR_W 380

static const char style[] =
	"<style>\n"
	"body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;"
	"font-size:10.5pt;max-width:180mm;margin:8mm auto;color:#1a1a1a}\n"
	"h1{font-size:16pt;margin:0 0 2pt}\n"
	"h2{font-size:12pt;margin:14pt 0 4pt;border-bottom:1px solid #999}\n"
	"p.sub{margin:0 0 8pt;color:#444}\n"
	".cards{display:grid;grid-template-columns:repeat(4,1fr);gap:6pt}\n"
	".card{border:1px solid #bbb;border-radius:4pt;padding:5pt 7pt}\n"
	".card b{display:block;font-size:15pt}\n"
	".card span{font-size:9pt;color:#444}\n"
	"svg{display:block;width:100%;height:auto}\n"
	"svg text{font-family:inherit;font-size:11px;fill:#1a1a1a}\n"
	"table{border-collapse:collapse;width:100%;font-size:9pt}\n"
	"th,td{border:1px solid #bbb;padding:2pt 4pt;text-align:left;"
	"vertical-align:top}\n"
	"th{background:#eee}\n"
	"td.n{text-align:right;white-space:nowrap}\n"
	".bad{color:#a00000;font-weight:bold}\n"
	"footer{margin-top:12pt;font-size:8pt;color:#666}\n"
	"@page{size:A4;margin:12mm}\n"
	"@media print{body{margin:0;max-width:none}"
	"svg,tr,.cards{page-break-inside:avoid}"
	"thead{display:table-header-group}h2{page-break-after:avoid}}\n"
	"</style>\n";

static void esc(struct kp_buf *b, const char *s)
{
	kp_html_escape(b, s);
}

static char *pct(char out[24], uint64_t num, uint64_t den)
{
	return kp_percent_text(out, kp_rules_percent_x100(num, den));
}

/* A length on the chart for num/den of `full` units, in tenths. */
static unsigned scale(uint64_t num, uint64_t den, unsigned full)
{
	return den ? (unsigned)((num > den ? den : num) * full * 10 / den) : 0;
}

static void card(struct kp_buf *b, uint64_t num, uint64_t den, const char *what)
{
	kp_buf_addf(b, "<div class=\"card\"><b>%llu/%llu</b><span>",
		    (unsigned long long)num, (unsigned long long)den);
	esc(b, what);
	kp_buf_addstr(b, "</span></div>\n");
}

/* x in tenths of a unit, as SVG wants it: "123.4" */
static void tenths(struct kp_buf *b, unsigned t)
{
	kp_buf_addf(b, "%u.%u", t / 10, t % 10);
}

static void chart_parents(struct kp_buf *b, const struct kp_progress *p)
{
	unsigned h = 24 + 22 * (unsigned)p->nparents;
	size_t i;

	kp_buf_addf(b, "<h2>%s</h2>\n", _("Completion per parent committee"));
	kp_buf_addf(b, "<svg viewBox=\"0 0 %d %u\" role=\"img\" aria-label=\"", W, h);
	esc(b, _("Completion per parent committee"));
	kp_buf_addstr(b, "\">\n");
	for (i = 0; i < p->nparents; i++) {
		const struct kp_parent_count *pc = &p->parents[i];
		unsigned y = 8 + 22 * (unsigned)i, done = scale(pc->done, pc->total, BAR_W);
		char a[24];

		kp_buf_addf(b, "<text x=\"%d\" y=\"%u\" text-anchor=\"end\">",
			    LABEL_W - 6, y + 13);
		esc(b, pc->parent[0] ? pc->parent : _("(none)"));
		kp_buf_addf(b, "</text>\n<rect x=\"%d\" y=\"%u\" width=\"%d\" "
			       "height=\"16\" fill=\"#e3e3e3\"/>\n", LABEL_W, y, BAR_W);
		kp_buf_addf(b, "<rect x=\"%d\" y=\"%u\" width=\"", LABEL_W, y);
		tenths(b, done);
		kp_buf_addstr(b, "\" height=\"16\" fill=\"#2e7d32\"/>\n");
		kp_buf_addf(b, "<text x=\"%d\" y=\"%u\">%llu/%llu (%s%%)</text>\n",
			    LABEL_W + BAR_W + 6, y + 13, (unsigned long long)pc->done,
			    (unsigned long long)pc->total, pct(a, pc->done, pc->total));
	}
	kp_buf_addstr(b, "</svg>\n");
}

/* one bar per percentage point of surplus: how many lists have it */
#define BINS_MAX 101

static void chart_surplus(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_campaign *c = p->c;
	uint64_t bins[BINS_MAX] = { 0 }, bad[BINS_MAX] = { 0 }, top = 0;
	unsigned nbins = 36, i, x0 = 40, plot_w = W - 60, plot_h = 150, y0 = 20;
	unsigned lines[3];
	const char *line_label[3];
	size_t k;
	char a[24], d[24], e[24];

	kp_buf_addf(b, "<h2>%s</h2>\n", _("Surplus of the committee lists"));
	if (!p->lists) {
		kp_buf_addf(b, "<p>%s</p>\n", _("No committee list yet."));
		return;
	}
	for (k = 0; k < c->n; k++) {
		const struct kp_summary *s = &p->s[k];
		unsigned bin;

		if (!p->selected[k] || s->status == KP_ORG_INVALID || !s->has_committee)
			continue;
		/* the last bar holds every list of 100% or more */
		bin = (unsigned)(s->surplus.percent_x100 / 100);
		if (bin >= BINS_MAX - 1)
			bin = BINS_MAX - 1;
		bins[bin]++;
		bad[bin] += (uint64_t)kp_verdict_is_error(s->surplus.verdict);
		/* room for one empty bar after the last, within the array */
		if (bin + 2 > nbins)
			nbins = bin + 2 < BINS_MAX ? bin + 2 : BINS_MAX;
	}
	for (i = 0; i < nbins; i++)
		if (bins[i] > top)
			top = bins[i];
	lines[0] = p->o->limits.min_percent;
	lines[1] = p->o->target_max;
	lines[2] = p->o->limits.max_percent;
	line_label[0] = _("minimum");
	line_label[1] = _("target");
	line_label[2] = _("maximum");
	kp_buf_addf(b, "<svg viewBox=\"0 0 %d %u\" role=\"img\" aria-label=\"", W,
		    y0 + plot_h + 40);
	esc(b, _("Surplus of the committee lists"));
	kp_buf_addstr(b, "\">\n");
	/* the bars */
	for (i = 0; i < nbins; i++) {
		unsigned bh = scale(bins[i], top, plot_h);
		unsigned x = x0 * 10 + i * plot_w * 10 / nbins;

		if (!bins[i])
			continue;
		kp_buf_addstr(b, "<rect x=\"");
		tenths(b, x);
		kp_buf_addstr(b, "\" y=\"");
		tenths(b, (y0 + plot_h) * 10 - bh);
		kp_buf_addstr(b, "\" width=\"");
		tenths(b, plot_w * 10 / nbins - 2);
		kp_buf_addstr(b, "\" height=\"");
		tenths(b, bh);
		/* red when a list of the bar breaks the rules (the rules
		 * round, so that a bar past a line may still be within them) */
		kp_buf_addf(b, "\" fill=\"%s\"><title>%u%%: %llu</title></rect>\n",
			    bad[i] ? "#c62828" : "#1565c0", i,
			    (unsigned long long)bins[i]);
	}
	/* the axis: 0, every 5 points, and the count of the tallest bar */
	kp_buf_addf(b, "<line x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\" stroke=\"#333\"/>\n",
		    x0, y0 + plot_h, x0 + plot_w, y0 + plot_h);
	for (i = 0; i < nbins; i += 5) {
		unsigned x = x0 * 10 + i * plot_w * 10 / nbins;

		kp_buf_addstr(b, "<text x=\"");
		tenths(b, x);
		kp_buf_addf(b, "\" y=\"%u\" text-anchor=\"middle\">%u%%</text>\n",
			    y0 + plot_h + 14, i);
	}
	kp_buf_addf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">%llu</text>\n",
		    x0 - 4, y0 + 10, (unsigned long long)top);
	kp_buf_addf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">0</text>\n",
		    x0 - 4, y0 + plot_h);
	/* the rule's lines */
	for (i = 0; i < 3; i++) {
		unsigned x = x0 * 10 + lines[i] * plot_w * 10 / nbins;

		if (lines[i] >= nbins)
			continue;
		kp_buf_addstr(b, "<line x1=\"");
		tenths(b, x);
		kp_buf_addf(b, "\" y1=\"%u\" x2=\"", y0 - 6);
		tenths(b, x);
		kp_buf_addf(b, "\" y2=\"%u\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>\n",
			    y0 + plot_h, i == 1 ? "#2e7d32" : "#c62828");
		kp_buf_addstr(b, "<text x=\"");
		tenths(b, x + 30);
		kp_buf_addf(b, "\" y=\"%u\">", y0 - 8 + 0 * i);
		esc(b, line_label[i]);
		kp_buf_addf(b, " %u%%</text>\n", lines[i]);
	}
	kp_buf_addf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"middle\">", x0 + plot_w / 2,
		    y0 + plot_h + 32);
	esc(b, _("surplus, percent of the seats; bar height: number of lists"));
	kp_buf_addstr(b, "</text>\n</svg>\n<p>");
	kp_buf_addf(b, _("%llu lists: %llu at least %u%%, %llu within %u-%u%%; "
			 "min %s%%, median %s%%, max %s%%."),
		    (unsigned long long)p->lists, (unsigned long long)p->lists_min,
		    p->o->limits.min_percent, (unsigned long long)p->lists_target,
		    p->o->limits.min_percent, p->o->target_max,
		    kp_percent_text(a, p->surplus_min_x100),
		    kp_percent_text(d, p->surplus_median_x100),
		    kp_percent_text(e, p->surplus_max_x100));
	kp_buf_addstr(b, "</p>\n");
}

static void chart_composition(struct kp_buf *b, const struct kp_progress *p)
{
	const char *row[2] = { _("women"), _("young") };
	uint64_t prev[2] = { p->prev_women, p->prev_young };
	uint64_t now[2] = { p->new_women, p->new_young };
	unsigned i, x0 = 110, full = 420;
	char a[24];

	kp_buf_addf(b, "<h2>%s</h2>\n", _("Women and young members, before and after"));
	if (!p->composition_orgs) {
		kp_buf_addf(b, "<p>%s</p>\n", _("No completed committee with the "
						 "outgoing one's figures yet."));
		return;
	}
	kp_buf_addf(b, "<svg viewBox=\"0 0 %d 130\" role=\"img\" aria-label=\"", W);
	esc(b, _("Women and young members, before and after"));
	kp_buf_addstr(b, "\">\n");
	for (i = 0; i < 2; i++) {
		unsigned y = 6 + 56 * i;
		unsigned wp = scale(prev[i], p->prev_members, full);
		unsigned wn = scale(now[i], p->new_members, full);

		kp_buf_addf(b, "<text x=\"%u\" y=\"%u\" text-anchor=\"end\">", x0 - 6, y + 27);
		esc(b, row[i]);
		kp_buf_addf(b, "</text>\n<rect x=\"%u\" y=\"%u\" width=\"", x0, y);
		tenths(b, wp);
		kp_buf_addstr(b, "\" height=\"20\" fill=\"#9e9e9e\"/>\n");
		kp_buf_addstr(b, "<text x=\"");
		tenths(b, x0 * 10 + wp + 60);
		kp_buf_addf(b, "\" y=\"%u\">", y + 15);
		esc(b, _("outgoing"));
		kp_buf_addf(b, " %s%%</text>\n", pct(a, prev[i], p->prev_members));
		kp_buf_addf(b, "<rect x=\"%u\" y=\"%u\" width=\"", x0, y + 22);
		tenths(b, wn);
		kp_buf_addstr(b, "\" height=\"20\" fill=\"#6a1b9a\"/>\n");
		kp_buf_addstr(b, "<text x=\"");
		tenths(b, x0 * 10 + wn + 60);
		kp_buf_addf(b, "\" y=\"%u\">", y + 37);
		esc(b, _("new"));
		kp_buf_addf(b, " %s%%</text>\n", pct(a, now[i], p->new_members));
	}
	kp_buf_addstr(b, "</svg>\n<p>");
	kp_buf_addf(b, Q_("Over %llu congress whose new and outgoing committees are "
			  "both known; young: under %u on the day of the election.",
			  "Over %llu congresses whose new and outgoing committees are "
			  "both known; young: under %u on the day of the election.",
			  p->composition_orgs),
		    (unsigned long long)p->composition_orgs, p->o->young_under);
	kp_buf_addstr(b, "</p>\n");
}

static void table_not_done(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_campaign *c = p->c;
	size_t i, k;
	char date[16];

	kp_buf_addstr(b, "<h2>");
	kp_buf_addf(b, _("Not done (%llu)"), (unsigned long long)p->not_done);
	kp_buf_addstr(b, "</h2>\n");
	if (!p->not_done)
		return;
	kp_buf_addf(b, "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
		       "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		    _("Congress"), _("Parent committee"), _("Scheduled"),
		    _("Status"), _("Why"));
	for (i = 0; i < c->n; i++) {
		const struct kp_org *o = &c->orgs[i];
		const struct kp_summary *s = &p->s[i];

		if (!p->selected[i] || s->status == KP_ORG_DONE)
			continue;
		kp_buf_addstr(b, "<tr><td>");
		esc(b, o->name[0] ? o->name : o->id);
		if (o->pilot) {
			kp_buf_addstr(b, " (");
			esc(b, _("pilot"));
			kp_buf_addch(b, ')');
		}
		kp_buf_addstr(b, "</td><td>");
		esc(b, o->parent);
		kp_buf_addstr(b, "</td><td class=\"n\">");
		if (o->scheduled.year)
			esc(b, kp_date_text(date, &o->scheduled));
		kp_buf_addf(b, "</td><td%s>", p->overdue[i] ? " class=\"bad\"" : "");
		esc(b, kp_org_status_text(s->status));
		if (o->state != KP_STATE_ACTIVE) {
			kp_buf_addstr(b, ", ");
			esc(b, o->state == KP_STATE_SUSPENDED ? _("suspended") :
			    _("postponed"));
			if (o->state_reason[0]) {
				kp_buf_addstr(b, " (");
				esc(b, o->state_reason);
				kp_buf_addch(b, ')');
			}
		}
		if (p->overdue[i]) {
			kp_buf_addstr(b, ", ");
			esc(b, _("overdue"));
		}
		kp_buf_addstr(b, "</td><td>");
		esc(b, s->reason_text ? s->reason_text : "");
		for (k = 0; k < s->nerrors; k++) {
			kp_buf_addstr(b, "<br>");
			esc(b, s->errors_text[k]);
		}
		kp_buf_addstr(b, "</td></tr>\n");
	}
	kp_buf_addstr(b, "</tbody>\n</table>\n");
}

static void table_parents(struct kp_buf *b, const struct kp_progress *p)
{
	size_t i, *rank = kp_xcalloc(p->nparents + 1, sizeof(*rank));
	char a[24], date[16], r[32];

	for (i = 0; i < p->nfinished; i++)
		rank[p->finish_order[i]] = i + 1;
	kp_buf_addf(b, "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th>"
		       "<th>%s</th><th>%%</th><th>%s</th></tr></thead>\n<tbody>\n",
		    _("Parent committee"), _("Done"), _("Started"), _("Congresses"),
		    _("All done on"));
	for (i = 0; i < p->nparents; i++) {
		const struct kp_parent_count *pc = &p->parents[i];

		kp_buf_addstr(b, "<tr><td>");
		esc(b, pc->parent[0] ? pc->parent : _("(none)"));
		kp_buf_addf(b, "</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td>"
			       "<td class=\"n\">%llu</td><td class=\"n\">%s</td><td class=\"n\">",
			    (unsigned long long)pc->done, (unsigned long long)pc->started,
			    (unsigned long long)pc->total, pct(a, pc->done, pc->total));
		if (rank[i]) {
			esc(b, kp_date_text(date, &pc->finished));
			kp_buf_addch(b, ' ');
			esc(b, kp_rank_text(r, rank[i]));
		}
		kp_buf_addstr(b, "</td></tr>\n");
	}
	kp_buf_addstr(b, "</tbody>\n</table>\n");
	free(rank);
}

/* n and its share, as two cells; empty when nobody is known */
static void share_cells(struct kp_buf *b, uint64_t n, uint64_t of, int has)
{
	char a[24];

	if (!has || !of)
		kp_buf_addstr(b, "<td class=\"n\"></td><td class=\"n\"></td>");
	else
		kp_buf_addf(b, "<td class=\"n\">%llu</td><td class=\"n\">%s%%</td>",
			    (unsigned long long)n, pct(a, n, of));
}

/* A composition table: the rows of kp_fig_rows, one or two bodies. */
static void fig_table(struct kp_buf *b, const struct kp_fig_row *rows, size_t n,
		      const char *first, const char *second)
{
	size_t i;

	kp_buf_addstr(b, "<table>\n<thead><tr><th></th><th colspan=\"2\">");
	esc(b, first);
	kp_buf_addstr(b, "</th>");
	if (second) {
		kp_buf_addstr(b, "<th colspan=\"2\">");
		esc(b, second);
		kp_buf_addstr(b, "</th>");
	}
	kp_buf_addstr(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		kp_buf_addstr(b, "<tr><td>");
		esc(b, rows[i].label);
		kp_buf_addstr(b, "</td>");
		share_cells(b, rows[i].n, rows[i].of, 1);
		if (second)
			share_cells(b, rows[i].pn, rows[i].pof, rows[i].has_prev);
		kp_buf_addstr(b, "</tr>\n");
	}
	kp_buf_addstr(b, "</tbody>\n</table>\n");
}

static void section_people(struct kp_buf *b, const struct kp_progress *p)
{
	struct kp_fig_row rows[KP_FIG_ROWS];
	const struct kp_comp *pc = p->prev_committees_n ? &p->prev_committees : NULL;
	const struct kp_comp *sc = &p->secretaries;
	size_t n, i;
	char a[24];

	kp_buf_addf(b, "<h2>%s</h2>\n<p>", _("The new committees"));
	kp_buf_addf(b, Q_("%llu congress, %llu members elected.",
			  "%llu congresses, %llu members elected.", p->committees_n),
		    (unsigned long long)p->committees_n,
		    (unsigned long long)p->committees.n);
	if (p->not_reelected_of) {
		kp_buf_addch(b, ' ');
		kp_buf_addf(b, _("Not re-elected: %llu of %llu outgoing members."),
			    (unsigned long long)p->not_reelected,
			    (unsigned long long)p->not_reelected_of);
	}
	if (p->seats_filled < p->seats_decided) {
		kp_buf_addch(b, ' ');
		kp_buf_addf(b, Q_("%llu seats unfilled in %llu congress.",
				  "%llu seats unfilled in %llu congresses.",
				  p->unfilled_orgs),
			    (unsigned long long)(p->seats_decided - p->seats_filled),
			    (unsigned long long)p->unfilled_orgs);
	}
	kp_buf_addstr(b, "</p>\n");
	if (p->committees.n) {
		n = kp_fig_rows(&p->committees, pc, &p->o->bands, p->o->young_under, 0,
				rows);
		fig_table(b, rows, n, _("new"), pc ? _("outgoing") : NULL);
	}
	kp_buf_addf(b, "<h2>%s</h2>\n", _("Secretaries, standing committees, delegates"));
	if (sc->n) {
		n = kp_secretary_rows(p, rows);
		kp_buf_addstr(b, "<p>");
		kp_buf_addf(b, Q_("%llu secretary elected.", "%llu secretaries elected.",
				  sc->n), (unsigned long long)sc->n);
		kp_buf_addstr(b, "</p>\n");
		fig_table(b, rows, n, _("secretaries"), NULL);
	}
	if (p->standing_n) {
		kp_buf_addstr(b, "<p>");
		kp_buf_addf(b, _("Standing committees with a woman member: %llu of %llu "
				 "(%s%%)."), (unsigned long long)p->standing_with_woman,
			    (unsigned long long)p->standing_n,
			    pct(a, p->standing_with_woman, p->standing_n));
		kp_buf_addstr(b, "</p>\n");
	}
	if (p->delegates.n || p->reserves.n) {
		n = kp_fig_rows(&p->delegates, &p->reserves, &p->o->bands,
				p->o->young_under, 0, rows);
		fig_table(b, rows, n, _("official delegates"), _("reserve delegates"));
	}
	if (p->ntargets) {
		kp_buf_addf(b, "<h2>%s</h2>\n<table>\n<thead><tr><th>%s</th><th>%s</th>"
			       "<th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
			    _("Targets of the directive"), _("Target"), _("Congresses meeting it"),
			    _("Overall"), _("Met"));
		for (i = 0; i < p->ntargets; i++) {
			const struct kp_target_result *r = &p->targets[i];
			int met = r->den && r->num * 100 >= (uint64_t)r->t.percent * r->den;

			kp_buf_addstr(b, "<tr><td>");
			esc(b, kp_target_name(r->t.figure));
			kp_buf_addf(b, " &ge; %u%%</td><td class=\"n\">%llu/%llu</td>"
				       "<td class=\"n\">%s%%</td><td%s>", r->t.percent,
				    (unsigned long long)r->met, (unsigned long long)r->of,
				    pct(a, r->num, r->den), met ? "" : " class=\"bad\"");
			esc(b, met ? _("met") : _("not met"));
			kp_buf_addstr(b, "</td></tr>\n");
		}
		kp_buf_addstr(b, "</tbody>\n</table>\n");
	}
	if (p->attendance_orgs) {
		kp_buf_addf(b, "<h2>%s</h2>\n<p>", _("Attendance"));
		kp_buf_addf(b, _("Summoned %llu, present %llu (%s%%), absent %llu."),
			    (unsigned long long)p->summoned, (unsigned long long)p->present,
			    pct(a, p->present, p->summoned),
			    (unsigned long long)(p->summoned - p->present));
		kp_buf_addstr(b, "</p>\n");
	}
}

static void table_breaking(struct kp_buf *b, const struct kp_progress *p)
{
	const struct kp_campaign *c = p->c;
	size_t i;
	char a[24];

	if (!p->lists_breaking)
		return;
	kp_buf_addf(b, "<h2>%s</h2>\n<table>\n<thead><tr><th>%s</th><th>%s</th>"
		       "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
		    _("Lists that break the rules"), _("Congress"), _("Candidates"),
		    _("Seats"), _("Surplus"), _("Verdict"));
	for (i = 0; i < c->n; i++) {
		const struct kp_summary *s = &p->s[i];

		if (!p->breaking[i])
			continue;
		kp_buf_addstr(b, "<tr><td>");
		esc(b, c->orgs[i].name[0] ? c->orgs[i].name : c->orgs[i].id);
		kp_buf_addf(b, "</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td>"
			       "<td class=\"n\">%s%%</td><td class=\"bad\">",
			    (unsigned long long)s->surplus.candidates,
			    (unsigned long long)s->surplus.seats,
			    kp_percent_text(a, s->surplus.percent_x100));
		esc(b, kp_verdict_text(s->surplus.verdict));
		kp_buf_addstr(b, "</td></tr>\n");
	}
	kp_buf_addstr(b, "</tbody>\n</table>\n");
}

void kp_progress_html(struct kp_buf *b, const struct kp_progress *p)
{
	char date[16], a[24], d[24];

	kp_date_text(date, &p->o->as_of);
	kp_buf_addf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
		       "<meta charset=\"utf-8\">\n<title>", kp_i18n_lang());
	esc(b, _("Campaign progress"));
	kp_buf_addstr(b, ": ");
	esc(b, p->c->name);
	kp_buf_addf(b, "</title>\n%s</head>\n<body>\n<h1>", style);
	esc(b, _("Campaign progress"));
	kp_buf_addstr(b, ": ");
	esc(b, p->c->name);
	kp_buf_addstr(b, "</h1>\n<p class=\"sub\">");
	kp_buf_addf(b, Q_("as of %s, %llu congress", "as of %s, %llu congresses",
			  p->total), date, (unsigned long long)p->total);
	if (p->o->pilots_only)
		kp_buf_addf(b, ", %s", _("pilots only"));
	if (p->o->parent) {
		struct kp_buf e = KP_BUF_INIT;

		esc(&e, p->o->parent);
		kp_buf_addf(b, _(", under %s"), e.s);
		kp_buf_release(&e);
	}
	kp_buf_addstr(b, "</p>\n<div class=\"cards\">\n");
	card(b, p->done, p->total, _("congresses done"));
	card(b, p->pilots_done, p->pilots, _("pilots done"));
	card(b, p->one_round, p->one_round_of, _("done congresses that filled "
						 "their committee in one round"));
	card(b, p->lists_min, p->lists, _("committee lists with the minimum surplus"));
	card(b, p->started, p->total, _("congresses started"));
	card(b, p->seats_filled, p->seats_decided, _("seats filled of those decided"));
	card(b, p->standing_with_woman, p->standing_n,
	     _("standing committees with a woman member"));
	card(b, p->suspended + p->postponed, p->total, _("suspended or postponed"));
	kp_buf_addstr(b, "</div>\n");
	chart_parents(b, p);
	table_parents(b, p);
	table_not_done(b, p);
	chart_surplus(b, p);
	table_breaking(b, p);
	kp_buf_addf(b, "<h2>%s</h2>\n<p>", _("Vote concentration"));
	if (p->members)
		kp_buf_addf(b, _("%llu elected committee members: on average %s%% of "
				 "the base, the lowest %s%%; %llu with over 80%%, "
				 "%llu with over 90%%."),
			    (unsigned long long)p->members,
			    kp_percent_text(a, (p->pct_sum_x100 * 2 + p->members) /
						(2 * p->members)),
			    kp_percent_text(d, p->pct_min_x100),
			    (unsigned long long)p->over80, (unsigned long long)p->over90);
	else
		esc(b, _("No committee elected yet."));
	kp_buf_addstr(b, "</p>\n");
	chart_composition(b, p);
	section_people(b, p);
	kp_buf_addstr(b, "<footer>kiemphieu " KP_VERSION "</footer>\n</body>\n</html>\n");
}

/* --- the same as PDF: a document of the same figures, bars for charts --- */

static void doc_fields(struct kp_doc *d, const char *label, uint64_t n, uint64_t of)
{
	char a[24];

	kp_doc_field(d, KP_DOC_FIELD, label, "%llu/%llu (%s%%)", (unsigned long long)n,
		     (unsigned long long)of, pct(a, n, of));
}

static void doc_rows(struct kp_doc *d, const struct kp_fig_row *rows, size_t n,
		     const char *first, const char *second)
{
	const char *head[3] = { "", first, second };
	size_t i;

	kp_doc_table(d, second ? 3 : 2, "lrr");
	kp_doc_row(d, head);
	for (i = 0; i < n; i++) {
		char a[48], b[48], x[24];
		const char *row[3] = { rows[i].label, a, b };

		if (rows[i].of)
			snprintf(a, sizeof(a), "%llu (%s%%)", (unsigned long long)rows[i].n,
				 pct(x, rows[i].n, rows[i].of));
		else
			a[0] = '\0';
		if (rows[i].has_prev && rows[i].pof)
			snprintf(b, sizeof(b), "%llu (%s%%)", (unsigned long long)rows[i].pn,
				 pct(x, rows[i].pn, rows[i].pof));
		else
			b[0] = '\0';
		kp_doc_row(d, row);
	}
}

int kp_progress_pdf(struct kp_buf *b, const struct kp_progress *p, const char **why)
{
	const struct kp_campaign *c = p->c;
	struct kp_fig_row rows[KP_FIG_ROWS];
	struct kp_doc d;
	struct kp_buf t = KP_BUF_INIT;
	char date[16], a[24], x[24];
	size_t i, n;
	int r;

	kp_buf_addf(&t, "%s: %s", _("Campaign progress"), c->name);
	kp_doc_init(&d, t.s);
	/* TRANSLATORS: before "1/3" at the foot of a PDF page */
	d.page = _("Page");
	kp_doc_form(&d, t.s);
	kp_doc_text(&d, KP_DOC_TITLE, "%s", t.s);
	kp_date_text(date, &p->o->as_of);
	kp_doc_text(&d, KP_DOC_CENTER, Q_("as of %s, %llu congress",
					  "as of %s, %llu congresses", p->total),
		    date, (unsigned long long)p->total);
	doc_fields(&d, _("congresses done"), p->done, p->total);
	doc_fields(&d, _("pilots done"), p->pilots_done, p->pilots);
	doc_fields(&d, _("congresses started"), p->started, p->total);
	doc_fields(&d, _("done congresses that filled their committee in one round"),
		   p->one_round, p->one_round_of);
	doc_fields(&d, _("committee lists with the minimum surplus"), p->lists_min,
		   p->lists);
	doc_fields(&d, _("seats filled of those decided"), p->seats_filled,
		   p->seats_decided);
	doc_fields(&d, _("standing committees with a woman member"),
		   p->standing_with_woman, p->standing_n);
	doc_fields(&d, _("suspended or postponed"), p->suspended + p->postponed, p->total);
	kp_doc_text(&d, KP_DOC_CENTER, "*%s", _("Completion per parent committee"));
	{
		for (i = 0; i < p->nparents; i++) {
			const struct kp_parent_count *pc = &p->parents[i];
			char v[16], s[64];
			const char *cells[3];

			snprintf(v, sizeof(v), "%llu", (unsigned long long)
				 kp_rules_percent_x100(pc->done, pc->total));
			snprintf(s, sizeof(s), "%llu/%llu (%s%%)", (unsigned long long)pc->done,
				 (unsigned long long)pc->total, pct(a, pc->done, pc->total));
			cells[0] = pc->parent[0] ? pc->parent : _("(none)");
			cells[1] = v;
			cells[2] = s;
			kp_doc_cells(&d, KP_DOC_BARS, cells, 3);
		}
	}
	{
		kp_buf_reset(&t);
		kp_buf_addf(&t, _("Not done (%llu)"), (unsigned long long)p->not_done);
		kp_doc_text(&d, KP_DOC_CENTER, "*%s", t.s);
	}
	if (p->not_done) {
		const char *head[4] = { _("Congress"), _("Parent committee"), _("Status"),
					_("Why") };

		kp_doc_table(&d, 4, "llll");
		kp_doc_row(&d, head);
		for (i = 0; i < c->n; i++) {
			const struct kp_org *o = &c->orgs[i];
			const struct kp_summary *s = &p->s[i];
			const char *row[4];

			if (!p->selected[i] || s->status == KP_ORG_DONE)
				continue;
			kp_buf_reset(&t);
			kp_buf_addstr(&t, kp_org_status_text(s->status));
			if (o->state != KP_STATE_ACTIVE)
				kp_buf_addf(&t, ", %s", o->state == KP_STATE_SUSPENDED ?
					    _("suspended") : _("postponed"));
			if (p->overdue[i])
				kp_buf_addf(&t, ", %s", _("overdue"));
			row[0] = o->name[0] ? o->name : o->id;
			row[1] = o->parent;
			row[2] = t.s;
			row[3] = s->reason_text ? s->reason_text : "";
			kp_doc_row(&d, row);
		}
	}
	kp_doc_text(&d, KP_DOC_CENTER, "*%s", _("Vote concentration"));
	if (p->members)
		kp_doc_text(&d, KP_DOC_PARA, _("%llu elected committee members: on average "
					       "%s%% of the base, the lowest %s%%; %llu "
					       "with over 80%%, %llu with over 90%%."),
			    (unsigned long long)p->members,
			    kp_percent_text(a, (p->pct_sum_x100 * 2 + p->members) /
						(2 * p->members)),
			    kp_percent_text(x, p->pct_min_x100),
			    (unsigned long long)p->over80, (unsigned long long)p->over90);
	kp_doc_text(&d, KP_DOC_CENTER, "*%s", _("The new committees"));
	if (p->committees.n) {
		const struct kp_comp *pc = p->prev_committees_n ? &p->prev_committees : NULL;

		n = kp_fig_rows(&p->committees, pc, &p->o->bands, p->o->young_under, 0, rows);
		doc_rows(&d, rows, n, _("new"), pc ? _("outgoing") : NULL);
	}
	if (p->secretaries.n) {
		kp_doc_text(&d, KP_DOC_CENTER, "*%s",
			    _("Secretaries, standing committees, delegates"));
		n = kp_secretary_rows(p, rows);
		doc_rows(&d, rows, n, _("secretaries"), NULL);
	}
	if (p->delegates.n || p->reserves.n) {
		n = kp_fig_rows(&p->delegates, &p->reserves, &p->o->bands,
				p->o->young_under, 0, rows);
		doc_rows(&d, rows, n, _("official delegates"), _("reserve delegates"));
	}
	if (p->ntargets) {
		const char *head[3] = { _("Target"), _("Congresses meeting it"), _("Overall") };

		kp_doc_text(&d, KP_DOC_CENTER, "*%s", _("Targets of the directive"));
		kp_doc_table(&d, 3, "lrr");
		kp_doc_row(&d, head);
		for (i = 0; i < p->ntargets; i++) {
			const struct kp_target_result *tr = &p->targets[i];
			char l[64], m[32], o[48];
			const char *row[3] = { l, m, o };
			int met = tr->den && tr->num * 100 >= (uint64_t)tr->t.percent * tr->den;

			snprintf(l, sizeof(l), "%s ≥ %u%%", kp_target_name(tr->t.figure),
				 tr->t.percent);
			snprintf(m, sizeof(m), "%llu/%llu", (unsigned long long)tr->met,
				 (unsigned long long)tr->of);
			snprintf(o, sizeof(o), "%s%% %s", pct(a, tr->num, tr->den),
				 met ? _("met") : _("not met"));
			kp_doc_row(&d, row);
		}
	}
	if (p->attendance_orgs)
		kp_doc_text(&d, KP_DOC_PARA, _("Summoned %llu, present %llu (%s%%), absent %llu."),
			    (unsigned long long)p->summoned, (unsigned long long)p->present,
			    pct(a, p->present, p->summoned),
			    (unsigned long long)(p->summoned - p->present));
	kp_doc_text(&d, KP_DOC_SMALL, "kiemphieu %s", KP_VERSION);
	r = kp_doc_pdf(b, &d, why);
	kp_doc_release(&d);
	kp_buf_release(&t);
	return r;
}
