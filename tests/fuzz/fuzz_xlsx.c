/*
 * libFuzzer target: the workbook reader (src/xlsx.c). The first byte picks
 * the mode. Odd: the rest is the file itself, a zip (the corpus holds
 * workbooks as Excel, LibreOffice and kiemphieu write them). Even: the rest
 * is XML, split at each 0xff byte into the sheet, the shared strings, the
 * styles and the workbook, zipped here into a well-formed archive so that
 * the mutations reach the XML handlers rather than stop at a CRC. Within
 * small limits, so that a zip bomb costs little; with the top bit of the
 * first byte, the rows are read side by side by two workers in chunks of
 * 64 bytes, so that every cut the chunking can make is tried.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <zip.h>

#include "kiemphieu/csv.h"
#include "../../src/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int row(void *ctx, const struct kp_csv_record *r, struct kp_diag_sink *sink)
{
	size_t *sum = ctx, i;

	(void)sink;
	for (i = 0; i < r->nfields; i++)
		*sum += r->fields[i].len + (size_t)(unsigned char)r->fields[i].s[0] +
			(size_t)kp_csv_col(r, i);
	return *sum % 977 == 3; /* sometimes stop early, as a handler may */
}

static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char book[] =
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
	"</sheets></workbook>";

/* The XML parts of the input, zipped into the memfd fd. */
static int zip_parts(const uint8_t *p, size_t n, int fd)
{
	static const char *const names[] = {
		"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
		"xl/workbook.xml"
	};
	zip_source_t *src, *part;
	zip_error_t err;
	zip_t *z;
	size_t i = 0, start = 0, k;
	zip_stat_t st;
	char buf[4096];
	zip_int64_t got;
	int have_book = 0, rc = -1;

	zip_error_init(&err);
	src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		goto out;
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	if (!z) {
		zip_source_free(src);
		goto out;
	}
	for (k = 0; k <= n && i < 4; k++)
		if (k == n || p[k] == 0xff) {
			part = zip_source_buffer(z, p + start, k - start, 0);
			if (part && zip_file_add(z, names[i], part, ZIP_FL_OVERWRITE) < 0)
				zip_source_free(part);
			have_book |= i == 3;
			i++;
			start = k + 1;
		}
	if (!have_book)
		zip_file_add(z, "xl/workbook.xml", zip_source_buffer(z, book, strlen(book), 0), 0);
	zip_file_add(z, "xl/_rels/workbook.xml.rels", zip_source_buffer(z, rels, strlen(rels), 0), 0);
	if (zip_close(z) != 0) {
		zip_discard(z);
		zip_source_free(src);
		goto out;
	}
	/* the archive made in memory, to the file */
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		rc = 0;
		while ((got = zip_source_read(src, buf, sizeof(buf))) > 0)
			if (write(fd, buf, (size_t)got) != got)
				rc = -1;
		zip_source_close(src);
	}
	zip_source_free(src);
out:
	zip_error_fini(&err);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct kp_csv_handler h = { row, row, NULL, NULL, NULL };
	/* chunks of 64 bytes: the rows read side by side are cut everywhere */
	static const struct kp_xlsx_limits lim = { 1u << 20, 4u << 20, 1u << 20, 64 };
	struct kp_diag_sink sink;
	size_t sum = 0;
	char path[64], sha[65];
	int fd;

	if (size < 1)
		return 0;
	fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return 0;
	if (data[0] & 1) {
		if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
			close(fd);
			return 0;
		}
	} else if (zip_parts(data + 1, size - 1, fd) != 0) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	kp_diag_sink_init(&sink, NULL, NULL);
	kp_xlsx_read_within(path, "fuzz.xlsx", &h, &sum, &sink, sha, &lim,
			    1 + (data[0] >> 7));
	close(fd);
	return 0;
}
