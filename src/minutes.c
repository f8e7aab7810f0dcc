/*
 * The counting minutes (biên bản kiểm phiếu) as the forms of HD 04-HD/TW
 * (2024), Phụ lục 2, give them as far as their content is known
 * (docs/formats.md, "The minutes"): one form per election and round, and
 * for delegates one for the official and one for the reserve delegates;
 * headed by the congress as the Party names it (congress.csv), in
 * Vietnamese, as the forms are. Built once as a document (doc.h) and
 * written as HTML or PDF.
 */
#include "kiemphieu/minutes.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>

#include "doc.h"
#include "kiemphieu/campaign.h"
#include "kiemphieu/report.h"
#include "kiemphieu/rules.h"
#include "kiemphieu/sha256.h"
#include "kiemphieu/xalloc.h"

/* Vietnamese numbers: 80,83 with a decimal comma, 1.017 with a point
 * between thousands. */
static const char *pct_vi(char out[24], uint64_t num, uint64_t den)
{
	return kp_rules_fmt_x100(out, kp_rules_percent_x100(num, den), ',');
}

static const char *num_vi(char out[32], uint64_t v)
{
	char t[32];
	size_t n, i, o = 0;

	snprintf(t, sizeof(t), "%llu", (unsigned long long)v);
	n = strlen(t);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = t[i];
	}
	out[o] = '\0';
	return out;
}

static const char *cand(const struct kp_contest *ct, unsigned no)
{
	return no >= 1 && no <= ct->ncands ? ct->cands[no - 1].name : "?";
}

/* Upper case, as the heading writes a name (libunistring, Vietnamese
 * letters included). */
static char *upper(const char *s)
{
	size_t n;
	uint8_t *u = u8_toupper((const uint8_t *)s, strlen(s), "vi", NULL, NULL, &n);
	char *out;

	if (!u)
		return kp_xstrdup(s);
	out = kp_xstrndup((const char *)u, n);
	free(u);
	return out;
}

/* The first letter in lower case: "Ban Chấp hành" stays, "Bầu" becomes
 * "bầu" after a comma. */
static char *lower_first(const char *s)
{
	size_t n, k = 1;
	uint8_t *u;
	char *out;
	struct kp_buf b = KP_BUF_INIT;

	while (s[k] && ((unsigned char)s[k] & 0xc0) == 0x80)
		k++;
	u = u8_tolower((const uint8_t *)s, k, "vi", NULL, NULL, &n);
	if (!u)
		return kp_xstrdup(s);
	kp_buf_add(&b, u, n);
	kp_buf_addstr(&b, s + k);
	free(u);
	out = kp_buf_detach(&b);
	return out;
}

/* Who was summoned to a vote, as the form counts them. */
static const char *summoned(const struct kp_congress *cg, const struct kp_contest *ct)
{
	if (ct->kind == KP_KIND_STANDING || ct->kind == KP_KIND_DEPUTY ||
	    (ct->kind == KP_KIND_SECRETARY && !ct->direct))
		return "ủy viên Ban Chấp hành";
	switch (cg->info.assembly) {
	case KP_ASSEMBLY_MEMBERS:
		return "đảng viên chính thức";
	case KP_ASSEMBLY_DELEGATES:
		return "đại biểu chính thức";
	case KP_ASSEMBLY_UNKNOWN:
		break;
	}
	return "đảng viên (đại biểu) chính thức";
}

/* What a form's election fills. */
enum part { WHOLE, OFFICIAL, RESERVE };

static const char *body_word(const struct kp_contest *ct, enum part part)
{
	if (part == OFFICIAL)
		return "đại biểu chính thức";
	if (part == RESERVE)
		return "đại biểu dự khuyết";
	switch (ct->kind) {
	case KP_KIND_COMMITTEE:
		return "Ban Chấp hành";
	case KP_KIND_STANDING:
		return "Ban Thường vụ";
	case KP_KIND_SECRETARY:
		return "Bí thư";
	case KP_KIND_DEPUTY:
		return "Phó Bí thư";
	case KP_KIND_INSPECTION:
		return "Ủy ban Kiểm tra";
	case KP_KIND_DELEGATES:
		return "đại biểu";
	case KP_KIND_OTHER:
		break;
	}
	return "";
}

/* The day as the forms write it: "ngày 12 tháng 5 năm 2020". */
static void day_text(char out[64], const struct kp_date *d)
{
	if (d->year)
		snprintf(out, 64, "ngày %d tháng %d năm %d", d->day, d->month, d->year);
	else
		snprintf(out, 64, "ngày ...... tháng ...... năm ......");
}

/* A SHA-256 in groups of four, as a person reads it off paper. */
static void groups(struct kp_buf *b, const char *hex)
{
	size_t i;

	for (i = 0; hex[i]; i++) {
		if (i && i % 4 == 0)
			kp_buf_addch(b, ' ');
		kp_buf_addch(b, hex[i]);
	}
}

/* The heading of a form: the parent and the congress in capitals, then
 * `under` (BAN KIỂM PHIẾU, or nothing); beside it the Party's name and
 * the date line of `day`. */
static void heading(struct kp_doc *d, const struct kp_congress *cg,
		    const char *under, const struct kp_date *day)
{
	struct kp_buf l = KP_BUF_INIT, r = KP_BUF_INIT;
	const char *cells[2];
	char text[64];
	char *u;

	if (cg->info.parent && cg->info.parent[0]) {
		u = upper(cg->info.parent);
		kp_buf_addf(&l, "%s\n", u);
		free(u);
	}
	u = upper(kp_congress_name(cg));
	kp_buf_addf(&l, "*%s\n%s**", u, under);
	free(u);
	day_text(text, day);
	kp_buf_addf(&r, "*ĐẢNG CỘNG SẢN VIỆT NAM\n/%s, %s",
		    cg->info.place && cg->info.place[0] ? cg->info.place : "...............",
		    text);
	cells[0] = l.s;
	cells[1] = r.s;
	kp_doc_cells(d, KP_DOC_HEADING, cells, 2);
	kp_buf_release(&l);
	kp_buf_release(&r);
}

/* "Đại hội đại biểu Đảng bộ xã Đại Đồng lần thứ XXV, nhiệm kỳ 2020-2025" */
static void congress_line(struct kp_buf *b, const struct kp_congress *cg)
{
	const struct kp_congress_info *in = &cg->info;
	char roman[16];

	kp_buf_addf(b, "Đại hội %s%s", in->assembly == KP_ASSEMBLY_DELEGATES ?
		    "đại biểu " : "", kp_congress_name(cg));
	if (in->number)
		kp_buf_addf(b, " lần thứ %s", kp_roman(roman, in->number));
	if (in->term && in->term[0])
		kp_buf_addf(b, ", nhiệm kỳ %s", in->term);
}

static const char *time_of(const struct kp_contest *ct, unsigned round)
{
	const struct kp_round_plan *pl = kp_contest_plan(ct, round);

	if (pl && pl->time[0])
		return pl->time;
	return round == 1 ? ct->time : "";
}

/* The results' own hash: of the "contests" of their JSON, as tally
 * --format json writes them and as verify reads them back
 * (kp_results_digest). */
static void form(struct kp_doc *d, const struct kp_results *res,
		 const struct kp_contest_result *cr, const struct kp_round_result *rr,
		 enum part part, const struct kp_audit *audit, const char *digest)
{
	const struct kp_congress *cg = res->cg;
	const struct kp_congress_info *in = &cg->info;
	const struct kp_contest *ct = cr->ct;
	const char *who = summoned(cg, ct);
	struct kp_buf t = KP_BUF_INIT, u = KP_BUF_INIT;
	char a[32], p[24], day[64], *lf;
	const char *tm = time_of(ct, rr->round);
	uint64_t seats = part == OFFICIAL ? rr->official_open :
			 part == RESERVE ? rr->reserve_open : rr->seats;
	size_t i, k, n = 0;

	/* the form's name, for the foot of its PDF pages */
	kp_buf_addf(&t, "%s — %s, lần %u", kp_congress_name(cg), ct->id, rr->round);
	kp_doc_form(d, t.s);
	kp_buf_reset(&t);
	heading(d, cg, "*BAN KIỂM PHIẾU\n", &ct->date);
	kp_doc_text(d, KP_DOC_TITLE, "BIÊN BẢN KIỂM PHIẾU");
	if (part == WHOLE)
		kp_buf_addf(&t, "Bầu %s", ct->title);
	else
		kp_buf_addf(&t, "Bầu %s — %s", body_word(ct, part), ct->title);
	if (cr->nrounds > 1 || rr->round > 1)
		kp_buf_addf(&t, " (lần bầu thứ %u)", rr->round);
	kp_doc_text(d, KP_DOC_CENTER, "%s", t.s);
	if (in->name && in->name[0]) {
		kp_buf_reset(&u);
		kp_buf_addch(&u, '/');
		congress_line(&u, cg);
		kp_doc_text(d, KP_DOC_CENTER, "%s", u.s);
	}
	/* who counted, when and where */
	day_text(day, &ct->date);
	kp_buf_reset(&u);
	kp_buf_addstr(&u, "Hôm nay, ");
	if (tm[0])
		kp_buf_addf(&u, "hồi %.2s giờ %.2s phút, ", tm, tm + 3);
	kp_buf_addstr(&u, day);
	if (in->place && in->place[0])
		kp_buf_addf(&u, ", tại %s", in->place);
	if (in->nboard) {
		kp_buf_addstr(&u, ", Ban Kiểm phiếu của Đại hội gồm các đồng chí:");
		kp_doc_text(d, KP_DOC_PARA, "%s", u.s);
		{
			const char **items = kp_xcalloc(in->nboard, sizeof(*items));
			char **own = kp_xcalloc(in->nboard, sizeof(*own));

			for (i = 0; i < in->nboard; i++) {
				struct kp_buf x = KP_BUF_INIT;

				kp_buf_addf(&x, "Đồng chí %s, %s", in->board[i],
					    i == 0 && in->head_given ? "Trưởng ban" :
					    "Thành viên");
				own[i] = kp_buf_detach(&x);
				items[i] = own[i];
			}
			kp_doc_cells(d, KP_DOC_LIST, items, in->nboard);
			for (i = 0; i < in->nboard; i++)
				free(own[i]);
			free(own);
			free(items);
		}
		kp_buf_reset(&u);
		kp_buf_addstr(&u, "Ban Kiểm phiếu");
	} else {
		kp_buf_addstr(&u, ", Ban Kiểm phiếu của Đại hội");
	}
	lf = lower_first(t.s);
	kp_doc_text(d, KP_DOC_PARA, "%s đã tiến hành kiểm phiếu %s. Kết quả như sau:",
		    u.s, lf);
	free(lf);
	kp_buf_reset(&u);
	kp_buf_addf(&u, "Tổng số %s được triệu tập:", who);
	kp_doc_field(d, KP_DOC_FIELD, u.s, "%s", num_vi(a, ct->base));
	if (rr->has_present) {
		kp_doc_field(d, KP_DOC_FIELD, "Số có mặt:", "%s", num_vi(a, rr->present));
		kp_doc_field(d, KP_DOC_FIELD, "Số vắng mặt:", "%s",
			     num_vi(a, ct->base > rr->present ? ct->base - rr->present : 0));
	}
	if (rr->has_issued)
		kp_doc_field(d, KP_DOC_FIELD, "Số phiếu phát ra:", "%s",
			     num_vi(a, rr->issued));
	kp_doc_field(d, KP_DOC_FIELD, "Số phiếu thu vào:", "%s", num_vi(a, rr->ballots));
	kp_doc_field(d, KP_DOC_FIELD, "Số phiếu hợp lệ:", "%s", num_vi(a, rr->valid));
	kp_doc_field(d, KP_DOC_FIELD, "Số phiếu không hợp lệ:", "%s",
		     num_vi(a, rr->invalid));
	for (i = 0; i < rr->nreasons; i++) {
		const char *r = rr->reasons[i].text;

		kp_buf_reset(&u);
		kp_buf_addstr(&u, "trong đó: ");
		if (strcmp(r, "too-many") == 0)
			kp_buf_addstr(&u, "bầu quá số lượng");
		else if (strcmp(r, "all-crossed") == 0)
			kp_buf_addstr(&u, "gạch hết tên");
		else if (strcmp(r, "no-choice") == 0)
			kp_buf_addstr(&u, "không đánh dấu đúng một ô");
		else
			kp_buf_addstr(&u, strncmp(r, "void: ", 6) == 0 ? r + 6 : r);
		kp_doc_field(d, KP_DOC_SUBFIELD, u.s, "%s",
			     num_vi(a, rr->reasons[i].count));
	}
	kp_doc_field(d, KP_DOC_FIELD, "Số lượng cần bầu trong lần bầu này:", "%s",
		     num_vi(a, seats));
	kp_doc_field(d, KP_DOC_FIELD, "Số người trong danh sách bầu cử:", "%s",
		     num_vi(a, rr->ncands));
	kp_doc_text(d, KP_DOC_PARA, "Số phiếu bầu cho từng đồng chí, theo thứ tự "
		    "trong danh sách bầu cử, và tỷ lệ %% so với tổng số %s được "
		    "triệu tập:", who);
	{
		const char *h[4] = { "STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ %" };

		kp_doc_table(d, 4, "rlrr");
		kp_doc_row(d, h);
		for (i = 0; i < rr->ncands; i++) {
			const struct kp_standing *s = &rr->cands[i];
			char no[16], v[32], pc[24];
			const char *row[4];

			snprintf(no, sizeof(no), "%u", s->no);
			num_vi(v, s->votes);
			pct_vi(pc, s->votes, ct->base);
			row[0] = no;
			row[1] = cand(ct, s->no);
			row[2] = v;
			row[3] = pc;
			kp_doc_row(d, row);
		}
	}
	{
		char x1[32], x2[32], x3[32], x4[32];

		kp_doc_text(d, KP_DOC_PARA, "Đối chiếu: mỗi phiếu hợp lệ bầu được nhiều "
			    "nhất %llu người; %s phiếu hợp lệ × %llu = %s lượt bầu, gồm "
			    "%s lượt bầu cho các đồng chí trong danh sách và %s lượt "
			    "không bầu (tên bị gạch, hoặc bầu ít hơn số lượng): khớp.",
			    (unsigned long long)rr->seats, num_vi(x1, rr->valid),
			    (unsigned long long)rr->seats,
			    num_vi(x2, rr->valid * rr->seats), num_vi(x3, rr->votes_cast),
			    num_vi(x4, rr->unused));
	}
	for (k = 0; k < 2; k++) {
		const struct kp_elected *e = k ? cr->reserves : cr->elected;
		size_t ne = k ? cr->nreserves : cr->nelected, m = 0;
		const char **items;
		char **own;

		if ((part == OFFICIAL && k) || (part == RESERVE && !k))
			continue;
		items = kp_xcalloc(ne + 1, sizeof(*items));
		own = kp_xcalloc(ne + 1, sizeof(*own));
		for (i = 0; i < ne; i++) {
			struct kp_buf x = KP_BUF_INIT;

			if (e[i].round != rr->round)
				continue;
			kp_buf_addf(&x, "Đồng chí %s: %s phiếu, đạt %s%%",
				    cand(ct, e[i].no), num_vi(a, e[i].votes),
				    pct_vi(p, e[i].votes, ct->base));
			own[m] = kp_buf_detach(&x);
			items[m] = own[m];
			m++;
		}
		if (m) {
			kp_doc_text(d, KP_DOC_PARA, "Căn cứ Quy chế bầu cử trong Đảng, "
				    "các đồng chí sau đây trúng cử %s (xếp theo số "
				    "phiếu từ cao xuống thấp, có số phiếu quá một nửa so "
				    "với tổng số %s được triệu tập):", k ? "đại biểu dự "
				    "khuyết" : body_word(ct, part), who);
			kp_doc_cells(d, KP_DOC_LIST, items, m);
		}
		n += m;
		for (i = 0; i < m; i++)
			free(own[i]);
		free(own);
		free(items);
	}
	kp_buf_reset(&u);
	for (i = 0, k = 0; i < rr->ncands; i++)
		if (rr->cands[i].result == KP_RESULT_TIE) {
			kp_buf_addstr(&u, k++ ? ", " : "");
			kp_buf_addstr(&u, cand(ct, rr->cands[i].no));
		}
	if (k)
		kp_doc_text(d, KP_DOC_PARA, "Các đồng chí %s có số phiếu bằng nhau ở "
			    "vị trí cuối cùng: Đại hội cần bầu lại.", u.s);
	if (!n && !k)
		kp_doc_text(d, KP_DOC_PARA, "Không có đồng chí nào trúng cử trong lần "
			    "bầu này.");
	/* the last results and the signatures: on one page */
	kp_doc_keep(d);
	kp_doc_text(d, KP_DOC_PARA, "Biên bản lập xong hồi ...... giờ ...... phút "
		    "cùng ngày, đã đọc trước Đại hội và được các thành viên Ban "
		    "Kiểm phiếu nhất trí ký tên.");
	{
		const char *sign[6];

		kp_buf_reset(&u);
		for (i = in->head_given ? 1 : 0; i < in->nboard; i++)
			kp_buf_addf(&u, "%s%s", u.len ? "\n" : "", in->board[i]);
		sign[0] = "CÁC THÀNH VIÊN BAN KIỂM PHIẾU";
		sign[1] = "(ký, ghi rõ họ tên)";
		sign[2] = u.s ? u.s : "";
		sign[3] = "TRƯỞNG BAN KIỂM PHIẾU";
		sign[4] = "(ký, ghi rõ họ tên)";
		sign[5] = in->head_given ? in->board[0] : "";
		kp_doc_cells(d, KP_DOC_SIGN, sign, 6);
	}
	/* the hashes on paper, to check back (kiemphieu verify --typed) */
	kp_buf_reset(&u);
	if (audit) {
		kp_buf_addstr(&u, "Mã kiểm tra (SHA-256) của các tệp dữ liệu: ");
		for (i = 0; i < audit->n; i++) {
			kp_buf_addf(&u, "%s: ", audit->files[i].name);
			groups(&u, audit->files[i].sha256);
			kp_buf_addstr(&u, i + 1 < audit->n ? "; " : ". ");
		}
	}
	if (digest) {
		kp_buf_addstr(&u, "Của kết quả: ");
		groups(&u, digest);
		kp_buf_addstr(&u, ". Đối chiếu bằng: kiemphieu verify --typed "
			      "'NHÓM KÝ TỰ' KẾT_QUẢ.json");
	}
	if (u.len)
		kp_doc_text(d, KP_DOC_SMALL, "%s", u.s);
	kp_buf_release(&t);
	kp_buf_release(&u);
}

static void build(struct kp_doc *d, const struct kp_results *res,
		  const struct kp_audit *audit)
{
	char digest[65];
	size_t i, j, k;

	kp_results_digest(res, digest);
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];

		for (j = 0; j < cr->nrounds; j++) {
			const struct kp_round_result *rr = &cr->rounds[j];
			int reserves = 0;

			if (cr->ct->kind != KP_KIND_DELEGATES || !cr->ct->reserves) {
				form(d, res, cr, rr, WHOLE, audit, digest);
				continue;
			}
			/* delegates: the official and the reserve minutes */
			for (k = 0; k < cr->nreserves; k++)
				reserves |= cr->reserves[k].round == rr->round;
			if (rr->official_open || !reserves)
				form(d, res, cr, rr, OFFICIAL, audit, digest);
			if (rr->reserve_open || reserves)
				form(d, res, cr, rr, RESERVE, audit, digest);
		}
	}
}

void kp_report_minutes(struct kp_buf *out, const struct kp_results *res,
		       const struct kp_audit *audit)
{
	struct kp_doc d;
	struct kp_buf title = KP_BUF_INIT;

	kp_buf_addf(&title, "Biên bản kiểm phiếu — %s", kp_congress_name(res->cg));
	kp_doc_init(&d, title.s);
	build(&d, res, audit);
	if (!d.n) {
		kp_doc_form(&d, "");
		kp_doc_text(&d, KP_DOC_PARA, "Chưa có phiếu bầu.");
	}
	kp_doc_html(out, &d, "vi");
	kp_doc_release(&d);
	kp_buf_release(&title);
}

int kp_report_minutes_pdf(struct kp_buf *out, const struct kp_results *res,
			  const struct kp_audit *audit, const char **why)
{
	struct kp_doc d;
	struct kp_buf title = KP_BUF_INIT;
	int r;

	kp_buf_addf(&title, "Biên bản kiểm phiếu — %s", kp_congress_name(res->cg));
	kp_doc_init(&d, title.s);
	build(&d, res, audit);
	if (!d.n) {
		kp_doc_form(&d, "");
		kp_doc_text(&d, KP_DOC_PARA, "Chưa có phiếu bầu.");
	}
	r = kp_doc_pdf(out, &d, why);
	kp_doc_release(&d);
	kp_buf_release(&title);
	return r;
}

void kp_results_digest(const struct kp_results *res, char out[65])
{
	struct kp_buf b = KP_BUF_INIT;
	json_t *j;

	kp_report_json(&b, res, NULL);
	j = json_loads(b.s ? b.s : "{}", 0, NULL);
	kp_results_digest_json(json_object_get(j, "contests"), out);
	json_decref(j);
	kp_buf_release(&b);
}

void kp_results_digest_json(const void *contests, char out[65])
{
	char *s = json_dumps((const json_t *)contests, JSON_COMPACT | JSON_PRESERVE_ORDER |
			     JSON_REAL_PRECISION(15) | JSON_ENCODE_ANY);
	struct kp_sha256 *h = kp_sha256_new();

	kp_sha256_update(h, s ? s : "", s ? strlen(s) : 0);
	kp_sha256_final(h, out);
	kp_sha256_free(h);
	free(s);
}

/* --- the quick report for the upper level (báo cáo nhanh) --- */

static const char *degree_vi(unsigned e)
{
	static const char *const n[] = {
		"", "chưa qua đào tạo", "trung cấp", "cao đẳng", "đại học",
		"thạc sĩ", "tiến sĩ"
	};
	return e < KP_DEGREE_N ? n[e] : "";
}

static const char *theory_vi(unsigned e)
{
	static const char *const n[] = {
		"", "chưa qua đào tạo", "sơ cấp", "trung cấp", "cao cấp", "cử nhân"
	};
	return e < KP_THEORY_N ? n[e] : "";
}

/* A composition row: "n (x%)" of the new body and of the outgoing one. */
static void comp_row(struct kp_doc *d, const char *label, uint64_t n, uint64_t of,
		     uint64_t pn, uint64_t pof, int prev)
{
	char a[48], b[48], x[24];
	const char *row[3];

	if (of)
		snprintf(a, sizeof(a), "%llu (%s%%)", (unsigned long long)n,
			 pct_vi(x, n, of));
	else
		snprintf(a, sizeof(a), "—");
	if (prev && pof)
		snprintf(b, sizeof(b), "%llu (%s%%)", (unsigned long long)pn,
			 pct_vi(x, pn, pof));
	else
		snprintf(b, sizeof(b), "—");
	row[0] = label;
	row[1] = a;
	row[2] = b;
	kp_doc_row(d, row);
}

static void composition(struct kp_doc *d, const struct kp_summary *s)
{
	struct kp_comp c, p;
	struct kp_bands bands;
	const struct kp_body *nb = &s->bodies[KP_BODY_COMMITTEE];
	const struct kp_body *pb = &s->prev_bodies[KP_BODY_COMMITTEE];
	const char *head[3] = { "Tiêu chí", "Khóa mới", "Khóa trước" };
	int prev = pb->held;
	size_t i;
	char label[64];

	kp_bands_default(&bands);
	kp_comp_init(&c);
	kp_comp_init(&p);
	for (i = 0; i < nb->n; i++)
		kp_comp_add(&c, &nb->people[i], s->young_under, &bands);
	for (i = 0; i < pb->n; i++)
		kp_comp_add(&p, &pb->people[i], s->young_under, &bands);
	if (!prev && s->has_prev) {
		/* only the totals typed in contests.csv */
		p.n = s->prev_members;
		p.women = s->prev_women;
		p.gender_known = s->prev_members;
		p.young = s->prev_young;
		p.young_known = s->prev_members;
		prev = 1;
	}
	kp_doc_text(d, KP_DOC_PARA, "Cơ cấu Ban Chấp hành khóa mới so với khóa trước:");
	kp_doc_table(d, 3, "lrr");
	kp_doc_row(d, head);
	{
		char x1[32], x2[32];
		const char *row[3] = { "Số ủy viên", x1, x2 };

		snprintf(x1, sizeof(x1), "%llu", (unsigned long long)c.n);
		snprintf(x2, sizeof(x2), prev ? "%llu" : "—", (unsigned long long)p.n);
		kp_doc_row(d, row);
	}
	comp_row(d, "Nữ", c.women, c.gender_known, p.women, p.gender_known, prev);
	snprintf(label, sizeof(label), "Trẻ (dưới %u tuổi)", s->young_under);
	comp_row(d, label, c.young, c.young_known, p.young, p.young_known, prev);
	comp_row(d, "Dân tộc thiểu số", c.minority, c.ethnicity_known, p.minority,
		 p.ethnicity_known, prev);
	comp_row(d, "Tái cử", c.reelected, c.incumbent_known, 0, 0, 0);
	comp_row(d, "Tham gia lần đầu", c.first_time, c.incumbent_known, 0, 0, 0);
	comp_row(d, "Không phải người địa phương", c.not_local, c.local_known,
		 p.not_local, p.local_known, prev);
	for (i = 0; i <= bands.n; i++) {
		if (i == 0)
			snprintf(label, sizeof(label), "Dưới %u tuổi", bands.b[0]);
		else if (i == bands.n)
			snprintf(label, sizeof(label), "Trên %u tuổi", bands.b[bands.n - 1]);
		else
			snprintf(label, sizeof(label), "Từ %u đến %u tuổi",
				 i == 1 ? bands.b[0] : bands.b[i - 1] + 1, bands.b[i]);
		comp_row(d, label, c.bands[i], c.age_known, p.bands[i], p.age_known, prev);
	}
	for (i = 1; i < KP_DEGREE_N; i++)
		if (c.degree[i] || p.degree[i]) {
			snprintf(label, sizeof(label), "Chuyên môn: %s", degree_vi((unsigned)i));
			comp_row(d, label, c.degree[i], c.n - c.degree[0], p.degree[i],
				 p.n - p.degree[0], prev);
		}
	for (i = 1; i < KP_THEORY_N; i++)
		if (c.theory[i] || p.theory[i]) {
			snprintf(label, sizeof(label), "Lý luận chính trị: %s",
				 theory_vi((unsigned)i));
			comp_row(d, label, c.theory[i], c.n - c.theory[0], p.theory[i],
				 p.n - p.theory[0], prev);
		}
	if (c.age_known) {
		char m[24];
		uint64_t t = kp_comp_age_mean_x10(&c);

		snprintf(m, sizeof(m), "%llu,%llu", (unsigned long long)(t / 10),
			 (unsigned long long)(t % 10));
		kp_doc_text(d, KP_DOC_PARA, "Tuổi bình quân %s; trẻ nhất %d, cao nhất %d "
			    "tuổi.", m, c.age_min, c.age_max);
	}
	kp_comp_release(&c);
	kp_comp_release(&p);
}

/* The levels as the reports abbreviate them: 12/12, ThS, CC. */
static const char *edu_short(unsigned e)
{
	static const char *const n[] = { "", "tiểu học", "9/12", "12/12" };

	return e < KP_EDU_N ? n[e] : "";
}

static const char *degree_short(unsigned e)
{
	static const char *const n[] = { "", "chưa", "TC", "CĐ", "ĐH", "ThS", "TS" };

	return e < KP_DEGREE_N ? n[e] : "";
}

static const char *theory_short(unsigned e)
{
	static const char *const n[] = { "", "chưa", "SC", "TC", "CC", "CN" };

	return e < KP_THEORY_N ? n[e] : "";
}

static void elected_table(struct kp_doc *d, const struct kp_contest_result *cr,
			  int reserves)
{
	const struct kp_contest *ct = cr->ct;
	const struct kp_elected *e = reserves ? cr->reserves : cr->elected;
	size_t ne = reserves ? cr->nreserves : cr->nelected, i;
	const char *head[9] = { "STT", "Họ và tên", "Nữ", "Năm sinh", "Dân tộc",
				"Học vấn, CM, LLCT", "Tái cử", "Số phiếu", "%" };

	kp_doc_table(d, 9, "rllrllrrr");
	kp_doc_row(d, head);
	for (i = 0; i < ne; i++) {
		const struct kp_candidate *cd = &ct->cands[e[i].no - 1];
		char no[24], born[8], level[64], x[24], v[32];
		const char *row[9];

		snprintf(no, sizeof(no), "%zu", i + 1);
		if (cd->born.year)
			snprintf(born, sizeof(born), "%d", cd->born.year);
		else
			born[0] = '\0';
		snprintf(level, sizeof(level), "%s%s%s%s%s", edu_short(cd->p.education),
			 cd->p.degree ? ", " : "", degree_short(cd->p.degree),
			 cd->p.theory ? ", " : "", theory_short(cd->p.theory));
		row[0] = no;
		row[1] = cd->name;
		row[2] = cd->gender == 'F' ? "x" : "";
		row[3] = born;
		row[4] = cd->p.ethnicity ? cd->p.ethnicity : "";
		row[5] = level[0] == ',' ? level + 2 : level;
		row[6] = cd->p.incumbent == 1 ? "x" : "";
		row[7] = num_vi(v, e[i].votes);
		row[8] = pct_vi(x, e[i].votes, ct->base);
		kp_doc_row(d, row);
	}
}

static void quick(struct kp_doc *d, const struct kp_results *res)
{
	const struct kp_congress *cg = res->cg;
	struct kp_summary s;
	struct kp_buf t = KP_BUF_INIT;
	size_t i, k = 0;
	char a[32], a2[32];

	memset(&s, 0, sizeof(s));
	kp_summarize(&s, res, 0, 40);
	kp_doc_form(d, kp_congress_name(cg));
	heading(d, cg, "", cg->info.to.year ? &cg->info.to : &s.done_date);
	kp_doc_text(d, KP_DOC_TITLE, "BÁO CÁO NHANH KẾT QUẢ ĐẠI HỘI");
	kp_buf_addch(&t, '/');
	congress_line(&t, cg);
	kp_doc_text(d, KP_DOC_CENTER, "%s", t.s);
	if (s.has_present)
		kp_doc_text(d, KP_DOC_PARA, "Tổng số %s được triệu tập %s, có mặt %s, "
			    "vắng mặt %llu.", cg->info.assembly == KP_ASSEMBLY_MEMBERS ?
			    "đảng viên" : "đại biểu", num_vi(a, s.summoned),
			    num_vi(a2, s.present),
			    (unsigned long long)(s.summoned - s.present));
	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];
		int decided = cr->status == KP_STATUS_COMPLETE ||
			      cr->status == KP_STATUS_CLOSED;

		if (!decided) {
			kp_doc_text(d, KP_DOC_PARA, "%zu. %s: chưa có kết quả.", ++k,
				    cr->ct->title);
			continue;
		}
		kp_doc_text(d, KP_DOC_PARA, "%zu. %s: %zu đồng chí trúng cử%s.", ++k,
			    cr->ct->title, cr->nelected,
			    cr->nelected < cr->ct->seats ? " (bầu thiếu)" : "");
		if (cr->nelected)
			elected_table(d, cr, 0);
		if (cr->nreserves) {
			kp_doc_text(d, KP_DOC_PARA, "Đại biểu dự khuyết: %zu đồng chí.",
				    cr->nreserves);
			elected_table(d, cr, 1);
		}
		if (cr->ct->kind == KP_KIND_COMMITTEE && cr == &res->contests[i] &&
		    s.bodies[KP_BODY_COMMITTEE].decided &&
		    s.bodies[KP_BODY_COMMITTEE].n == cr->nelected)
			composition(d, &s);
	}
	kp_doc_text(d, KP_DOC_SMALL, "Học vấn, CM (chuyên môn), LLCT (lý luận chính "
		    "trị): TC trung cấp, CĐ cao đẳng, ĐH đại học, ThS thạc sĩ, TS "
		    "tiến sĩ; SC sơ cấp, CC cao cấp, CN cử nhân. Tỷ lệ %% so với tổng "
		    "số được triệu tập của mỗi cuộc bầu.");
	kp_doc_keep(d);
	{
		const char *sign[6] = { "", "", "", "T/M ĐOÀN CHỦ TỊCH ĐẠI HỘI",
					"(ký, ghi rõ họ tên, đóng dấu)", "" };

		kp_doc_cells(d, KP_DOC_SIGN, sign, 6);
	}
	kp_summary_release(&s);
	kp_buf_release(&t);
}

int kp_report_quick(struct kp_buf *out, const struct kp_results *res, int pdf,
		    const char **why)
{
	struct kp_doc d;
	struct kp_buf title = KP_BUF_INIT;
	int r = 0;

	kp_buf_addf(&title, "Báo cáo nhanh kết quả đại hội — %s",
		    kp_congress_name(res->cg));
	kp_doc_init(&d, title.s);
	quick(&d, res);
	if (pdf)
		r = kp_doc_pdf(out, &d, why);
	else
		kp_doc_html(out, &d, "vi");
	kp_doc_release(&d);
	kp_buf_release(&title);
	return r;
}
