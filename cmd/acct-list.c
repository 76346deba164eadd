/* acct-list: select accounts by balance, arrears, days past due, status, rate
 * class and flags, with their aging. */
#include <config.h>

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "account_db.h"
#include "cli.h"
#include "closeout.h"
#include "diag.h"
#include "ledger_db.h"
#include "out.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_DAYS_PAST_DUE = CLI_OPT_FIRST_FREE,
	OPT_FLAG,
	OPT_MIN_ARREARS,
	OPT_MIN_BALANCE,
	OPT_RATE_CLASS,
	OPT_STATUS
};

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "days-past-due", required_argument, NULL, OPT_DAYS_PAST_DUE },
	{ "db", required_argument, NULL, 'd' },
	{ "flag", required_argument, NULL, OPT_FLAG },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "min-arrears", required_argument, NULL, OPT_MIN_ARREARS },
	{ "min-balance", required_argument, NULL, OPT_MIN_BALANCE },
	{ "rate-class", required_argument, NULL, OPT_RATE_CLASS },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = {
	"account", "name", "status", "rate_class", ">balance", ">arrears",
	">days_past_due", ">current", ">d1_30", ">d31_60", ">d61_90",
	">d91_plus", NULL
};

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-d FILE] [--date D] "
		"[--days-past-due N] [--flag F]\n  [--format csv|table] "
		"[--min-arrears AMT] [--min-balance AMT] [--rate-class C]\n"
		"  [--status S]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("List the accounts that meet every condition given, with balance, "
	     "arrears, days\npast due and aging buckets as of the business "
	     "date, by account number.\n\n"
	     "Options:\n"
	     "  -d, --db FILE          the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D           as of this business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --days-past-due N  some arrears at least N days past due\n"
	     "      --flag F           heat, life_support, ebd or medical (a "
	     "certificate valid\n"
	     "                         on the date); repeat for several, all "
	     "required\n"
	     "      --format F         csv or table (default: table on a "
	     "terminal)\n"
	     "      --min-arrears AMT  arrears (unpaid past due) at least AMT\n"
	     "      --min-balance AMT  balance at least AMT\n"
	     "      --rate-class C     this rate class only\n"
	     "      --status S         active, off, final or closed\n"
	     "  -h, --help             show this help\n"
	     "      --version          show the version\n\n"
	     "Exit status: 0 done (also when nothing matches), 1 refused (no "
	     "store), 2 usage,\n75 busy.  See acct-list(1).");
	exit(EXIT_SUCCESS);
}

struct list {
	struct store *s;
	struct out *o;
	int asof;
	long due_days, days_past_due;
	int64_t min_balance, min_arrears;	/* INT64_MIN: no condition */
	struct diag d;
};

static int
list_one(const struct account *a, int exact, void *arg)
{
	struct list *l = arg;
	struct aging g;

	/* arrears never exceed the balance: most accounts end here */
	if (exact && l->min_balance != INT64_MIN && a->balance < l->min_balance)
		return 0;
	/* an exact balance came with the account: aging needs no re-read */
	if ((exact ? ledger_db_aging_of(l->s, a->number, a->balance, l->asof,
					l->due_days, &g, &l->d)
		   : ledger_db_aging(l->s, a->number, l->asof, l->due_days,
				     &g, &l->d)) < 0)
		return -1;
	if (l->min_balance != INT64_MIN && g.balance < l->min_balance)
		return 0;
	if (l->min_arrears != INT64_MIN && g.arrears < l->min_arrears)
		return 0;
	if (l->days_past_due > 0 && g.days_past_due < l->days_past_due)
		return 0;
	out_field(l->o, a->number);
	out_field(l->o, a->name);
	out_field(l->o, a->status);
	out_field(l->o, a->rate_class);
	out_money(l->o, g.balance);
	out_money(l->o, g.arrears);
	out_int(l->o, g.days_past_due);
	out_money(l->o, g.current);
	out_money(l->o, g.d1_30);
	out_money(l->o, g.d31_60);
	out_money(l->o, g.d61_90);
	out_money(l->o, g.d91_plus);
	out_row_end(l->o);
	return 0;
}

int
main(int argc, char **argv)
{
	struct list l = { .d = DIAG_INIT, .min_balance = INT64_MIN,
			  .min_arrears = INT64_MIN };
	struct account_filter f = { .min_balance = INT64_MIN };
	const char *db_opt = NULL, *date_opt = NULL;
	enum out_format format = OUT_AUTO;
	char why[128];
	int c;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case OPT_DAYS_PAST_DUE:
			l.days_past_due = cli_count("days-past-due", optarg, 0,
						    100000);
			break;
		case OPT_FLAG:
			if (strcmp(optarg, "heat") == 0)
				f.flag_heat = 1;
			else if (strcmp(optarg, "life_support") == 0)
				f.flag_life_support = 1;
			else if (strcmp(optarg, "ebd") == 0)
				f.flag_ebd = 1;
			else if (strcmp(optarg, "medical") == 0)
				f.flag_medical = 1;
			else
				cli_usage_error("option --flag: '%s': not heat, "
						"life_support, ebd or medical",
						optarg);
			break;
		case OPT_MIN_ARREARS:
			l.min_arrears = cli_money("min-arrears", optarg);
			break;
		case OPT_MIN_BALANCE:
			l.min_balance = cli_money("min-balance", optarg);
			break;
		case OPT_RATE_CLASS:
			if (account_rate_class_check(optarg, why, sizeof why)
			    < 0)
				cli_usage_error("option --rate-class: '%s': %s",
						optarg, why);
			f.rate_class = optarg;
			break;
		case OPT_STATUS:
			if (account_status_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --status: '%s': %s",
						optarg, why);
			f.status = optarg;
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

	if (argc != 0)
		cli_usage_error("no operands are taken: '%s'", argv[0]);
	l.asof = f.asof = cli_business_date(date_opt);
	/* the store may skip every account whose balance is below what any
	 * condition needs, since arrears never exceed the balance */
	f.min_balance = l.min_balance;
	if (l.min_arrears > 0 && l.min_arrears > f.min_balance)
		f.min_balance = l.min_arrears;
	if (l.days_past_due > 0 && f.min_balance < 1)
		f.min_balance = 1;
	l.min_balance = f.min_balance == INT64_MIN ? INT64_MIN : f.min_balance;

	l.s = store_open(store_path(db_opt), STORE_READ, program_name, &l.d);
	if (!l.s || policy_db_get_int(l.s, "bill.due_days", &l.due_days,
				      &l.d) < 0)
		cli_fail(&l.d);
	l.o = out_new(stdout, format, columns);
	if (account_db_each(l.s, &f, list_one, &l, &l.d) < 0) {
		out_free(l.o);
		store_close(l.s);
		cli_fail(&l.d);
	}
	out_free(l.o);
	store_close(l.s);
	return EXIT_DONE;
}
