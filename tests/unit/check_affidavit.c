/* Check suite for common/affidavit.c: the catalogue of kinds and fields,
 * the check of each kind of value, the missing fields all listed, the
 * store's fields and defaults, the wrapping of long text, numbers, and
 * the rules of signing, receiving and renewing a medical certification. */
#include <config.h>

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "affidavit.h"
#include "clerk.h"
#include "date.h"

static int today;

static void
setup(void)
{
	today = date_from_ymd(2026, 11, 27);
}

/* Gives each "NAME=VALUE" to f, all of which must be accepted. */
static void
give_all(struct affidavit_form *f, const char *const *args)
{
	char why[512];

	for (; *args; args++)
		ck_assert_msg(affidavit_form_give(f, *args, today, why,
						  sizeof why) == 0,
			      "'%s' refused: %s", *args, why);
}

/* The value arg is normalized to, for a field of kind k. */
static const char *
given(enum affidavit_kind k, const char *arg)
{
	static char value[2048];
	struct affidavit_form f;
	char why[512], name[64];

	affidavit_form_init(&f, k);
	ck_assert_msg(affidavit_form_give(&f, arg, today, why, sizeof why)
		      == 0, "'%s' refused: %s", arg, why);
	snprintf(name, sizeof name, "%.*s", (int) strcspn(arg, "="), arg);
	snprintf(value, sizeof value, "%s", affidavit_form_get(&f, name));
	affidavit_form_release(&f);
	return value;
}

/* The reason arg is refused with, for kind k. */
static const char *
refused(enum affidavit_kind k, const char *arg)
{
	static char why[512];
	struct affidavit_form f;

	affidavit_form_init(&f, k);
	why[0] = '\0';
	ck_assert_msg(affidavit_form_give(&f, arg, today, why, sizeof why)
		      == -1, "'%s' accepted", arg);
	affidavit_form_release(&f);
	return why;
}

START_TEST(kinds)
{
	static const char *const names[] = { "tenant", "identity", "medical",
		"hardship", "statement" };
	enum affidavit_kind k;
	int i;

	for (i = 0; i < AFFIDAVIT_NKINDS; i++) {
		ck_assert_int_eq(affidavit_kind_parse(names[i], &k), 0);
		ck_assert_int_eq(k, i);
		ck_assert_str_eq(affidavit_kind_name(k), names[i]);
	}
	ck_assert_int_eq(affidavit_kind_parse("Tenant", &k), -1);
	ck_assert_int_eq(affidavit_kind_parse("", &k), -1);
	ck_assert_int_eq(affidavit_kind_parse("lease", &k), -1);
	ck_assert_ptr_null(affidavit_kind_name(AFFIDAVIT_NKINDS));
}
END_TEST

START_TEST(statuses)
{
	enum affidavit_status st;

	ck_assert_int_eq(affidavit_status_parse("prepared", &st), 0);
	ck_assert_int_eq(st, AFFIDAVIT_PREPARED);
	ck_assert_int_eq(affidavit_status_parse("signed", &st), 0);
	ck_assert_int_eq(st, AFFIDAVIT_SIGNED);
	ck_assert_int_eq(affidavit_status_parse("received", &st), 0);
	ck_assert_int_eq(st, AFFIDAVIT_RECEIVED);
	ck_assert_int_eq(affidavit_status_parse("void", &st), -1);
	ck_assert_str_eq(affidavit_status_name(AFFIDAVIT_SIGNED), "signed");
}
END_TEST

/* Every kind: the store's five fields first, names unique, lowercase,
 * within the maximum; a fallback is a store field; required fields
 * given. */
START_TEST(catalogue)
{
	static const char *const store[] = { "account", "name",
		"service_address", "mailing_address", "phone" };
	const struct affidavit_field_spec *spec;
	size_t n, i, j;
	int k;

	for (k = 0; k < AFFIDAVIT_NKINDS; k++) {
		spec = affidavit_fields(k, &n);
		ck_assert_ptr_nonnull(spec);
		ck_assert_uint_gt(n, 5);
		ck_assert_uint_le(n, AFFIDAVIT_FIELDS_MAX);
		for (i = 0; i < 5; i++) {
			ck_assert_str_eq(spec[i].name, store[i]);
			ck_assert_int_eq(spec[i].need, AFFIDAVIT_FROM_STORE);
		}
		for (i = 5; i < n; i++) {
			ck_assert_int_ne(spec[i].need, AFFIDAVIT_FROM_STORE);
			ck_assert_uint_eq(strspn(spec[i].name,
					  "abcdefghijklmnopqrstuvwxyz_"),
					  strlen(spec[i].name));
			if (spec[i].fallback) {
				ck_assert_int_eq(spec[i].need,
						 AFFIDAVIT_REQUIRED);
				for (j = 0; j < 5; j++)
					if (strcmp(spec[i].fallback,
						   store[j]) == 0)
						break;
				ck_assert_uint_lt(j, 5);
			}
			for (j = 0; j < i; j++)
				ck_assert_str_ne(spec[i].name, spec[j].name);
		}
	}
	spec = affidavit_fields(AFFIDAVIT_NKINDS, &n);
	ck_assert_ptr_null(spec);
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* The field names of kind k that are not the store's, joined by ",";
 * required ones marked '*'. */
static const char *
own_fields(enum affidavit_kind k)
{
	static char buf[512];
	const struct affidavit_field_spec *spec;
	size_t n, i, used = 0;

	spec = affidavit_fields(k, &n);
	buf[0] = '\0';
	for (i = 5; i < n; i++)
		used += snprintf(buf + used, sizeof buf - used, "%s%s%s",
				 used ? "," : "", spec[i].name,
				 spec[i].need == AFFIDAVIT_REQUIRED ? "*"
				 : "");
	return buf;
}

START_TEST(catalogue_fields)
{
	ck_assert_str_eq(own_fields(AFFIDAVIT_TENANT), "landlord_name*,"
			 "landlord_address*,landlord_phone,tenant_name*,unit*,"
			 "lease_start*,lease_end");
	ck_assert_str_eq(own_fields(AFFIDAVIT_IDENTITY), "full_name*,"
			 "date_of_birth*,id_type*,id_number*,"
			 "resident_since*");
	ck_assert_str_eq(own_fields(AFFIDAVIT_MEDICAL), "patient_name*,"
			 "relation_to_customer*,physician_name*,"
			 "physician_license*,physician_phone*,"
			 "condition_summary");
	ck_assert_str_eq(own_fields(AFFIDAVIT_HARDSHIP), "household_size*,"
			 "monthly_income*,income_sources*,monthly_expenses,"
			 "reason*");
	ck_assert_str_eq(own_fields(AFFIDAVIT_STATEMENT),
			 "subject,statement*");
}
END_TEST

START_TEST(values_normalized)
{
	ck_assert_str_eq(given(AFFIDAVIT_TENANT, "lease_start=2026-01-01"),
			 "2026-01-01");
	ck_assert_str_eq(given(AFFIDAVIT_TENANT, "unit=4B"), "4B");
	/* only the first '=' separates */
	ck_assert_str_eq(given(AFFIDAVIT_TENANT, "unit=a=b"), "a=b");
	ck_assert_str_eq(given(AFFIDAVIT_HARDSHIP, "household_size=3"), "3");
	ck_assert_str_eq(given(AFFIDAVIT_HARDSHIP, "household_size=03"), "3");
	ck_assert_str_eq(given(AFFIDAVIT_HARDSHIP, "household_size=99"),
			 "99");
	ck_assert_str_eq(given(AFFIDAVIT_HARDSHIP, "monthly_income=1200"),
			 "1200.00");
	ck_assert_str_eq(given(AFFIDAVIT_HARDSHIP, "monthly_income=0"),
			 "0.00");
	ck_assert_str_eq(given(AFFIDAVIT_HARDSHIP, "monthly_expenses=99.5"),
			 "99.50");
	ck_assert_str_eq(given(AFFIDAVIT_IDENTITY,
			       "date_of_birth=2026-11-27"), "2026-11-27");
	ck_assert_str_eq(given(AFFIDAVIT_IDENTITY,
			       "full_name=Jos\xc3\xa9 N\xc3\xba\xc3\xb1""ez"),
			 "Jos\xc3\xa9 N\xc3\xba\xc3\xb1""ez");
	/* an empty value is no value */
	ck_assert_str_eq(given(AFFIDAVIT_STATEMENT, "subject="), "");
}
END_TEST

START_TEST(values_refused)
{
	char fifty[64], fifty_one[64], accents[128], long_text[1100];

	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "lease_start=2026-02-30"),
			 "field lease_start: '2026-02-30': no such day");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP, "household_size=0"),
			 "field household_size: '0': not a whole number "
			 "from 1 to 99");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP, "household_size=100"),
			 "field household_size: '100': not a whole number "
			 "from 1 to 99");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP, "household_size=-1"),
			 "field household_size: '-1': not a whole number "
			 "from 1 to 99");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP, "household_size=four"),
			 "field household_size: 'four': not a whole number "
			 "from 1 to 99");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP, "household_size= 3"),
			 "field household_size: ' 3': not a whole number "
			 "from 1 to 99");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP, "monthly_income=-5"),
			 "field monthly_income: '-5': below zero");
	ck_assert_str_eq(refused(AFFIDAVIT_HARDSHIP,
				 "monthly_income=12.345"),
			 "field monthly_income: '12.345': more than two "
			 "decimals");
	ck_assert_ptr_nonnull(strstr(refused(AFFIDAVIT_HARDSHIP,
					     "monthly_income=$1,200"),
				     "field monthly_income: '$1,200': "));
	ck_assert_str_eq(refused(AFFIDAVIT_IDENTITY,
				 "date_of_birth=2026-11-28"),
			 "field date_of_birth: '2026-11-28': after the "
			 "business date 2026-11-27");
	ck_assert_str_eq(refused(AFFIDAVIT_IDENTITY,
				 "resident_since=2027-01-01"),
			 "field resident_since: '2027-01-01': after the "
			 "business date 2026-11-27");
	/* a lease may start or end in the future */
	ck_assert_str_eq(given(AFFIDAVIT_TENANT, "lease_end=2030-01-01"),
			 "2030-01-01");

	/* text: 50 characters, not bytes */
	memset(fifty, 'x', 50);
	fifty[50] = '\0';
	snprintf(fifty_one, sizeof fifty_one, "unit=%sy", fifty);
	ck_assert_ptr_nonnull(strstr(refused(AFFIDAVIT_TENANT, fifty_one),
				     "xy': longer than 50 characters"));
	snprintf(fifty_one, sizeof fifty_one, "unit=%s", fifty);
	ck_assert_str_eq(given(AFFIDAVIT_TENANT, fifty_one), fifty);
	strcpy(accents, "unit=");
	for (int i = 0; i < 50; i++)
		strcat(accents, "\xc3\xa9");
	ck_assert_str_eq(given(AFFIDAVIT_TENANT, accents), accents + 5);
	memset(long_text, 'w', sizeof long_text);
	memcpy(long_text, "statement=", 10);
	long_text[10 + 1000] = '\0';
	ck_assert_uint_eq(strlen(given(AFFIDAVIT_STATEMENT, long_text)),
			  1000);
	long_text[10 + 1000] = 'w';
	long_text[10 + 1001] = '\0';
	ck_assert_ptr_nonnull(strstr(refused(AFFIDAVIT_STATEMENT,
					     long_text),
				     "longer than 1000 characters"));
	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "unit=4\tB"),
			 "field unit: '4\\x09B': control characters are not "
			 "allowed");
	ck_assert_ptr_nonnull(strstr(refused(AFFIDAVIT_TENANT,
					     "unit=4\xc2\x85""B"),
				     "': control characters are not allowed"));
	ck_assert_ptr_nonnull(strstr(refused(AFFIDAVIT_TENANT,
					     "unit=4\xff"),
				     "not valid UTF-8"));
	ck_assert_ptr_nonnull(strstr(refused(AFFIDAVIT_TENANT,
					     "unit=4\xc3"),
				     "not valid UTF-8"));
}
END_TEST

START_TEST(names_refused)
{
	struct affidavit_form f;
	char why[512];

	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "landlord=Lee"),
			 "unknown field 'landlord' (its fields: "
			 "landlord_name, landlord_address, landlord_phone, "
			 "tenant_name, unit, lease_start, lease_end)");
	/* a field of another kind is unknown to this one */
	ck_assert_str_eq(refused(AFFIDAVIT_STATEMENT, "unit=4B"),
			 "unknown field 'unit' (its fields: subject, "
			 "statement)");
	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "name=Someone"),
			 "field name is filled from the account (acct-edit "
			 "changes it)");
	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "account=1002"),
			 "field account is filled from the account "
			 "(acct-edit changes it)");
	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "unit"),
			 "'unit': not NAME=VALUE");
	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "=4B"),
			 "'=4B': not NAME=VALUE");
	ck_assert_str_eq(refused(AFFIDAVIT_TENANT, "Unit=4B"),
			 "unknown field 'Unit' (its fields: "
			 "landlord_name, landlord_address, landlord_phone, "
			 "tenant_name, unit, lease_start, lease_end)");

	affidavit_form_init(&f, AFFIDAVIT_TENANT);
	ck_assert_int_eq(affidavit_form_give(&f, "unit=4B", today, why,
					     sizeof why), 0);
	ck_assert_int_eq(affidavit_form_give(&f, "unit=4C", today, why,
					     sizeof why), -1);
	ck_assert_str_eq(why, "field unit given twice");
	/* empty, then given again: still twice */
	ck_assert_int_eq(affidavit_form_give(&f, "lease_end=", today, why,
					     sizeof why), 0);
	ck_assert_int_eq(affidavit_form_give(&f, "lease_end=2027-01-01",
					     today, why, sizeof why), -1);
	ck_assert_str_eq(why, "field lease_end given twice");
	ck_assert_str_eq(affidavit_form_get(&f, "unit"), "4B");
	affidavit_form_release(&f);
}
END_TEST

/* The check's reasons for the fields args of kind k ("" when none). */
static const char *
checked(enum affidavit_kind k, const char *const *args)
{
	static char why[1024];
	struct affidavit_form f;
	char give_why[512];
	int rc;

	affidavit_form_init(&f, k);
	for (; *args; args++)
		affidavit_form_give(&f, *args, today, give_why,
				    sizeof give_why);
	why[0] = '\0';
	rc = affidavit_form_check(&f, why, sizeof why);
	ck_assert_int_eq(rc, why[0] ? -1 : 0);
	affidavit_form_release(&f);
	return why;
}

START_TEST(missing_all_listed)
{
	static const char *const none[] = { NULL };
	static const char *const some[] = { "landlord_address=9 Oak Ave",
		"lease_end=2027-01-01", NULL };
	static const char *const all[] = { "landlord_name=Lee Land",
		"landlord_address=9 Oak Ave", "unit=4B",
		"lease_start=2026-01-01", NULL };
	static const char *const emptied[] = { "landlord_name=",
		"landlord_address=9 Oak Ave", "unit=4B",
		"lease_start=2026-01-01", NULL };
	static const char *const bad[] = { "landlord_name=Lee Land",
		"landlord_address=9 Oak Ave", "unit=4B",
		"lease_start=2026-02-30", NULL };
	static const char *const statement_none[] = { "subject=Meter", NULL };

	/* tenant_name has the account's name to fall back on */
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, none), "missing fields: "
			 "landlord_name, landlord_address, unit, "
			 "lease_start");
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, some), "missing fields: "
			 "landlord_name, unit, lease_start");
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, all), "");
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, emptied),
			 "missing field: landlord_name");
	/* a bad value is said once, as bad, not missing as well */
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, bad), "");
	ck_assert_str_eq(checked(AFFIDAVIT_IDENTITY, none), "missing fields: "
			 "date_of_birth, id_type, id_number, resident_since");
	ck_assert_str_eq(checked(AFFIDAVIT_MEDICAL, none), "missing fields: "
			 "patient_name, relation_to_customer, physician_name, "
			 "physician_license, physician_phone");
	ck_assert_str_eq(checked(AFFIDAVIT_HARDSHIP, none), "missing fields: "
			 "household_size, monthly_income, income_sources, "
			 "reason");
	ck_assert_str_eq(checked(AFFIDAVIT_STATEMENT, statement_none),
			 "missing field: statement");
}
END_TEST

START_TEST(dates_in_order)
{
	static const char *const lease_back[] = { "landlord_name=L",
		"landlord_address=A", "unit=1", "lease_start=2026-03-01",
		"lease_end=2026-02-28", NULL };
	static const char *const lease_same[] = { "landlord_name=L",
		"landlord_address=A", "unit=1", "lease_start=2026-03-01",
		"lease_end=2026-03-01", NULL };
	static const char *const lease_day[] = { "landlord_name=L",
		"landlord_address=A", "unit=1", "lease_start=2026-03-01",
		"lease_end=2026-03-02", NULL };
	static const char *const before_birth[] = { "id_type=passport",
		"id_number=X1", "date_of_birth=1970-05-05",
		"resident_since=1970-05-04", NULL };
	static const char *const from_birth[] = { "id_type=passport",
		"id_number=X1", "date_of_birth=1970-05-05",
		"resident_since=1970-05-05", NULL };
	static const char *const both[] = { "landlord_address=A", "unit=1",
		"lease_start=2026-03-01", "lease_end=2026-01-01", NULL };

	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, lease_back),
			 "field lease_end: '2026-02-28': before lease_start "
			 "'2026-03-01'");
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, lease_same),
			 "field lease_end: '2026-03-01': the same day as "
			 "lease_start '2026-03-01'");
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, lease_day), "");
	ck_assert_str_eq(checked(AFFIDAVIT_IDENTITY, before_birth),
			 "field resident_since: '1970-05-04': before "
			 "date_of_birth '1970-05-05'");
	ck_assert_str_eq(checked(AFFIDAVIT_IDENTITY, from_birth), "");
	/* every reason, not just the first */
	ck_assert_str_eq(checked(AFFIDAVIT_TENANT, both), "missing field: "
			 "landlord_name; field lease_end: '2026-01-01': "
			 "before lease_start '2026-03-01'");
}
END_TEST

START_TEST(filled_from_store)
{
	static const char *const tenant[] = { "landlord_name=Lee Land",
		"landlord_address=9 Oak Ave", "unit=4B",
		"lease_start=2026-01-01", NULL };
	static const char *const tenant_named[] = { "tenant_name=Ty Tenant",
		NULL };
	const struct affidavit_account ann = { "1001", "Ann Able", "1 Elm St",
		"", "555-0101" };
	const struct affidavit_account bob = { "1002", "Bob Baker",
		"2 Elm St", "PO Box 2", NULL };
	struct affidavit_form f;
	size_t i;

	affidavit_form_init(&f, AFFIDAVIT_TENANT);
	give_all(&f, tenant);
	affidavit_form_fill(&f, &ann);
	ck_assert_str_eq(affidavit_form_get(&f, "account"), "1001");
	ck_assert_str_eq(affidavit_form_get(&f, "name"), "Ann Able");
	ck_assert_str_eq(affidavit_form_get(&f, "service_address"),
			 "1 Elm St");
	/* no mailing address: the service address */
	ck_assert_str_eq(affidavit_form_get(&f, "mailing_address"),
			 "1 Elm St");
	ck_assert_str_eq(affidavit_form_get(&f, "phone"), "555-0101");
	ck_assert_str_eq(affidavit_form_get(&f, "tenant_name"), "Ann Able");
	ck_assert_str_eq(affidavit_form_get(&f, "lease_end"), "");
	ck_assert_str_eq(affidavit_form_get(&f, "no_such_field"), "");
	/* every field has a value, if empty, once filled */
	for (i = 0; i < f.n; i++)
		ck_assert_ptr_nonnull(f.value[i]);
	affidavit_form_release(&f);

	affidavit_form_init(&f, AFFIDAVIT_TENANT);
	give_all(&f, tenant_named);
	affidavit_form_fill(&f, &bob);
	ck_assert_str_eq(affidavit_form_get(&f, "tenant_name"), "Ty Tenant");
	ck_assert_str_eq(affidavit_form_get(&f, "mailing_address"),
			 "PO Box 2");
	ck_assert_str_eq(affidavit_form_get(&f, "phone"), "");
	affidavit_form_release(&f);

	affidavit_form_init(&f, AFFIDAVIT_IDENTITY);
	affidavit_form_fill(&f, &bob);
	ck_assert_str_eq(affidavit_form_get(&f, "full_name"), "Bob Baker");
	affidavit_form_release(&f);
}
END_TEST

static char *
shown(enum affidavit_kind k, const char *name, const char *value)
{
	const struct affidavit_field_spec *spec;
	size_t n, i;

	spec = affidavit_fields(k, &n);
	for (i = 0; i < n; i++)
		if (strcmp(spec[i].name, name) == 0)
			return affidavit_display(&spec[i], value);
	ck_abort_msg("no field %s", name);
	return NULL;
}

START_TEST(display)
{
	char *s;

	s = shown(AFFIDAVIT_HARDSHIP, "monthly_income", "1234.50");
	ck_assert_str_eq(s, "$1,234.50");
	free(s);
	s = shown(AFFIDAVIT_HARDSHIP, "monthly_expenses", "");
	ck_assert_str_eq(s, "");
	free(s);
	s = shown(AFFIDAVIT_HARDSHIP, "household_size", "4");
	ck_assert_str_eq(s, "4");
	free(s);
	s = shown(AFFIDAVIT_TENANT, "lease_start", "2026-01-01");
	ck_assert_str_eq(s, "2026-01-01");
	free(s);
	s = shown(AFFIDAVIT_TENANT, "landlord_address", "9 Oak Ave");
	ck_assert_str_eq(s, "9 Oak Ave");
	free(s);
	s = shown(AFFIDAVIT_TENANT, "landlord_address", "9 Oak Ave, "
		  "Springfield, IL 62704, the office of the building "
		  "management on the second floor");
	ck_assert_str_eq(s, "9 Oak Ave, Springfield, IL 62704, the office of\n"
			 "                         the building management on "
			 "the second floor");
	free(s);
	/* a word longer than a line is cut */
	s = shown(AFFIDAVIT_STATEMENT, "statement", "see "
		  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		  " end");
	ck_assert_str_eq(s, "see\n                         "
			 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
			 "                         aaaaaaaa end");
	free(s);
}
END_TEST

/* Wrapped text: every line at most AFFIDAVIT_WRAP_WIDTH characters, those
 * after the first indented, and the words the same, in order. */
START_TEST(wrap_properties)
{
	const struct affidavit_field_spec spec = { "statement",
		AFFIDAVIT_LONG_TEXT, AFFIDAVIT_REQUIRED, NULL };
	char text[AFFIDAVIT_LONG_TEXT_MAX + 1], words[2][2048];
	unsigned seed = 7;
	int trial;

	for (trial = 0; trial < 500; trial++) {
		size_t len = 0, target = rand_r(&seed) % 1000, i, w;
		char *s, *line, *save = NULL;

		while (len < target) {
			size_t wl = 1 + rand_r(&seed) % (trial % 7 ? 12 : 70);

			for (i = 0; i < wl && len < target; i++)
				text[len++] = 'a' + rand_r(&seed) % 26;
			if (len < target)
				text[len++] = ' ';
		}
		text[len] = '\0';
		s = affidavit_display(&spec, text);
		for (line = strtok_r(s, "\n", &save), i = 0; line;
		     line = strtok_r(NULL, "\n", &save), i++) {
			if (i > 0) {
				ck_assert_uint_eq(strspn(line, " "),
						  AFFIDAVIT_WRAP_INDENT);
				line += AFFIDAVIT_WRAP_INDENT;
			}
			ck_assert_uint_le(strlen(line), AFFIDAVIT_WRAP_WIDTH);
			ck_assert_msg(*line != ' ', "trial %d: line %zu "
				      "starts with a space", trial, i);
		}
		free(s);
		/* the same letters, in order, once spaces and newlines
		 * are taken out */
		s = affidavit_display(&spec, text);
		for (w = 0; w < 2; w++) {
			const char *p = w ? s : text;
			size_t o = 0;

			for (; *p; p++)
				if (*p != ' ' && *p != '\n')
					words[w][o++] = *p;
			words[w][o] = '\0';
		}
		ck_assert_str_eq(words[0], words[1]);
		free(s);
	}
}
END_TEST

/* The template's fields: the form's as printed, then the number, the
 * date and the clerk. */
START_TEST(doc_fields)
{
	static const char *const args[] = { "household_size=4",
		"monthly_income=1850", "income_sources=wages",
		"reason=hours cut", NULL };
	const struct affidavit_account carol = { "1003", "Carol Cole",
		"3 Elm St", "", "" };
	struct affidavit_form f;
	struct affidavit_doc doc;
	char names[512] = "";
	size_t i, used = 0;

	affidavit_form_init(&f, AFFIDAVIT_HARDSHIP);
	give_all(&f, args);
	affidavit_form_fill(&f, &carol);
	affidavit_doc_fill(&doc, &f, "A2026-000004", today, "ann");
	ck_assert_uint_eq(doc.n, f.n + 3);
	for (i = 0; i < doc.n; i++)
		used += snprintf(names + used, sizeof names - used, "%s%s=%s",
				 i ? "," : "", doc.fields[i].name,
				 doc.fields[i].value);
	ck_assert_str_eq(names, "account=1003,name=Carol Cole,"
			 "service_address=3 Elm St,mailing_address=3 Elm St,"
			 "phone=,household_size=4,monthly_income=$1,850.00,"
			 "income_sources=wages,monthly_expenses=,"
			 "reason=hours cut,affidavit=A2026-000004,"
			 "prepared_on=2026-11-27,clerk=ann");
	affidavit_doc_release(&doc);
	/* for a template's check, before anything is known */
	affidavit_doc_fill(&doc, &f, "", DATE_NONE, "");
	ck_assert_str_eq(doc.fields[f.n + 1].name, "prepared_on");
	ck_assert_str_eq(doc.fields[f.n + 1].value, "");
	affidavit_doc_release(&doc);
	affidavit_form_release(&f);
}
END_TEST

START_TEST(numbers)
{
	char buf[AFFIDAVIT_NUMBER_MAX];

	ck_assert_str_eq(affidavit_number(2026, 1, buf), "A2026-000001");
	ck_assert_str_eq(affidavit_number(2027, 123456, buf), "A2027-123456");
}
END_TEST

START_TEST(sign_and_receive)
{
	char why[256];
	int prepared = date_from_ymd(2026, 11, 20);

	ck_assert_int_eq(affidavit_sign_check(AFFIDAVIT_PREPARED, why,
					      sizeof why), 0);
	ck_assert_int_eq(affidavit_sign_check(AFFIDAVIT_SIGNED, why,
					      sizeof why), -1);
	ck_assert_str_eq(why, "signed already");
	ck_assert_int_eq(affidavit_sign_check(AFFIDAVIT_RECEIVED, why,
					      sizeof why), -1);
	ck_assert_str_eq(why, "received already");

	ck_assert_int_eq(affidavit_receive_check(AFFIDAVIT_PREPARED, prepared,
						 prepared, why, sizeof why), 0);
	ck_assert_int_eq(affidavit_receive_check(AFFIDAVIT_SIGNED, prepared,
						 today, why, sizeof why), 0);
	ck_assert_int_eq(affidavit_receive_check(AFFIDAVIT_RECEIVED, prepared,
						 today, why, sizeof why), -1);
	ck_assert_str_eq(why, "received already");
	ck_assert_int_eq(affidavit_receive_check(AFFIDAVIT_SIGNED, prepared,
						 prepared - 1, why,
						 sizeof why), -1);
	ck_assert_str_eq(why, "received on 2026-11-19, before it was "
			 "prepared on 2026-11-20");
	ck_assert_int_eq(affidavit_receive_check(AFFIDAVIT_RECEIVED, prepared,
						 prepared - 1, why,
						 sizeof why), -1);
	ck_assert_str_eq(why, "received already; received on 2026-11-19, "
			 "before it was prepared on 2026-11-20");
}
END_TEST

START_TEST(medical_until)
{
	int received = date_from_ymd(2026, 11, 27);

	ck_assert_int_eq(affidavit_medical_until(DATE_NONE, received, 30),
			 date_from_ymd(2026, 12, 27));
	ck_assert_int_eq(affidavit_medical_until(date_from_ymd(2026, 12, 15),
						 received, 30),
			 date_from_ymd(2026, 12, 27));
	/* never shortened */
	ck_assert_int_eq(affidavit_medical_until(date_from_ymd(2027, 2, 1),
						 received, 30),
			 date_from_ymd(2027, 2, 1));
	ck_assert_int_eq(affidavit_medical_until(date_from_ymd(2026, 12, 27),
						 received, 30),
			 date_from_ymd(2026, 12, 27));
	ck_assert_int_eq(affidavit_medical_until(DATE_NONE, received, 0),
			 received);
}
END_TEST

START_TEST(renewals)
{
	struct clerk who = { "ann", "Ann", 0, -1 };
	struct clerk boss = { "bo", "Bo", 1, -1 };
	struct clerk pat = { "pat", "Pat", 0, -1 };
	struct clerk ann_boss = { "ann", "Ann", 1, -1 };
	char why[512];
	int needed;
	long prior;

	/* the first after a payment and two renewals: a clerk alone */
	for (prior = 0; prior <= 2; prior++) {
		ck_assert_int_eq(affidavit_renewal_check(prior, 2, &who, NULL,
							 &needed, why,
							 sizeof why), 0);
		ck_assert_int_eq(needed, 0);
	}
	ck_assert_int_eq(affidavit_renewal_check(3, 2, &who, NULL, &needed,
						 why, sizeof why), -1);
	ck_assert_int_eq(needed, 1);
	ck_assert_str_eq(why, "this would be renewal 3 of the medical "
			 "certification without a payment, and "
			 "medical.max_renewals is 2: a supervisor must approve "
			 "it (--approved-by)");
	ck_assert_int_eq(affidavit_renewal_check(3, 2, &who, &boss, &needed,
						 why, sizeof why), 0);
	ck_assert_int_eq(needed, 1);
	ck_assert_int_eq(affidavit_renewal_check(7, 2, &who, &pat, &needed,
						 why, sizeof why), -1);
	ck_assert_str_eq(why, "this would be renewal 7 of the medical "
			 "certification without a payment, over "
			 "medical.max_renewals 2, and pat is not a supervisor");
	ck_assert_int_eq(affidavit_renewal_check(3, 2, &who, &who, &needed,
						 why, sizeof why), -1);
	ck_assert_str_eq(why, "this would be renewal 3 of the medical "
			 "certification without a payment, over "
			 "medical.max_renewals 2, and no one approves their "
			 "own");
	/* a supervisor needs no one */
	ck_assert_int_eq(affidavit_renewal_check(9, 2, &boss, NULL, &needed,
						 why, sizeof why), 0);
	ck_assert_int_eq(needed, 0);
	ck_assert_int_eq(affidavit_renewal_check(9, 2, &ann_boss, &ann_boss,
						 &needed, why, sizeof why), 0);
	/* no renewals at all allowed */
	ck_assert_int_eq(affidavit_renewal_check(0, 0, &who, NULL, &needed,
						 why, sizeof why), 0);
	ck_assert_int_eq(affidavit_renewal_check(1, 0, &who, NULL, &needed,
						 why, sizeof why), -1);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("affidavit");
	TCase *tc = tcase_create("affidavit");
	SRunner *sr;
	int failed;

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, kinds);
	tcase_add_test(tc, statuses);
	tcase_add_test(tc, catalogue);
	tcase_add_test(tc, catalogue_fields);
	tcase_add_test(tc, values_normalized);
	tcase_add_test(tc, values_refused);
	tcase_add_test(tc, names_refused);
	tcase_add_test(tc, missing_all_listed);
	tcase_add_test(tc, dates_in_order);
	tcase_add_test(tc, filled_from_store);
	tcase_add_test(tc, display);
	tcase_add_test(tc, wrap_properties);
	tcase_add_test(tc, doc_fields);
	tcase_add_test(tc, numbers);
	tcase_add_test(tc, sign_and_receive);
	tcase_add_test(tc, medical_until);
	tcase_add_test(tc, renewals);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
