#ifndef KP_JSONBUF_H
#define KP_JSONBUF_H

/* Private to the library's JSON writers (report.c, progress.c). */

#include <jansson.h>
#include <stdlib.h>

#include "kiemphieu/buf.h"
#include "kiemphieu/xalloc.h"

/* Every JSON kiemphieu writes: keys in the order set, no spaces, and
 * numbers printed as written (66.67, not 66.670000000000002). */
#define KP_JSON_FLAGS (JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_REAL_PRECISION(15))

/* Append the dump of j to b, then drop the reference to j. */
static inline void kp_json_put(struct kp_buf *b, json_t *j)
{
	char *s = json_dumps(j, KP_JSON_FLAGS | JSON_ENCODE_ANY);

	if (!s)
		kp_xdie_oom(0); /* jansson fails only without memory */
	kp_buf_addstr(b, s);
	free(s);
	json_decref(j);
}

#endif
