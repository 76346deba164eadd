#include <config.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "money.h"

/* |sum| above this is refused by money_add: a thousand times the largest
 * amount, so that no real balance comes near it and int64_t never does. */
#define MONEY_SUM_LIMIT (MONEY_LIMIT * 1000)

static int
fail(char *why, size_t whysize, const char *reason)
{
	if (why && whysize)
		snprintf(why, whysize, "%s", reason);
	return -1;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

/* A clerk pasting from a spreadsheet or a bank statement brings '$', or
 * UTF-8 cent, pound, yen and euro signs: name the problem, not just "not a
 * number". */
static int
has_currency_sign(const char *s)
{
	static const char *const signs[] = {
		"$", "\xc2\xa2", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xac"
	};
	size_t i;

	for (i = 0; i < sizeof signs / sizeof signs[0]; i++)
		if (strstr(s, signs[i]))
			return 1;
	return 0;
}

int
money_parse(const char *s, int64_t *cents, char *why, size_t whysize)
{
	const char *p, *digits;
	uint64_t value = 0;
	int negative = 0, decimals = 0;

	if (!s || !*s)
		return fail(why, whysize, "empty");
	for (p = s; *p; p++)
		if (is_space((unsigned char) *p))
			return fail(why, whysize, "spaces are not allowed");
	if (has_currency_sign(s))
		return fail(why, whysize, "currency signs are not allowed");
	if (strchr(s, ','))
		return fail(why, whysize,
			    "thousands separators are not allowed");

	p = s;
	if (*p == '-') {
		negative = 1;
		p++;
	}
	digits = p;
	/* Stop adding digits once past the limit, so that a long string of
	 * digits cannot overflow; the limit check below refuses it anyway. */
	for (; *p >= '0' && *p <= '9'; p++)
		if (value <= (uint64_t) MONEY_LIMIT)
			value = value * 10 + (uint64_t) (*p - '0');
	if (p == digits)
		return fail(why, whysize, "not a number");
	value = value <= (uint64_t) MONEY_LIMIT ? value * 100 : value;
	if (*p == '.') {
		digits = ++p;
		for (; *p >= '0' && *p <= '9'; p++)
			decimals++;
		if (decimals == 0 || *p)
			return fail(why, whysize, "not a number");
		if (decimals > 2)
			return fail(why, whysize, "more than two decimals");
		value += (uint64_t) (digits[0] - '0') * 10;
		if (decimals == 2)
			value += (uint64_t) (digits[1] - '0');
	}
	if (*p)
		return fail(why, whysize, "not a number");
	if (value > (uint64_t) MONEY_LIMIT) {
		char limit[MONEY_BUFSZ], reason[64];

		snprintf(reason, sizeof reason, "beyond the limit of %s",
			 money_format(MONEY_LIMIT, limit));
		return fail(why, whysize, reason);
	}
	*cents = negative ? -(int64_t) value : (int64_t) value;
	return 0;
}

/* The magnitude as unsigned, so that INT64_MIN has one too. */
static uint64_t
magnitude(int64_t cents)
{
	return cents < 0 ? -(uint64_t) cents : (uint64_t) cents;
}

char *
money_format(int64_t cents, char *buf)
{
	uint64_t m = magnitude(cents);

	snprintf(buf, MONEY_BUFSZ, "%s%" PRIu64 ".%02u", cents < 0 ? "-" : "",
		 m / 100, (unsigned) (m % 100));
	return buf;
}

char *
money_format_human(int64_t cents, char *buf)
{
	char units[24], *out = buf;
	uint64_t m = magnitude(cents);
	size_t len, i;

	len = (size_t) snprintf(units, sizeof units, "%" PRIu64, m / 100);
	if (cents < 0)
		*out++ = '-';
	*out++ = '$';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			*out++ = ',';
		*out++ = units[i];
	}
	snprintf(out, MONEY_BUFSZ - (size_t) (out - buf), ".%02u",
		 (unsigned) (m % 100));
	return buf;
}

int
money_add(int64_t a, int64_t b, int64_t *sum)
{
	int64_t r;

	if (__builtin_add_overflow(a, b, &r) || r > MONEY_SUM_LIMIT ||
	    r < -MONEY_SUM_LIMIT)
		return -1;
	*sum = r;
	return 0;
}
