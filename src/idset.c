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

	for (i = 0; i < s->npages; i++) {
		free(s->pages[i].lines);
		free(s->pages[i].exc);
	}
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

/* The page of a number, made when the budget allows (make); NULL when it
 * has none and must go to the hash table instead. */
static struct kp_idset_page *number_page(struct kp_idset *s, size_t digits, uint32_t v,
					 int make)
{
	size_t d = digits - 1, pi = v >> KP_IDSET_PAGE_BITS;
	struct kp_idset_page *pg;

	if (pi < s->dirlen[d] && s->dir[d][pi])
		return &s->pages[s->dir[d][pi] - 1];
	/* a page must stay well used: at most one page per 256 ids beyond
	 * the first 64 */
	if (!make || s->npages >= 64 + s->count / 256 || s->npages >= UINT32_MAX - 1)
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
	s->pages = kp_xgrow(s->pages, &s->pages_alloc, s->npages + 1, sizeof(*s->pages));
	pg = &s->pages[s->npages];
	memset(pg, 0, sizeof(*pg));
	pg->index = (uint32_t)pi;
	pg->digits = (unsigned char)digits;
	s->npages++;
	s->dir[d][pi] = (uint32_t)s->npages;
	return pg;
}

static int page_has(const struct kp_idset_page *pg, uint32_t k)
{
	return (pg->bits[k >> 6] >> (k & 63)) & 1;
}

/* The first line of value v (at k in its page), which the page has. */
static uint32_t page_line(const struct kp_idset_page *pg, uint32_t v, uint32_t k)
{
	uint32_t i;

	if (pg->lines)
		return pg->lines[k];
	for (i = 0; i < pg->nexc; i++)
		if (pg->exc[i].k == k)
			return pg->exc[i].line;
	return (uint32_t)((int64_t)v + pg->offset);
}

/* Note value v (at k in its page, not there yet) first seen on line. */
static void page_add(struct kp_idset_page *pg, uint32_t v, uint32_t k, uint32_t line)
{
	if (!pg->n++)
		pg->offset = (int64_t)line - (int64_t)v; /* from its first value */
	pg->bits[k >> 6] |= (uint64_t)1 << (k & 63);
	if (pg->lines) {
		pg->lines[k] = line;
	} else if ((int64_t)line - (int64_t)v != pg->offset) {
		if (pg->nexc == KP_IDSET_EXCEPTIONS) {
			/* too many out of order: every line, as they are */
			uint32_t j, base = pg->index << KP_IDSET_PAGE_BITS;
			uint32_t *lines = kp_xcalloc(PAGE_SIZE, sizeof(*lines));

			for (j = 0; j < PAGE_SIZE; j++)
				if (page_has(pg, j) && j != k)
					lines[j] = page_line(pg, base | j, j);
			lines[k] = line;
			pg->lines = lines;
			free(pg->exc);
			pg->exc = NULL;
			pg->nexc = 0;
			return;
		}
		if (!pg->exc)
			pg->exc = kp_xcalloc(KP_IDSET_EXCEPTIONS, sizeof(*pg->exc));
		pg->exc[pg->nexc].k = k;
		pg->exc[pg->nexc].line = line;
		pg->nexc++;
	}
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
	struct kp_idset_page *pg = NULL;
	uint32_t h, k = 0;
	struct entry *e;
	size_t at;

	if (v >= 0 && line < UINT32_MAX) {
		pg = number_page(s, len, (uint32_t)v, 1);
		k = (uint32_t)v & (PAGE_SIZE - 1);
		if (pg && page_has(pg, k)) {
			*first = page_line(pg, (uint32_t)v, k);
			return 0;
		}
		if (pg && !s->hashed_numbers) {
			page_add(pg, (uint32_t)v, k, (uint32_t)line);
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
	if (pg) {
		page_add(pg, (uint32_t)v, k, (uint32_t)line);
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
		const struct kp_idset_page *pg =
			number_page((struct kp_idset *)(uintptr_t)s, len, (uint32_t)v, 0);
		uint32_t k = (uint32_t)v & (PAGE_SIZE - 1);

		if (pg && page_has(pg, k)) {
			*line = page_line(pg, (uint32_t)v, k);
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
		struct kp_idset_page *fresh = into->hashed_numbers || !pg->n ? NULL :
			number_page(into, pg->digits, pg->index << KP_IDSET_PAGE_BITS, 1);

		if (fresh && !fresh->n) {
			/* a page `into` had not: the same page, whole (no
			 * value of it can be in `into`: no number is hashed) */
			memcpy(fresh->bits, pg->bits, sizeof(pg->bits));
			fresh->offset = pg->offset;
			fresh->n = pg->n;
			fresh->nexc = pg->nexc;
			if (pg->exc) {
				fresh->exc = kp_xcalloc(KP_IDSET_EXCEPTIONS, sizeof(*fresh->exc));
				memcpy(fresh->exc, pg->exc, pg->nexc * sizeof(*pg->exc));
			}
			if (pg->lines) {
				fresh->lines = kp_xmalloc(PAGE_SIZE * sizeof(*pg->lines));
				memcpy(fresh->lines, pg->lines, PAGE_SIZE * sizeof(*pg->lines));
			}
			into->count += pg->n;
			continue;
		}
		for (k = 0; k < PAGE_SIZE; k++) {
			uint32_t v = (pg->index << KP_IDSET_PAGE_BITS) | (uint32_t)k, line;
			struct kp_idset_page *to;

			if (!page_has(pg, (uint32_t)k))
				continue;
			line = page_line(pg, v, (uint32_t)k);
			to = into->hashed_numbers ? NULL :
			     number_page(into, pg->digits, v, 1);
			if (to && !page_has(to, (uint32_t)k)) {
				page_add(to, v, (uint32_t)k, line);
				into->count++;
				continue;
			}
			put_number(num, pg->digits, v);
			if (to)
				dup(ctx, num, pg->digits, line, page_line(to, v, (uint32_t)k));
			else if (!kp_idset_add(into, num, pg->digits, line, &first))
				dup(ctx, num, pg->digits, line, first);
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
			uint32_t v = (pg->index << KP_IDSET_PAGE_BITS) | (uint32_t)k;

			if (!page_has(pg, (uint32_t)k))
				continue;
			/* the id again, with its leading zeros */
			put_number(num, pg->digits, v);
			fn(ctx, num, pg->digits, page_line(pg, v, (uint32_t)k));
		}
	}
	for (off = 0; off < s->used;) {
		const struct entry *e =
			(const struct entry *)(const void *)(s->arena + off);

		fn(ctx, (const char *)(e + 1), e->len, e->line);
		off += (sizeof(*e) + e->len + 7) & ~(size_t)7;
	}
}
