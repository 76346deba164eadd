#include <config.h>

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affidavit.h"
#include "clerk.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "text.h"
#include "xalloc.h"

static const char *const kind_names[AFFIDAVIT_NKINDS] = {
	"tenant", "identity", "medical", "hardship", "statement"
};

static const char *const status_names[] = { "prepared", "signed",
	"received" };

#define STORE_FIELDS \
	{ "account", AFFIDAVIT_TEXT, AFFIDAVIT_FROM_STORE, NULL }, \
	{ "name", AFFIDAVIT_TEXT, AFFIDAVIT_FROM_STORE, NULL }, \
	{ "service_address", AFFIDAVIT_TEXT, AFFIDAVIT_FROM_STORE, NULL }, \
	{ "mailing_address", AFFIDAVIT_TEXT, AFFIDAVIT_FROM_STORE, NULL }, \
	{ "phone", AFFIDAVIT_TEXT, AFFIDAVIT_FROM_STORE, NULL }

static const struct affidavit_field_spec tenant[] = {
	STORE_FIELDS,
	{ "landlord_name", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "landlord_address", AFFIDAVIT_LONG_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "landlord_phone", AFFIDAVIT_TEXT, AFFIDAVIT_OPTIONAL, NULL },
	{ "tenant_name", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, "name" },
	{ "unit", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "lease_start", AFFIDAVIT_DATE, AFFIDAVIT_REQUIRED, NULL },
	{ "lease_end", AFFIDAVIT_DATE, AFFIDAVIT_OPTIONAL, NULL },
};

static const struct affidavit_field_spec identity[] = {
	STORE_FIELDS,
	{ "full_name", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, "name" },
	{ "date_of_birth", AFFIDAVIT_PAST_DATE, AFFIDAVIT_REQUIRED, NULL },
	{ "id_type", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "id_number", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "resident_since", AFFIDAVIT_PAST_DATE, AFFIDAVIT_REQUIRED, NULL },
};

static const struct affidavit_field_spec medical[] = {
	STORE_FIELDS,
	{ "patient_name", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "relation_to_customer", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "physician_name", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "physician_license", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "physician_phone", AFFIDAVIT_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "condition_summary", AFFIDAVIT_LONG_TEXT, AFFIDAVIT_OPTIONAL, NULL },
};

static const struct affidavit_field_spec hardship[] = {
	STORE_FIELDS,
	{ "household_size", AFFIDAVIT_COUNT, AFFIDAVIT_REQUIRED, NULL },
	{ "monthly_income", AFFIDAVIT_MONEY, AFFIDAVIT_REQUIRED, NULL },
	{ "income_sources", AFFIDAVIT_LONG_TEXT, AFFIDAVIT_REQUIRED, NULL },
	{ "monthly_expenses", AFFIDAVIT_MONEY, AFFIDAVIT_OPTIONAL, NULL },
	{ "reason", AFFIDAVIT_LONG_TEXT, AFFIDAVIT_REQUIRED, NULL },
};

static const struct affidavit_field_spec statement[] = {
	STORE_FIELDS,
	{ "subject", AFFIDAVIT_TEXT, AFFIDAVIT_OPTIONAL, NULL },
	{ "statement", AFFIDAVIT_LONG_TEXT, AFFIDAVIT_REQUIRED, NULL },
};

static const struct {
	const struct affidavit_field_spec *spec;
	size_t n;
} catalogue[AFFIDAVIT_NKINDS] = {
	{ tenant, sizeof tenant / sizeof tenant[0] },
	{ identity, sizeof identity / sizeof identity[0] },
	{ medical, sizeof medical / sizeof medical[0] },
	{ hardship, sizeof hardship / sizeof hardship[0] },
	{ statement, sizeof statement / sizeof statement[0] },
};

/* Pairs of dates that must be in order: earlier on or before later (or,
 * with strict, before it). */
static const struct {
	enum affidavit_kind kind;
	const char *earlier, *later;
	int strict;
} date_orders[] = {
	{ AFFIDAVIT_TENANT, "lease_start", "lease_end", 1 },
	{ AFFIDAVIT_IDENTITY, "date_of_birth", "resident_since", 0 },
};

static int
fail(char *why, size_t whysize, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, whysize, fmt, ap);
	va_end(ap);
	return -1;
}

int
affidavit_kind_parse(const char *s, enum affidavit_kind *k)
{
	int i;

	for (i = 0; i < AFFIDAVIT_NKINDS; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*k = i;
			return 0;
		}
	return -1;
}

const char *
affidavit_kind_name(enum affidavit_kind k)
{
	return (unsigned) k < AFFIDAVIT_NKINDS ? kind_names[k] : NULL;
}

const char *
affidavit_kind_list(void)
{
	return "tenant, identity, medical, hardship or statement";
}

int
affidavit_status_parse(const char *s, enum affidavit_status *st)
{
	size_t i;

	for (i = 0; i < sizeof status_names / sizeof status_names[0]; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*st = i;
			return 0;
		}
	return -1;
}

const char *
affidavit_status_name(enum affidavit_status st)
{
	return (unsigned) st <= AFFIDAVIT_RECEIVED ? status_names[st] : NULL;
}

const struct affidavit_field_spec *
affidavit_fields(enum affidavit_kind k, size_t *n)
{
	if ((unsigned) k >= AFFIDAVIT_NKINDS) {
		*n = 0;
		return NULL;
	}
	*n = catalogue[k].n;
	return catalogue[k].spec;
}

void
affidavit_form_init(struct affidavit_form *f, enum affidavit_kind k)
{
	memset(f, 0, sizeof *f);
	f->kind = k;
	f->spec = affidavit_fields(k, &f->n);
}

void
affidavit_form_release(struct affidavit_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->value[i]);
		f->value[i] = NULL;
		f->given[i] = 0;
	}
}

static int
find(const struct affidavit_form *f, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strlen(f->spec[i].name) == len
		    && memcmp(f->spec[i].name, name, len) == 0)
			return (int) i;
	return -1;
}

/* The length in characters of s, valid UTF-8 without control characters;
 * -1 with why otherwise. */
static long
text_length(const char *s, char *why, size_t whysize)
{
	const unsigned char *p = (const unsigned char *) s;
	long chars = 0;
	int more, i;

	while (*p) {
		if (text_control_len((const char *) p, 0))
			return fail(why, whysize, "control characters are not "
				    "allowed");
		if (*p < 0x80)
			more = 0;
		else if (*p >= 0xc2 && *p <= 0xdf)
			more = 1;
		else if (*p >= 0xe0 && *p <= 0xef)
			more = 2;
		else if (*p >= 0xf0 && *p <= 0xf4)
			more = 3;
		else
			return fail(why, whysize, "not valid UTF-8");
		for (i = 1; i <= more; i++)
			if ((p[i] & 0xc0) != 0x80)
				return fail(why, whysize, "not valid UTF-8");
		p += more + 1;
		chars++;
	}
	return chars;
}

/* Checks value as a field of type t given today; the normalized value
 * into a new string *out.  -1 with why. */
static int
check_value(const struct affidavit_field_spec *spec, const char *value,
	    int today, char **out, char *why, size_t whysize)
{
	char buf[MONEY_BUFSZ], day[DATE_BUFSZ];
	const char *p;
	long len, max;
	int64_t cents;
	int n;

	switch (spec->type) {
	case AFFIDAVIT_TEXT:
	case AFFIDAVIT_LONG_TEXT:
		len = text_length(value, why, whysize);
		if (len < 0)
			return -1;
		max = spec->type == AFFIDAVIT_TEXT ? AFFIDAVIT_TEXT_MAX
			: AFFIDAVIT_LONG_TEXT_MAX;
		if (len > max)
			return fail(why, whysize, "longer than %ld characters",
				    max);
		*out = xstrdup(value);
		return 0;
	case AFFIDAVIT_DATE:
	case AFFIDAVIT_PAST_DATE:
		if (date_parse(value, &n, why, whysize) < 0)
			return -1;
		if (spec->type == AFFIDAVIT_PAST_DATE && n > today)
			return fail(why, whysize, "after the business date %s",
				    date_format(today, day));
		*out = xstrdup(date_format(n, day));
		return 0;
	case AFFIDAVIT_COUNT:
		for (p = value; *p >= '0' && *p <= '9'; p++)
			;
		if (p == value || *p || p - value > 2)
			return fail(why, whysize, "not a whole number from 1 "
				    "to 99");
		n = atoi(value);
		if (n < 1)
			return fail(why, whysize, "not a whole number from 1 "
				    "to 99");
		snprintf(buf, sizeof buf, "%d", n);
		*out = xstrdup(buf);
		return 0;
	case AFFIDAVIT_MONEY:
		if (money_parse(value, &cents, why, whysize) < 0)
			return -1;
		if (cents < 0)
			return fail(why, whysize, "below zero");
		*out = xstrdup(money_format(cents, buf));
		return 0;
	}
	return fail(why, whysize, "unknown type");
}

static void
list_fields(const struct affidavit_form *f, char *buf, size_t size)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < f->n && used < size; i++) {
		if (f->spec[i].need == AFFIDAVIT_FROM_STORE)
			continue;
		used += snprintf(buf + used, size - used, "%s%s",
				 used ? ", " : "", f->spec[i].name);
	}
}

int
affidavit_form_give(struct affidavit_form *f, const char *arg, int today,
		    char *why, size_t whysize)
{
	const char *eq = strchr(arg, '='), *value;
	char q[64], names[512], reason[256];
	int i;

	if (!eq || eq == arg) {
		/* a field's name alone: said as bad, not missing as well */
		i = find(f, arg, strlen(arg));
		if (i >= 0 && f->spec[i].need != AFFIDAVIT_FROM_STORE)
			f->given[i] = 2;
		return fail(why, whysize, "'%s': not NAME=VALUE",
			    diag_quote(q, sizeof q, arg));
	}
	i = find(f, arg, eq - arg);
	value = eq + 1;
	if (i < 0) {
		list_fields(f, names, sizeof names);
		snprintf(q, sizeof q, "%.*s", (int) (eq - arg), arg);
		return fail(why, whysize, "unknown field '%s' (its fields: "
			    "%s)", diag_quote(reason, sizeof reason, q),
			    names);
	}
	if (f->spec[i].need == AFFIDAVIT_FROM_STORE)
		return fail(why, whysize, "field %s is filled from the "
			    "account (acct-edit changes it)", f->spec[i].name);
	if (f->given[i])
		return fail(why, whysize, "field %s given twice",
			    f->spec[i].name);
	f->given[i] = 1;
	if (!*value)
		return 0;
	if (check_value(&f->spec[i], value, today, &f->value[i], reason,
			sizeof reason) < 0) {
		f->given[i] = 2;	/* said once: not missing as well */
		return fail(why, whysize, "field %s: '%s': %s",
			    f->spec[i].name, diag_quote(q, sizeof q, value),
			    reason);
	}
	return 0;
}

static void
append(char *why, size_t whysize, size_t *used, const char *fmt, ...)
{
	va_list ap;

	if (*used >= whysize)
		return;
	va_start(ap, fmt);
	*used += vsnprintf(why + *used, whysize - *used, fmt, ap);
	va_end(ap);
}

int
affidavit_form_check(const struct affidavit_form *f, char *why,
		     size_t whysize)
{
	size_t i, used = 0, missing = 0;
	char list[512] = "";
	size_t lused = 0;
	int a, b, da, db;
	char reason[64];

	for (i = 0; i < f->n; i++) {
		if (f->spec[i].need != AFFIDAVIT_REQUIRED || f->spec[i].fallback
		    || (f->value[i] && *f->value[i]) || f->given[i] == 2)
			continue;
		append(list, sizeof list, &lused, "%s%s", missing ? ", " : "",
		       f->spec[i].name);
		missing++;
	}
	if (missing)
		append(why, whysize, &used, "missing field%s: %s",
		       missing > 1 ? "s" : "", list);
	for (i = 0; i < sizeof date_orders / sizeof date_orders[0]; i++) {
		if (date_orders[i].kind != f->kind)
			continue;
		a = find(f, date_orders[i].earlier,
			 strlen(date_orders[i].earlier));
		b = find(f, date_orders[i].later,
			 strlen(date_orders[i].later));
		if (!f->value[a] || !f->value[b]
		    || date_parse(f->value[a], &da, reason, sizeof reason) < 0
		    || date_parse(f->value[b], &db, reason, sizeof reason) < 0)
			continue;
		if (db > da || (db == da && !date_orders[i].strict))
			continue;
		append(why, whysize, &used, "%sfield %s: '%s': %s %s '%s'",
		       used ? "; " : "", f->spec[b].name, f->value[b],
		       db == da ? "the same day as" : "before",
		       f->spec[a].name, f->value[a]);
	}
	return used ? -1 : 0;
}

static void
set(struct affidavit_form *f, const char *name, const char *value)
{
	int i = find(f, name, strlen(name));

	if (i < 0)
		return;
	free(f->value[i]);
	f->value[i] = xstrdup(value ? value : "");
}

void
affidavit_form_fill(struct affidavit_form *f,
		    const struct affidavit_account *a)
{
	size_t i;

	set(f, "account", a->account);
	set(f, "name", a->name);
	set(f, "service_address", a->service_address);
	set(f, "mailing_address", a->mailing_address && *a->mailing_address
	    ? a->mailing_address : a->service_address);
	set(f, "phone", a->phone);
	for (i = 0; i < f->n; i++)
		if (f->spec[i].fallback && (!f->value[i] || !*f->value[i]))
			set(f, f->spec[i].name,
			    affidavit_form_get(f, f->spec[i].fallback));
	for (i = 0; i < f->n; i++)
		if (!f->value[i])
			f->value[i] = xstrdup("");
}

const char *
affidavit_form_get(const struct affidavit_form *f, const char *name)
{
	int i = find(f, name, strlen(name));

	return i >= 0 && f->value[i] ? f->value[i] : "";
}

/* Bytes of the first n characters of s (UTF-8). */
static size_t
char_bytes(const char *s, size_t n)
{
	const char *p = s;

	while (*p && n > 0) {
		p++;
		while (((unsigned char) *p & 0xc0) == 0x80)
			p++;
		n--;
	}
	return p - s;
}

static size_t
char_count(const char *s, size_t bytes)
{
	size_t i, n = 0;

	for (i = 0; i < bytes; i++)
		if (((unsigned char) s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* Wraps text at spaces into lines of at most width characters, a word
 * longer than that cut; the lines after the first indented. */
static char *
wrap(const char *text, size_t width, size_t indent)
{
	/* every line holds a character of text at least */
	size_t len = strlen(text), used = 0, line = 0, wlen, wchars;
	char *out = xmalloc(len * (indent + 2) + 1);
	const char *p = text;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		wlen = strcspn(p, " ");
		wchars = char_count(p, wlen);
		if (wchars > width) {
			wlen = char_bytes(p, width);
			wchars = width;
		}
		if (line && line + 1 + wchars > width) {
			out[used++] = '\n';
			memset(out + used, ' ', indent);
			used += indent;
			line = 0;
		}
		if (line) {
			out[used++] = ' ';
			line++;
		}
		memcpy(out + used, p, wlen);
		used += wlen;
		line += wchars;
		p += wlen;
	}
	out[used] = '\0';
	return out;
}

char *
affidavit_display(const struct affidavit_field_spec *spec, const char *value)
{
	char buf[MONEY_BUFSZ], why[64];
	int64_t cents;

	if (!value || !*value)
		return xstrdup("");
	if (spec->type == AFFIDAVIT_MONEY
	    && money_parse(value, &cents, why, sizeof why) == 0)
		return xstrdup(money_format_human(cents, buf));
	if (spec->type == AFFIDAVIT_LONG_TEXT)
		return wrap(value, AFFIDAVIT_WRAP_WIDTH, AFFIDAVIT_WRAP_INDENT);
	return xstrdup(value);
}

void
affidavit_doc_fill(struct affidavit_doc *doc, const struct affidavit_form *f,
		   const char *number, int prepared_on, const char *clerk)
{
	size_t i;

	memset(doc, 0, sizeof *doc);
	for (i = 0; i < f->n; i++) {
		doc->shown[i] = affidavit_display(&f->spec[i], f->value[i]);
		doc->fields[i].name = f->spec[i].name;
		doc->fields[i].value = doc->shown[i];
	}
	doc->fields[i].name = "affidavit";
	doc->fields[i++].value = number;
	doc->fields[i].name = "prepared_on";
	doc->fields[i++].value = date_format(prepared_on, doc->prepared_on);
	doc->fields[i].name = "clerk";
	doc->fields[i++].value = clerk;
	doc->n = i;
}

void
affidavit_doc_release(struct affidavit_doc *doc)
{
	size_t i;

	for (i = 0; i < AFFIDAVIT_FIELDS_MAX; i++) {
		free(doc->shown[i]);
		doc->shown[i] = NULL;
	}
	doc->n = 0;
}

char *
affidavit_number(int year, int64_t seq, char *buf)
{
	snprintf(buf, AFFIDAVIT_NUMBER_MAX, "A%04d-%06" PRId64, year, seq);
	return buf;
}

int
affidavit_sign_check(enum affidavit_status st, char *why, size_t whysize)
{
	if (st == AFFIDAVIT_PREPARED)
		return 0;
	return fail(why, whysize, "%s already", affidavit_status_name(st));
}

int
affidavit_receive_check(enum affidavit_status st, int prepared_on,
			int received_on, char *why, size_t whysize)
{
	char day[DATE_BUFSZ], on[DATE_BUFSZ];
	size_t used = 0;

	if (st == AFFIDAVIT_RECEIVED)
		append(why, whysize, &used, "received already");
	if (received_on < prepared_on)
		append(why, whysize, &used, "%sreceived on %s, before it was "
		       "prepared on %s", used ? "; " : "",
		       date_format(received_on, on),
		       date_format(prepared_on, day));
	return used ? -1 : 0;
}

int
affidavit_medical_until(int current, int received_on, long cert_days)
{
	int until = received_on + (int) cert_days;

	return current != DATE_NONE && current > until ? current : until;
}

int
affidavit_renewal_check(long prior, long max_renewals,
			const struct clerk *who, const struct clerk *approver,
			int *needed, char *why, size_t whysize)
{
	long renewal = prior;	/* the first one after a payment is 0 */

	*needed = 0;
	if (renewal <= max_renewals || who->supervisor)
		return 0;
	*needed = 1;
	if (approver && approver->supervisor
	    && strcmp(approver->login, who->login) != 0)
		return 0;
	if (!approver)
		return fail(why, whysize, "this would be renewal %ld of the "
			    "medical certification without a payment, and "
			    "medical.max_renewals is %ld: a supervisor must "
			    "approve it (--approved-by)", renewal,
			    max_renewals);
	if (strcmp(approver->login, who->login) == 0)
		return fail(why, whysize, "this would be renewal %ld of the "
			    "medical certification without a payment, over "
			    "medical.max_renewals %ld, and no one approves "
			    "their own", renewal, max_renewals);
	return fail(why, whysize, "this would be renewal %ld of the medical "
		    "certification without a payment, over "
		    "medical.max_renewals %ld, and %s is not a supervisor",
		    renewal, max_renewals, approver->login);
}
