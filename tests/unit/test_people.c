/* The people: particulars, column names, and the composition figures. */
#include "unit.h"

#include "kiemphieu/columns.h"
#include "kiemphieu/composition.h"
#include "kiemphieu/people.h"
#include "kiemphieu/text.h"

#include <unicase.h>

#define S(s) s, strlen(s)

static void education_values(void **state)
{
	enum kp_education e;

	(void)state;
	assert_int_equal(kp_education_parse(S("12/12"), &e), 0);
	assert_int_equal(e, KP_EDU_UPPER);
	assert_int_equal(kp_education_parse(S("10/10"), &e), 0);
	assert_int_equal(e, KP_EDU_UPPER);
	/* 9 of 12 years is lower secondary, as is 7 of the old 10 */
	assert_int_equal(kp_education_parse(S("9/12"), &e), 0);
	assert_int_equal(e, KP_EDU_LOWER);
	assert_int_equal(kp_education_parse(S("7/10"), &e), 0);
	assert_int_equal(e, KP_EDU_LOWER);
	assert_int_equal(kp_education_parse(S("8/12"), &e), 0);
	assert_int_equal(e, KP_EDU_PRIMARY);
	assert_int_equal(kp_education_parse(S(" thpt "), &e), 0);
	assert_int_equal(e, KP_EDU_UPPER);
	assert_int_equal(kp_education_parse(S("THCS"), &e), 0);
	assert_int_equal(e, KP_EDU_LOWER);
	assert_int_equal(kp_education_parse(S("Tiểu học"), &e), 0);
	assert_int_equal(e, KP_EDU_PRIMARY);
	assert_int_equal(kp_education_parse(S(""), &e), 0);
	assert_int_equal(e, KP_EDU_UNKNOWN);
	/* not a school system, more years than it has, none */
	assert_int_equal(kp_education_parse(S("12/11"), &e), -1);
	assert_int_equal(kp_education_parse(S("13/12"), &e), -1);
	assert_int_equal(kp_education_parse(S("0/12"), &e), -1);
	assert_int_equal(kp_education_parse(S("12"), &e), -1);
	assert_int_equal(kp_education_parse(S("đại học"), &e), -1);
}

static void degree_and_theory_values(void **state)
{
	enum kp_degree d;
	enum kp_theory t;
	/* "thạc sĩ" decomposed, as a Mac or a web form may send it */
	const char decomposed[] = "tha\xcc\xa3\x63 si\xcc\x83";

	(void)state;
	assert_int_equal(kp_degree_parse(S("Đại học"), &d), 0);
	assert_int_equal(d, KP_DEGREE_BACHELOR);
	assert_int_equal(kp_degree_parse(S("kỹ sư"), &d), 0);
	assert_int_equal(d, KP_DEGREE_BACHELOR);
	assert_int_equal(kp_degree_parse(S("thạc sỹ"), &d), 0);
	assert_int_equal(d, KP_DEGREE_MASTER);
	assert_int_equal(kp_degree_parse(S(decomposed), &d), 0);
	assert_int_equal(d, KP_DEGREE_MASTER);
	assert_int_equal(kp_degree_parse(S("không"), &d), 0);
	assert_int_equal(d, KP_DEGREE_NONE);
	assert_int_equal(kp_degree_parse(S("doctor"), &d), 0);
	assert_int_equal(d, KP_DEGREE_DOCTOR);
	assert_int_equal(kp_degree_parse(S("thac si"), &d), -1);
	assert_int_equal(kp_degree_parse(S("cao cấp"), &d), -1); /* a theory level */
	assert_int_equal(kp_theory_parse(S("Cao cấp"), &t), 0);
	assert_int_equal(t, KP_THEORY_ADVANCED);
	assert_int_equal(kp_theory_parse(S("sơ cấp"), &t), 0);
	assert_int_equal(t, KP_THEORY_ELEMENTARY);
	assert_int_equal(kp_theory_parse(S("cử nhân"), &t), 0);
	assert_int_equal(t, KP_THEORY_BACHELOR);
	assert_int_equal(kp_theory_parse(S(""), &t), 0);
	assert_int_equal(t, KP_THEORY_UNKNOWN);
	assert_int_equal(kp_theory_parse(S("thạc sĩ"), &t), -1);
	assert_string_equal(kp_degree_name(KP_DEGREE_MASTER), "master");
	assert_string_equal(kp_theory_name(KP_THEORY_ADVANCED), "advanced");
	assert_string_equal(kp_education_name(KP_EDU_UPPER), "upper-secondary");
	assert_string_equal(kp_education_name(KP_EDU_UNKNOWN), "");
}

/* Every spelling the tables know is its own kp_text_key (lower case, NFC,
 * single spaces), so that a cell's key finds it by strcmp; and in capitals
 * and with stray spaces it is still read, by the key and by the slower
 * road of a decomposed letter. */
static void people_words_are_keys(void **state)
{
	const char *w;
	size_t i;

	(void)state;
	for (i = 0; (w = kp_people_word(i)); i++) {
		char key[KP_TEXT_SHORT], up[KP_TEXT_SHORT * 2];
		uint8_t *u;
		size_t n, k;
		int a, b, c;
		enum kp_degree d1, d2;
		enum kp_theory t1, t2;
		enum kp_education e1, e2;

		if (kp_text_key(w, strlen(w), key, sizeof(key)) < 0 || strcmp(key, w) != 0)
			fail_msg("'%s' is not its own key", w);
		u = u8_toupper((const uint8_t *)w, strlen(w), NULL, NULL, NULL, &n);
		assert_non_null(u);
		memcpy(up, "  ", 2);
		memcpy(up + 2, u, n);
		k = n + 2;
		up[k] = '\0';
		free(u);
		a = kp_degree_parse(S(w), &d1) == 0;
		b = kp_theory_parse(S(w), &t1) == 0;
		c = kp_education_parse(S(w), &e1) == 0;
		assert_true(a || b || c);
		assert_int_equal(kp_degree_parse(up, k, &d2) == 0, a);
		assert_int_equal(kp_theory_parse(up, k, &t2) == 0, b);
		assert_int_equal(kp_education_parse(up, k, &e2) == 0, c);
		if (a)
			assert_int_equal(d1, d2);
		if (b)
			assert_int_equal(t1, t2);
		if (c)
			assert_int_equal(e1, e2);
	}
	assert_true(i > 30);
}

/* A name, English or Vietnamese, names one column only: so that
 * kp_columns_map may try the columns in any order (it tries the one after
 * the last found first). Caseless equality is transitive, so a cell that
 * named two columns would make one of their names name the other. */
static void column_names_name_one_column(void **state)
{
	const char *const *en, *const *vi;
	const char *const *const *more;
	size_t n = kp_columns_all(&en, &vi, &more), i, j, k, names = 0;

	(void)state;
	for (i = 0; i < n; i++) {
		const char *v[8];
		size_t m = 0;

		v[m++] = en[i];
		v[m++] = vi[i];
		for (j = 0; j < 4 && more[i][j]; j++)
			v[m++] = more[i][j];
		for (j = 0; j < m; j++, names++)
			for (k = 0; k < n; k++)
				if (k != i && kp_column_is(v[j], strlen(v[j]), en[k]))
					fail_msg("'%s' of column %s names column %s too",
						 v[j], en[i], en[k]);
	}
	assert_true(names > 100);
}

/* Every Vietnamese name of a column is its own kp_text_key, so that a
 * header cell's key finds it by strcmp; the English names are lower-case
 * ASCII. And a cell in capitals with stray spaces names its column. */
static void column_names_are_keys(void **state)
{
	const char *const *en, *const *vi;
	const char *const *const *more;
	size_t n = kp_columns_all(&en, &vi, &more), i, j;
	char key[KP_TEXT_SHORT];

	(void)state;
	for (i = 0; i < n; i++) {
		const char *names[8];
		size_t k = 0;

		for (j = 0; en[i][j]; j++)
			assert_true(en[i][j] == '_' || (en[i][j] >= 'a' && en[i][j] <= 'z'));
		names[k++] = vi[i];
		for (j = 0; j < 4 && more[i][j]; j++)
			names[k++] = more[i][j];
		for (j = 0; j < k; j++) {
			uint8_t *u;
			size_t un;
			char up[KP_TEXT_SHORT * 2];

			if (kp_text_key(names[j], strlen(names[j]), key, sizeof(key)) < 0 ||
			    strcmp(key, names[j]) != 0)
				fail_msg("'%s' is not its own key", names[j]);
			u = u8_toupper((const uint8_t *)names[j], strlen(names[j]), NULL,
				       NULL, NULL, &un);
			assert_non_null(u);
			snprintf(up, sizeof(up), " %.*s\t", (int)un, (const char *)u);
			free(u);
			if (!kp_column_is(up, strlen(up), en[i]))
				fail_msg("'%s' is not column %s", up, en[i]);
		}
	}
}

static void minority_is_not_kinh(void **state)
{
	struct kp_particulars p;
	char kinh[] = "Kinh", upper[] = "KINH", tay[] = "Tày", none[] = "";

	(void)state;
	kp_particulars_init(&p);
	assert_false(kp_minority(&p)); /* not known */
	p.ethnicity = kinh;
	assert_false(kp_minority(&p));
	p.ethnicity = upper;
	assert_false(kp_minority(&p));
	p.ethnicity = tay;
	assert_true(kp_minority(&p));
	p.ethnicity = none;
	assert_false(kp_minority(&p));
}

static void column_names_in_both_languages(void **state)
{
	(void)state;
	assert_true(kp_column_is(S("Dân tộc"), "ethnicity"));
	assert_true(kp_column_is(S("ethnicity"), "ethnicity"));
	assert_true(kp_column_is(S("LÝ LUẬN CHÍNH TRỊ"), "theory"));
	assert_true(kp_column_is(S("Họ và tên"), "name"));
	assert_true(kp_column_is(S("mục"), "item"));
	assert_true(kp_column_is(S("số"), "value"));
	assert_false(kp_column_is(S("số"), "ballot"));
	assert_false(kp_column_is(S("Nguyễn Văn An"), "name"));
	/* a line break typed before the name (Alt+Enter) folds like a space */
	assert_true(kp_column_is(S("\nLoại"), "kind"));
	assert_string_equal(kp_column_vi("degree"), "chuyên môn");
}

/* Every Vietnamese column name is in docs/formats.md's table. */
static void formats_md_lists_every_column(void **state)
{
	const char *const *en, *const *vi;
	const char *const *const *more;
	size_t n = kp_columns_all(&en, &vi, &more), i, k;
	FILE *f = fopen("docs/formats.md", "rb");
	char *doc = calloc(1, 1 << 20), want[256];
	size_t len;

	(void)state;
	assert_non_null(f);
	len = fread(doc, 1, (1 << 20) - 1, f);
	fclose(f);
	assert_true(len > 0);
	assert_true(n >= 40);
	for (i = 0; i < n; i++) {
		snprintf(want, sizeof(want), "| `%s` | `%s` |", en[i], vi[i]);
		if (!strstr(doc, want))
			fail_msg("formats.md lacks the row %s", want);
		for (k = 0; k < 4 && more[i][k]; k++) {
			snprintf(want, sizeof(want), "`%s`", more[i][k]);
			if (!strstr(doc, want))
				fail_msg("formats.md lacks %s (column %s)", want, en[i]);
		}
	}
	free(doc);
}

static char kinh[] = "Kinh", tay[] = "Tày", tay_lower[] = "tày";

static struct kp_person person(char gender, short age, char *eth,
			       signed char incumbent, signed char local)
{
	struct kp_person p;

	memset(&p, 0, sizeof(p));
	p.gender = gender;
	p.age = age;
	p.ethnicity = eth;
	p.incumbent = incumbent;
	p.local = local;
	return p;
}

static void bands_and_labels(void **state)
{
	struct kp_bands b;
	char l[32];

	(void)state;
	kp_bands_default(&b);
	assert_int_equal(b.n, 2);
	kp_band_label(&b, 0, l);
	assert_string_equal(l, "under-40");
	kp_band_label(&b, 1, l);
	assert_string_equal(l, "40-50");
	kp_band_label(&b, 2, l);
	assert_string_equal(l, "over-50");
	assert_int_equal(kp_bands_parse("35,45,60", &b), 0);
	assert_int_equal(b.n, 3);
	kp_band_label(&b, 2, l);
	assert_string_equal(l, "46-60");
	kp_band_label(&b, 3, l);
	assert_string_equal(l, "over-60");
	assert_int_equal(kp_bands_parse("30", &b), 0);
	kp_band_label(&b, 1, l);
	assert_string_equal(l, "30-and-over");
	assert_int_equal(kp_bands_parse("50,40", &b), -1);	/* not rising */
	assert_int_equal(kp_bands_parse("40,40", &b), -1);
	assert_int_equal(kp_bands_parse("", &b), -1);
	assert_int_equal(kp_bands_parse("40,", &b), 0);		/* a trailing comma */
	assert_int_equal(kp_bands_parse("4a", &b), -1);
	assert_int_equal(kp_bands_parse("0", &b), -1);
	assert_int_equal(kp_bands_parse("1,2,3,4,5,6,7,8,9", &b), -1);
}

/* Five people worked by hand: ages 39, 40, 50, 51 and unknown; two women,
 * one of unknown gender; Kinh, Tày, tày (the same group), unknown. */
static void composition_by_hand(void **state)
{
	struct kp_person ps[5];
	struct kp_bands b;
	struct kp_comp c;
	size_t i;

	(void)state;
	ps[0] = person('F', 39, kinh, 1, 1);
	ps[1] = person('M', 40, tay, 0, 0);
	ps[2] = person('F', 50, tay_lower, 1, -1);
	ps[3] = person(0, 51, NULL, -1, 1);
	ps[4] = person('M', -1, kinh, 0, 0);
	ps[0].degree = KP_DEGREE_MASTER;
	ps[1].degree = KP_DEGREE_BACHELOR;
	ps[2].theory = KP_THEORY_ADVANCED;
	ps[3].education = KP_EDU_UPPER;
	kp_bands_default(&b);
	kp_comp_init(&c);
	for (i = 0; i < 5; i++)
		kp_comp_add(&c, &ps[i], 40, &b);
	assert_int_equal(c.n, 5);
	assert_int_equal(c.women, 2);
	assert_int_equal(c.gender_known, 4);
	/* young is under 40: 39 only; 40 is not young */
	assert_int_equal(c.young, 1);
	assert_int_equal(c.age_known, 4);
	assert_int_equal(c.age_min, 39);
	assert_int_equal(c.age_max, 51);
	/* (39 + 40 + 50 + 51) / 4 = 45.0 */
	assert_int_equal(kp_comp_age_mean_x10(&c), 450);
	assert_int_equal(c.bands[0], 1);	/* 39 */
	assert_int_equal(c.bands[1], 2);	/* 40, 50 */
	assert_int_equal(c.bands[2], 1);	/* 51 */
	assert_int_equal(c.minority, 2);
	assert_int_equal(c.ethnicity_known, 4);
	assert_int_equal(c.ngroups, 1);
	assert_string_equal(c.groups[0].name, "Tày");
	assert_int_equal(c.groups[0].n, 2);
	assert_int_equal(c.reelected, 2);
	assert_int_equal(c.first_time, 2);
	assert_int_equal(c.incumbent_known, 4);
	assert_int_equal(c.not_local, 2);
	assert_int_equal(c.local_known, 4);
	assert_int_equal(c.degree[KP_DEGREE_MASTER], 1);
	assert_int_equal(c.degree[KP_DEGREE_BACHELOR], 1);
	assert_int_equal(c.degree[KP_DEGREE_UNKNOWN], 3);
	assert_int_equal(c.theory[KP_THEORY_ADVANCED], 1);
	assert_int_equal(c.education[KP_EDU_UPPER], 1);
	kp_comp_release(&c);
	assert_int_equal(c.n, 0);
}

static void mean_age_rounds_half_up(void **state)
{
	struct kp_person a = person('M', 40, NULL, -1, -1);
	struct kp_person b = person('M', 41, NULL, -1, -1);
	struct kp_person d = person('M', 41, NULL, -1, -1);
	struct kp_bands bands;
	struct kp_comp c;

	(void)state;
	kp_bands_default(&bands);
	kp_comp_init(&c);
	assert_int_equal(kp_comp_age_mean_x10(&c), 0); /* nobody */
	kp_comp_add(&c, &a, 40, &bands);
	kp_comp_add(&c, &b, 40, &bands);
	/* 40.5 */
	assert_int_equal(kp_comp_age_mean_x10(&c), 405);
	kp_comp_add(&c, &d, 40, &bands);
	/* 122 / 3 = 40.666... -> 40.7 */
	assert_int_equal(kp_comp_age_mean_x10(&c), 407);
	kp_comp_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(education_values),
		cmocka_unit_test(degree_and_theory_values),
		cmocka_unit_test(people_words_are_keys),
		cmocka_unit_test(column_names_are_keys),
		cmocka_unit_test(column_names_name_one_column),
		cmocka_unit_test(minority_is_not_kinh),
		cmocka_unit_test(column_names_in_both_languages),
		cmocka_unit_test(formats_md_lists_every_column),
		cmocka_unit_test(bands_and_labels),
		cmocka_unit_test(composition_by_hand),
		cmocka_unit_test(mean_age_rounds_half_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
