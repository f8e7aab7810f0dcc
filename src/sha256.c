/* SHA-256 with OpenSSL's libcrypto: no hash written by hand, and the
 * processor's SHA instructions where it has them. */
#include "kiemphieu/sha256.h"

#include <openssl/evp.h>
#include <stdlib.h>

#include "kiemphieu/xalloc.h"

struct kp_sha256 {
	EVP_MD_CTX *ctx;
};

struct kp_sha256 *kp_sha256_new(void)
{
	struct kp_sha256 *h = kp_xmalloc(sizeof(*h));

	h->ctx = EVP_MD_CTX_new();
	if (!h->ctx)
		kp_xdie_oom(0);
	kp_sha256_reset(h);
	return h;
}

void kp_sha256_reset(struct kp_sha256 *h)
{
	if (!EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL))
		kp_xdie_oom(0);
}

void kp_sha256_update(struct kp_sha256 *h, const void *data, size_t len)
{
	if (len && !EVP_DigestUpdate(h->ctx, data, len))
		kp_xdie_oom(0);
}

void kp_sha256_final(struct kp_sha256 *h, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int len = 0, i;

	if (!EVP_DigestFinal_ex(h->ctx, digest, &len) || len != 32)
		kp_xdie_oom(0);
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
}

void kp_sha256_free(struct kp_sha256 *h)
{
	if (!h)
		return;
	EVP_MD_CTX_free(h->ctx);
	free(h);
}
