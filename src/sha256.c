/* SHA-256 with GNU Nettle: no hash written by hand, the processor's SHA
 * instructions where it has them (Debian builds Nettle "fat": it picks
 * them at run time), and a library small enough to cost nothing to load
 * on every run (docs/dependencies.md). */
#include "kiemphieu/sha256.h"

#include <nettle/sha2.h>
#include <stdlib.h>

#include "kiemphieu/xalloc.h"

struct kp_sha256 {
	struct sha256_ctx ctx;
};

struct kp_sha256 *kp_sha256_new(void)
{
	struct kp_sha256 *h = kp_xmalloc(sizeof(*h));

	kp_sha256_reset(h);
	return h;
}

void kp_sha256_reset(struct kp_sha256 *h)
{
	sha256_init(&h->ctx);
}

void kp_sha256_update(struct kp_sha256 *h, const void *data, size_t len)
{
	if (len)
		sha256_update(&h->ctx, len, data);
}

void kp_sha256_final(struct kp_sha256 *h, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	uint8_t digest[SHA256_DIGEST_SIZE];
	unsigned i;

	sha256_digest(&h->ctx, SHA256_DIGEST_SIZE, digest);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
}

void kp_sha256_free(struct kp_sha256 *h)
{
	free(h);
}
