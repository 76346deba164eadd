/* affidavit: the kinds of affidavit and their fields, the checks of the
 * values a clerk gives, affidavit numbers and the rules of a signed copy
 * coming back.  Pure: no store (affidavit_db.h keeps them). */
#ifndef ACCTKIT_AFFIDAVIT_H
#define ACCTKIT_AFFIDAVIT_H

#include <stddef.h>
#include <stdint.h>

#include "template.h"

#define AFFIDAVIT_NUMBER_MAX 16
/* The most fields a kind has, those from the store included. */
#define AFFIDAVIT_FIELDS_MAX 16
/* The longest value of a text field, and of a long text field, in
 * characters. */
enum { AFFIDAVIT_TEXT_MAX = 50, AFFIDAVIT_LONG_TEXT_MAX = 1000 };
/* A long text is wrapped into lines of at most AFFIDAVIT_WRAP_WIDTH
 * characters, the lines after the first indented by AFFIDAVIT_WRAP_INDENT
 * spaces, to line up under a value that starts in column
 * AFFIDAVIT_WRAP_INDENT + 1. */
enum { AFFIDAVIT_WRAP_WIDTH = 50, AFFIDAVIT_WRAP_INDENT = 25 };

enum affidavit_kind {
	AFFIDAVIT_TENANT,	/* tenant occupancy */
	AFFIDAVIT_IDENTITY,	/* identity and residency */
	AFFIDAVIT_MEDICAL,	/* medical emergency certification request */
	AFFIDAVIT_HARDSHIP,	/* household and income, for an agreement */
	AFFIDAVIT_STATEMENT,	/* a general statement */
	AFFIDAVIT_NKINDS
};

/* "tenant" ...; -1 for another word. */
int affidavit_kind_parse(const char *s, enum affidavit_kind *k);
const char *affidavit_kind_name(enum affidavit_kind k);
/* "tenant, identity, medical, hardship or statement", for messages. */
const char *affidavit_kind_list(void);

enum affidavit_status {
	AFFIDAVIT_PREPARED,	/* printed for the customer */
	AFFIDAVIT_SIGNED,	/* signed at the counter */
	AFFIDAVIT_RECEIVED	/* the signed copy came back */
};
int affidavit_status_parse(const char *s, enum affidavit_status *st);
const char *affidavit_status_name(enum affidavit_status st);

/* What a field holds: a line of text (at most AFFIDAVIT_TEXT_MAX
 * characters), a long text (wrapped when printed), a date YYYY-MM-DD, a
 * date on or before the business date, a count 1 to 99, an amount of
 * money at or above zero. */
enum affidavit_type {
	AFFIDAVIT_TEXT,
	AFFIDAVIT_LONG_TEXT,
	AFFIDAVIT_DATE,
	AFFIDAVIT_PAST_DATE,
	AFFIDAVIT_COUNT,
	AFFIDAVIT_MONEY
};

/* Where a field's value comes from: given (--field), required or optional;
 * or from the account, never given.  A required field with a fallback
 * takes the value of the store field fallback when it is not given. */
enum affidavit_need {
	AFFIDAVIT_REQUIRED,
	AFFIDAVIT_OPTIONAL,
	AFFIDAVIT_FROM_STORE
};

struct affidavit_field_spec {
	const char *name;
	enum affidavit_type type;
	enum affidavit_need need;
	const char *fallback;	/* a store field's name, or NULL */
};

/* The fields of kind k in the order they are printed and listed: first the
 * store's (account, name, service_address, mailing_address, phone), then
 * the kind's own.  Static; *n gets their number. */
const struct affidavit_field_spec *affidavit_fields(enum affidavit_kind k,
						    size_t *n);

/* The store fields of every kind: the account's number, name, service and
 * mailing address (the service address where it has none) and phone. */
struct affidavit_account {
	const char *account, *name, *service_address, *mailing_address;
	const char *phone;
};

/* An affidavit's fields being filled in.  value[i] is the value of field
 * spec[i], normalized (a date as YYYY-MM-DD, money with two decimals, a
 * count without leading zeros), owned by the form; NULL until given or
 * filled.  Release with affidavit_form_release(). */
struct affidavit_form {
	enum affidavit_kind kind;
	const struct affidavit_field_spec *spec;
	size_t n;
	char *value[AFFIDAVIT_FIELDS_MAX];
	int given[AFFIDAVIT_FIELDS_MAX];	/* 1 given, 2 given but bad */
};
void affidavit_form_init(struct affidavit_form *f, enum affidavit_kind k);
void affidavit_form_release(struct affidavit_form *f);

/* Gives "NAME=VALUE" (an --field option).  An empty VALUE leaves the
 * field empty: a required one is then missing.  -1 with the reason in why
 * ("field lease_start: '2026-02-30': ...", "unknown field 'x' (...)",
 * "field unit given twice", "field 'name' is filled from the store");
 * today is the business date, after which no date of birth or residence
 * may be. */
int affidavit_form_give(struct affidavit_form *f, const char *arg, int today,
			char *why, size_t whysize);

/* The values given, together: every required field without a value or a
 * fallback and not given with a bad value ("missing fields: landlord_name,
 * unit"), and every pair of dates out of order (a lease that ends before
 * it starts, residence from before birth).  0, or -1 with every reason,
 * joined by "; ", in why. */
int affidavit_form_check(const struct affidavit_form *f, char *why,
			 size_t whysize);

/* Fills the store fields from a, and the fields not given that have a
 * fallback (a tenant's name: the account's name).  Strings are copied. */
void affidavit_form_fill(struct affidavit_form *f,
			 const struct affidavit_account *a);

/* The value of field name ("" when empty or not a field of the kind). */
const char *affidavit_form_get(const struct affidavit_form *f,
			       const char *name);

/* A value as printed in the document: money as "$1,234.56", a long text
 * wrapped (see AFFIDAVIT_WRAP_WIDTH), anything else as stored.  The caller
 * frees the string. */
char *affidavit_display(const struct affidavit_field_spec *spec,
			const char *value);

/* The fields of a kind's template (data/templates/affidavit-KIND.txt):
 * every field of f as printed (affidavit_display), and affidavit (the
 * number), prepared_on (DATE_NONE: empty) and clerk.  The strings live in
 * doc, and in f, until affidavit_doc_release(). */
#define AFFIDAVIT_DOC_MAX (AFFIDAVIT_FIELDS_MAX + 3)
struct affidavit_doc {
	struct template_field fields[AFFIDAVIT_DOC_MAX];
	size_t n;
	char *shown[AFFIDAVIT_FIELDS_MAX];
	char prepared_on[16];
};
void affidavit_doc_fill(struct affidavit_doc *doc,
			const struct affidavit_form *f, const char *number,
			int prepared_on, const char *clerk);
void affidavit_doc_release(struct affidavit_doc *doc);

/* A2026-000001: the year and the affidavit's place in it, from 1.  Returns
 * buf (AFFIDAVIT_NUMBER_MAX bytes). */
char *affidavit_number(int year, int64_t seq, char *buf);

/* Whether an affidavit in status st may be marked signed: 0, or -1 with
 * why. */
int affidavit_sign_check(enum affidavit_status st, char *why, size_t whysize);

/* Whether the signed copy of an affidavit in status st, prepared on
 * prepared_on, may be recorded received on received_on: 0, or -1 with
 * every reason in why. */
int affidavit_receive_check(enum affidavit_status st, int prepared_on,
			    int received_on, char *why, size_t whysize);

/* The account's medical certificate end when a medical certification is
 * received on received_on: received_on + cert_days, or current (DATE_NONE
 * for none) when that is later: a certification never shortens one. */
int affidavit_medical_until(int current, int received_on, long cert_days);

struct clerk;

/* Whether who may record a medical certification received when prior
 * others were received since the account's last payment: the first one
 * after a payment is no renewal, each one after it is, and a renewal
 * beyond max_renewals (medical.max_renewals) needs a supervisor: who is
 * one, or approver (the --approved-by, NULL if none) is one other than
 * who.  0 allowed (*needed 1 when an approval was what allowed it), -1
 * refused with the reason in why. */
int affidavit_renewal_check(long prior, long max_renewals,
			    const struct clerk *who,
			    const struct clerk *approver, int *needed,
			    char *why, size_t whysize);

#endif
