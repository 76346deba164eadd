/* orders: field orders (investigations, shut-offs, restorations), their
 * words and scheduling rules, over plain values. */
#ifndef ACCTKIT_ORDERS_H
#define ACCTKIT_ORDERS_H

#include <stddef.h>
#include <stdint.h>

struct holidays;

#define ORDER_NUMBER_MAX 16

/* Each -1 for a word not in its list, with the list in why. */
int orders_type_check(const char *s, char *why, size_t whysize);
	/* investigation, shutoff, restoration */
int orders_reason_check(const char *s, char *why, size_t whysize);
	/* an investigation's: meter-reread, high-bill, leak, meter-test,
	 * other */
int orders_status_check(const char *s, char *why, size_t whysize);
	/* scheduled, completed, cancelled */

/* O2026-000001; returns buf (ORDER_NUMBER_MAX bytes). */
char *orders_number(int year, int64_t seq, char *buf);

/* When an investigation asked for on requested_on is scheduled: a special
 * one special_days business days later (1: the next business day), a
 * routine one routine_days business days later, at the latest of what
 * invest.routine_days allows. */
int orders_investigation_day(int requested_on, int special,
			     long routine_days, long special_days,
			     const struct holidays *h);

#endif
