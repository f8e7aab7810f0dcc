#ifndef KP_HTML_H
#define KP_HTML_H

#include "kiemphieu/buf.h"

/* Append s as HTML text or attribute value: & < > " ' become entities, so
 * that a name like <script> is only text. */
void kp_html_escape(struct kp_buf *b, const char *s);

#endif
