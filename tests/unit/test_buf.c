/* The growable buffer behind every report. */
#include "unit.h"

#include "kiemphieu/buf.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_and_formats),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
