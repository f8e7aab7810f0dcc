/* SHA-256 of input files, with nettle: no hash written by hand. */
#include "kiemphieu/audit.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/xalloc.h"

int kp_sha256_file(const char *path, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	char *buf = kp_xmalloc(1 << 16);
	ssize_t n;
	size_t i;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		free(buf);
		return -1;
	}
	sha256_init(&ctx);
	while ((n = read(fd, buf, 1 << 16)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			free(buf);
			return -1;
		}
		sha256_update(&ctx, (size_t)n, (const uint8_t *)buf);
	}
	close(fd);
	free(buf);
	sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
	for (i = 0; i < SHA256_DIGEST_SIZE; i++) {
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
		kp_error(sink, path, 0, 0, "cannot read it to hash it: %s",
			 strerror(errno));
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
