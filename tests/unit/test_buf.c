/* The growable buffer behind every report. */
#include "unit.h"

#include "kiemphieu/buf.h"
#include "kiemphieu/xalloc.h"

static void appends_and_formats(void **state)
{
	struct kp_buf b = KP_BUF_INIT;
	char *s;
	int i;

	(void)state;
	kp_buf_addstr(&b, "ab");
	kp_buf_addch(&b, 'c');
	kp_buf_addf(&b, "%d-%s", 42, "x");
	kp_buf_pad(&b, '.', 3);
	assert_string_equal(b.s, "abc42-x...");
	assert_int_equal(b.len, 10);
	for (i = 0; i < 1000; i++)
		kp_buf_addf(&b, "%0100d", i); /* past every initial size */
	assert_int_equal(b.len, 10 + 100000);
	kp_buf_reset(&b);
	assert_string_equal(b.s, "");
	kp_buf_add(&b, "a\0b", 3); /* bytes, not only strings */
	assert_int_equal(b.len, 3);
	s = kp_buf_detach(&b);
	assert_null(b.s);
	assert_memory_equal(s, "a\0b", 4);
	free(s);
	s = kp_buf_detach(&b); /* an empty buffer detaches to "" */
	assert_string_equal(s, "");
	free(s);
	kp_buf_release(&b);
	kp_buf_release(NULL);
}

/* An array grown one element at a time by kp_xpush keeps every element,
 * and is left where it is but at 0, 8, 16, 32... elements (the sanitizers
 * and valgrind, in CI, see any write past its room). */
static void push_grows_at_powers_of_two(void **state)
{
	unsigned *v = NULL;
	size_t n, moved = 0;

	(void)state;
	for (n = 0; n < 100000; n++) {
		unsigned *before = v;

		v = kp_xpush(v, n, sizeof(*v));
		if (n != 0 && n != 8 && (n < 8 || (n & (n - 1)) != 0))
			assert_ptr_equal(v, before);
		else
			moved++;
		v[n] = (unsigned)n * 7u;
	}
	for (n = 0; n < 100000; n++)
		assert_int_equal(v[n], (unsigned)n * 7u);
	assert_int_equal(moved, 1 + 14); /* 0, then 8, 16, ..., 65536 */
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_and_formats),
		cmocka_unit_test(push_grows_at_powers_of_two),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
