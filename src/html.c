/* Escaping text for the HTML pages (minutes, dashboard). */
#include "kiemphieu/html.h"

#include <string.h>

void kp_html_escape(struct kp_buf *b, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "&<>\"'");

		kp_buf_add(b, s, n); /* the plain run, at once */
		s += n;
		switch (*s) {
		case '&': kp_buf_addstr(b, "&amp;"); break;
		case '<': kp_buf_addstr(b, "&lt;"); break;
		case '>': kp_buf_addstr(b, "&gt;"); break;
		case '"': kp_buf_addstr(b, "&quot;"); break;
		case '\'': kp_buf_addstr(b, "&#39;"); break;
		default: return; /* the end */
		}
		s++;
	}
}
