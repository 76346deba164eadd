#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "text.h"

int
diag_set(struct diag *d, int status, const char *fmt, ...)
{
	va_list ap;

	d->status = status;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return -1;
}

void
diag_prefix(struct diag *d, const char *fmt, ...)
{
	char prefix[DIAG_MAX];
	size_t n, len;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(prefix, sizeof prefix - 2, fmt, ap);
	va_end(ap);
	strcat(prefix, ": ");
	n = strlen(prefix);
	len = strlen(d->msg);
	if (n + len >= sizeof d->msg)
		len = sizeof d->msg - n - 1;	/* the end of the message goes */
	memmove(d->msg + n, d->msg, len);
	memcpy(d->msg, prefix, n);
	d->msg[n + len] = '\0';
}

char *
diag_quote(char *buf, size_t size, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;

	if (size == 0)
		return buf;
	for (; *s; s++) {
		unsigned char c = *s;
		/* the controls text must not hold (text.h: C0, DEL, C1, the
		 * bidirectional ones) are shown byte by byte as \xHH, not
		 * sent to the terminal */
		size_t len = text_control_len(s, 0);
		size_t need = len ? 4 * len : 1;

		/* keep room for "..." and the NUL */
		if (n + need + 4 > size) {
			if (n + 4 <= size) {
				memcpy(buf + n, "...", 3);
				n += 3;
			}
			break;
		}
		if (!len) {
			buf[n++] = c;
			continue;
		}
		for (;;) {
			c = *s;
			buf[n++] = '\\';
			buf[n++] = 'x';
			buf[n++] = hex[c >> 4];
			buf[n++] = hex[c & 15];
			if (--len == 0)
				break;
			s++;
		}
	}
	buf[n] = '\0';
	return buf;
}

int
diag_word_check(const char *s, const char *const *words, char *why,
		size_t whysize)
{
	size_t i, len;

	for (i = 0; words[i]; i++)
		if (strcmp(s, words[i]) == 0)
			return 0;
	len = snprintf(why, whysize, "not ");
	for (i = 0; words[i] && len < whysize; i++)
		len += snprintf(why + len, whysize - len, "%s%s",
				i == 0 ? "" : words[i + 1] ? ", " : " or ",
				words[i]);
	return -1;
}
