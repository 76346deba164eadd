#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "c-ctype.h"
#include "cert.h"
#include "date.h"
#include "money.h"

/* Appends a sentence to why, "; " between two. */
static void
say(char *why, size_t whysize, const char *fmt, ...)
{
	size_t len = strlen(why);
	va_list ap;

	if (len && len + 2 < whysize) {
		memcpy(why + len, "; ", 3);
		len += 2;
	}
	if (len + 1 >= whysize)
		return;
	va_start(ap, fmt);
	vsnprintf(why + len, whysize - len, fmt, ap);
	va_end(ap);
}

int
cert_standing(const struct cert_facts *f, int asof, char *why,
	      size_t whysize)
{
	char m[MONEY_BUFSZ], day[DATE_BUFSZ];
	int failed = 0;

	if (whysize)
		why[0] = '\0';
	if (f->closed) {
		say(why, whysize, "account closed");
		failed++;
	}
	if (f->balance > 0) {
		say(why, whysize, "balance %s owed",
		    money_format(f->balance, m));
		failed++;
	}
	if (f->agreement && *f->agreement) {
		say(why, whysize, "agreement %s in force", f->agreement);
		failed++;
	}
	if (f->notice && *f->notice && (f->notice_expires_on == DATE_NONE
					|| f->notice_expires_on >= asof)) {
		if (f->notice_expires_on == DATE_NONE)
			say(why, whysize, "notice %s in force", f->notice);
		else
			say(why, whysize, "notice %s in force until %s",
			    f->notice, date_format(f->notice_expires_on, day));
		failed++;
	}
	if (f->order && *f->order) {
		if (f->order_on == DATE_NONE)
			say(why, whysize, "shut-off order %s scheduled",
			    f->order);
		else
			say(why, whysize, "shut-off order %s scheduled for %s",
			    f->order, date_format(f->order_on, day));
		failed++;
	}
	if (f->dispute_open) {
		say(why, whysize, "billing dispute open");
		failed++;
	}
	return failed;
}

char *
cert_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, CERT_NUMBER_MAX, "FPC%04d-%06lld", year,
		 (long long) seq);
	return buf;
}

int
cert_code_make(const unsigned char *bytes, size_t n, char *code)
{
	static const char alphabet[] = CERT_CODE_ALPHABET;
	const unsigned size = sizeof alphabet - 1;
	/* the largest multiple of size that a byte holds: a byte at or
	 * above it would make the first characters likelier */
	const unsigned limit = 256 / size * size;
	size_t i, made = 0, at = 0;

	for (i = 0; i < n && made < CERT_CODE_LEN; i++) {
		if (bytes[i] >= limit)
			continue;
		if (made && made % 4 == 0)
			code[at++] = '-';
		code[at++] = alphabet[bytes[i] % size];
		made++;
	}
	code[at] = '\0';
	return made == CERT_CODE_LEN ? 0 : -1;
}

/* The characters of a code as typed, in capitals, without '-' and spaces,
 * into buf (CERT_CODE_LEN of them at most); returns how many there are,
 * all of them counted. */
static size_t
code_normalize(const char *s, char buf[CERT_CODE_LEN])
{
	size_t n = 0;

	for (; *s; s++) {
		if (*s == '-' || *s == ' ')
			continue;
		if (n < CERT_CODE_LEN)
			buf[n] = c_toupper((unsigned char)*s);
		n++;
	}
	return n;
}

int
cert_code_matches(const char *stored, const char *given)
{
	char a[CERT_CODE_LEN] = { 0 }, b[CERT_CODE_LEN] = { 0 };
	unsigned diff;
	size_t i;

	diff = code_normalize(stored, a) != CERT_CODE_LEN;
	diff |= code_normalize(given, b) != CERT_CODE_LEN;
	/* no early return: every character is compared */
	for (i = 0; i < CERT_CODE_LEN; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

const char *
cert_status_name(enum cert_status s)
{
	switch (s) {
	case CERT_VALID:
		return "valid";
	case CERT_EXPIRED:
		return "expired";
	case CERT_VOID:
		return "void";
	case CERT_UNKNOWN:
		break;
	}
	return "unknown";
}

enum cert_status
cert_verify_status(int found, int code_matches, int voided, int valid_until,
		   int today)
{
	if (!found || !code_matches)
		return CERT_UNKNOWN;
	if (voided)
		return CERT_VOID;
	if (today > valid_until)
		return CERT_EXPIRED;
	return CERT_VALID;
}
