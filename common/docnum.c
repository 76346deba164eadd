#include <config.h>

#include <string.h>

#include "docnum.h"

int
docnum_like(const char *s, char letter)
{
	int i;

	if (s[0] != letter)
		return 0;
	for (i = 1; i <= 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	if (s[5] != '-' || !s[6])
		return 0;
	for (s += 6; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int
docnum_parse(const char *s, char letter, int *year, int64_t *seq)
{
	size_t digits;
	int64_t n = 0;
	int y = 0, i;

	if (!docnum_like(s, letter))
		return -1;
	/* 6 to 9 digits: a place the series formats with %06, and a
	 * number that fits the records' fixed buffers */
	digits = strlen(s + 6);
	if (digits < 6 || digits > 9)
		return -1;
	for (i = 1; i <= 4; i++)
		y = y * 10 + (s[i] - '0');
	for (s += 6; *s; s++)
		n = n * 10 + (*s - '0');
	if (n < 1 || y < 1900)
		return -1;
	*year = y;
	*seq = n;
	return 0;
}
