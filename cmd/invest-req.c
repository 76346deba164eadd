/* invest-req: ask the field for an investigation of one account, routine or
 * special, scheduled on a business day, optionally serving a case. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "account_db.h"
#include "audit.h"
#include "calendar_db.h"
#include "cases_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "orders.h"
#include "orders_db.h"
#include "out.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_CASE = CLI_OPT_FIRST_FREE,
	OPT_NOTE,
	OPT_SPECIAL,
	OPT_TYPE
};

static const struct option long_options[] = {
	{ "case", required_argument, NULL, OPT_CASE },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "special", no_argument, NULL, OPT_SPECIAL },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "order", "account", "type",
	"priority", "requested_on", "scheduled_for", "case", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--case CASE] "
		"[--date D] [--format csv|table]\n  [--note TEXT] [--special] "
		"--type meter-reread|high-bill|leak|meter-test|other\n  ACCOUNT";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Ask the field for an investigation of ACCOUNT, requested on the "
	     "business date.\nA routine one is scheduled invest.routine_days "
	     "business days later, a special\none invest.special_days "
	     "business days later (weekends and holidays skipped).\nPrints the "
	     "order (order, account, type, priority, requested_on, "
	     "scheduled_for,\ncase); its type column is the investigation's "
	     "type (--type).\n\n"
	     "Options:\n"
	     "  -d, --db FILE      the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --case CASE    the open case of the same account it "
	     "serves\n"
	     "      --date D       the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F     csv or table (default: table on a "
	     "terminal)\n"
	     "      --note TEXT    what the crew should know\n"
	     "      --special      a special investigation (else routine)\n"
	     "      --type T       meter-reread, high-bill, leak, meter-test "
	     "or other\n"
	     "  -n, --dry-run      check and show the order, then roll back\n"
	     "  -h, --help         show this help\n"
	     "      --version      show the version\n\n"
	     "Exit status: 0 done, 1 refused (no such account or case, a "
	     "closed case or one\nof another account), 2 usage, 75 busy.  "
	     "See invest-req(1).");
	exit(EXIT_SUCCESS);
}

/* The case the order serves must be open and the account's. */
static int
check_case(struct store *s, const char *number, const char *account,
	   struct diag *d)
{
	struct case_record c;
	char q[64], on[DATE_BUFSZ];
	int found = cases_db_load(s, number, &c, d);

	if (found < 0)
		return -1;
	diag_quote(q, sizeof q, number);
	if (found == 0)
		return diag_set(d, EXIT_REFUSED, "case '%s': no such case", q);
	if (strcmp(c.status, "closed") == 0)
		return diag_set(d, EXIT_REFUSED, "case '%s': closed on %s", q,
				date_format(c.closed_on, on));
	if (strcmp(c.account, account) != 0)
		return diag_set(d, EXIT_REFUSED, "case '%s': of account %s, "
				"not %s", q, c.account, account);
	return 0;
}

int
main(int argc, char **argv)
{
	struct order o = { .requested_on = DATE_NONE };
	struct account a = ACCOUNT_INIT;
	struct holidays h = HOLIDAYS_INIT;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *case_opt = NULL;
	const char *note = "", *type = NULL;
	enum out_format format = OUT_AUTO;
	long routine_days, special_days;
	char why[128], q[64], day[DATE_BUFSZ];
	struct store *s;
	struct out *out;
	int c, found, dry_run = 0, special = 0;

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
		case OPT_CASE:
			if (!*optarg || strlen(optarg) >= CASE_NUMBER_MAX)
				cli_usage_error("option --case: '%s': not a "
						"case number",
						diag_quote(q, sizeof q, optarg));
			case_opt = optarg;
			break;
		case OPT_NOTE:
			if (strlen(optarg) >= sizeof o.note)
				cli_usage_error("option --note: longer than "
						"%zu bytes", sizeof o.note - 1);
			note = optarg;
			break;
		case OPT_SPECIAL:
			special = 1;
			break;
		case OPT_TYPE:
			if (orders_reason_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --type: '%s': %s",
						diag_quote(q, sizeof q, optarg),
						why);
			type = optarg;
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

	if (argc != 1)
		cli_usage_error(argc ? "one ACCOUNT only" : "no account given");
	if (!type)
		cli_usage_error("no --type given");
	o.requested_on = cli_business_date(date_opt);

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		goto fail;
	found = account_db_load(s, argv[0], &a, &d);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "account '%s': no such account",
			 diag_quote(q, sizeof q, argv[0]));
	if (found <= 0)
		goto fail;
	if (case_opt && check_case(s, case_opt, a.number, &d) < 0)
		goto fail;
	if (calendar_db_holidays(s, &h, &d) < 0
	    || policy_db_get_int(s, "invest.routine_days", &routine_days,
				 &d) < 0
	    || policy_db_get_int(s, "invest.special_days", &special_days,
				 &d) < 0)
		goto fail;
	o.scheduled_for = orders_investigation_day(o.requested_on, special,
						   routine_days, special_days,
						   &h);
	snprintf(o.account, sizeof o.account, "%s", a.number);
	snprintf(o.type, sizeof o.type, "investigation");
	snprintf(o.reason, sizeof o.reason, "%s", type);
	snprintf(o.priority, sizeof o.priority, "%s",
		 special ? "special" : "routine");
	snprintf(o.status, sizeof o.status, "scheduled");
	snprintf(o.case_number, sizeof o.case_number, "%s",
		 case_opt ? case_opt : "");
	snprintf(o.note, sizeof o.note, "%s", note);
	o.completed_on = DATE_NONE;
	if (orders_db_next(s, date_year(o.requested_on), &o, &d) < 0
	    || orders_db_insert(s, &o, &d) < 0
	    || audit_record(s, &d, "order %s: %s investigation (%s) of "
			    "account %s for %s%s%s", o.number, o.priority,
			    o.reason, o.account,
			    date_format(o.scheduled_for, day),
			    case_opt ? ", case " : "", o.case_number) < 0)
		goto fail;
	if (dry_run)
		store_rollback(s);
	else if (store_commit(s, &d) < 0)
		goto fail;
	store_close(s);

	out = out_new(stdout, format, columns);
	out_field(out, o.number);
	out_field(out, o.account);
	out_field(out, o.reason);
	out_field(out, o.priority);
	out_date(out, o.requested_on);
	out_date(out, o.scheduled_for);
	out_field(out, o.case_number);
	out_row_end(out);
	out_free(out);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	free(h.days);
	account_release(&a);
	return EXIT_DONE;
fail:
	store_close(s);
	cli_fail(&d);
}
