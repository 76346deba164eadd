#include <config.h>

#include "text.h"

size_t
text_control_len(const char *s, int lines)
{
	const unsigned char *p = (const unsigned char *) s;

	if (*p < 0x20 || *p == 0x7f) {
		if (!*p || (lines && (*p == '\n' || *p == '\t')))
			return 0;
		return 1;
	}
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	/* U+202A..U+202E are E2 80 AA..AE; U+2066..U+2069 are E2 81 A6..A9 */
	if (p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			     || (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
		return 3;
	return 0;
}

int
text_has_control(const char *s, int lines)
{
	for (; *s; s++)
		if (text_control_len(s, lines))
			return 1;
	return 0;
}
