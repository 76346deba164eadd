/* case-list: select complaint cases by account, category, state and due
 * date, with their days open and overdue as of the business date. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "account_db.h"
#include "cases.h"
#include "cases_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_ACCOUNT = CLI_OPT_FIRST_FREE,
	OPT_CATEGORY,
	OPT_DUE_WITHIN,
	OPT_OPEN,
	OPT_OVERDUE
};

static const struct option long_options[] = {
	{ "account", required_argument, NULL, OPT_ACCOUNT },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "due-within", required_argument, NULL, OPT_DUE_WITHIN },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "open", no_argument, NULL, OPT_OPEN },
	{ "overdue", no_argument, NULL, OPT_OVERDUE },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "case", "account", "category",
	"status", "opened_on", "due_on", ">days_open", ">days_overdue",
	"summary", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[--account A] [--category C] "
		"[-d FILE] [--date D]\n  [--due-within DAYS] "
		"[--format csv|table] [--open] [--overdue]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("List the cases that meet every condition given, by due date "
	     "then number, with\ntheir days open and days overdue as of the "
	     "business date.\n\n"
	     "Options:\n"
	     "      --account A        the cases of account A only\n"
	     "      --category C       billing, service, meter, shutoff or "
	     "other\n"
	     "  -d, --db FILE          the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D           as of this business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --due-within DAYS  open and due within DAYS days of the "
	     "date (overdue too)\n"
	     "      --format F         csv or table (default: table on a "
	     "terminal)\n"
	     "      --open             not closed\n"
	     "      --overdue          open and due before the date\n"
	     "  -h, --help             show this help\n"
	     "      --version          show the version\n\n"
	     "Exit status: 0 done (also when nothing matches), 1 refused (no "
	     "such account, no\nstore), 2 usage, 75 busy.  See case-list(1).");
	exit(EXIT_SUCCESS);
}

struct list {
	struct out *o;
	int asof;
};

static int
list_one(const struct case_record *k, void *arg)
{
	struct list *l = arg;

	out_field(l->o, k->number);
	out_field(l->o, k->account);
	out_field(l->o, k->category);
	out_field(l->o, k->status);
	out_date(l->o, k->opened_on);
	out_date(l->o, k->due_on);
	out_int(l->o, cases_days_open(k->opened_on, k->closed_on, l->asof));
	out_int(l->o, cases_days_overdue(k->due_on, k->closed_on, l->asof));
	out_field(l->o, k->summary);
	out_row_end(l->o);
	return 0;
}

int
main(int argc, char **argv)
{
	struct case_filter f = { .overdue_on = DATE_NONE,
				 .due_by = DATE_NONE };
	struct list l;
	struct account a = ACCOUNT_INIT;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64];
	long due_within = -1;
	int c, found, overdue = 0;
	struct store *s;

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
			f.account = optarg;
			break;
		case OPT_CATEGORY:
			if (cases_category_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --category: '%s': %s",
						diag_quote(q, sizeof q, optarg),
						why);
			f.category = optarg;
			break;
		case OPT_DUE_WITHIN:
			due_within = cli_count("due-within", optarg, 0, 100000);
			break;
		case OPT_OPEN:
			f.open_only = 1;
			break;
		case OPT_OVERDUE:
			overdue = 1;
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
	l.asof = cli_business_date(date_opt);
	if (overdue)
		f.overdue_on = l.asof;
	if (due_within >= 0)
		f.due_by = l.asof + (int) due_within;

	s = store_open(store_path(db_opt), STORE_READ, program_name, &d);
	if (!s)
		cli_fail(&d);
	/* a mistyped account is said, not shown as an empty list */
	if (f.account) {
		found = account_db_load(s, f.account, &a, &d);
		account_release(&a);
		if (found == 0)
			diag_set(&d, EXIT_REFUSED, "account '%s': no such "
				 "account", diag_quote(q, sizeof q, f.account));
		if (found <= 0) {
			store_close(s);
			cli_fail(&d);
		}
	}
	l.o = out_new(stdout, format, columns);
	if (cases_db_each(s, &f, list_one, &l, &d) < 0) {
		out_free(l.o);
		store_close(s);
		cli_fail(&d);
	}
	out_free(l.o);
	store_close(s);
	return EXIT_DONE;
}
