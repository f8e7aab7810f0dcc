#include "kiemphieu/idset.h"

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

static struct entry *at(const struct kp_idset *s, uint32_t ref)
{
	return (struct entry *)(void *)(s->arena + (size_t)(ref - 1) * 8);
}

void kp_idset_init(struct kp_idset *s)
{
	memset(s, 0, sizeof(*s));
}

void kp_idset_release(struct kp_idset *s)
{
	if (!s)
		return;
	free(s->arena);
	free(s->slots);
	kp_idset_init(s);
}

void kp_idset_clear(struct kp_idset *s)
{
	s->used = 0;
	s->count = 0;
	if (s->slots)
		memset(s->slots, 0, s->nslots * sizeof(*s->slots));
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

int kp_idset_add(struct kp_idset *s, const char *id, size_t len,
		 uint64_t line, uint64_t *first)
{
	uint32_t h = hash(id, len);
	size_t i, need;
	struct entry *e;

	if ((s->count + 1) * 2 > s->nslots)
		rehash(s);
	for (i = h & (s->nslots - 1); s->slots[i]; i = (i + 1) & (s->nslots - 1)) {
		e = at(s, s->slots[i]);
		if (e->hash == h && e->len == len &&
		    memcmp((char *)(e + 1), id, len) == 0) {
			*first = e->line;
			return 0;
		}
	}
	need = (sizeof(*e) + len + 7) & ~(size_t)7;
	if ((s->used + need) / 8 >= UINT32_MAX - 1)
		abort(); /* 32 GiB of ids: far past the stated limits */
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
	s->count++;
	return 1;
}

void kp_idset_each(const struct kp_idset *s,
		   void (*fn)(void *ctx, const char *id, size_t len,
			      uint64_t line),
		   void *ctx)
{
	size_t off;

	for (off = 0; off < s->used;) {
		const struct entry *e =
			(const struct entry *)(const void *)(s->arena + off);

		fn(ctx, (const char *)(e + 1), e->len, e->line);
		off += (sizeof(*e) + e->len + 7) & ~(size_t)7;
	}
}
