/*
 * The program's side of kiemphieu's modules: what needs a large library is
 * built into a module of its own, loaded the first time it is used, so that
 * a run that writes no PDF and reads no workbook never loads pango, cairo,
 * libzip or libxlsxwriter (their loading cost more than counting a small
 * congress). Each function here stands for the one of the same name in
 * the module (src/pdf.c; src/xlsx.c and src/book_xlsx.c); the library
 * itself (libkiemphieu.a, the tests, the tools) holds the real ones. A
 * module that cannot be loaded is an error where it is needed, as a
 * program built without it.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "book_model.h"
#include "doc.h"
#include "kiemphieu/exit.h"
#include "os.h"
#include "xlsx.h"

/* A module's function into *fn (a function pointer), NULL when it cannot
 * be loaded: POSIX guarantees a function's address fits a void *. */
static void module_fn(void *fn, size_t size, const char *module, const char *sym,
		      const char **why)
{
	void *p = kp_os_module_sym(module, sym, why);

	memset(fn, 0, size);
	if (p)
		memcpy(fn, &p, size < sizeof(p) ? size : sizeof(p));
}

int kp_doc_pdf(struct kp_buf *b, const struct kp_doc *d, const char **why)
{
	static char reason[320];
	int (*fn)(struct kp_buf *, const struct kp_doc *, const char **);
	const char *w = NULL;

	module_fn(&fn, sizeof(fn), "pdf", "kp_doc_pdf", &w);
	if (fn)
		return fn(b, d, why);
	snprintf(reason, sizeof(reason), "kiemphieu's PDF module cannot be loaded: %s", w);
	*why = reason;
	return -1;
}

int kp_xlsx_read(const char *path, const char *name, const struct kp_csv_handler *h,
		 void *ctx, struct kp_diag_sink *sink, char sha256[65], unsigned threads)
{
	const char *why = NULL;
	int (*fn)(const char *, const char *, const struct kp_csv_handler *, void *,
		  struct kp_diag_sink *, char *, unsigned);

	module_fn(&fn, sizeof(fn), "xlsx", "kp_xlsx_read", &why);
	if (!fn)
		return kp_error(sink, name ? name : path, 0, 0, "cannot read an Excel "
				"workbook: kiemphieu's Excel module cannot be loaded (%s)",
				why), KP_EXIT_IO;
	return fn(path, name, h, ctx, sink, sha256, threads);
}

int kp_book_write_xlsx(const struct kp_book *b, const char *path, const char **why)
{
	int (*fn)(const struct kp_book *, const char *, const char **);

	module_fn(&fn, sizeof(fn), "xlsx", "kp_book_write_xlsx", why);
	return fn ? fn(b, path, why) : -1;
}
