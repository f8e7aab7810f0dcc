#ifndef KP_IDSET_H
#define KP_IDSET_H

#include <stddef.h>
#include <stdint.h>

/*
 * A set of ballot ids with the line each was first seen on, to catch
 * duplicates: the one thing kept per ballot.
 *
 * Ballot ids are nearly always numbers. An id of 1 to 10 digits whose
 * value fits 32 bits is keyed by (number of digits, value), so that "01"
 * and "001" stay different, and kept in pages of 4,096 values: no hashing,
 * and sequential ids touch memory in order. A page is a bitmap of the
 * values seen (512 bytes) while their first lines follow from their values
 * (line = value + the page's offset: ballots typed in the order of their
 * ids, as they nearly always are), with the few that do not in a short
 * list; past 128 of those it holds every line (16 KB). Ten million ballots
 * take about 1.3 MB, not 40. So that sparse ids cannot make pages grow
 * without bound, pages are only made while they stay well used; other ids
 * go to a hash table whose arena packs them once.
 */
#define KP_IDSET_PAGE_BITS 12
#define KP_IDSET_EXCEPTIONS 128

struct kp_idset_exception {
	uint32_t k;		/* the value's place in its page */
	uint32_t line;
};

struct kp_idset_page {
	uint64_t bits[(1u << KP_IDSET_PAGE_BITS) / 64];	/* the values seen */
	int64_t offset;		/* line - value, for the values not listed */
	struct kp_idset_exception *exc;	/* those whose line differs */
	uint32_t nexc;
	uint32_t n;		/* values in the page */
	uint32_t *lines;	/* every line, once the list is too long */
	uint32_t index;		/* value >> KP_IDSET_PAGE_BITS */
	unsigned char digits;
};

struct kp_idset {
	/* numbers: dir[digits - 1][value >> 12] is 1 + the index of its page
	 * in pages (0: none), grown only as far as the largest value seen */
	uint32_t *dir[10];
	size_t dirlen[10];
	struct kp_idset_page *pages;	/* every page made */
	size_t npages, pages_alloc;
	/* everything else */
	char *arena;
	size_t used, alloc;	/* bytes of arena */
	uint32_t *slots;	/* 0 empty, else arena offset / 8 + 1 */
	size_t nslots;
	size_t hashed;		/* ids in the hash table */
	size_t hashed_numbers;	/* of which numbers that found no page */
	size_t count;		/* ids in the set */
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

/* 1 and *line set to the line id[0..len) was first seen on when it is in
 * the set, else 0. */
int kp_idset_get(const struct kp_idset *s, const char *id, size_t len,
		 uint64_t *line);

/*
 * Add every id of `from` to `into`; for each one that `into` had already,
 * call dup with the id, its line in `from` and its first line in `into`.
 * Pages of numbers are merged a page at a time.
 */
void kp_idset_merge(struct kp_idset *into, const struct kp_idset *from,
		    void (*dup)(void *ctx, const char *id, size_t len,
				uint64_t line, uint64_t first),
		    void *ctx);

/* Call fn once for each id, in no particular order. */
void kp_idset_each(const struct kp_idset *s,
		   void (*fn)(void *ctx, const char *id, size_t len,
			      uint64_t line),
		   void *ctx);

#endif
