/* cli: what the programs' main()s share.  Unlike the rest of common/, these
 * functions are for main() alone: they print and exit. */
#ifndef ACCTKIT_CLI_H
#define ACCTKIT_CLI_H

#include <stdint.h>

#include "out.h"

struct diag;

/* Long option values shared by every program. */
enum {
	CLI_OPT_DATE = 0x100,
	CLI_OPT_FORMAT,
	CLI_OPT_VERSION,
	CLI_OPT_FIRST_FREE	/* a program's own long options start here */
};

/* Prints "program (acctkit) VERSION" and exits 0. */
_Noreturn void cli_version(void);

/* Prints "program: " d->msg and exits with d->status. */
_Noreturn void cli_fail(const struct diag *d);

/* Prints "Try 'program --help'." after msg (printf-style) and exits 2. */
_Noreturn void cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* A problem said at once ("program: " and the printf-style rest) that does
 * not stop the checks, so that every one is named; cli_complaints() counts
 * them, and cli_usage_check() ends with "Try 'program --help'." and exit 2
 * when there were any. */
void cli_complain(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
int cli_complaints(void);
void cli_usage_check(void);

/* Option values: on a bad value, "option --name: 'value': why", exit 2. */
int64_t cli_money(const char *option, const char *value);
enum out_format cli_format(const char *value);	/* --format csv|table */
/* --format csv|table|json, for the one program that writes JSON */
enum out_format cli_format_json(const char *value);
int cli_date(const char *option, const char *value);
long cli_count(const char *option, const char *value, long min, long max);

/* The schedule options that plan-calc and plan-agree share (plan.h): a bad
 * value exits 2 naming the option and the value. */
enum { CLI_PLAN_COUNT_MAX = 1200 };
struct plan_terms;
void cli_plan_option(const char *option, const char *value,
		     struct plan_terms *t);

/* The output of a program that prints documents or, with --csv or
 * --format, their records: the records' format, OUT_AUTO for the
 * documents.  --csv with --format table, or records with -o DIR (dir not
 * NULL), are usage errors; documents names them ("bills"). */
enum out_format cli_doc_format(int csv, enum out_format format,
			       const char *dir, const char *documents);

/* The business date from --date (NULL if not given), ACCTKIT_TODAY, the
 * clock; exits 2 on a bad value. */
int cli_business_date(const char *opt);

/* True if standard error is a terminal (progress may be shown). */
int cli_progress_wanted(void);

#endif
