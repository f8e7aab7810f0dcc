/* The ballot id set: duplicates with the line first seen, growth, order. */
#include "unit.h"

#include "kiemphieu/idset.h"

static void duplicates_report_the_first_line(void **state)
{
	struct kp_idset s;
	uint64_t first = 0;

	(void)state;
	kp_idset_init(&s);
	assert_int_equal(kp_idset_add(&s, "001", 3, 2, &first), 1);
	assert_int_equal(kp_idset_add(&s, "002", 3, 3, &first), 1);
	assert_int_equal(kp_idset_add(&s, "001", 3, 9, &first), 0);
	assert_int_equal(first, 2);
	/* "01" is not "001": ids are compared byte for byte */
	assert_int_equal(kp_idset_add(&s, "01", 2, 10, &first), 1);
	assert_int_equal(kp_idset_add(&s, "", 0, 11, &first), 1);
	assert_int_equal(kp_idset_add(&s, "", 0, 12, &first), 0);
	assert_int_equal(first, 11);
	assert_int_equal(s.count, 4);
	kp_idset_clear(&s);
	assert_int_equal(kp_idset_add(&s, "001", 3, 5, &first), 1);
	kp_idset_release(&s);
}

struct seen {
	uint64_t n, sum;
};

static void count_each(void *ctx, const char *id, size_t len, uint64_t line)
{
	struct seen *s = ctx;

	(void)id;
	(void)len;
	assert_int_equal(line, s->n + 1); /* in the order added */
	s->n++;
	s->sum += line;
}

static void grows_past_many_ids(void **state)
{
	struct kp_idset s;
	struct seen seen = { 0, 0 };
	char id[32];
	uint64_t first, i;

	(void)state;
	kp_idset_init(&s);
	for (i = 1; i <= 200000; i++) {
		int n = snprintf(id, sizeof(id), "B%llu", (unsigned long long)i);

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, i, &first), 1);
	}
	for (i = 1; i <= 200000; i += 997) {
		int n = snprintf(id, sizeof(id), "B%llu", (unsigned long long)i);

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, 0, &first), 0);
		assert_int_equal(first, i);
	}
	kp_idset_each(&s, count_each, &seen);
	assert_int_equal(seen.n, 200000);
	assert_int_equal(seen.sum, 200000ull * 200001 / 2);
	kp_idset_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicates_report_the_first_line),
		cmocka_unit_test(grows_past_many_ids),
	};

	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
