/* plan-calc: the schedule of a payment agreement: the down payment and the
 * installments with their due dates, principal, interest and the balance
 * left.  Pure arithmetic; the store only for --account and holidays. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account.h"
#include "account_db.h"
#include "agreement.h"
#include "calendar_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "error.h"
#include "ledger_db.h"
#include "money.h"
#include "out.h"
#include "plan.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"
#include "xalloc.h"

enum {
	OPT_ACCOUNT = CLI_OPT_FIRST_FREE,
	OPT_AMOUNT,
	OPT_BALANCE,
	OPT_COUNT,
	OPT_DOWN,
	OPT_EVERY,
	OPT_FIRST,
	OPT_RATE,
	OPT_ROUND,
	OPT_SHIFT
};

static const struct option long_options[] = {
	{ "account", required_argument, NULL, OPT_ACCOUNT },
	{ "amount", required_argument, NULL, OPT_AMOUNT },
	{ "balance", no_argument, NULL, OPT_BALANCE },
	{ "count", required_argument, NULL, OPT_COUNT },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "down", required_argument, NULL, OPT_DOWN },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ "first", required_argument, NULL, OPT_FIRST },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "rate", required_argument, NULL, OPT_RATE },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "shift", required_argument, NULL, OPT_SHIFT },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = {
	">seq", "due_on", ">amount", ">principal", ">interest", ">balance",
	NULL
};

/* The longest agreement plan-calc works out: 100 years of months. */

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "(--account ACCOUNT [--balance] | "
		"--amount AMT) --count N\n  [-d FILE] [--date D] "
		"[--down AMT | --down PCT%] [--every month|2weeks|week]\n"
		"  [--first D] [--format csv|table] [--rate PCT] "
		"[--round UNIT]\n  [--shift next|previous|none]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Work out the schedule of a payment agreement: the down payment "
	     "(row 0, due on\nthe agreement date) and N installments, with "
	     "their due dates, principal,\ninterest and the balance left.  "
	     "The installments add up to the amount exactly.\n\n"
	     "Options:\n"
	     "      --account ACCOUNT  plan the account's arrears as of the "
	     "business date\n"
	     "      --amount AMT       plan this amount\n"
	     "      --balance          with --account: its whole balance, not "
	     "the arrears\n"
	     "      --count N          this many installments, 1 to 1200\n"
	     "  -d, --db FILE          the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D           the agreement date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --down AMT         a down payment of AMT, or of PCT% of "
	     "the amount\n"
	     "      --every P          month (default), 2weeks or week\n"
	     "      --first D          the first installment's due date "
	     "(default: one period\n"
	     "                         after the agreement date)\n"
	     "      --format F         csv or table (default: table on a "
	     "terminal)\n"
	     "      --rate PCT         interest per period in percent, up to "
	     "6 decimals\n"
	     "      --round UNIT       installments in multiples of UNIT, the "
	     "rest on the last\n"
	     "      --shift S          move due dates off weekends and "
	     "holidays to the next or\n"
	     "                         previous business day; none (default)\n"
	     "  -h, --help             show this help\n"
	     "      --version          show the version\n\n"
	     "Exit status: 0 done, 1 an unknown account or nothing owed, the "
	     "store unusable,\n2 usage or terms that make no schedule, 75 "
	     "busy.  See plan-calc(1).");
	exit(EXIT_SUCCESS);
}

/* The options as given, before the amount is known. */
struct request {
	const char *account, *down_opt;
	int64_t amount;		/* 0: from the account */
	int balance;
};

/* What the account owes as of asof: its arrears, or its balance. */
static int64_t
account_amount(struct store *s, const struct request *rq, int asof)
{
	struct account a = ACCOUNT_INIT;
	struct diag d = DIAG_INIT;
	struct aging g;
	long due_days;
	char q[64], day[DATE_BUFSZ], bal[MONEY_BUFSZ];
	int rc;

	rc = account_db_load(s, rq->account, &a, &d);
	account_release(&a);
	if (rc < 0)
		cli_fail(&d);
	diag_quote(q, sizeof q, rq->account);
	if (rc == 0)
		error(EXIT_REFUSED, 0, "account '%s': no such account", q);
	if (policy_db_get_int(s, "bill.due_days", &due_days, &d) < 0
	    || ledger_db_aging(s, rq->account, asof, (int) due_days, &g,
			       &d) < 0)
		cli_fail(&d);
	date_format(asof, day);
	money_format(g.balance, bal);
	if (g.balance <= 0)
		error(EXIT_REFUSED, 0, "account '%s': nothing owed as of %s "
		      "(balance %s)", q, day, bal);
	if (!rq->balance && g.arrears <= 0)
		error(EXIT_REFUSED, 0, "account '%s': no arrears as of %s "
		      "(balance %s, not yet past due)", q, day, bal);
	return rq->balance ? g.balance : g.arrears;
}

static void
write_schedule(const struct plan_row *rows, size_t n, enum out_format f)
{
	struct out *o = out_new(stdout, f, columns);
	int64_t amount = 0, principal = 0, interest = 0;
	char line[160], a[MONEY_BUFSZ], p[MONEY_BUFSZ], i[MONEY_BUFSZ];
	size_t r;

	for (r = 0; r < n; r++) {
		out_int(o, rows[r].seq);
		out_date(o, rows[r].due_on);
		out_money(o, rows[r].amount);
		out_money(o, rows[r].principal);
		out_money(o, rows[r].interest);
		out_money(o, rows[r].balance);
		out_row_end(o);
		amount += rows[r].amount;
		principal += rows[r].principal;
		interest += rows[r].interest;
	}
	snprintf(line, sizeof line, "total %s: principal %s, interest %s",
		 money_format(amount, a), money_format(principal, p),
		 money_format(interest, i));
	out_footer(o, line);
	out_free(o);
}

int
main(int argc, char **argv)
{
	struct request rq = { NULL, NULL, 0, 0 };
	struct plan_terms t = { .first = DATE_NONE, .round = 1,
				.every = PLAN_MONTH,
				.shift = PLAN_SHIFT_NONE };
	struct holidays h = HOLIDAYS_INIT;
	struct store *s = NULL;
	struct diag d = DIAG_INIT;
	struct plan_row *rows;
	enum out_format format = OUT_AUTO;
	const char *db_opt = NULL, *date_opt = NULL, *first_opt = NULL;
	const char *path;
	char why[1024], q[64], m1[MONEY_BUFSZ], d1[DATE_BUFSZ];
	size_t n;
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
		case OPT_ACCOUNT:
			if (account_number_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --account: '%s': %s",
						diag_quote(q, sizeof q, optarg),
						why);
			rq.account = optarg;
			break;
		case OPT_AMOUNT:
			rq.amount = cli_money("amount", optarg);
			if (rq.amount <= 0)
				cli_usage_error("option --amount: '%s': not "
						"above zero",
						diag_quote(q, sizeof q, optarg));
			break;
		case OPT_BALANCE:
			rq.balance = 1;
			break;
		case OPT_COUNT:
			cli_plan_option("count", optarg, &t);
			break;
		case OPT_DOWN:
			/* plan-agree's rule, so that both make one schedule;
			 * a share is worked out once the amount is known */
			rq.down_opt = optarg;
			if (agreement_down_parse(optarg, 0, &t.down, why,
						 sizeof why) < 0)
				cli_usage_error("option --down: '%s': %s",
						diag_quote(q, sizeof q, optarg),
						why);
			if (t.down < 0)
				cli_usage_error("option --down: '%s': below "
						"zero",
						diag_quote(q, sizeof q, optarg));
			break;
		case OPT_EVERY:
			cli_plan_option("every", optarg, &t);
			break;
		case OPT_FIRST:
			first_opt = optarg;
			cli_plan_option("first", optarg, &t);
			break;
		case OPT_RATE:
			cli_plan_option("rate", optarg, &t);
			break;
		case OPT_ROUND:
			cli_plan_option("round", optarg, &t);
			break;
		case OPT_SHIFT:
			cli_plan_option("shift", optarg, &t);
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
		cli_usage_error("no operands are taken: '%s'",
				diag_quote(q, sizeof q, argv[0]));
	if (!rq.account == !rq.amount)
		cli_usage_error(rq.account ? "--account and --amount do not go "
				"together" : "no --amount or --account given");
	if (rq.balance && !rq.account)
		cli_usage_error("--balance goes with --account");
	if (t.count == 0)
		cli_usage_error("no --count given");
	t.start = cli_business_date(date_opt);
	if (t.first != DATE_NONE && t.first < t.start)
		cli_usage_error("option --first: '%s': before the agreement "
				"date %s", diag_quote(q, sizeof q, first_opt),
				date_format(t.start, d1));

	/* the store, read-only, for the account or the holidays: without
	 * one, a shift still knows weekends */
	path = store_path(db_opt);
	if (rq.account || (t.shift != PLAN_SHIFT_NONE
			   && (access(path, F_OK) == 0 || errno != ENOENT))) {
		s = store_open(path, STORE_READ, program_name, &d);
		if (!s)
			cli_fail(&d);
	} else if (t.shift != PLAN_SHIFT_NONE) {
		error(0, 0, "no store '%s': due dates moved off weekends "
		      "only, not holidays", diag_quote(q, sizeof q, path));
	}
	t.amount = rq.account ? account_amount(s, &rq, t.start) : rq.amount;
	if (s && t.shift != PLAN_SHIFT_NONE
	    && calendar_db_holidays(s, &h, &d) < 0)
		cli_fail(&d);
	if (s)
		store_close(s);
	t.holidays = &h;

	if (rq.down_opt)
		agreement_down_parse(rq.down_opt, t.amount, &t.down, why,
				     sizeof why);
	if (t.down > t.amount)
		cli_usage_error("option --down: '%s': above the amount %s",
				diag_quote(q, sizeof q, rq.down_opt),
				money_format(t.amount, m1));
	if (t.down == t.amount)
		cli_usage_error("option --down: '%s': the whole amount %s, "
				"nothing left for installments",
				diag_quote(q, sizeof q, rq.down_opt),
				money_format(t.amount, m1));

	rows = xnmalloc((size_t) t.count + 1, sizeof *rows);
	if (plan_schedule(&t, rows, &n, why, sizeof why) < 0)
		error(EXIT_USAGE, 0, "cannot work out a schedule: %s", why);
	write_schedule(rows, n, format);
	free(rows);
	free(h.days);
	return EXIT_DONE;
}
