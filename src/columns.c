/* The names of the input files' columns, in English and Vietnamese. */
#include "kiemphieu/columns.h"

#include <string.h>

#include "kiemphieu/text.h"

#define MORE 4

static const struct column {
	const char *en, *vi;
	const char *more[MORE];	/* other Vietnamese names, NULL-ended */
} columns[] = {
	/* contests.csv */
	{ "contest", "cuộc bầu", { "mã cuộc bầu", NULL } },
	{ "title", "tên cuộc bầu", { "tiêu đề", NULL } },
	{ "kind", "loại", { "loại bầu cử", NULL } },
	{ "seats", "số lượng cần bầu", { "số cần bầu", "số chính thức", NULL } },
	{ "reserves", "số dự khuyết", { "dự khuyết", NULL } },
	{ "base", "số được triệu tập", { "tổng số được triệu tập", "cơ sở tính", NULL } },
	{ "issued", "số phiếu phát ra", { "phát ra", NULL } },
	{ "present", "số có mặt", { "có mặt", NULL } },
	{ "date", "ngày bầu", { "ngày", NULL } },
	{ "form", "mẫu phiếu", { "hình thức phiếu", NULL } },
	{ "direct", "bầu trực tiếp", { NULL } },
	{ "prev_members", "số cấp ủy khóa trước", { "cấp ủy khóa trước", NULL } },
	{ "prev_women", "số nữ khóa trước", { "nữ khóa trước", NULL } },
	{ "prev_young", "số trẻ khóa trước", { "trẻ khóa trước", NULL } },
	{ "status", "trạng thái", { "tình trạng", NULL } },
	/* candidates.csv, previous.csv */
	{ "no", "số thứ tự", { "stt", "số tt", NULL } },
	{ "name", "họ và tên", { "họ tên", "tên", NULL } },
	{ "gender", "giới tính", { "nam/nữ", NULL } },
	{ "born", "năm sinh", { "ngày sinh", NULL } },
	{ "round", "lần bầu", { "từ lần bầu", NULL } },
	{ "person", "mã người", { "người", NULL } },
	{ "ethnicity", "dân tộc", { NULL } },
	{ "education", "học vấn", { "trình độ học vấn", "học vấn phổ thông", "giáo dục phổ thông" } },
	{ "degree", "chuyên môn", { "trình độ chuyên môn", "chuyên môn nghiệp vụ", NULL } },
	{ "theory", "lý luận chính trị", { "lý luận", "trình độ lý luận chính trị", NULL } },
	{ "incumbent", "tái cử", { "khóa trước", NULL } },
	{ "local", "người địa phương", { "địa phương", NULL } },
	/* ballot files */
	{ "ballot", "số phiếu", { "phiếu", "mã phiếu", NULL } },
	{ "void", "phiếu hỏng", { "lý do không hợp lệ", NULL } },
	/* results files */
	{ "item", "mục", { "nội dung", NULL } },
	{ "value", "số", { "số lượng", NULL } },
	/* campaign.csv */
	{ "org", "tổ chức", { "mã tổ chức", "mã", NULL } },
	{ "parent", "cấp ủy cấp trên", { "trực thuộc", NULL } },
	{ "pilot", "đại hội điểm", { "điểm", NULL } },
	{ "scheduled", "ngày dự kiến", { "ngày đại hội", NULL } },
	{ "dir", "thư mục", { NULL } },
	{ "level", "cấp", { NULL } },
	{ "reason", "lý do", { NULL } },
	{ "summary", "tổng hợp", { "tệp tổng hợp", NULL } },
	{ "young_under", "trẻ dưới", { "tuổi trẻ dưới", NULL } },
	/* targets.csv */
	{ "figure", "chỉ tiêu", { NULL } },
	{ "percent", "tỷ lệ", { "phần trăm", NULL } },
	/* congress.csv */
	{ "org_name", "tên tổ chức đảng", { "tên tổ chức", "tên đảng bộ", NULL } },
	{ "term", "nhiệm kỳ", { NULL } },
	{ "number", "lần thứ", { "đại hội lần thứ", NULL } },
	{ "place", "địa danh", { "địa điểm", NULL } },
	{ "from", "từ ngày", { "ngày khai mạc", NULL } },
	{ "to", "đến ngày", { "ngày bế mạc", NULL } },
	{ "assembly", "hình thức đại hội", { "loại đại hội", NULL } },
	{ "board_head", "trưởng ban kiểm phiếu", { NULL } },
	{ "board", "thành viên ban kiểm phiếu", { "ban kiểm phiếu", NULL } },
	{ "time", "giờ bầu", { "thời gian", "giờ", NULL } },
};

#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

int kp_column_ref(const char *en)
{
	size_t i;

	for (i = 0; i < NCOLUMNS; i++)
		if (columns[i].en[0] == en[0] && strcmp(columns[i].en, en) == 0)
			return (int)i;
	return -1;
}

void kp_column_cell_init(struct kp_column_cell *c, const char *s, size_t len)
{
	c->s = s;
	c->len = len;
	kp_text_cell_init(&c->text, s, len);
}

void kp_column_cell_release(struct kp_column_cell *c)
{
	kp_text_cell_release(&c->text);
}

/* (every Vietnamese name is its own key: the unit test
 * column_names_are_keys) */
int kp_column_cell_is(const struct kp_column_cell *c, int ref, const char *en)
{
	const struct column *col;
	size_t i;

	if (kp_text_eq_ascii_ci(c->s, c->len, en))
		return 1;
	if (ref < 0)
		return 0;
	col = &columns[ref];
	if (kp_text_cell_is(&c->text, col->vi))
		return 1;
	for (i = 0; i < MORE && col->more[i]; i++)
		if (kp_text_cell_is(&c->text, col->more[i]))
			return 1;
	return 0;
}

int kp_column_is(const char *s, size_t len, const char *en)
{
	struct kp_column_cell c;
	int yes;

	kp_column_cell_init(&c, s, len);
	yes = kp_column_cell_is(&c, kp_column_ref(en), en);
	kp_column_cell_release(&c);
	return yes;
}

const char *kp_column_vi(const char *en)
{
	int ref = kp_column_ref(en);

	return ref >= 0 ? columns[ref].vi : en;
}

size_t kp_columns_all(const char *const **en, const char *const **vi,
		      const char *const *const **variants)
{
	static const char *e[NCOLUMNS], *v[NCOLUMNS];
	static const char *const *m[NCOLUMNS];
	size_t i;

	for (i = 0; i < NCOLUMNS; i++) {
		e[i] = columns[i].en;
		v[i] = columns[i].vi;
		m[i] = columns[i].more;
	}
	*en = e;
	*vi = v;
	*variants = m;
	return NCOLUMNS;
}

/* --- the headings of the tables kiemphieu writes, in Vietnamese --- */

struct heading {
	const char *en, *vi;
};

static const char *heading_in(const struct heading *h, size_t n, const char *en)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(h[i].en, en) == 0)
			return h[i].vi;
	return en;
}

static const struct heading tally_headings[] = {
	{ "org", "tổ chức" }, { "contest", "cuộc bầu" }, { "kind", "loại" },
	{ "round", "lần bầu" }, { "seats", "số cần bầu" },
	{ "ballots", "số phiếu thu vào" }, { "valid", "phiếu hợp lệ" },
	{ "invalid", "phiếu không hợp lệ" }, { "no", "số thứ tự" },
	{ "name", "họ và tên" }, { "votes", "số phiếu bầu" },
	{ "percent_of_base", "tỷ lệ so với số được triệu tập" },
	{ "percent_of_valid", "tỷ lệ so với phiếu hợp lệ" },
	{ "result", "kết quả" }, { "source", "nguồn số liệu" },
};

static const struct heading progress_headings[] = {
	{ "org", "tổ chức" }, { "name", "tên tổ chức đảng" },
	{ "parent", "cấp ủy cấp trên" }, { "pilot", "đại hội điểm" },
	{ "scheduled", "ngày dự kiến" }, { "status", "tình hình" },
	{ "overdue", "quá hạn" }, { "reason", "lý do" },
	{ "surplus_percent", "tỷ lệ số dư" }, { "surplus_verdict", "số dư" },
	{ "one_round", "bầu một lần" }, { "members", "số cấp ủy viên" },
	{ "mean_percent_of_base", "tỷ lệ phiếu bình quân" },
	{ "lowest_percent_of_base", "tỷ lệ phiếu thấp nhất" },
	{ "over_80", "trên 80%" }, { "over_90", "trên 90%" }, { "women", "nữ" },
	{ "young", "trẻ" }, { "prev_members", "cấp ủy khóa trước" },
	{ "prev_women", "nữ khóa trước" }, { "prev_young", "trẻ khóa trước" },
	{ "level", "cấp" }, { "state", "trạng thái" }, { "state_reason", "lý do tạm dừng" },
	{ "started", "đã bắt đầu" }, { "by_minutes", "theo biên bản" },
	{ "seats", "số cần bầu" }, { "filled", "đã bầu" },
	{ "summoned", "số được triệu tập" }, { "present", "số có mặt" },
	{ "ethnic_minority", "dân tộc thiểu số" }, { "reelected", "tái cử" },
	{ "first_time", "lần đầu" }, { "not_reelected", "không tái cử" },
	{ "age_mean", "tuổi bình quân" }, { "secretaries", "bí thư" },
	{ "standing_with_woman", "thường vụ có nữ" }, { "via", "qua tổng hợp" },
	{ "target_women", "chỉ tiêu nữ" }, { "target_young", "chỉ tiêu trẻ" },
	{ "target_ethnic_minority", "chỉ tiêu dân tộc thiểu số" },
	{ "target_standing_woman", "chỉ tiêu thường vụ có nữ" },
	{ "parent_reported", "đã báo cáo" }, { "reported", "đã xong" },
	{ "total", "tổng số" }, { "finished", "đã kết thúc" }, { "rank", "xếp hạng" },
};

const char *kp_tally_heading_vi(const char *en)
{
	return heading_in(tally_headings, sizeof(tally_headings) / sizeof(*tally_headings),
			  en);
}

const char *kp_progress_heading_vi(const char *en)
{
	return heading_in(progress_headings,
			  sizeof(progress_headings) / sizeof(*progress_headings), en);
}
