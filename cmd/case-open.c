/* case-open: open a complaint case on an account, numbered without gaps per
 * year, due the category's SLA days after the business date. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "account_db.h"
#include "audit.h"
#include "cases.h"
#include "cases_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "out.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_CATEGORY = CLI_OPT_FIRST_FREE,
	OPT_CHANNEL,
	OPT_DISPUTED,
	OPT_SUMMARY
};

static const struct option long_options[] = {
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "disputed", required_argument, NULL, OPT_DISPUTED },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "summary", required_argument, NULL, OPT_SUMMARY },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "case", "account", "category",
	"opened_on", "due_on", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] --category C --channel C "
		"[-d FILE] [--date D]\n  [--disputed AMT] [--format csv|table] "
		"--summary TEXT ACCOUNT";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Open a complaint case on ACCOUNT on the business date.  Cases "
	     "are numbered\nC2026-00001, ... without gaps in each year; a case "
	     "is due case.sla_days.CATEGORY\ncalendar days after it opens (a "
	     "meter case: case.sla_days.service).  The case\nis audited and "
	     "printed (case, account, category, opened_on, due_on).\n\n"
	     "Options:\n"
	     "      --category C    billing, service, meter, shutoff or other\n"
	     "      --channel C     phone, in-person, mail, email or field\n"
	     "  -d, --db FILE       the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D        the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --disputed AMT  the amount of the bill the customer "
	     "disputes\n"
	     "      --format F      csv or table (default: table on a "
	     "terminal)\n"
	     "      --summary TEXT  what the complaint is about\n"
	     "  -n, --dry-run       check and show the case, then roll back\n"
	     "  -h, --help          show this help\n"
	     "      --version       show the version\n\n"
	     "Exit status: 0 done, 1 no such account, 2 usage, 75 busy.  See "
	     "case-open(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct case_record k;
	struct account a = ACCOUNT_INIT;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *disputed = NULL;
	const char *category = NULL, *channel = NULL, *summary = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64], money[MONEY_BUFSZ], day[DATE_BUFSZ];
	long sla_days;
	struct store *s;
	struct out *o;
	int c, found, dry_run = 0;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:hn", long_options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case 'n':
			dry_run = 1;
			break;
		case OPT_CATEGORY:
			category = optarg;
			break;
		case OPT_CHANNEL:
			channel = optarg;
			break;
		case OPT_DISPUTED:
			disputed = optarg;
			break;
		case OPT_SUMMARY:
			summary = optarg;
			break;
		case CLI_OPT_DATE:
			date_opt = optarg;
			break;
		case CLI_OPT_FORMAT:
			format = cli_format(optarg);
			break;
		case CLI_OPT_VERSION:
			cli_version();
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	memset(&k, 0, sizeof k);
	if (argc != 1)
		cli_complain(argc ? "one ACCOUNT only" : "no account given");
	else if (strlen(argv[0]) >= sizeof k.account)
		cli_complain("account '%s': too long",
			     diag_quote(q, sizeof q, argv[0]));
	if (!category)
		cli_complain("no --category given");
	else if (cases_category_check(category, why, sizeof why) < 0)
		cli_complain("option --category: '%s': %s",
			     diag_quote(q, sizeof q, category), why);
	if (!channel)
		cli_complain("no --channel given");
	else if (cases_channel_check(channel, why, sizeof why) < 0)
		cli_complain("option --channel: '%s': %s",
			     diag_quote(q, sizeof q, channel), why);
	if (disputed) {
		if (money_parse(disputed, &k.disputed, why, sizeof why) < 0)
			cli_complain("option --disputed: '%s': %s",
				     diag_quote(q, sizeof q, disputed), why);
		else if (k.disputed <= 0)
			cli_complain("option --disputed: '%s': not above zero",
				     diag_quote(q, sizeof q, disputed));
		k.has_disputed = 1;
	}
	if (!summary)
		cli_complain("no --summary given");
	else if (!*summary)
		cli_complain("option --summary: '': empty");
	else if (strlen(summary) >= sizeof k.summary)
		cli_complain("option --summary: longer than %zu bytes",
			     sizeof k.summary - 1);
	cli_usage_check();

	k.opened_on = cli_business_date(date_opt);
	k.closed_on = DATE_NONE;
	snprintf(k.account, sizeof k.account, "%s", argv[0]);
	snprintf(k.category, sizeof k.category, "%s", category);
	snprintf(k.channel, sizeof k.channel, "%s", channel);
	snprintf(k.summary, sizeof k.summary, "%s", summary);
	snprintf(k.status, sizeof k.status, "open");

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	found = account_db_load(s, k.account, &a, &d);
	account_release(&a);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "account '%s': no such account",
			 diag_quote(q, sizeof q, k.account));
	if (found <= 0
	    || policy_db_get_int(s, cases_sla_key(k.category), &sla_days,
				 &d) < 0) {
		store_close(s);
		cli_fail(&d);
	}
	k.due_on = cases_due_on(k.opened_on, sla_days);
	/* the number is taken inside the transaction: no gaps, no twins */
	if (cases_db_next(s, date_year(k.opened_on), &k, &d) < 0
	    || cases_db_insert(s, &k, &d) < 0
	    || audit_record(s, &d, "case %s on account %s: opened, %s, "
			    "due %s%s%s", k.number, k.account, k.category,
			    date_format(k.due_on, day),
			    k.has_disputed ? ", disputed " : "",
			    k.has_disputed ? money_format(k.disputed, money)
			    : "") < 0) {
		store_close(s);
		cli_fail(&d);
	}
	if (dry_run)
		store_rollback(s);
	else if (store_commit(s, &d) < 0) {
		store_close(s);
		cli_fail(&d);
	}
	store_close(s);

	o = out_new(stdout, format, columns);
	out_field(o, k.number);
	out_field(o, k.account);
	out_field(o, k.category);
	out_date(o, k.opened_on);
	out_date(o, k.due_on);
	out_row_end(o);
	out_free(o);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was opened\n",
			program_name);
	return EXIT_DONE;
}
