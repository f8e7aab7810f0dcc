#ifndef KP_SHA256_H
#define KP_SHA256_H

#include <stddef.h>

/*
 * SHA-256, the hash of the audit trail: one module over one well-kept
 * library (docs/dependencies.md says which), so that the reader can hash
 * the very bytes it counts as it reads them.
 */

struct kp_sha256;

/* A new hash in progress; never NULL (out of memory exits). */
struct kp_sha256 *kp_sha256_new(void);

/* Start again, as if new. */
void kp_sha256_reset(struct kp_sha256 *h);

void kp_sha256_update(struct kp_sha256 *h, const void *data, size_t len);

/* The hash of everything given since new or reset, as lower-case hex, into
 * out[65]; the hash must be reset before it is used again. */
void kp_sha256_final(struct kp_sha256 *h, char out[65]);

/* Free it; NULL is accepted. */
void kp_sha256_free(struct kp_sha256 *h);

#endif
