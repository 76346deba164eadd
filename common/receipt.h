/* receipt: receipt numbers and the receipt as a record. */
#ifndef ACCTKIT_RECEIPT_H
#define ACCTKIT_RECEIPT_H

#include <stddef.h>
#include <stdint.h>

#include "template.h"

#define RECEIPT_NUMBER_MAX 16

/* R2026-000123: the year and the receipt's place in it, from 1.  Returns
 * buf (RECEIPT_NUMBER_MAX bytes). */
char *receipt_number(int year, int64_t seq, char *buf);

/* Parses a receipt number; -1 with the reason in why. */
int receipt_number_parse(const char *s, int *year, int64_t *seq, char *why,
			 size_t whysize);

/* Whether s has the form of a receipt number, R, four digits, '-' and
 * digits (R2026-000123), whether or not such a receipt could exist: a
 * counter payment's own reference must not look like one, since the
 * payments without one are referenced by their receipt's number. */
int receipt_number_like(const char *s);

/* Whether (source, ref) is kept for pay-post's counter payments, whose
 * ref is their receipt's number: source "counter" and a ref of that form.
 * Another program posting one would make the counter payment that gets
 * the number look posted already. */
int receipt_ref_reserved(const char *source, const char *ref);

/* What to say of such a ref, to follow "'R2026-000001' ". */
#define RECEIPT_REF_RESERVED_WHY "under source 'counter' has the form of a " \
	"receipt number, the ref pay-post gives its counter payments"

/* The ways a customer pays: cash, check, card, money-order. */
int receipt_tender_check(const char *s, char *why, size_t whysize);

/* A receipt as stored; strings in the struct. */
struct receipt {
	char number[RECEIPT_NUMBER_MAX];
	int year;
	int64_t seq;
	char account[32];
	int64_t entry;		/* the payment entry, or a void's reversal */
	int64_t amount;		/* paid, in cents; a void's is negative */
	char tender[16], check_no[32];
	int paid_on;
	int64_t balance_before, balance_after;
	char login[64], issued_at[32];
	char voids[RECEIPT_NUMBER_MAX];	/* the receipt a void voids, or "" */
	char reason[256];		/* the void's reason */
	char approved_by[64];
	char voided_by[RECEIPT_NUMBER_MAX];	/* filled when loaded */
};

struct out;

/* The columns of a receipt as a record (CSV), for out_new(), and a row. */
extern const char *const receipt_columns[];
void receipt_out_row(struct out *o, const struct receipt *r);

/* The fields of the receipt template (data/templates/receipt.txt) for r:
 * the customer's name and service address from the account; duplicate for
 * a reprint.  The strings live in doc. */
#define RECEIPT_NFIELDS 17
struct receipt_doc {
	struct template_field fields[RECEIPT_NFIELDS];
	char amount[40], before[40], after[40], paid_on[16], issued_at[40];
	char note[128];
};
void receipt_doc_fill(struct receipt_doc *doc, const struct receipt *r,
		      const char *name, const char *service_address,
		      int duplicate);

#endif
