#include "kiemphieu/batch.h"

#include <pthread.h>
#include <stdlib.h>

#include "kiemphieu/xalloc.h"

struct state {
	const struct kp_batch *b;
	pthread_mutex_t lock;
	size_t next;		/* the next item to work on */
	size_t next_done;	/* the next item to hand to done() */
	unsigned char *ready;
};

static void *worker(void *arg)
{
	struct state *st = arg;
	const struct kp_batch *b = st->b;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&st->lock);
		i = st->next++;
		pthread_mutex_unlock(&st->lock);
		if (i >= b->n)
			break;
		b->work(b->ctx, i);
		pthread_mutex_lock(&st->lock);
		st->ready[i] = 1;
		while (st->next_done < b->n && st->ready[st->next_done]) {
			b->done(b->ctx, st->next_done);
			st->next_done++;
		}
		pthread_mutex_unlock(&st->lock);
	}
	return NULL;
}

void kp_batch_run(const struct kp_batch *b)
{
	struct state st;
	pthread_t *tids;
	unsigned jobs = b->jobs ? b->jobs : 1, i, started = 0;

	if (jobs > b->n)
		jobs = b->n ? (unsigned)b->n : 1;
	st.b = b;
	st.next = st.next_done = 0;
	st.ready = kp_xcalloc(b->n + 1, 1);
	pthread_mutex_init(&st.lock, NULL);
	tids = kp_xcalloc(jobs, sizeof(*tids));
	/* a thread that cannot start leaves its share to the others */
	for (i = 1; i < jobs; i++) {
		if (pthread_create(&tids[i], NULL, worker, &st) != 0)
			break;
		started++;
	}
	worker(&st); /* this thread works too */
	for (i = 1; i <= started; i++)
		pthread_join(tids[i], NULL);
	pthread_mutex_destroy(&st.lock);
	free(tids);
	free(st.ready);
}
