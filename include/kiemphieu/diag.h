#ifndef KP_DIAG_H
#define KP_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "kiemphieu/printf.h"

/*
 * Diagnostics. The library never prints: it reports every problem through a
 * sink that the caller sets up, as FILE:LINE:COL, a severity and a message.
 * A diagnostic is a fixed-size struct so that error paths need no
 * allocation. Messages are lower case with no final period; values taken
 * from the input are quoted with kp_diag_quote() and never used as a format.
 */

#define KP_DIAG_MSG_MAX 400
#define KP_DIAG_FILE_MAX 512

enum kp_severity {
	KP_SEV_ERROR,
	KP_SEV_WARNING
};

struct kp_diag {
	char file[KP_DIAG_FILE_MAX];	/* "" when the problem is not in a file */
	uint64_t line;			/* 1-based physical line, 0 for the whole file */
	uint64_t col;			/* 1-based character column, 0 when unknown */
	char letters[8];		/* the spreadsheet column: "C", or "" */
	int workbook;			/* in a workbook: col is the cell's column */
	enum kp_severity severity;
	const char *code;		/* stable, for scripts: "stray-quote" */
	char msg[KP_DIAG_MSG_MAX];	/* in the language of the messages */
	char msg_en[KP_DIAG_MSG_MAX];	/* untranslated, for machine output */
};

/* Receives each diagnostic; the struct is only valid during the call. */
typedef void kp_diag_fn(void *ctx, const struct kp_diag *d);

struct kp_diag_sink {
	kp_diag_fn *emit;	/* may be NULL: diagnostics are only counted */
	void *ctx;
	uint64_t errors;	/* counted by kp_diag_report(), including suppressed ones */
	uint64_t warnings;
};

/* A sink that calls emit(ctx, ...) for every diagnostic. */
void kp_diag_sink_init(struct kp_diag_sink *s, kp_diag_fn *emit, void *ctx);

/* Count and pass on a diagnostic made elsewhere (e.g. by a collector). */
void kp_diag_report(struct kp_diag_sink *s, const struct kp_diag *d);

/*
 * Report an error at file:line:col (line or col 0 when unknown) and return
 * KP_EXIT_DATA, so that `return kp_error(...)` reads well.
 */
int kp_error(struct kp_diag_sink *s, const char *file, uint64_t line,
	     uint64_t col, const char *fmt, ...)
	KP_PRINTF(5, 6);

/*
 * Report an error from the system: the message, then ": " and errnum's
 * description (strerror), in the language of the messages for people and
 * in English for machine output. Returns KP_EXIT_IO.
 */
int kp_error_errno(struct kp_diag_sink *s, const char *file, uint64_t line,
		   uint64_t col, int errnum, const char *fmt, ...)
	KP_PRINTF(6, 7);

/* Report a diagnostic of either severity (an error or a warning, as the
 * caller decides); returns KP_EXIT_DATA for an error, else KP_EXIT_OK. */
int kp_diag(struct kp_diag_sink *s, enum kp_severity sev, const char *file,
	    uint64_t line, uint64_t col, const char *fmt, ...)
	KP_PRINTF(6, 7);

/* Report a warning; it does not change any status. */
void kp_warning(struct kp_diag_sink *s, const char *file, uint64_t line,
		uint64_t col, const char *fmt, ...)
	KP_PRINTF(5, 6);

/*
 * Quote len bytes of input text for a message into out (size outsz >= 8):
 * control characters become \xNN, and text longer than about 48 characters
 * is cut at a character boundary and ends in "...". Returns out.
 */
char *kp_diag_quote(char *out, size_t outsz, const char *s, size_t len);

/*
 * A CSV column can carry the number of its field (from 1) above its
 * character column: the diagnostic then says which spreadsheet column the
 * field is in ("column C: ..."), beside FILE:LINE:COL. kp_csv_col() gives
 * such columns; in a workbook (.xlsx), the column is the cell's and the
 * message names the cell ("cell C37: ...").
 */
#define KP_DIAG_FIELD_SHIFT 40
#define KP_DIAG_FIELD(col, field) \
	((uint64_t)(col) | ((uint64_t)(field) << KP_DIAG_FIELD_SHIFT))

/* What a diagnostic's message is preceded by: "cell C37: " in a
 * workbook, "column C: " in CSV, or "" (in the language of the messages
 * when translated, else in English). */
const char *kp_diag_where(const struct kp_diag *d, int translated, char out[48]);

/* A column's letters as a spreadsheet writes them: 1 A, 27 AA. */
char *kp_diag_column_letters(char out[8], uint64_t col);

/*
 * A collector keeps diagnostics in memory, at most `keep` of them (the rest
 * are only counted), so that diagnostics from parallel work can be put back
 * in input order before they are released.
 */
struct kp_diag_list {
	struct kp_diag *items;
	size_t n, alloc, keep;
	uint64_t dropped_errors, dropped_warnings;
	uint64_t line_base;	/* added to every line when released */
	struct kp_diag_sink sink;	/* report into the list through this */
};

void kp_diag_list_init(struct kp_diag_list *l, size_t keep);
void kp_diag_list_release(struct kp_diag_list *l);
/* Forget everything collected so far. */
void kp_diag_list_clear(struct kp_diag_list *l);

/*
 * Release the diagnostics of lists[0..n) into out, sorted by line then
 * column (stable: equal positions keep their order, earlier lists first),
 * after adding each list's line_base; count the dropped ones in out too.
 * The lists are cleared.
 */
void kp_diag_list_flush(struct kp_diag_list *lists, size_t n,
			struct kp_diag_sink *out);

#endif
