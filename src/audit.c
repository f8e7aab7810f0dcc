/* SHA-256 of input files, with OpenSSL's libcrypto: no hash written by
 * hand, and the processor's SHA instructions where it has them. */
#include "kiemphieu/audit.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"

int kp_sha256_file(const char *path, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int len = 0;
	EVP_MD_CTX *ctx;
	char *buf;
	ssize_t n;
	size_t i;
	int fd = open(path, O_RDONLY | O_CLOEXEC), ok;

	if (fd < 0)
		return -1;
	ctx = EVP_MD_CTX_new();
	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(ctx);
		close(fd);
		errno = ENOMEM;
		return -1;
	}
	buf = kp_xmalloc(1 << 16);
	while ((n = read(fd, buf, 1 << 16)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		EVP_DigestUpdate(ctx, buf, (size_t)n);
	}
	ok = n == 0 && EVP_DigestFinal_ex(ctx, digest, &len) && len == 32;
	EVP_MD_CTX_free(ctx);
	close(fd);
	free(buf);
	if (!ok) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	for (i = 0; i < 32; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

static int add(struct kp_audit *a, const char *dir, const char *path,
	       struct kp_diag_sink *sink)
{
	struct kp_audit_file *f;
	size_t n = strlen(dir);
	const char *name = path;

	/* the name as seen from the congress folder */
	if (strncmp(path, dir, n) == 0 && path[n] == '/')
		name = path + n + 1;
	a->files = kp_xrealloc(a->files, (a->n + 1) * sizeof(*a->files));
	f = &a->files[a->n++];
	f->name = kp_xstrdup(name);
	if (kp_sha256_file(path, f->sha256) != 0) {
		f->sha256[0] = '\0';
		kp_error_errno(sink, path, 0, 0, errno, "cannot read it to hash it");
		return KP_EXIT_IO;
	}
	return KP_EXIT_OK;
}

int kp_audit_congress(struct kp_audit *a, const struct kp_congress *cg,
		      struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK, st;
	size_t i, j;

	memset(a, 0, sizeof(*a));
	a->congress = kp_xstrdup(cg->dir);
	st = add(a, cg->dir, cg->contests_path, sink);
	status = st ? st : status;
	st = add(a, cg->dir, cg->candidates_path, sink);
	status = st ? st : status;
	for (i = 0; i < cg->n; i++)
		for (j = 0; j < cg->contests[i].nrounds; j++) {
			st = add(a, cg->dir, cg->contests[i].rounds[j].path, sink);
			status = st ? st : status;
		}
	return status;
}

void kp_audit_release(struct kp_audit *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->n; i++)
		free(a->files[i].name);
	free(a->files);
	free(a->congress);
	memset(a, 0, sizeof(*a));
}
