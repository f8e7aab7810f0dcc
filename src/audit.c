/* The audit trail: the SHA-256 of every input of a result. */
#include "kiemphieu/audit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kiemphieu/exit.h"
#include "kiemphieu/sha256.h"
#include "kiemphieu/xalloc.h"
#include "os.h"

int kp_sha256_file(const char *path, char out[65])
{
	struct kp_sha256 *h;
	char *buf;
	uint64_t off = 0;
	ssize_t n;
	int fd = kp_os_open_input(path, NULL);

	if (fd < -1)
		errno = EINVAL;
	if (fd < 0)
		return -1;
	h = kp_sha256_new();
	buf = kp_xmalloc(1 << 16);
	while ((n = kp_os_pread(fd, buf, 1 << 16, off)) > 0) {
		kp_sha256_update(h, buf, (size_t)n);
		off += (uint64_t)n;
	}
	if (n == 0)
		kp_sha256_final(h, out);
	kp_sha256_free(h);
	kp_os_close(fd);
	free(buf);
	return n == 0 ? 0 : -1;
}

/* Add path with the hash it was read with (known, or "" to hash it now). */
static int add(struct kp_audit *a, const char *dir, const char *path,
	       const char *known, struct kp_diag_sink *sink)
{
	struct kp_audit_file *f;
	size_t n = strlen(dir);
	const char *name = path;

	/* the name as seen from the congress folder */
	if (strncmp(path, dir, n) == 0 && kp_os_is_sep((unsigned char)path[n]))
		name = path + n + 1;
	a->files = kp_xpush(a->files, a->n, sizeof(*a->files));
	f = &a->files[a->n++];
	f->name = kp_xstrdup(name);
	/* recorded with '/' on every system: results made on Windows are
	 * verified anywhere */
	for (char *c = f->name; *c; c++)
		if (kp_os_is_sep((unsigned char)*c))
			*c = '/';
	if (known && known[0]) {
		memcpy(f->sha256, known, 65);
		return KP_EXIT_OK;
	}
	if (kp_sha256_file(path, f->sha256) != 0) {
		f->sha256[0] = '\0';
		kp_error_errno(sink, path, 0, 0, errno, "cannot read it to hash it");
		return KP_EXIT_IO;
	}
	return KP_EXIT_OK;
}

/* The hash round file rf of a contest was counted with, or NULL when it
 * was not (cr: the contest's results, or NULL). */
static const char *counted(const struct kp_contest_result *cr,
			   const struct kp_round_file *rf)
{
	size_t j;

	for (j = 0; cr && j < cr->nrounds; j++)
		if (cr->rounds[j].path == rf->path)
			return cr->rounds[j].sha256;
	return NULL;
}

int kp_audit_congress(struct kp_audit *a, const struct kp_congress *cg,
		      const struct kp_results *res, struct kp_diag_sink *sink)
{
	int status = KP_EXIT_OK, st;
	size_t i, j, k = 0;

	memset(a, 0, sizeof(*a));
	a->congress = kp_xstrdup(cg->dir);
	st = add(a, cg->dir, cg->contests_path, cg->contests_sha256, sink);
	status = st ? st : status;
	st = add(a, cg->dir, cg->candidates_path, cg->candidates_sha256, sink);
	status = st ? st : status;
	if (cg->has_rounds) {
		st = add(a, cg->dir, cg->rounds_path, cg->rounds_sha256, sink);
		status = st ? st : status;
	}
	if (cg->has_previous) {
		st = add(a, cg->dir, cg->previous_path, cg->previous_sha256, sink);
		status = st ? st : status;
	}
	for (i = 0; i < cg->n; i++) {
		/* the results are in the congress's order, broken contests
		 * left out: walked beside it, not searched */
		const struct kp_contest_result *cr = NULL;

		if (res && k < res->n && res->contests[k].ct == &cg->contests[i])
			cr = &res->contests[k++];
		for (j = 0; j < cg->contests[i].nrounds; j++) {
			const struct kp_round_file *rf = &cg->contests[i].rounds[j];

			st = add(a, cg->dir, rf->path, counted(cr, rf), sink);
			status = st ? st : status;
		}
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
