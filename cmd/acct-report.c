/* acct-report: the work reports: aging, receipts, adjustments, cases,
 * orders, plans and activity, for a period, in CSV, a table with bars, or
 * JSON. */
#include <config.h>

#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "progname.h"
#include "report.h"
#include "store.h"

enum {
	OPT_ACCOUNTS = CLI_OPT_FIRST_FREE,
	OPT_BY,
	OPT_FROM,
	OPT_LATE,
	OPT_TO
};

static const struct option long_options[] = {
	{ "accounts", no_argument, NULL, OPT_ACCOUNTS },
	{ "by", required_argument, NULL, OPT_BY },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "help", no_argument, NULL, 'h' },
	{ "late", no_argument, NULL, OPT_LATE },
	{ "to", required_argument, NULL, OPT_TO },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const by_names[] = {
	[REPORT_BY_NONE] = "", [REPORT_BY_DAY] = "day",
	[REPORT_BY_WEEK] = "week", [REPORT_BY_MONTH] = "month",
	[REPORT_BY_CLERK] = "clerk"
};

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-d FILE] [--accounts] "
		"[--by day|week|month|clerk]\n  [--date D] "
		"[--format csv|table|json] [--from D] [--late] [--to D] KIND";
	const struct report_kind *k;

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Write a work report of a period, with totals that reconcile "
	     "to the ledger.\nThe period is --from to --to, both included; "
	     "by default the month to date.\n\nKinds:");
	for (k = report_kinds; k->name; k++)
		printf("  %-12s %s\n", k->name, k->summary);
	puts("\nOptions:\n"
	     "  -d, --db FILE     the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --accounts    aging: a row an account with a balance, "
	     "not a row a bucket\n"
	     "      --by B        group by day, week (ISO), month or clerk, "
	     "as the kind allows\n"
	     "      --date D      the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F    csv, table or json (default: a table on a "
	     "terminal)\n"
	     "      --from D      the period's first day (default: the first "
	     "of --to's month)\n"
	     "      --late        orders: list the late restorations instead\n"
	     "      --to D        the period's last day, and aging's as-of "
	     "date (default: the\n"
	     "                    business date)\n"
	     "  -h, --help        show this help\n"
	     "      --version     show the version\n\n"
	     "Exit status: 0 done (also when the period is empty), 1 refused "
	     "(no store),\n2 usage, 75 busy.  See acct-report(1).");
	exit(EXIT_SUCCESS);
}

/* "day, week, month or clerk": the --by values of mask. */
static char *
by_list(unsigned mask, char *buf, size_t size)
{
	size_t n = 0, i, said = 0;
	int b;

	for (b = REPORT_BY_DAY; b <= REPORT_BY_CLERK; b++)
		n += (mask >> b) & 1;
	buf[0] = '\0';
	for (b = REPORT_BY_DAY; b <= REPORT_BY_CLERK; b++) {
		if (!((mask >> b) & 1))
			continue;
		i = strlen(buf);
		snprintf(buf + i, size - i, "%s%s", said == 0 ? ""
			 : said + 1 == n ? " or " : ", ", by_names[b]);
		said++;
	}
	return buf;
}

/* "aging, receipts, ... or activity" */
static char *
kind_list(char *buf, size_t size)
{
	const struct report_kind *k;
	size_t i;

	buf[0] = '\0';
	for (k = report_kinds; k->name; k++) {
		i = strlen(buf);
		snprintf(buf + i, size - i, "%s%s", k == report_kinds ? ""
			 : k[1].name ? ", " : " or ", k->name);
	}
	return buf;
}

/* A date option's value; a bad one is complained about (DATE_NONE). */
static int
date_option(const char *option, const char *value)
{
	char why[128], q[64];
	int day;

	if (date_parse(value, &day, why, sizeof why) < 0) {
		cli_complain("option --%s: '%s': %s", option,
			     diag_quote(q, sizeof q, value), why);
		return DATE_NONE;
	}
	return day;
}

/* The line above a table: "receipts, 2026-11-01 to 2026-11-27, by day". */
static void
title(const struct report_kind *k, const struct report_opts *o)
{
	enum report_by by = o->by == REPORT_BY_NONE ? k->by_default : o->by;
	char from[DATE_BUFSZ], to[DATE_BUFSZ];

	if (strcmp(k->name, "aging") == 0) {
		printf("aging%s, as of %s\n", o->accounts ? " by account" : "",
		       date_format(o->to, to));
		return;
	}
	printf("%s, %s to %s", o->late ? "late restorations" : k->name,
	       date_format(o->from, from), date_format(o->to, to));
	if (by != REPORT_BY_NONE && !o->late)
		printf(", by %s", by_names[by]);
	putchar('\n');
}

int
main(int argc, char **argv)
{
	struct report_opts opts = { .by = REPORT_BY_NONE };
	const struct report_kind *k = NULL;
	const char *db_opt = NULL, *date_opt = NULL, *by_opt = NULL;
	const char *from_opt = NULL, *to_opt = NULL;
	enum out_format format = OUT_AUTO;
	struct diag d = DIAG_INIT;
	struct store *s;
	struct out *out;
	char list[256], q[64];
	int c, year, month, mday;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case OPT_ACCOUNTS:
			opts.accounts = 1;
			break;
		case OPT_BY:
			by_opt = optarg;
			break;
		case OPT_FROM:
			from_opt = optarg;
			break;
		case OPT_LATE:
			opts.late = 1;
			break;
		case OPT_TO:
			to_opt = optarg;
			break;
		case CLI_OPT_DATE:
			date_opt = optarg;
			break;
		case CLI_OPT_FORMAT:
			format = cli_format_json(optarg);
			break;
		case CLI_OPT_VERSION:
			cli_version();
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	/* every problem is named before the exit */
	if (argc == 0)
		cli_complain("no KIND: %s", kind_list(list, sizeof list));
	else if (!(k = report_find(argv[0])))
		cli_complain("report '%s': not %s",
			     diag_quote(q, sizeof q, argv[0]),
			     kind_list(list, sizeof list));
	if (argc > 1)
		cli_complain("'%s': one KIND only", diag_quote(q, sizeof q,
							      argv[1]));
	if (by_opt && report_by_parse(by_opt, &opts.by) < 0)
		cli_complain("option --by: '%s': not day, week, month or "
			     "clerk", diag_quote(q, sizeof q, by_opt));
	else if (k && by_opt && !((k->by_accepted >> opts.by) & 1)) {
		if (k->by_accepted == 0)
			cli_complain("%s takes no --by", k->name);
		else
			cli_complain("%s takes --by %s, not %s", k->name,
				     by_list(k->by_accepted, list, sizeof list),
				     by_opt);
	}
	if (opts.accounts && k && !(k->options & REPORT_OPT_ACCOUNTS))
		cli_complain("--accounts is for aging only");
	if (opts.late && k && !(k->options & REPORT_OPT_LATE))
		cli_complain("--late is for orders only");
	opts.asof = cli_business_date(date_opt);
	opts.to = to_opt ? date_option("to", to_opt) : opts.asof;
	if (from_opt) {
		opts.from = date_option("from", from_opt);
	} else if (opts.to != DATE_NONE) {
		date_to_ymd(opts.to, &year, &month, &mday);
		opts.from = date_from_ymd(year, month, 1);
	}
	if (opts.from != DATE_NONE && opts.to != DATE_NONE
	    && opts.from > opts.to) {
		if (to_opt)
			cli_complain("--from %s is after --to %s", from_opt,
				     to_opt);
		else
			cli_complain("--from %s is after the business date "
				     "%s (the default --to)", from_opt,
				     date_format(opts.to, list));
	}
	cli_usage_check();

	s = store_open(store_path(db_opt), STORE_READ, program_name, &d);
	if (!s)
		cli_fail(&d);
	out = out_new(stdout, format, k->columns(&opts));
	/* block characters where the terminal's characters are UTF-8 */
	setlocale(LC_CTYPE, "");
	out_bars(out, strcmp(nl_langinfo(CODESET), "UTF-8") == 0
		 ? OUT_BARS_BLOCKS : OUT_BARS_ASCII);
	if (out_is_table(out))
		title(k, &opts);
	if (k->run(s, &opts, out, &d) < 0) {
		out_free(out);
		store_close(s);
		cli_fail(&d);
	}
	out_free(out);
	store_close(s);
	return EXIT_DONE;
}
