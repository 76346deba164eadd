/* money: amounts in integer cents.
 *
 * Text form: -?[0-9]+(\.[0-9]{1,2})?, at most MONEY_LIMIT cents in size.
 * Written back always with two decimals ("-12.30").  Nothing is rounded. */
#ifndef ACCTKIT_MONEY_H
#define ACCTKIT_MONEY_H

#include <stddef.h>
#include <stdint.h>

#define MONEY_LIMIT INT64_C(1000000000000)	/* 10^12 cents */
#define MONEY_BUFSZ 32

/* Parses s into *cents.  On error returns -1 and puts the reason (without the
 * value) in why (which may be NULL), e.g. "more than two decimals". */
int money_parse(const char *s, int64_t *cents, char *why, size_t whysize);

/* Formats cents as "-1234.56" into buf (MONEY_BUFSZ bytes); returns buf. */
char *money_format(int64_t cents, char *buf);

/* Formats cents for people: "$1,234.56", "-$12.30"; returns buf. */
char *money_format_human(int64_t cents, char *buf);

/* *sum = a + b; returns -1 (and leaves *sum alone) if the result would be
 * beyond MONEY_LIMIT * 1000, far past any real balance, else 0. */
int money_add(int64_t a, int64_t b, int64_t *sum);

#endif
