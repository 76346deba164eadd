#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "diag.h"
#include "error.h"
#include "money.h"
#include "plan.h"
#include "progname.h"

void
cli_version(void)
{
	const char *slash = strrchr(program_name, '/');

	/* the program's name, however it was run */
	printf("%s (%s) %s\n", slash ? slash + 1 : program_name, PACKAGE_NAME,
	       PACKAGE_VERSION);
	exit(EXIT_SUCCESS);
}

void
cli_fail(const struct diag *d)
{
	error(d->status ? d->status : EXIT_REFUSED, 0, "%s", d->msg);
	abort();	/* error() with a status does not return */
}

void
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help'.\n", program_name);
	exit(EXIT_USAGE);
}

static int complaints;

void
cli_complain(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	complaints++;
}

int
cli_complaints(void)
{
	return complaints;
}

void
cli_usage_check(void)
{
	if (complaints) {
		fprintf(stderr, "Try '%s --help'.\n", program_name);
		exit(EXIT_USAGE);
	}
}

int64_t
cli_money(const char *option, const char *value)
{
	char why[128], q[64];
	int64_t cents;

	if (money_parse(value, &cents, why, sizeof why) < 0)
		cli_usage_error("option --%s: '%s': %s", option,
				diag_quote(q, sizeof q, value), why);
	return cents;
}

enum out_format
cli_format(const char *value)
{
	enum out_format f;
	char q[64];

	if (out_parse_format(value, &f) < 0)
		cli_usage_error("option --format: '%s': not csv or table",
				diag_quote(q, sizeof q, value));
	return f;
}

enum out_format
cli_format_json(const char *value)
{
	enum out_format f;
	char q[64];

	if (out_parse_format_json(value, &f) < 0)
		cli_usage_error("option --format: '%s': not csv, table or json",
				diag_quote(q, sizeof q, value));
	return f;
}

int
cli_date(const char *option, const char *value)
{
	char why[128], q[64];
	int day;

	if (date_parse(value, &day, why, sizeof why) < 0)
		cli_usage_error("option --%s: '%s': %s", option,
				diag_quote(q, sizeof q, value), why);
	return day;
}

long
cli_count(const char *option, const char *value, long min, long max)
{
	char *end, q[64];
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (end == value || *end || errno)
		cli_usage_error("option --%s: '%s': not a whole number", option,
				diag_quote(q, sizeof q, value));
	if (n < min || n > max)
		cli_usage_error("option --%s: '%s': not between %ld and %ld",
				option, diag_quote(q, sizeof q, value), min,
				max);
	return n;
}

void
cli_plan_option(const char *option, const char *value, struct plan_terms *t)
{
	char why[128], q[64];

	diag_quote(q, sizeof q, value);
	if (strcmp(option, "count") == 0) {
		t->count = (int) cli_count(option, value, 1,
					   CLI_PLAN_COUNT_MAX);
	} else if (strcmp(option, "every") == 0) {
		if (plan_every_parse(value, &t->every) < 0)
			cli_usage_error("option --every: '%s': not month, "
					"2weeks or week", q);
	} else if (strcmp(option, "first") == 0) {
		t->first = cli_date(option, value);
	} else if (strcmp(option, "rate") == 0) {
		if (plan_rate_parse(value, &t->rate, why, sizeof why) < 0)
			cli_usage_error("option --rate: '%s': %s", q, why);
	} else if (strcmp(option, "round") == 0) {
		t->round = cli_money(option, value);
		if (t->round <= 0)
			cli_usage_error("option --round: '%s': not above zero",
					q);
	} else if (strcmp(option, "shift") == 0) {
		if (plan_shift_parse(value, &t->shift) < 0)
			cli_usage_error("option --shift: '%s': not next, "
					"previous or none", q);
	} else {
		abort();	/* a program's mistake, not the user's */
	}
}

enum out_format
cli_doc_format(int csv, enum out_format format, const char *dir,
	       const char *documents)
{
	if (csv && format == OUT_TABLE)
		cli_usage_error("--csv and --format table: choose one");
	if (csv)
		format = OUT_CSV;
	if (format != OUT_AUTO && dir)
		cli_usage_error("-o is for the %s, --%s for the records: choose "
				"one", documents, csv ? "csv" : "format");
	return format;
}

int
cli_business_date(const char *opt)
{
	struct diag d = DIAG_INIT;
	int day;

	if (date_business(opt, &day, &d) < 0)
		cli_usage_error("%s", d.msg);
	return day;
}

int
cli_progress_wanted(void)
{
	return isatty(STDERR_FILENO);
}
