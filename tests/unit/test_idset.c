/* The ballot id set: duplicates with the line first seen, numbers and
 * other ids, growth, and visiting every id once. */
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
	/* "01" and "1" are not "001": ids are compared as typed */
	assert_int_equal(kp_idset_add(&s, "01", 2, 10, &first), 1);
	assert_int_equal(kp_idset_add(&s, "1", 1, 11, &first), 1);
	assert_int_equal(kp_idset_add(&s, "1", 1, 12, &first), 0);
	assert_int_equal(first, 11);
	/* not numbers: letters, 11 digits, a value past 32 bits, empty */
	assert_int_equal(kp_idset_add(&s, "A-07", 4, 13, &first), 1);
	assert_int_equal(kp_idset_add(&s, "00000000001", 11, 14, &first), 1);
	assert_int_equal(kp_idset_add(&s, "4294967296", 10, 15, &first), 1);
	assert_int_equal(kp_idset_add(&s, "4294967295", 10, 16, &first), 1);
	assert_int_equal(kp_idset_add(&s, "", 0, 17, &first), 1);
	assert_int_equal(kp_idset_add(&s, "A-07", 4, 18, &first), 0);
	assert_int_equal(first, 13);
	assert_int_equal(kp_idset_add(&s, "4294967296", 10, 19, &first), 0);
	assert_int_equal(first, 15);
	assert_int_equal(kp_idset_add(&s, "4294967295", 10, 20, &first), 0);
	assert_int_equal(first, 16);
	assert_int_equal(kp_idset_add(&s, "", 0, 21, &first), 0);
	assert_int_equal(first, 17);
	assert_int_equal(s.count, 9);
	kp_idset_clear(&s);
	assert_int_equal(kp_idset_add(&s, "001", 3, 5, &first), 1);
	kp_idset_release(&s);
}

struct seen {
	uint64_t n, sum;
	int numbers_have_zeros;
};

static void count_each(void *ctx, const char *id, size_t len, uint64_t line)
{
	struct seen *s = ctx;

	if (len == 7 && id[0] == '0')
		s->numbers_have_zeros = 1;
	s->n++;
	s->sum += line;
}

static void many_ids_of_every_kind(void **state)
{
	struct kp_idset s;
	struct seen seen = { 0, 0, 0 };
	char id[32];
	uint64_t first, i, line = 0;

	(void)state;
	kp_idset_init(&s);
	/* 200,000 sequential numbers with leading zeros, and 50,000 others */
	for (i = 1; i <= 200000; i++) {
		int n = snprintf(id, sizeof(id), "%07llu", (unsigned long long)i);

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, ++line, &first), 1);
	}
	for (i = 1; i <= 50000; i++) {
		int n = snprintf(id, sizeof(id), "B%llu", (unsigned long long)i);

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, ++line, &first), 1);
	}
	for (i = 1; i <= 200000; i += 997) {
		int n = snprintf(id, sizeof(id), "%07llu", (unsigned long long)i);

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, 0, &first), 0);
		assert_int_equal(first, i);
	}
	assert_int_equal(kp_idset_add(&s, "B777", 4, 0, &first), 0);
	assert_int_equal(first, 200777);
	kp_idset_each(&s, count_each, &seen);
	assert_int_equal(seen.n, 250000);
	assert_int_equal(seen.sum, 250000ull * 250001 / 2);
	assert_true(seen.numbers_have_zeros); /* ids come back as typed */
	kp_idset_release(&s);
}

static void sparse_numbers_cannot_grow_pages_without_bound(void **state)
{
	struct kp_idset s;
	char id[32];
	uint64_t first, i;

	(void)state;
	kp_idset_init(&s);
	/* 10-digit numbers 65,536 apart: each would need a page of its own */
	for (i = 0; i < 20000; i++) {
		int n = snprintf(id, sizeof(id), "%010llu",
				 (unsigned long long)(i << 16));

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, i + 1, &first), 1);
	}
	assert_true(s.npages <= 64 + 20000 / 256);
	assert_true(s.hashed_numbers > 0);
	/* as the set grows, new pages are allowed again; a number hashed
	 * earlier must still be found when its page exists */
	for (i = 0; i < 300000; i++) {
		int n = snprintf(id, sizeof(id), "%010llu",
				 (unsigned long long)(i + (1ull << 31)));

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, 100000 + i, &first), 1);
	}
	for (i = 0; i < 20000; i += 101) {
		int n = snprintf(id, sizeof(id), "%010llu",
				 (unsigned long long)(i << 16));

		assert_int_equal(kp_idset_add(&s, id, (size_t)n, 0, &first), 0);
		assert_int_equal(first, i + 1);
	}
	kp_idset_release(&s);
}

static void get_finds_without_adding(void **state)
{
	struct kp_idset s;
	uint64_t line = 0, first;

	(void)state;
	kp_idset_init(&s);
	assert_int_equal(kp_idset_get(&s, "7", 1, &line), 0);
	kp_idset_add(&s, "7", 1, 3, &first);
	kp_idset_add(&s, "k-12", 4, 9, &first);
	assert_int_equal(kp_idset_get(&s, "7", 1, &line), 1);
	assert_int_equal(line, 3);
	assert_int_equal(kp_idset_get(&s, "k-12", 4, &line), 1);
	assert_int_equal(line, 9);
	assert_int_equal(kp_idset_get(&s, "07", 2, &line), 0); /* not 7 */
	assert_int_equal(kp_idset_get(&s, "k-1", 3, &line), 0);
	assert_int_equal(s.count, 2); /* nothing added by a look-up */
	kp_idset_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicates_report_the_first_line),
		cmocka_unit_test(get_finds_without_adding),
		cmocka_unit_test(many_ids_of_every_kind),
		cmocka_unit_test(sparse_numbers_cannot_grow_pages_without_bound),
	};

	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
