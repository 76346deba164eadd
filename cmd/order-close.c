/* order-close: record a field order as completed or cancelled, and what its
 * type does on closing (an investigation's case hears of it, a shut-off or
 * a restoration changes the account's status). */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "orders_db.h"
#include "out.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_CANCELLED = CLI_OPT_FIRST_FREE,
	OPT_COMPLETED,
	OPT_ON,
	OPT_RESULT
};

static const struct option long_options[] = {
	{ "cancelled", no_argument, NULL, OPT_CANCELLED },
	{ "completed", no_argument, NULL, OPT_COMPLETED },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "on", required_argument, NULL, OPT_ON },
	{ "result", required_argument, NULL, OPT_RESULT },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "order", "account", "type",
	"status", "completed_on", "result", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] --cancelled | "
		"--completed [--date D]\n  [--format csv|table] [--on D] "
		"[--result TEXT] ORDER";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Close the scheduled field order ORDER as completed or "
	     "cancelled, on the business\ndate or --on D.  Closing an "
	     "investigation that serves a case adds a note to the\ncase.  "
	     "A completed shut-off sets the account's status off; a "
	     "completed\nrestoration sets it active and posts the "
	     "reconnection fee, policy key\nfee.reconnect, when it is above "
	     "zero.  A cancelled shut-off needs --result\nsaying why "
	     "(shutoff-sched gives its own when it cancels one that no "
	     "longer\nholds); cancelling changes no account.  Prints order, "
	     "account, type, status,\ncompleted_on, result.\n\n"
	     "Options:\n"
	     "  -d, --db FILE      the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --cancelled    the order was cancelled\n"
	     "      --completed    the work was done\n"
	     "      --date D       the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F     csv or table (default: table on a "
	     "terminal)\n"
	     "      --on D         the day it was done or cancelled (else the "
	     "business date)\n"
	     "      --result TEXT  what the crew found or why it was "
	     "cancelled\n"
	     "  -n, --dry-run      check and show the change, then roll back\n"
	     "  -h, --help         show this help\n"
	     "      --version      show the version\n\n"
	     "Exit status: 0 done, 1 refused (no such order, already closed, "
	     "--on before it\nwas requested, a shut-off cancelled without "
	     "--result), 2 usage, 75 busy.\nSee order-close(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct order o;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *result = "";
	enum out_format format = OUT_AUTO;
	char q[64], b1[DATE_BUFSZ], b2[DATE_BUFSZ];
	int c, found, today, on = DATE_NONE, dry_run = 0, completed = -1;
	struct store *s;
	struct out *out;

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
		case OPT_CANCELLED:
		case OPT_COMPLETED:
			if (completed == (c == OPT_CANCELLED))
				cli_usage_error("--cancelled and --completed: "
						"give only one");
			completed = c == OPT_COMPLETED;
			break;
		case OPT_ON:
			on = cli_date("on", optarg);
			break;
		case OPT_RESULT:
			if (strlen(optarg) >= sizeof o.result)
				cli_usage_error("option --result: longer than "
						"%zu bytes", sizeof o.result - 1);
			result = optarg;
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
		cli_usage_error(argc ? "one ORDER only" : "no order given");
	if (completed < 0)
		cli_usage_error("--cancelled or --completed: give one");
	today = cli_business_date(date_opt);
	if (on == DATE_NONE)
		on = today;
	else if (on > today)
		cli_usage_error("option --on: '%s': after the business date %s",
				date_format(on, b1), date_format(today, b2));

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		goto fail;
	found = orders_db_load(s, argv[0], &o, &d);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "order '%s': no such order",
			 diag_quote(q, sizeof q, argv[0]));
	if (found <= 0)
		goto fail;
	if (strcmp(o.status, "scheduled") != 0) {
		diag_set(&d, EXIT_REFUSED, "order '%s': already %s on %s",
			 o.number, o.status, date_format(o.completed_on, b1));
		goto fail;
	}
	if (on < o.requested_on) {
		diag_set(&d, EXIT_REFUSED, "order '%s': --on %s: before it was "
			 "requested on %s", o.number, date_format(on, b1),
			 date_format(o.requested_on, b2));
		goto fail;
	}
	if (!completed && strcmp(o.type, "shutoff") == 0 && !*result) {
		diag_set(&d, EXIT_REFUSED, "order '%s': a cancelled shut-off "
			 "needs --result saying why", o.number);
		goto fail;
	}
	if (orders_db_close(s, &o, completed, result, on, &d) < 0
	    || audit_record(s, &d, "order %s: %s %s of account %s on %s%s%s",
			    o.number, o.type, o.status, o.account,
			    date_format(on, b1), o.result[0] ? ": " : "",
			    o.result) < 0)
		goto fail;
	if (dry_run)
		store_rollback(s);
	else if (store_commit(s, &d) < 0)
		goto fail;
	store_close(s);

	out = out_new(stdout, format, columns);
	out_field(out, o.number);
	out_field(out, o.account);
	out_field(out, o.type);
	out_field(out, o.status);
	out_date(out, o.completed_on);
	out_field(out, o.result);
	out_row_end(out);
	out_free(out);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	return EXIT_DONE;
fail:
	store_close(s);
	cli_fail(&d);
}
