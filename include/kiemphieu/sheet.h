#ifndef KP_SHEET_H
#define KP_SHEET_H

#include <stddef.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/tally.h"

/*
 * Ballot-entry sheets: the empty ballot file of a contest's next round, its
 * header made from candidates.csv, for the counting board to type the
 * ballots into (in Excel). The header is what the reader accepts by
 * construction, so a typed sheet is never rejected for its header.
 */

struct kp_sheet {
	const struct kp_contest *ct;
	unsigned round;		/* 1 for a contest not started */
	unsigned *nos;		/* the candidates on the list, by number */
	size_t n;
	int tie;		/* round 2+: only those tied in the last round */
	struct kp_seats seats;	/* what the round elects, by default */
	int present;		/* the congress has this round's file already,
				 * with no ballots yet (a sheet not typed in) */
};

/*
 * The sheets a congress needs next, from its tally: round 1 of each contest
 * not started (every candidate); round N+1 of each pending one (after a tie,
 * the tied candidates; else every candidate not yet elected, official or
 * reserve). A complete or closed contest needs none. Returns how many were
 * put in *out (allocated; release with kp_sheets_release).
 */
size_t kp_sheets_plan(const struct kp_results *res, struct kp_sheet **out);
void kp_sheets_release(struct kp_sheet *s, size_t n);

/* The file name of a sheet: "ID.csv" for round 1, "ID.rN.csv" after (or
 * .xlsx when xlsx). */
char *kp_sheet_name(const struct kp_sheet *s, int xlsx);

/* A column's name as the files written in the language head it: the
 * English one, or under Vietnamese its Vietnamese name (columns.h). */
const char *kp_sheet_column_name(const char *en);

/*
 * Append the sheet as a text file for Excel: UTF-16LE with its byte order
 * mark, fields separated by tabs, CRLF (what Excel opens in columns in any
 * regional settings, and saves as "Unicode Text"); its one row is the
 * header `ballot`, one column per candidate, `void`. A
 * candidate's column is the full name, or the number where the name would
 * not read back as that candidate alone (a shared name, a number, "ballot"
 * or "void") or could run as a formula in Excel (=, +, -, @).
 */
void kp_sheet_csv(struct kp_buf *b, const struct kp_sheet *s);

struct kp_book;

/*
 * Add the sheet to a workbook (book.h): the same header, bold and frozen,
 * the ballot ids and the void column as text, the candidates' cells
 * accepting only their form's marks (x; or y, n, yn) or nothing, and a
 * second sheet of instructions in Vietnamese.
 */
void kp_sheet_book(struct kp_book *bk, const struct kp_sheet *s);

#endif
