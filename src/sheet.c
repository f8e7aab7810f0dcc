/* Ballot-entry sheets: the empty ballot file of a contest's next round. */
#include "kiemphieu/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kiemphieu/book.h"
#include "kiemphieu/columns.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/text.h"
#include "kiemphieu/xalloc.h"

static int elected_in(const struct kp_elected *e, size_t n, unsigned no)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (e[i].no == no)
			return 1;
	return 0;
}

static void plan_one(struct kp_sheet *s, const struct kp_contest_result *cr)
{
	const struct kp_contest *ct = cr->ct;
	size_t i;

	s->ct = ct;
	s->round = (unsigned)cr->nrounds + 1;
	s->nos = kp_xcalloc(ct->ncands + 1, sizeof(*s->nos));
	s->n = 0;
	s->tie = cr->nrounds > 0 && cr->ntied > 0;
	s->present = ct->nrounds >= s->round;
	s->seats = cr->next;
	if (s->tie) {
		/* a tie at the last seat: the congress votes again among
		 * those tied (rules.md, ties) */
		for (i = 0; i < cr->ntied; i++)
			s->nos[s->n++] = cr->tied[i];
		return;
	}
	for (i = 0; i < ct->ncands; i++) {
		unsigned no = ct->cands[i].no;

		/* a name added for a later round stands from that round on */
		if (ct->cands[i].round > s->round)
			continue;
		if (!elected_in(cr->elected, cr->nelected, no) &&
		    !elected_in(cr->reserves, cr->nreserves, no))
			s->nos[s->n++] = no;
	}
}

size_t kp_sheets_plan(const struct kp_results *res, struct kp_sheet **out)
{
	struct kp_sheet *s = kp_xcalloc(res->n + 1, sizeof(*s));
	size_t i, n = 0;

	for (i = 0; i < res->n; i++) {
		const struct kp_contest_result *cr = &res->contests[i];

		if (cr->status != KP_STATUS_NOT_STARTED &&
		    cr->status != KP_STATUS_PENDING)
			continue;
		plan_one(&s[n], cr);
		if (s[n].n)
			n++;
		else
			free(s[n].nos); /* no one left to vote for */
	}
	*out = s;
	return n;
}

void kp_sheets_release(struct kp_sheet *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].nos);
	free(s);
}

char *kp_sheet_name(const struct kp_sheet *s, int xlsx)
{
	size_t n = strlen(s->ct->id) + 16;
	char *name = kp_xmalloc(n);
	const char *ext = xlsx ? "xlsx" : "csv";

	if (s->round == 1)
		snprintf(name, n, "%s.%s", s->ct->id, ext);
	else
		snprintf(name, n, "%s.r%u.%s", s->ct->id, s->round, ext);
	return name;
}

const char *kp_sheet_column_name(const char *en)
{
	return strcmp(kp_i18n_lang(), "vi") == 0 ? kp_column_vi(en) : en;
}

/* A candidate's column: the name when it reads back as that candidate
 * alone and stays text in Excel, else the number (into num). */
static const char *column(const struct kp_contest *ct, unsigned no,
			  char num[16])
{
	const struct kp_candidate *cd = &ct->cands[no - 1];
	const char *name = cd->name;
	size_t len = strlen(name);
	int ambiguous;

	snprintf(num, 16, "%u", no);
	if (!len || strchr("=+-@", name[0]) ||
	    kp_column_is(name, len, "ballot") || kp_column_is(name, len, "void") ||
	    kp_contest_lookup(ct, name, len, &ambiguous) != cd)
		return num;
	return name;
}

/* The header row: ballot, a column per candidate, void. */
static const char **header(const struct kp_sheet *s, char (**nums)[16])
{
	const char **row = kp_xcalloc(s->n + 2, sizeof(*row));
	size_t i;

	*nums = kp_xcalloc(s->n + 1, sizeof(**nums));
	row[0] = kp_sheet_column_name("ballot");
	for (i = 0; i < s->n; i++)
		row[i + 1] = column(s->ct, s->nos[i], (*nums)[i]);
	row[s->n + 1] = kp_sheet_column_name("void");
	return row;
}

void kp_sheet_csv(struct kp_buf *b, const struct kp_sheet *s)
{
	char (*nums)[16];
	const char **row = header(s, &nums);

	kp_csv_put_unicode_row(b, row, s->n + 2);
	free(nums);
	free(row);
}

/* Rows with validation, the header's first: the sheet of a congress of
 * 100,000 ballots and more fits. */
#define SHEET_ROWS 200000

void kp_sheet_book(struct kp_book *bk, const struct kp_sheet *s)
{
	static const char *const strike[] = { "x", NULL };
	static const char *const agree[] = { "y", "n", "yn", NULL };
	char (*nums)[16];
	const char **row = header(s, &nums);
	struct kp_buf t = KP_BUF_INIT, k = KP_BUF_INIT, most = KP_BUF_INIT;
	const char *lines[12];
	uint64_t m = s->seats.official + s->seats.reserves;
	size_t n = 0;

	kp_book_sheet(bk, s->round == 1 ? "Phiếu bầu" : "Phiếu bầu lần sau");
	kp_book_head(bk, row, s->n + 2);
	kp_book_column(bk, 0, KP_CELL_TEXT);
	kp_book_column(bk, s->n + 1, KP_CELL_TEXT);
	if (s->ct->form == KP_FORM_AGREE)
		kp_book_validate(bk, 1, SHEET_ROWS, 1, s->n, agree,
				 "Chỉ gõ y (đồng ý), n (không đồng ý), yn (đánh dấu cả "
				 "hai ô) hoặc để trống (không đánh dấu ô nào).");
	else
		kp_book_validate(bk, 1, SHEET_ROWS, 1, s->n, strike,
				 "Chỉ gõ x (tên bị gạch) hoặc để trống (tên được giữ).");
	/* the instructions, in Vietnamese whatever the language of the
	 * program: the counting board reads them */
	kp_buf_addf(&t, "%s (%s): lần bầu thứ %u%s", s->ct->title ? s->ct->title :
		    s->ct->id, s->ct->id, s->round,
		    s->tie ? ", bầu lại giữa những người bằng phiếu nhau" : "");
	if (s->ct->reserves)
		kp_buf_addf(&k, "Lần bầu này bầu %llu chính thức và %llu dự khuyết.",
			    (unsigned long long)s->seats.official,
			    (unsigned long long)s->seats.reserves);
	else
		kp_buf_addf(&k, "Lần bầu này bầu %llu người.",
			    (unsigned long long)s->seats.official);
	kp_buf_addf(&most, "Phiếu giữ lại nhiều hơn %llu tên là phiếu không hợp lệ; "
		    "kiemphieu tự xác định, không cần ghi vào cột phiếu hỏng.",
		    (unsigned long long)m);
	lines[n++] = t.s;
	lines[n++] = "";
	lines[n++] = "Mỗi dòng của trang Phiếu bầu là một phiếu bầu, gõ đúng như trên phiếu.";
	lines[n++] = "Cột đầu: số của phiếu, không để trống, không trùng nhau (001 và 1 là hai "
		     "phiếu khác nhau).";
	if (s->ct->form == KP_FORM_AGREE)
		lines[n++] = "Cột của mỗi người: y nếu đánh dấu ô đồng ý, n nếu đánh dấu ô "
			     "không đồng ý, yn nếu đánh dấu cả hai ô, để trống nếu không "
			     "đánh dấu ô nào.";
	else
		lines[n++] = "Cột của mỗi người: để trống nếu tên được giữ (một phiếu bầu "
			     "cho người đó), gõ x nếu tên bị gạch.";
	lines[n++] = "Cột cuối (phiếu hỏng): để trống, hoặc ghi lý do khi ban kiểm phiếu "
		     "xác định phiếu không hợp lệ mà các ô không thể hiện (không có dấu của "
		     "đại hội, viết thêm...).";
	lines[n++] = k.s;
	lines[n++] = most.s;
	lines[n++] = "";
	lines[n++] = "Lưu lại bằng Excel như bình thường (Excel Workbook, .xlsx), không cần "
		     "lưu thành CSV, rồi chạy: kiemphieu tally <thư mục đại hội>.";
	lines[n++] = "Hai người gõ cùng một xấp phiếu vào hai tệp thì so bằng: kiemphieu "
		     "compare <tệp 1> <tệp 2>.";
	kp_book_sheet(bk, KP_BOOK_INSTRUCTIONS);
	kp_book_lines(bk, lines, n);
	kp_buf_release(&t);
	kp_buf_release(&k);
	kp_buf_release(&most);
	free(nums);
	free(row);
}
