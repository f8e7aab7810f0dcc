#ifndef KP_IDSET_H
#define KP_IDSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * A set of ballot ids with the line each was first seen on, to catch
 * duplicates: the one thing kept per ballot. Ids are stored once, packed
 * in an arena; the table holds 32-bit references, so a million ids cost
 * about 30 MB.
 */
struct kp_idset {
	char *arena;
	size_t used, alloc;	/* bytes of arena */
	uint32_t *slots;	/* 0 empty, else arena offset / 8 + 1 */
	size_t nslots, count;
};

void kp_idset_init(struct kp_idset *s);
void kp_idset_release(struct kp_idset *s);
void kp_idset_clear(struct kp_idset *s);

/*
 * Add id[0..len) first seen on `line`. Returns 1 when it is new, 0 when it
 * was there already (and *first is the line it was first seen on).
 */
int kp_idset_add(struct kp_idset *s, const char *id, size_t len,
		 uint64_t line, uint64_t *first);

/* Call fn for each id, in the order they were added. */
void kp_idset_each(const struct kp_idset *s,
		   void (*fn)(void *ctx, const char *id, size_t len,
			      uint64_t line),
		   void *ctx);

#endif
