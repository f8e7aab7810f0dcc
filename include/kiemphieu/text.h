#ifndef KP_TEXT_H
#define KP_TEXT_H

#include <stddef.h>
#include <string.h>

#include "kiemphieu/buf.h"

/*
 * Unicode text, on libunistring. All text inside kiemphieu is UTF-8 in NFC,
 * so that a decomposed "Nguyễn" typed on one machine equals a precomposed
 * one typed on another.
 */

/* Non-zero when s[0..len) is valid UTF-8. */
int kp_text_valid(const char *s, size_t len);

/*
 * The NFC form of the valid UTF-8 string s[0..len), as a new NUL-terminated
 * string the caller frees; leading and trailing spaces are dropped and runs
 * of inner white space become one space, since a typist's stray space must
 * not make two names differ. For the same reason characters that show
 * nothing (a byte order mark inside the text, zero-width spaces and
 * joiners, the word joiner, the soft hyphen) are dropped and other spaces
 * (no-break, thin, ideographic...) are spaces.
 */
char *kp_text_nfc(const char *s, size_t len);

/* The same into buf (cap bytes) when it fits there and needs no composing
 * (ASCII, precomposed Latin: the common case, with no allocation), else
 * allocated: the caller frees the result when it is not buf.
 * KP_TEXT_SHORT is room enough for a word or a name. */
#define KP_TEXT_SHORT 128
char *kp_text_nfc_in(const char *s, size_t len, char *buf, size_t cap);

/* An id (a ballot's, an org's) folded as kp_text_nfc folds a name, and in
 * NFKC: a fullwidth digit is its digit. ASCII comes back as it is. */
char *kp_text_fold_id(const char *s, size_t len);

/* The offset of the first C1 control character (U+0080..U+009F) or mark
 * that reorders text (U+061C, U+200E, U+200F, U+202A..U+202E,
 * U+2066..U+2069) in the valid UTF-8 s[0..len), or len. */
size_t kp_text_find_hidden(const char *s, size_t len);

/* Append s for a terminal or a log: control characters (C0, DEL, C1),
 * invisible characters and marks that reorder text as \xNN or \uNNNN,
 * and bytes that are not UTF-8 as \xNN, so that no name can forge a line
 * or move the cursor. */
void kp_text_add_safe(struct kp_buf *b, const char *s);

/* The same, as a new string. */
char *kp_text_safe(const char *s);

/* The number of terminal columns that the UTF-8 string s takes. */
size_t kp_text_width(const char *s);

/* Append s padded with spaces to `width` terminal columns: on the right
 * (left-aligned) or, for kp_text_rcell, on the left (right-aligned). */
void kp_text_cell(struct kp_buf *b, const char *s, size_t width);
/* kp_text_cell, but a text wider than width is cut to it, ending in "…". */
void kp_text_cell_cut(struct kp_buf *b, const char *s, size_t width);
void kp_text_rcell(struct kp_buf *b, const char *s, size_t width);

/* ASCII case-insensitive equality of s[0..len) and the C string t. */
int kp_text_eq_ascii_ci(const char *s, size_t len, const char *t);

/* Whether s[0..len), spaces folded, is the UTF-8 text t in any case and any
 * canonically equivalent form (libunistring u8_casecmp). */
int kp_text_eq_ci(const char *s, size_t len, const char *t);

/* The same with s already as kp_text_nfc() makes it (for comparing one
 * cell with many words: NFC once). */
int kp_text_eq_ci_nfc(const char *a, size_t alen, const char *t);

/*
 * The caseless key of s, for comparing one cell with a table of words
 * without kp_text_eq_ci's work for each: white space folded as
 * kp_text_nfc folds it and every letter in lower case, into key (cap
 * bytes, NUL-terminated). Its length, or -1 when s holds anything beyond
 * ASCII and the precomposed Latin letters whose case folding is their
 * lower case (then compare with kp_text_eq_ci), or the key does not fit.
 * For such an s and a word w that is its own key, kp_text_eq_ci(s, w) is
 * strcmp(key, w) == 0 (the unit test text_key_is_caseless_nfc checks every
 * letter this admits against libunistring).
 */
long kp_text_key(const char *s, size_t len, char *key, size_t cap);

/*
 * A cell made ready to be compared with many words, as kp_text_eq_ci
 * compares: by its key (one strcmp a word) when it has one, else by its
 * NFC, made once; a cell that is not UTF-8 is no word. Every word given to
 * kp_text_cell_is must be its own kp_text_key (each table's unit test says
 * so of its words). Released after.
 */
struct kp_text_cell {
	char *nfc;		/* without a key: its NFC (NULL: not UTF-8) */
	size_t nlen;
	int key;		/* buf holds its kp_text_key */
	char buf[KP_TEXT_SHORT];
};
void kp_text_cell_init(struct kp_text_cell *c, const char *s, size_t len);
void kp_text_cell_release(struct kp_text_cell *c);

/* (inline: a cell is compared with every word of a table) */
static inline int kp_text_cell_is(const struct kp_text_cell *c, const char *word)
{
	if (c->key)
		return c->buf[0] == word[0] && strcmp(c->buf, word) == 0;
	return c->nfc && kp_text_eq_ci_nfc(c->nfc, c->nlen, word);
}

#endif
