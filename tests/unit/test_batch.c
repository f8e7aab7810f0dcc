/* The worker pool: every item worked once, done() strictly in order. */
#include "unit.h"

#include <pthread.h>

#include "kiemphieu/batch.h"

struct run {
	unsigned worked[1000];
	size_t order[1000];
	size_t ndone;
	pthread_mutex_t lock;
};

static void work(void *ctx, size_t i)
{
	struct run *r = ctx;
	volatile unsigned spin = 0;

	/* uneven work, so that items finish out of order */
	for (unsigned k = 0; k < (i % 7) * 2000; k++)
		spin++;
	pthread_mutex_lock(&r->lock);
	r->worked[i]++;
	pthread_mutex_unlock(&r->lock);
}

static void done(void *ctx, size_t i)
{
	struct run *r = ctx;

	r->order[r->ndone++] = i;
}

static void each_item_once_and_in_order(void **state)
{
	unsigned jobs;

	(void)state;
	for (jobs = 1; jobs <= 4; jobs++) {
		struct run *r = calloc(1, sizeof(*r));
		struct kp_batch b = { 1000, jobs, work, done, r };
		size_t i;

		pthread_mutex_init(&r->lock, NULL);
		kp_batch_run(&b);
		assert_int_equal(r->ndone, 1000);
		for (i = 0; i < 1000; i++) {
			assert_int_equal(r->worked[i], 1);
			assert_int_equal(r->order[i], i);
		}
		pthread_mutex_destroy(&r->lock);
		free(r);
	}
}

static void nothing_to_do(void **state)
{
	struct run r;
	struct kp_batch b = { 0, 4, work, done, &r };

	(void)state;
	memset(&r, 0, sizeof(r));
	kp_batch_run(&b);
	assert_int_equal(r.ndone, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_item_once_and_in_order),
		cmocka_unit_test(nothing_to_do),
	};

	return cmocka_run_group_tests_name("batch", tests, NULL, NULL);
}
