/* explain: an account's entries told in the customer's words, for a clerk to
 * read aloud on the phone.  Pure: plain values in, a sentence out.
 *
 *   On 2026-10-03 we credited $45.00 because your meter had been read
 *   wrongly (reason MR). */
#ifndef ACCTKIT_EXPLAIN_H
#define ACCTKIT_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "ledger.h"

/* One entry, with what is known of its reason and, for a reversal, of the
 * entry it reverses.  Strings belong to the caller; NULL is the same as "".
 * customer_text is the reason's words for the customer (reasons table). */
struct explain_entry {
	int posted_on;
	enum ledger_kind kind;
	int64_t amount;		/* signed as stored */
	const char *reason, *customer_text, *memo;
	int reversal;		/* 1: it reverses the entry described below */
	int reversed_on;
	enum ledger_kind reversed_kind;
	int64_t reversed_amount;
};

/* Whether a customer needs e explained: adjustments, fees, deposits,
 * reversals (a payment's reversal is a returned payment).  Charges, payments
 * and refunds explain themselves on the bill. */
int explain_wanted(const struct explain_entry *e);

/* Writes e as one sentence (more than one when it has a memo, said as a
 * note) into buf, cut to fit size and always NUL-terminated when size > 0;
 * returns the length the whole text needs, as snprintf(3) does. */
size_t explain_sentence(const struct explain_entry *e, char *buf,
			size_t size);

#endif
