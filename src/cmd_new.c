/* kiemphieu new: a congress folder with the two files to fill in Excel. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "kiemphieu/book.h"
#include "kiemphieu/csv.h"
#include "kiemphieu/exit.h"
#include "kiemphieu/model.h"
#include "kiemphieu/outfile.h"
#include "kiemphieu/sheet.h"
#include "kiemphieu/text.h"
#include "os.h"

/* Every column of contests.csv and candidates.csv docs/formats.md
 * describes, in its order. */
static const char *const contests_header[] = {
	"contest", "title", "kind", "seats", "reserves", "base", "issued",
	"present", "date", "form", "direct", "prev_members", "prev_women",
	"prev_young", "status"
};
static const char *const candidates_header[] = {
	"contest", "no", "name", "gender", "born", "round", "person",
	"ethnicity", "education", "degree", "theory", "incumbent", "local"
};

/* A column's values in a workbook's drop-down list, English and
 * Vietnamese (each accepted by the reader as written). */
struct choice {
	const char *column;
	const char *en[8], *vi[8];
};

static const struct choice choices[] = {
	{ "kind", { "committee", "standing", "secretary", "deputy", "inspection",
		    "delegates", "other", NULL },
		  { "ban chấp hành", "ban thường vụ", "bí thư", "phó bí thư",
		    "ủy ban kiểm tra", "đại biểu", "khác", NULL } },
	{ "form", { "strike", "agree", NULL }, { "gạch tên", "đồng ý", NULL } },
	{ "direct", { "yes", "no", NULL }, { "có", "không", NULL } },
	{ "status", { "open", "closed", NULL }, { "open", "closed", NULL } },
	{ "gender", { "M", "F", NULL }, { "Nam", "Nữ", NULL } },
	{ "incumbent", { "yes", "no", NULL }, { "có", "không", NULL } },
	{ "local", { "yes", "no", NULL }, { "có", "không", NULL } },
};

/* Columns typed as text (ids, names) and as days. */
static const char *const text_columns[] = {
	"contest", "title", "name", "person", "ethnicity", "education", "degree",
	"theory"
};
static const char *const date_columns[] = { "date" };

static int among(const char *s, const char *const *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(s, set[i]) == 0)
			return 1;
	return 0;
}

/* The instructions sheet of a template, in Vietnamese. */
static const char *const contests_help[] = {
	"Bảng các cuộc bầu của đại hội: mỗi dòng một cuộc bầu (ban chấp hành, ban "
	"thường vụ, bí thư, phó bí thư, ủy ban kiểm tra, đại biểu dự đại hội cấp trên).",
	"",
	"Cột bắt buộc: cuộc bầu (mã ngắn, chữ không dấu và số: bch, btv, bt, dbd), "
	"loại, số lượng cần bầu, số được triệu tập.",
	"Số được triệu tập: số đại biểu hoặc đảng viên chính thức được triệu tập, sau "
	"khi trừ những người theo quy chế không tính; là cơ sở tính quá một nửa.",
	"Số phiếu phát ra, số có mặt: nếu có, kiemphieu đối chiếu với số phiếu đếm được.",
	"Ngày bầu: gõ ngày như bình thường (12/05/2025).",
	"Mẫu phiếu: gạch tên (mặc định), hoặc đồng ý khi danh sách không có dư.",
	"Số cấp ủy, nữ, trẻ khóa trước: để so sánh với khóa mới (có thể bỏ trống).",
	"",
	"Lưu lại bằng Excel như bình thường (.xlsx), không cần lưu thành CSV, rồi chạy: "
	"kiemphieu check <thư mục đại hội>.",
};
static const char *const candidates_help[] = {
	"Danh sách bầu cử: mỗi dòng một người, theo thứ tự trên phiếu bầu.",
	"",
	"Cột bắt buộc: cuộc bầu (mã như ở bảng cuộc bầu), số thứ tự (1, 2, 3... không "
	"cách quãng), họ và tên (đầy đủ, có dấu).",
	"Giới tính: Nam hoặc Nữ. Năm sinh: năm (1975) hoặc ngày sinh.",
	"Lần bầu: để trống; ghi 2 cho người được đại hội bổ sung ở lần bầu thứ 2.",
	"Dân tộc, học vấn (12/12), chuyên môn (đại học), lý luận chính trị (cao cấp), "
	"tái cử (có/không), người địa phương (có/không): để báo cáo cơ cấu người "
	"trúng cử; có thể bỏ trống.",
	"",
	"Lưu lại bằng Excel như bình thường (.xlsx), không cần lưu thành CSV, rồi chạy: "
	"kiemphieu check <thư mục đại hội>.",
};

/* The workbook of a template: its header, its columns' formats and lists,
 * its instructions. */
static int template_book(const char *path, const char *const *header, size_t n,
			 const char *const *help, size_t nhelp, struct kp_buf *b,
			 struct kp_diag_sink *sink)
{
	int vi = strcmp(kp_i18n_lang(), "vi") == 0, status;
	struct kp_book *bk = kp_book_new();
	const char *names[32];
	size_t i, j;

	for (i = 0; i < n && i < 32; i++)
		names[i] = kp_sheet_column_name(header[i]);
	kp_book_sheet(bk, "Dữ liệu");
	kp_book_head(bk, names, n);
	for (i = 0; i < n; i++) {
		if (among(header[i], text_columns, sizeof(text_columns) / sizeof(*text_columns)))
			kp_book_column(bk, i, KP_CELL_TEXT);
		if (among(header[i], date_columns, sizeof(date_columns) / sizeof(*date_columns)))
			kp_book_column(bk, i, KP_CELL_DATE);
		for (j = 0; j < sizeof(choices) / sizeof(*choices); j++)
			if (strcmp(header[i], choices[j].column) == 0)
				kp_book_validate(bk, 1, 10000, i, i,
						 vi ? choices[j].vi : choices[j].en,
						 "Chọn một giá trị trong danh sách, hoặc để trống.");
	}
	kp_book_sheet(bk, KP_BOOK_INSTRUCTIONS);
	kp_book_lines(bk, help, nhelp);
	status = kp_book_bytes(bk, path, b, sink);
	kp_book_free(bk);
	return status;
}

/* dir/NAME.xlsx (or NAME.csv as UTF-16 text) holding the header row. */
static int template(const char *dir, const char *base, int tsv,
		    const char *const *header, size_t n, const char *const *help,
		    size_t nhelp, struct kp_buf *out, struct kp_diag_sink *sink)
{
	struct kp_buf b = KP_BUF_INIT, name = KP_BUF_INIT, other = KP_BUF_INIT;
	const char *names[32];
	char *path, *other_path;
	int status = KP_EXIT_OK;
	size_t i;

	kp_buf_addf(&name, "%s.%s", base, tsv ? "csv" : "xlsx");
	kp_buf_addf(&other, "%s.%s", base, tsv ? "xlsx" : "csv");
	path = kp_path_join(dir, name.s);
	other_path = kp_path_join(dir, other.s);
	if (kp_os_is_file(other_path)) {
		/* kept, as a file already there is: X.csv and X.xlsx together
		 * would be an error */
		kp_error(sink, other_path, 0, 0, "is there already: %s is not written "
			 "beside it", name.s);
		status = KP_EXIT_IO;
	} else if (tsv) {
		for (i = 0; i < n && i < 32; i++)
			names[i] = kp_sheet_column_name(header[i]);
		kp_csv_put_unicode_row(&b, names, n);
	} else {
		status = template_book(path, header, n, help, nhelp, &b, sink);
	}
	if (status == KP_EXIT_OK)
		status = kp_write_new(path, b.s, b.len, sink);
	if (status == KP_EXIT_OK) {
		char *safe = kp_text_safe(path);

		kp_buf_addf(out, _("wrote %s\n"), safe);
		free(safe);
	}
	kp_buf_release(&b);
	kp_buf_release(&name);
	kp_buf_release(&other);
	free(path);
	free(other_path);
	return status;
}

static int own_option(void *ctx, int opt, const char *arg)
{
	int *tsv = ctx;

	if (opt != 'f')
		return -1;
	return kp_cli_sheet_format(&kp_cmd_new, arg, tsv);
}

static int new_main(const struct kp_cmd *self, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct kp_tally_opts o;
	struct kp_buf out = KP_BUF_INIT;
	struct kp_cli cli;
	const char *dir;
	char *ballots;
	int status, st, tsv = 0;

	kp_cli_init(&cli);
	kp_cli_tally_opts(&o);
	status = kp_cli_getopt(self, argc, argv, NULL, longopts, own_option, &tsv, &o,
			       &cli);
	if (status >= 0)
		return status;
	if (optind != argc - 1)
		return kp_cli_usage(self, "expected one folder to make");
	dir = argv[optind];
	if (kp_cli_mkdir_parents(dir, &cli.sink) != KP_EXIT_OK)
		return kp_cli_end(&cli, &out, KP_EXIT_IO);
	/* a file already there is kept, and said; the others are made */
	status = template(dir, "contests", tsv, contests_header,
			  sizeof(contests_header) / sizeof(*contests_header),
			  contests_help, sizeof(contests_help) / sizeof(*contests_help),
			  &out, &cli.sink);
	st = template(dir, "candidates", tsv, candidates_header,
		      sizeof(candidates_header) / sizeof(*candidates_header),
		      candidates_help, sizeof(candidates_help) / sizeof(*candidates_help),
		      &out, &cli.sink);
	if (st != KP_EXIT_OK)
		status = st;
	ballots = kp_path_join(dir, "ballots");
	if (kp_cli_mkdir(ballots, &cli.sink) != KP_EXIT_OK)
		status = KP_EXIT_IO;
	free(ballots);
	if (status == KP_EXIT_OK && tsv)
		kp_buf_addf(&out, _("Fill in contests.csv (a row per election) and "
				    "candidates.csv (a row per\ncandidate, in ballot "
				    "order) in Excel, then: kiemphieu check %s\n"), dir);
	else if (status == KP_EXIT_OK)
		kp_buf_addf(&out, _("Fill in contests.xlsx (a row per election) and "
				    "candidates.xlsx (a row per\ncandidate, in ballot "
				    "order) in Excel, save them as they are, then:\n"
				    "kiemphieu check %s\n"), dir);
	return kp_cli_end(&cli, &out, status);
}

const struct kp_cmd kp_cmd_new = {
	"new", new_main,
	"kiemphieu new [--format xlsx|tsv] [options] DIR",
	N_("make a congress folder with the files to fill in"),
	N_("Make the folder DIR for a congress, with contests.xlsx and\n"
	   "candidates.xlsx holding their header rows (every column of\n"
	   "docs/formats.md, in Vietnamese under --lang vi), lists to choose the\n"
	   "values from, a sheet of instructions, and an empty ballots folder.\n"
	   "Fill in a row per election and per candidate in Excel, save them as\n"
	   "they are, then run 'kiemphieu check DIR' and 'kiemphieu sheet DIR'.\n"
	   "A file already there is never replaced.\n\n"
	   "Options:\n"
	   "  --format FMT       xlsx (default), or tsv: contests.csv and\n"
	   "                     candidates.csv as UTF-16 text with tabs, which\n"
	   "                     Excel opens in columns whatever the regional\n"
	   "                     settings\n"),
	N_("\nExit status: 0 made, 2 usage, 3 I/O error (a file already there, or\n"
	   "not written).\n")
};
