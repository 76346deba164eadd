/* cert: full payment certificates (POLICY.md "Full payment certificates")
 * over plain values: good standing, the certificate numbers, the
 * verification codes and what cert-verify answers. */
#ifndef ACCTKIT_CERT_H
#define ACCTKIT_CERT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

#define CERT_NUMBER_MAX 16	/* FPC2026-000001 */
#define CERT_CODE_LEN 12	/* characters of a code, without the '-' */
#define CERT_CODE_MAX 16	/* XXXX-XXXX-XXXX */

/* The characters of a code: digits and capitals, without those that look
 * alike (0 O, 1 I L). */
#define CERT_CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/* The policy: cert.valid_days, cert.fee (cents). */
struct cert_policy {
	long valid_days;
	int64_t fee;
};

/* What good standing is judged on, as of the as-of date.  Strings belong
 * to the caller; "" for none. */
struct cert_facts {
	int closed;			/* the account's status is closed */
	int64_t balance;		/* as of the as-of date */
	const char *agreement;		/* an agreement in force */
	const char *notice;		/* the termination notice in force */
	int notice_expires_on;		/* ... the last day it counts */
	const char *order;		/* a scheduled shut-off order */
	int order_on;			/* ... and its day */
	int dispute_open;		/* a billing complaint is open */
};
#define CERT_FACTS_INIT { 0, 0, "", "", DATE_NONE, "", DATE_NONE, 0 }

/* Good standing as of asof: the account is not closed, its balance is at
 * or below zero, no agreement is in force, no notice is in force (one
 * whose expires_on is before asof no longer counts), no shut-off order is
 * scheduled, no billing dispute is open.  Returns the number of these
 * that fail, their sentences joined by "; " in why ("" when none):
 * "balance 12.50 owed; agreement P2026-000003 in force". */
int cert_standing(const struct cert_facts *f, int asof, char *why,
		  size_t whysize);

/* FPC2026-000001; returns buf (CERT_NUMBER_MAX bytes). */
char *cert_number(int year, int64_t seq, char *buf);

/* Makes a code from n random bytes (rejection sampling, so that every
 * character of the alphabet is as likely): "XXXX-XXXX-XXXX" into code
 * (CERT_CODE_MAX bytes).  0, or -1 when the bytes ran out before the
 * code was made (ask again with fresh ones). */
int cert_code_make(const unsigned char *bytes, size_t n, char *code);

/* Whether given, as typed (either case, with or without '-' and spaces),
 * is the code stored.  Takes the same time wherever the two differ. */
int cert_code_matches(const char *stored, const char *given);

/* What cert-verify answers. */
enum cert_status { CERT_VALID, CERT_EXPIRED, CERT_VOID, CERT_UNKNOWN };
const char *cert_status_name(enum cert_status s);	/* "valid" ... */

/* The answer for a certificate: unknown when none was found or the code
 * does not match (the same answer, so that numbers cannot be probed),
 * else void, else expired when today is after valid_until, else valid. */
enum cert_status cert_verify_status(int found, int code_matches, int voided,
				    int valid_until, int today);

#endif
