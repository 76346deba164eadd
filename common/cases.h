/* cases: contacts and complaint cases, their words and their rules, over
 * plain values: SLA due dates, days open and overdue, the dispute hold. */
#ifndef ACCTKIT_CASES_H
#define ACCTKIT_CASES_H

#include <stddef.h>
#include <stdint.h>

#define CASE_NUMBER_MAX 16

/* Each is -1 for a word not in its list, with the list in why. */
int cases_channel_check(const char *s, char *why, size_t whysize);
	/* phone, in-person, mail, email, field */
int cases_contact_kind_check(const char *s, char *why, size_t whysize);
	/* inquiry, complaint, contact-attempt, other */
int cases_category_check(const char *s, char *why, size_t whysize);
	/* billing, service, meter, shutoff, other */
int cases_status_check(const char *s, char *why, size_t whysize);
	/* open, investigating, waiting-customer (closed is by case-close) */

/* The policy key of a category's SLA: case.sla_days.billing, .service
 * (also for meter), .shutoff, .other. */
const char *cases_sla_key(const char *category);

/* C2026-00001; returns buf (CASE_NUMBER_MAX bytes). */
char *cases_number(int year, int64_t seq, char *buf);

/* Due date: opened_on + sla_days calendar days. */
int cases_due_on(int opened_on, long sla_days);

/* Days open as of asof (to closed_on for a closed case, DATE_NONE if
 * open), and days overdue (0 unless asof, or the day it closed, is after
 * due_on). */
int cases_days_open(int opened_on, int closed_on, int asof);
int cases_days_overdue(int due_on, int closed_on, int asof);

/* Whether a billing case holds off a shut-off on day: open, or closed less
 * than hold_days + 1 days before it, that is for hold_days days after the
 * day it closed (POLICY.md dispute.hold_days).  Returns the last
 * day of the hold for a closed case in *until (DATE_NONE while open). */
int cases_dispute_holds(const char *category, const char *status,
			int closed_on, long hold_days, int day, int *until);

#endif
