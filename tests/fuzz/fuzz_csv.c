/*
 * libFuzzer target: the CSV reader with its encoding and delimiter
 * detection. The first byte picks the options; the rest is the file.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kiemphieu/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int record(void *ctx, const struct kp_csv_record *r,
		  struct kp_diag_sink *sink)
{
	size_t *sum = ctx, i;

	(void)sink;
	for (i = 0; i < r->nfields; i++)
		*sum += r->fields[i].len + (size_t)(unsigned char)r->fields[i].s[0];
	if (r->nfields)
		*sum += kp_csv_col(r, r->nfields - 1);
	return 0;
}

static void reset(void *ctx)
{
	*(size_t *)ctx = 0;
}

static void merge(void **ctx, unsigned n, struct kp_diag_sink *sink)
{
	(void)ctx;
	(void)n;
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct kp_csv_handler h = { record, record, reset, merge, NULL };
	static const enum kp_encoding enc[] = {
		KP_ENC_AUTO, KP_ENC_UTF8, KP_ENC_UTF16LE, KP_ENC_UTF16BE, KP_ENC_CP1258
	};
	static const char delim[] = { 0, ',', ';', '\t' };
	struct kp_csv_opts o;
	struct kp_diag_sink sink;
	size_t sum[2] = { 0, 0 };
	void *ctx[2] = { &sum[0], &sum[1] };
	char path[64];
	int fd;

	if (size < 1)
		return 0;
	kp_csv_opts_init(&o);
	o.encoding = enc[data[0] % 5];
	o.delimiter = delim[(data[0] / 5) % 4];
	o.threads = 1 + (data[0] / 20) % 2;
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	kp_diag_sink_init(&sink, NULL, NULL);
	kp_csv_read(path, "fuzz.csv", &o, &h, ctx, 2, &sink);
	close(fd);
	return 0;
}
