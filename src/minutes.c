/*
 * The counting minutes (biên bản kiểm phiếu): one self-contained HTML page
 * laid out like the official form, in Vietnamese, as the form is. No
 * script, no request: styles are inline, and every text from the input is
 * escaped.
 */
#include "kiemphieu/minutes.h"

#include <stdio.h>
#include <string.h>

#include "kiemphieu/html.h"
#include "kiemphieu/rules.h"

static void esc(struct kp_buf *b, const char *s)
{
	kp_html_escape(b, s);
}

/* Vietnamese numbers: 80,83 with a decimal comma. */
static const char *pct_vi(char out[24], uint64_t num, uint64_t den)
{
	return kp_rules_fmt_x100(out, kp_rules_percent_x100(num, den), ',');
}

static const char *cand(const struct kp_contest *ct, unsigned no)
{
	return no >= 1 && no <= ct->ncands ? ct->cands[no - 1].name : "?";
}

static const char style[] =
	"<style>\n"
	"body{font-family:'Times New Roman',serif;font-size:13pt;max-width:17cm;"
	"margin:1cm auto;color:#000}\n"
	"header{display:flex;justify-content:space-between;text-align:center}\n"
	"h1{font-size:16pt;text-align:center;margin:1em 0 .2em}\n"
	"h2{font-size:13pt;text-align:center;margin:0 0 1em;font-weight:normal}\n"
	"table{border-collapse:collapse;width:100%;margin:.5em 0}\n"
	"th,td{border:1px solid #000;padding:2px 6px}\n"
	"td.n{text-align:right}\n"
	"dl{display:grid;grid-template-columns:auto auto;gap:0 1em}\n"
	"dd{margin:0;text-align:right}\n"
	".sign{display:flex;justify-content:space-between;margin-top:2em;"
	"text-align:center}\n"
	".sign div{width:45%;height:3.5cm}\n"
	".files{font-size:9pt;word-break:break-all}\n"
	"section{page-break-after:always}\n"
	"@page{size:A4;margin:1.5cm}\n"
	"@media print{body{margin:0;max-width:none}"
	"tr,dl,.sign{page-break-inside:avoid}thead{display:table-header-group}}\n"
	"</style>\n";

static void round_page(struct kp_buf *b, const struct kp_results *res,
		       const struct kp_contest_result *cr,
		       const struct kp_round_result *rr,
		       const struct kp_audit *audit)
{
	const struct kp_contest *ct = cr->ct;
	char p[24];
	size_t i, k, n = 0;

	kp_buf_addstr(b, "<section>\n<header><div><b>");
	esc(b, res->cg->org);
	kp_buf_addstr(b, "</b><br>BAN KIỂM PHIẾU</div><div><b>ĐẢNG CỘNG SẢN VIỆT "
			 "NAM</b></div></header>\n<h1>BIÊN BẢN KIỂM PHIẾU</h1>\n<h2>");
	esc(b, ct->title);
	if (cr->nrounds > 1 || rr->round > 1)
		kp_buf_addf(b, " — lần %u", rr->round);
	if (ct->date.year)
		kp_buf_addf(b, "<br>ngày %02d/%02d/%04d", ct->date.day,
			    ct->date.month, ct->date.year);
	kp_buf_addstr(b, "</h2>\n<dl>\n");
	kp_buf_addf(b, "<dt>Số lượng cần bầu trong lần bầu này</dt><dd>%llu</dd>\n",
		    (unsigned long long)rr->seats);
	kp_buf_addf(b, "<dt>Tổng số được triệu tập (cơ sở tính kết quả)</dt>"
		       "<dd>%llu</dd>\n", (unsigned long long)ct->base);
	if (rr->has_present)
		kp_buf_addf(b, "<dt>Số có mặt</dt><dd>%llu</dd>\n"
			       "<dt>Số vắng mặt</dt><dd>%llu</dd>\n",
			    (unsigned long long)rr->present,
			    (unsigned long long)(ct->base - rr->present));
	if (rr->has_issued)
		kp_buf_addf(b, "<dt>Số phiếu phát ra</dt><dd>%llu</dd>\n",
			    (unsigned long long)rr->issued);
	kp_buf_addf(b, "<dt>Số phiếu thu vào</dt><dd>%llu</dd>\n"
		       "<dt>Số phiếu hợp lệ</dt><dd>%llu</dd>\n"
		       "<dt>Số phiếu không hợp lệ</dt><dd>%llu</dd>\n",
		    (unsigned long long)rr->ballots, (unsigned long long)rr->valid,
		    (unsigned long long)rr->invalid);
	for (i = 0; i < rr->nreasons; i++) {
		const char *t = rr->reasons[i].text;

		kp_buf_addstr(b, "<dt>&nbsp;&nbsp;trong đó: ");
		if (strcmp(t, "too-many") == 0)
			kp_buf_addstr(b, "bầu quá số lượng");
		else if (strcmp(t, "all-crossed") == 0)
			kp_buf_addstr(b, "gạch hết tên");
		else if (strcmp(t, "no-choice") == 0)
			kp_buf_addstr(b, "không đánh dấu đúng một ô");
		else
			esc(b, strncmp(t, "void: ", 6) == 0 ? t + 6 : t);
		kp_buf_addf(b, "</dt><dd>%llu</dd>\n",
			    (unsigned long long)rr->reasons[i].count);
	}
	kp_buf_addf(b, "<dt>Nguồn số liệu</dt><dd>%s</dd>\n",
		    rr->source == KP_SOURCE_RESULTS ?
		    "số liệu của biên bản kiểm phiếu (nhập lại)" :
		    "kiểm từ từng phiếu bầu");
	kp_buf_addstr(b, "</dl>\n<p>Kết quả bầu cử, theo thứ tự trong phiếu bầu:</p>\n"
			 "<table><thead><tr><th>STT</th><th>Họ và tên</th>"
			 "<th>Số phiếu</th><th>Tỷ lệ % so với cơ sở tính</th>"
			 "</tr></thead><tbody>\n");
	for (i = 0; i < rr->ncands; i++) {
		const struct kp_standing *s = &rr->cands[i];

		kp_buf_addf(b, "<tr><td class=n>%u</td><td>", s->no);
		esc(b, cand(ct, s->no));
		kp_buf_addf(b, "</td><td class=n>%llu</td><td class=n>%s%%</td></tr>\n",
			    (unsigned long long)s->votes, pct_vi(p, s->votes, ct->base));
	}
	kp_buf_addf(b, "</tbody></table>\n<p>Kiểm tra: số phiếu hợp lệ × số cần bầu = "
		       "số phiếu bầu + số phiếu trống: %llu × %llu = %llu + %llu.</p>\n",
		    (unsigned long long)rr->valid, (unsigned long long)rr->seats,
		    (unsigned long long)rr->votes_cast, (unsigned long long)rr->unused);
	/* the elected of this round, by votes (the results give them by
	 * round, then votes) */
	for (k = 0; k < 2; k++) {
		const struct kp_elected *e = k ? cr->reserves : cr->elected;
		size_t ne = k ? cr->nreserves : cr->nelected;
		int any = 0;

		for (i = 0; i < ne; i++) {
			if (e[i].round != rr->round)
				continue;
			if (!any)
				kp_buf_addf(b, "<p>Những đồng chí trúng cử%s (xếp theo "
					       "thứ tự số phiếu từ cao đến thấp, có số "
					       "phiếu quá một nửa so với cơ sở tính):</p>"
					       "\n<ol>\n", k ? " đại biểu dự khuyết" : "");
			any = 1;
			kp_buf_addstr(b, "<li>");
			esc(b, cand(ct, e[i].no));
			kp_buf_addf(b, ": %llu phiếu, %s%%</li>\n",
				    (unsigned long long)e[i].votes,
				    pct_vi(p, e[i].votes, ct->base));
			n++;
		}
		if (any)
			kp_buf_addstr(b, "</ol>\n");
	}
	for (i = 0, k = 0; i < rr->ncands; i++)
		if (rr->cands[i].result == KP_RESULT_TIE) {
			kp_buf_addstr(b, k++ ? ", " : "<p>Có số phiếu bằng nhau ở vị trí "
					   "cuối, cần bầu lại: ");
			esc(b, cand(ct, rr->cands[i].no));
		}
	if (k)
		kp_buf_addstr(b, ".</p>\n");
	if (!n && !k)
		kp_buf_addstr(b, "<p>Không có đồng chí nào trúng cử trong lần bầu này.</p>\n");
	if (audit) {
		kp_buf_addstr(b, "<p class=files>Tệp dữ liệu (SHA-256): ");
		for (i = 0; i < audit->n; i++) {
			esc(b, audit->files[i].name);
			kp_buf_addstr(b, " ");
			kp_buf_addstr(b, audit->files[i].sha256);
			kp_buf_addstr(b, i + 1 < audit->n ? "; " : ".");
		}
		kp_buf_addstr(b, "</p>\n");
	}
	kp_buf_addstr(b, "<div class=sign><div><b>CÁC THÀNH VIÊN BAN KIỂM PHIẾU</b>"
			 "<br><i>(ký, ghi rõ họ tên)</i></div><div><b>TRƯỞNG BAN "
			 "KIỂM PHIẾU</b><br><i>(ký, ghi rõ họ tên)</i></div></div>\n"
			 "</section>\n");
}

void kp_report_minutes(struct kp_buf *b, const struct kp_results *res,
		       const struct kp_audit *audit)
{
	size_t i, j, pages = 0;

	kp_buf_addstr(b, "<!DOCTYPE html>\n<html lang=vi>\n<head>\n<meta charset=utf-8>\n"
			 "<title>Biên bản kiểm phiếu — ");
	esc(b, res->cg->org);
	kp_buf_addstr(b, "</title>\n");
	kp_buf_addstr(b, style);
	kp_buf_addstr(b, "</head>\n<body>\n");
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];

		for (j = 0; j < cr->nrounds; j++, pages++)
			round_page(b, res, cr, &cr->rounds[j], audit);
	}
	if (!pages)
		kp_buf_addstr(b, "<p>Chưa có phiếu bầu.</p>\n");
	kp_buf_addstr(b, "</body>\n</html>\n");
}
