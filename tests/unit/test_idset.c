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

/* Pages as ballots fill them: in order, a bitmap and an offset; out of
 * order, a short list; past 128 out of order, every line. Each id's first
 * line stays what it was, and so does the merge of two sets. */
struct dups {
	uint64_t n, bad;
	const uint32_t *want;
};

static void check_dup(void *ctx, const char *id, size_t len, uint64_t line, uint64_t first)
{
	struct dups *d = ctx;
	char buf[16];
	unsigned long v;

	memcpy(buf, id, len);
	buf[len] = '\0';
	v = strtoul(buf, NULL, 10);
	(void)line;
	d->n++;
	if (first != d->want[v])
		d->bad++;
}

static void compact_pages_keep_every_line(void **state)
{
	enum { N = 20000 };
	static uint32_t want[N + 1], ones[N + 1];
	struct kp_idset a, b, c;
	struct dups d = { 0, 0, want };
	uint64_t first;
	char id[16];
	size_t i, expanded = 0, listed = 0;

	(void)state;
	kp_idset_init(&a);
	kp_idset_init(&b);
	for (i = 1; i <= N; i++) {
		/* ids in order on lines i + 1, but 3 late ones in each
		 * hundred, and ids 8192..12287 (a whole page) shuffled */
		uint32_t line = (uint32_t)i + 1;

		if (i % 100 == 7)
			line += 50000;
		if (i >= 8192 && i < 12288)
			line = (uint32_t)(3000000 - i * 7 % 4093);
		want[i] = line;
		snprintf(id, sizeof(id), "%06zu", i);
		assert_int_equal(kp_idset_add(&a, id, 6, line, &first), 1);
	}
	for (i = 0; i < a.npages; i++) {
		expanded += a.pages[i].lines != NULL;
		listed += a.pages[i].nexc;
	}
	assert_int_equal(expanded, 1);	/* the shuffled page alone */
	assert_true(listed > 100 && listed < 300);
	for (i = 1; i <= N; i++) {
		snprintf(id, sizeof(id), "%06zu", i);
		assert_int_equal(kp_idset_add(&a, id, 6, 9999999, &first), 0);
		assert_int_equal(first, want[i]);
		assert_int_equal(kp_idset_get(&a, id, 6, &first), 1);
		assert_int_equal(first, want[i]);
	}
	/* half of them again in another set, merged: each a duplicate with
	 * the first line of the set merged into */
	for (i = 1; i <= N; i += 2) {
		snprintf(id, sizeof(id), "%06zu", i);
		assert_int_equal(kp_idset_add(&b, id, 6, 1, &first), 1);
	}
	kp_idset_merge(&a, &b, check_dup, &d);
	assert_int_equal(d.n, N / 2);
	assert_int_equal(d.bad, 0);
	/* the other way: into a set with the odd ids of the first page
	 * only, the pages it lacks are taken whole (their exceptions and
	 * their list of lines too), the first value by value */
	kp_idset_init(&c);
	for (i = 1; i < 4096; i += 2) {
		snprintf(id, sizeof(id), "%06zu", i);
		assert_int_equal(kp_idset_add(&c, id, 6, 1, &first), 1);
		ones[i] = 1;
	}
	d.n = d.bad = 0;
	d.want = ones;
	kp_idset_merge(&c, &a, check_dup, &d);
	assert_int_equal(d.n, 2048);
	assert_int_equal(d.bad, 0);
	assert_int_equal(c.count, N);
	for (i = 0; i < c.npages; i++) {
		const struct kp_idset_page *p = &c.pages[i], *q = NULL;
		size_t j;

		for (j = 0; j < a.npages; j++)
			if (a.pages[j].index == p->index)
				q = &a.pages[j];
		assert_non_null(q);
		if (!p->index)
			continue; /* (merged value by value) */
		assert_int_equal(p->n, q->n);
		assert_int_equal(p->nexc, q->nexc);
		assert_int_equal(p->lines != NULL, q->lines != NULL);
		assert_memory_equal(p->bits, q->bits, sizeof(p->bits));
	}
	for (i = 1; i <= N; i++) {
		snprintf(id, sizeof(id), "%06zu", i);
		assert_int_equal(kp_idset_get(&c, id, 6, &first), 1);
		assert_int_equal(first, ones[i] ? 1 : want[i]);
		assert_int_equal(kp_idset_add(&c, id, 6, 9999999, &first), 0);
	}
	kp_idset_release(&a);
	kp_idset_release(&b);
	kp_idset_release(&c);
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
		cmocka_unit_test(compact_pages_keep_every_line),
	};

	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
