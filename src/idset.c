#include "kiemphieu/idset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/xalloc.h"

struct entry {
	uint64_t line;
	uint32_t hash;
	uint32_t len;
	/* followed by len bytes, padded to 8 */
};

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static struct entry *at_ref(const struct kp_idset *s, uint32_t ref)
{
	return (struct entry *)(void *)(s->arena + (size_t)(ref - 1) * 8);
}

void kp_idset_init(struct kp_idset *s)
{
	memset(s, 0, sizeof(*s));
}

#define PAGE_SIZE ((size_t)1 << KP_IDSET_PAGE_BITS)

static void free_pages(struct kp_idset *s)
{
	size_t d, i;

	for (i = 0; i < s->npages; i++)
		free(s->pages[i].lines);
	for (d = 0; d < 10; d++) {
		free(s->dir[d]);
		s->dir[d] = NULL;
		s->dirlen[d] = 0;
	}
	s->npages = 0;
}

void kp_idset_release(struct kp_idset *s)
{
	if (!s)
		return;
	free_pages(s);
	free(s->pages);
	free(s->arena);
	free(s->slots);
	kp_idset_init(s);
}

void kp_idset_clear(struct kp_idset *s)
{
	free_pages(s);
	s->used = 0;
	s->count = 0;
	s->hashed = 0;
	s->hashed_numbers = 0;
	if (s->slots)
		memset(s->slots, 0, s->nslots * sizeof(*s->slots));
}

/* Write v as `digits` digits, with leading zeros: the id as it was typed. */
static void put_number(char out[11], unsigned digits, uint32_t v)
{
	unsigned i;

	if (digits > 10) /* pages are only made for 1 to 10 digits */
		digits = 10;
	for (i = digits; i > 0; i--) {
		out[i - 1] = (char)('0' + v % 10);
		v /= 10;
	}
	out[digits] = '\0';
}

/* The value of an id of 1 to 10 ASCII digits below 2^32, or -1. */
static int64_t numeric(const char *id, size_t len)
{
	uint64_t v = 0;
	size_t i;

	if (len < 1 || len > 10)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned d = (unsigned char)id[i] - '0';

		if (d > 9)
			return -1;
		v = v * 10 + d;
	}
	return v > UINT32_MAX ? -1 : (int64_t)v;
}

/* The slot of a number, making its page when the budget allows; NULL when
 * it must go to the hash table instead. */
static uint32_t *number_slot(struct kp_idset *s, size_t digits, uint32_t v,
			     int make)
{
	size_t d = digits - 1, pi = v >> KP_IDSET_PAGE_BITS;
	uint32_t *page;

	if (pi < s->dirlen[d] && s->dir[d][pi])
		return &s->dir[d][pi][v & (PAGE_SIZE - 1)];
	/* a page must stay well used: at most one page (16 KB) per 256 ids
	 * beyond the first 64 */
	if (!make || s->npages >= 64 + s->count / 256)
		return NULL;
	if (pi >= s->dirlen[d]) {
		size_t n = s->dirlen[d] ? s->dirlen[d] : 16;

		while (n <= pi)
			n *= 2;
		s->dir[d] = kp_xrealloc(s->dir[d], n * sizeof(*s->dir[d]));
		memset(s->dir[d] + s->dirlen[d], 0,
		       (n - s->dirlen[d]) * sizeof(*s->dir[d]));
		s->dirlen[d] = n;
	}
	page = kp_xcalloc(PAGE_SIZE, sizeof(*page));
	s->dir[d][pi] = page;
	s->pages = kp_xgrow(s->pages, &s->pages_alloc, s->npages + 1,
			    sizeof(*s->pages));
	s->pages[s->npages].lines = page;
	s->pages[s->npages].index = (uint32_t)pi;
	s->pages[s->npages].digits = (unsigned char)digits;
	s->npages++;
	return &page[v & (PAGE_SIZE - 1)];
}

static void rehash(struct kp_idset *s)
{
	size_t n = s->nslots ? s->nslots * 2 : 1024, i, off;
	uint32_t *slots = kp_xcalloc(n, sizeof(*slots));

	for (off = 0; off < s->used;) {
		struct entry *e = (struct entry *)(void *)(s->arena + off);

		i = e->hash & (n - 1);
		while (slots[i])
			i = (i + 1) & (n - 1);
		slots[i] = (uint32_t)(off / 8 + 1);
		off += (sizeof(*e) + e->len + 7) & ~(size_t)7;
	}
	free(s->slots);
	s->slots = slots;
	s->nslots = n;
}

static struct entry *hash_find(const struct kp_idset *s, const char *id,
			       size_t len, uint32_t h, size_t *at)
{
	size_t i;

	if (!s->nslots)
		return NULL;
	for (i = h & (s->nslots - 1); s->slots[i]; i = (i + 1) & (s->nslots - 1)) {
		struct entry *e = at_ref(s, s->slots[i]);

		if (e->hash == h && e->len == len &&
		    memcmp((char *)(e + 1), id, len) == 0)
			return e;
	}
	*at = i;
	return NULL;
}

static void hash_insert(struct kp_idset *s, const char *id, size_t len,
			uint32_t h, uint64_t line)
{
	size_t i = 0, need = (sizeof(struct entry) + len + 7) & ~(size_t)7;
	struct entry *e;

	if ((s->hashed + 1) * 2 > s->nslots)
		rehash(s);
	(void)hash_find(s, id, len, h, &i);
	if ((s->used + need) / 8 >= UINT32_MAX - 1)
		abort(); /* 32 GiB of ids: far past KP_BALLOTS_MAX */
	if (s->used + need > s->alloc) {
		size_t a = s->alloc ? s->alloc : 65536;

		while (a < s->used + need)
			a *= 2;
		s->arena = kp_xrealloc(s->arena, a);
		s->alloc = a;
	}
	e = (struct entry *)(void *)(s->arena + s->used);
	e->line = line;
	e->hash = h;
	e->len = (uint32_t)len;
	memcpy((char *)(e + 1), id, len);
	s->slots[i] = (uint32_t)(s->used / 8 + 1);
	s->used += need;
	s->hashed++;
}

int kp_idset_add(struct kp_idset *s, const char *id, size_t len,
		 uint64_t line, uint64_t *first)
{
	int64_t v = numeric(id, len);
	uint32_t *slot = NULL, h;
	struct entry *e;
	size_t at;

	if (v >= 0 && line < UINT32_MAX) {
		slot = number_slot(s, len, (uint32_t)v, 1);
		if (slot && *slot) {
			*first = *slot;
			return 0;
		}
		if (slot && !s->hashed_numbers) {
			*slot = (uint32_t)line;
			s->count++;
			return 1;
		}
	}
	/* the hash table: ids that are not small numbers, and numbers whose
	 * page could not be made (they must be looked for there too) */
	h = hash(id, len);
	e = hash_find(s, id, len, h, &at);
	if (e) {
		*first = e->line;
		return 0;
	}
	if (slot) {
		*slot = (uint32_t)line;
	} else {
		hash_insert(s, id, len, h, line);
		if (v >= 0)
			s->hashed_numbers++;
	}
	s->count++;
	return 1;
}

int kp_idset_get(const struct kp_idset *s, const char *id, size_t len,
		 uint64_t *line)
{
	int64_t v = numeric(id, len);
	struct entry *e;
	size_t at;

	if (v >= 0) {
		const uint32_t *slot = number_slot((struct kp_idset *)(uintptr_t)s,
						   len, (uint32_t)v, 0);

		if (slot && *slot) {
			*line = *slot;
			return 1;
		}
	}
	e = hash_find(s, id, len, hash(id, len), &at);
	if (!e)
		return 0;
	*line = e->line;
	return 1;
}

void kp_idset_merge(struct kp_idset *into, const struct kp_idset *from,
		    void (*dup)(void *ctx, const char *id, size_t len,
				uint64_t line, uint64_t first),
		    void *ctx)
{
	size_t i, k, off;
	uint64_t first;
	char num[16] = "";

	for (i = 0; i < from->npages; i++) {
		const struct kp_idset_page *pg = &from->pages[i];

		for (k = 0; k < PAGE_SIZE; k++) {
			uint32_t v = (pg->index << KP_IDSET_PAGE_BITS) | (uint32_t)k;
			uint32_t *slot;

			if (!pg->lines[k])
				continue;
			slot = into->hashed_numbers ? NULL :
				number_slot(into, pg->digits, v, 1);
			if (slot && !*slot) {
				*slot = pg->lines[k];
				into->count++;
				continue;
			}
			put_number(num, pg->digits, v);
			if (slot)
				dup(ctx, num, pg->digits, pg->lines[k], *slot);
			else if (!kp_idset_add(into, num, pg->digits, pg->lines[k],
					       &first))
				dup(ctx, num, pg->digits, pg->lines[k], first);
		}
	}
	for (off = 0; off < from->used;) {
		const struct entry *e =
			(const struct entry *)(const void *)(from->arena + off);

		if (!kp_idset_add(into, (const char *)(e + 1), e->len, e->line,
				  &first))
			dup(ctx, (const char *)(e + 1), e->len, e->line, first);
		off += (sizeof(*e) + e->len + 7) & ~(size_t)7;
	}
}

void kp_idset_each(const struct kp_idset *s,
		   void (*fn)(void *ctx, const char *id, size_t len,
			      uint64_t line),
		   void *ctx)
{
	size_t i, k, off;
	char num[16] = "";

	for (i = 0; i < s->npages; i++) {
		const struct kp_idset_page *pg = &s->pages[i];

		for (k = 0; k < PAGE_SIZE; k++) {
			if (!pg->lines[k])
				continue;
			/* the id again, with its leading zeros */
			put_number(num, pg->digits,
				   (pg->index << KP_IDSET_PAGE_BITS) | (uint32_t)k);
			fn(ctx, num, pg->digits, pg->lines[k]);
		}
	}
	for (off = 0; off < s->used;) {
		const struct entry *e =
			(const struct entry *)(const void *)(s->arena + off);

		fn(ctx, (const char *)(e + 1), e->len, e->line);
		off += (sizeof(*e) + e->len + 7) & ~(size_t)7;
	}
}
