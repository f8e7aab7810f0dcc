#ifndef KP_DIAGCODES_H
#define KP_DIAGCODES_H

#include <stddef.h>

/* The stable code of the diagnostic whose English format is fmt (the
 * format as passed to kp_error and friends), or "other". */
const char *kp_diag_code_of(const char *fmt);

/* Every format and its code, for the tests and the docs: the count, and
 * two arrays of that many strings. */
size_t kp_diag_codes(const char ***fmts, const char ***names);

#endif
