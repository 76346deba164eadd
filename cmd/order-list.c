/* order-list: the field crews' list: orders by scheduled day, then service
 * address. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "orders.h"
#include "orders_db.h"
#include "out.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_FROM = CLI_OPT_FIRST_FREE,
	OPT_ON,
	OPT_STATUS,
	OPT_TO,
	OPT_TYPE
};

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "help", no_argument, NULL, 'h' },
	{ "on", required_argument, NULL, OPT_ON },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "to", required_argument, NULL, OPT_TO },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "order", "account",
	"service_address", "type", "reason", "priority", "requested_on",
	"scheduled_for", "status", "case", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-d FILE] [--date D] "
		"[--format csv|table] [--from D] [--on D]\n  [--status S] "
		"[--to D] [--type T]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("List the field orders scheduled for a day or a range of days, "
	     "by day, then\nservice address, then number: the crews' list.  "
	     "With no --on, --from or --to,\nthe business date's orders; with "
	     "no --status, the scheduled ones only.\n\n"
	     "Options:\n"
	     "  -d, --db FILE    the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D     the business date (else $ACCTKIT_TODAY, else "
	     "today)\n"
	     "      --format F   csv or table (default: table on a terminal)\n"
	     "      --from D     scheduled on or after D\n"
	     "      --on D       scheduled on D (--from D --to D)\n"
	     "      --status S   scheduled (the default), completed, cancelled "
	     "or all\n"
	     "      --to D       scheduled on or before D\n"
	     "      --type T     investigation, shutoff or restoration (else "
	     "every type)\n"
	     "  -h, --help       show this help\n"
	     "      --version    show the version\n\n"
	     "Exit status: 0 done (also when nothing matches), 1 refused (no "
	     "store), 2 usage,\n75 busy.  See order-list(1).");
	exit(EXIT_SUCCESS);
}

static int
list_one(const struct order *o, void *arg)
{
	struct out *out = arg;

	out_field(out, o->number);
	out_field(out, o->account);
	out_field(out, o->service_address);
	out_field(out, o->type);
	out_field(out, o->reason);
	out_field(out, o->priority);
	out_date(out, o->requested_on);
	out_date(out, o->scheduled_for);
	out_field(out, o->status);
	out_field(out, o->case_number);
	out_row_end(out);
	return 0;
}

int
main(int argc, char **argv)
{
	struct order_filter f = { NULL, "scheduled", NULL, DATE_NONE,
				  DATE_NONE };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64];
	int c, on = DATE_NONE;
	struct store *s;
	struct out *out;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case OPT_FROM:
			f.from = cli_date("from", optarg);
			break;
		case OPT_ON:
			on = cli_date("on", optarg);
			break;
		case OPT_STATUS:
			if (strcmp(optarg, "all") == 0)
				f.status = NULL;
			else if (orders_status_check(optarg, why, sizeof why)
				 < 0)
				cli_usage_error("option --status: '%s': not "
						"scheduled, completed, "
						"cancelled or all",
						diag_quote(q, sizeof q, optarg));
			else
				f.status = optarg;
			break;
		case OPT_TO:
			f.to = cli_date("to", optarg);
			break;
		case OPT_TYPE:
			if (orders_type_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --type: '%s': %s",
						diag_quote(q, sizeof q, optarg),
						why);
			f.type = optarg;
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
	if (on != DATE_NONE && (f.from != DATE_NONE || f.to != DATE_NONE))
		cli_usage_error("--on and --from or --to: give one or the "
				"other");
	if (f.from != DATE_NONE && f.to != DATE_NONE && f.from > f.to) {
		char from[DATE_BUFSZ], to[DATE_BUFSZ];

		cli_usage_error("option --from: '%s': after --to %s",
				date_format(f.from, from), date_format(f.to, to));
	}
	if (on == DATE_NONE && f.from == DATE_NONE && f.to == DATE_NONE)
		on = cli_business_date(date_opt);
	else
		cli_business_date(date_opt);	/* checked, unused */
	if (on != DATE_NONE)
		f.from = f.to = on;

	s = store_open(store_path(db_opt), STORE_READ, program_name, &d);
	if (!s)
		cli_fail(&d);
	out = out_new(stdout, format, columns);
	if (orders_db_each(s, &f, list_one, out, &d) < 0) {
		out_free(out);
		store_close(s);
		cli_fail(&d);
	}
	out_free(out);
	store_close(s);
	return EXIT_DONE;
}
