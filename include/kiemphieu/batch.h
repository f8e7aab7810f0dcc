#ifndef KP_BATCH_H
#define KP_BATCH_H

#include <stddef.h>

/*
 * Work on items 0..n-1 with `jobs` threads: work(ctx, i) runs in any
 * thread, in any order; done(ctx, i) runs once per item, one at a time and
 * strictly in index order, as soon as item i and all before it are done.
 * So output written from done() is the same whatever the number of jobs,
 * and results need only be kept until their turn comes.
 */
struct kp_batch {
	size_t n;
	unsigned jobs;
	void (*work)(void *ctx, size_t i);
	void (*done)(void *ctx, size_t i);
	void *ctx;
};

void kp_batch_run(const struct kp_batch *b);

#endif
