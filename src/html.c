/* Escaping text for the HTML pages (minutes, dashboard). */
#include "kiemphieu/html.h"

void kp_html_escape(struct kp_buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': kp_buf_addstr(b, "&amp;"); break;
		case '<': kp_buf_addstr(b, "&lt;"); break;
		case '>': kp_buf_addstr(b, "&gt;"); break;
		case '"': kp_buf_addstr(b, "&quot;"); break;
		case '\'': kp_buf_addstr(b, "&#39;"); break;
		default: kp_buf_addch(b, *s);
		}
}
