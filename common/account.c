#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "c-strcase.h"
#include "date.h"
#include "text.h"
#include "xalloc.h"

#define ACCOUNT_TEXT_MAX 200
#define ACCOUNT_RATE_CLASS_MAX 20

static const char *const field_names[ACCOUNT_NFIELDS] = {
	[ACCOUNT_NAME] = "name",
	[ACCOUNT_SERVICE_ADDRESS] = "service_address",
	[ACCOUNT_MAILING_ADDRESS] = "mailing_address",
	[ACCOUNT_PHONE] = "phone",
	[ACCOUNT_EMAIL] = "email",
	[ACCOUNT_RATE_CLASS] = "rate_class",
	[ACCOUNT_STATUS] = "status",
	[ACCOUNT_OPENED_ON] = "opened_on",
	[ACCOUNT_HEAT] = "heat",
	[ACCOUNT_LIFE_SUPPORT] = "life_support",
	[ACCOUNT_EBD] = "ebd",
	[ACCOUNT_MEDICAL_UNTIL] = "medical_until",
};

static int
fail(char *why, size_t whysize, const char *reason)
{
	if (whysize > 0)
		snprintf(why, whysize, "%s", reason);
	return -1;
}

static int
is_alnum(unsigned char c)
{
	/* not isalnum(): a locale must not let other letters into a key */
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z');
}

void
account_release(struct account *a)
{
	static const struct account init = ACCOUNT_INIT;

	free(a->number);
	free(a->name);
	free(a->service_address);
	free(a->mailing_address);
	free(a->phone);
	free(a->email);
	free(a->rate_class);
	free(a->status);
	*a = init;
}

int
account_number_check(const char *s, char *why, size_t whysize)
{
	const char *p;

	if (!*s)
		return fail(why, whysize, "empty");
	for (p = s; *p; p++)
		if (!is_alnum(*p) && *p != '-')
			return fail(why, whysize,
				    "letters, digits and '-' only");
	if (p - s > ACCOUNT_NUMBER_MAX)
		return fail(why, whysize, "longer than 20 characters");
	return 0;
}

int
account_status_check(const char *s, char *why, size_t whysize)
{
	static const char *const statuses[] = {
		"active", "off", "final", "closed", NULL
	};
	size_t i;

	if (!*s)
		return fail(why, whysize, "empty");
	for (i = 0; statuses[i]; i++)
		if (strcmp(s, statuses[i]) == 0)
			return 0;
	return fail(why, whysize, "not one of active, off, final, closed");
}

int
account_rate_class_check(const char *s, char *why, size_t whysize)
{
	const char *p;

	if (!*s)
		return fail(why, whysize, "empty");
	for (p = s; *p; p++)
		if (!is_alnum(*p) && *p != '-' && *p != '_')
			return fail(why, whysize,
				    "letters, digits, '-' and '_' only");
	if (p - s > ACCOUNT_RATE_CLASS_MAX)
		return fail(why, whysize, "longer than 20 characters");
	return 0;
}

int
account_flag_parse(const char *s, int *flag, char *why, size_t whysize)
{
	static const char *const yes[] = { "yes", "y", "1", "true", NULL };
	static const char *const no[] = { "no", "n", "0", "false", NULL };
	size_t i;

	/* any case (spreadsheets write TRUE), but not by the locale's rules */
	for (i = 0; yes[i]; i++)
		if (c_strcasecmp(s, yes[i]) == 0) {
			*flag = 1;
			return 0;
		}
	for (i = 0; no[i]; i++)
		if (c_strcasecmp(s, no[i]) == 0) {
			*flag = 0;
			return 0;
		}
	return fail(why, whysize, "not yes or no");
}

int
account_text_check(const char *s, char *why, size_t whysize)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if (text_control_len((const char *) p, 0))
			return fail(why, whysize,
				    "control characters are not allowed");
	if ((const char *)p - s > ACCOUNT_TEXT_MAX)
		return fail(why, whysize, "longer than 200 bytes");
	return 0;
}

const char *
account_field_name(enum account_field f)
{
	if ((unsigned)f >= ACCOUNT_NFIELDS)
		return NULL;
	return field_names[f];
}

static void
set_text(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

/* "" always means no date; "none" too where the field allows it */
static int
parse_date(const char *s, int none_clears, int *day, char *why,
	   size_t whysize)
{
	if (!*s || (none_clears && strcmp(s, "none") == 0)) {
		*day = DATE_NONE;
		return 0;
	}
	return date_parse(s, day, why, whysize);
}

int
account_set(struct account *a, enum account_field f, const char *value,
	    char *why, size_t whysize)
{
	char **text = NULL;
	int *flag = NULL;
	int n;

	switch (f) {
	case ACCOUNT_NAME:
		text = &a->name;
		break;
	case ACCOUNT_SERVICE_ADDRESS:
		text = &a->service_address;
		break;
	case ACCOUNT_MAILING_ADDRESS:
		text = &a->mailing_address;
		break;
	case ACCOUNT_PHONE:
		text = &a->phone;
		break;
	case ACCOUNT_EMAIL:
		text = &a->email;
		break;
	case ACCOUNT_RATE_CLASS:
		if (account_rate_class_check(value, why, whysize) < 0)
			return -1;
		set_text(&a->rate_class, value);
		return 0;
	case ACCOUNT_STATUS:
		if (account_status_check(value, why, whysize) < 0)
			return -1;
		set_text(&a->status, value);
		return 0;
	case ACCOUNT_OPENED_ON:
		/* an opening date is never "none": it is unknown or a date */
		if (parse_date(value, 0, &n, why, whysize) < 0)
			return -1;
		a->opened_on = n;
		return 0;
	case ACCOUNT_MEDICAL_UNTIL:
		if (parse_date(value, 1, &n, why, whysize) < 0)
			return -1;
		a->medical_until = n;
		return 0;
	case ACCOUNT_HEAT:
		flag = &a->heat;
		break;
	case ACCOUNT_LIFE_SUPPORT:
		flag = &a->life_support;
		break;
	case ACCOUNT_EBD:
		flag = &a->ebd;
		break;
	default:
		return fail(why, whysize, "no such field");
	}
	if (text) {
		if (account_text_check(value, why, whysize) < 0)
			return -1;
		set_text(text, value);
		return 0;
	}
	if (account_flag_parse(value, &n, why, whysize) < 0)
		return -1;
	*flag = n;
	return 0;
}

static const char *
copy_out(char *buf, size_t size, const char *s)
{
	if (size > 0)
		snprintf(buf, size, "%s", s ? s : "");
	return buf;
}

static const char *
date_out(char *buf, size_t size, int day)
{
	char tmp[DATE_BUFSZ];

	if (day == DATE_NONE)
		return copy_out(buf, size, "");
	return copy_out(buf, size, date_format(day, tmp));
}

const char *
account_get(const struct account *a, enum account_field f, char *buf,
	    size_t size)
{
	switch (f) {
	case ACCOUNT_NAME:
		return copy_out(buf, size, a->name);
	case ACCOUNT_SERVICE_ADDRESS:
		return copy_out(buf, size, a->service_address);
	case ACCOUNT_MAILING_ADDRESS:
		return copy_out(buf, size, a->mailing_address);
	case ACCOUNT_PHONE:
		return copy_out(buf, size, a->phone);
	case ACCOUNT_EMAIL:
		return copy_out(buf, size, a->email);
	case ACCOUNT_RATE_CLASS:
		return copy_out(buf, size, a->rate_class);
	case ACCOUNT_STATUS:
		return copy_out(buf, size, a->status);
	case ACCOUNT_OPENED_ON:
		return date_out(buf, size, a->opened_on);
	case ACCOUNT_MEDICAL_UNTIL:
		return date_out(buf, size, a->medical_until);
	case ACCOUNT_HEAT:
		return copy_out(buf, size, a->heat ? "yes" : "no");
	case ACCOUNT_LIFE_SUPPORT:
		return copy_out(buf, size, a->life_support ? "yes" : "no");
	case ACCOUNT_EBD:
		return copy_out(buf, size, a->ebd ? "yes" : "no");
	default:
		return copy_out(buf, size, "");
	}
}

static char *
copy_text(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
account_copy(struct account *dst, const struct account *src)
{
	account_release(dst);
	*dst = *src;
	dst->number = copy_text(src->number);
	dst->name = copy_text(src->name);
	dst->service_address = copy_text(src->service_address);
	dst->mailing_address = copy_text(src->mailing_address);
	dst->phone = copy_text(src->phone);
	dst->email = copy_text(src->email);
	dst->rate_class = copy_text(src->rate_class);
	dst->status = copy_text(src->status);
}

int
account_diff(const struct account *old, const struct account *new,
	     char *buf, size_t size)
{
	char a[256], b[256];
	size_t len = 0;
	int f, n = 0;

	if (size)
		buf[0] = '\0';
	for (f = 0; f < ACCOUNT_NFIELDS; f++) {
		account_get(old, f, a, sizeof a);
		account_get(new, f, b, sizeof b);
		if (strcmp(a, b) == 0)
			continue;
		if (len < size)
			len += snprintf(buf + len, size - len, "%s%s '%s' -> "
					"'%s'", n ? "; " : "",
					account_field_name(f), a, b);
		n++;
	}
	return n;
}
