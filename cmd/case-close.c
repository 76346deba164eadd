/* case-close: close a case with its resolution on the business date,
 * naming the ledger adjustment that settled it, if one did. */
#include <config.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "cases.h"
#include "cases_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "ledger_db.h"
#include "out.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_ADJUSTMENT = CLI_OPT_FIRST_FREE,
	OPT_RESOLUTION
};

static const struct option long_options[] = {
	{ "adjustment", required_argument, NULL, OPT_ADJUSTMENT },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "resolution", required_argument, NULL, OPT_RESOLUTION },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "case", "account", "closed_on",
	">days_open", "resolution", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [--adjustment ENTRY_ID] [-d FILE] "
		"[--date D]\n  [--format csv|table] --resolution TEXT CASE";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Close the case CASE on the business date with its resolution.  "
	     "With --adjustment,\nthe ledger entry that settled it, which must "
	     "be an entry of the case's account.\nThe closing is audited and "
	     "printed (case, account, closed_on, days_open,\nresolution).\n\n"
	     "Options:\n"
	     "      --adjustment ENTRY_ID  the entry that settled the case\n"
	     "  -d, --db FILE              the store (else $ACCTKIT_DB, else "
	     "the default)\n"
	     "      --date D               the business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --format F             csv or table (default: table on a "
	     "terminal)\n"
	     "      --resolution TEXT      what was found and done\n"
	     "  -n, --dry-run              check and show the closing, then "
	     "roll back\n"
	     "  -h, --help                 show this help\n"
	     "      --version              show the version\n\n"
	     "Exit status: 0 done, 1 refused (no such case, closed already, a "
	     "bad entry), 2 usage,\n75 busy.  See case-close(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct case_record k;
	struct ledger_stored e;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *resolution = NULL;
	enum out_format format = OUT_AUTO;
	char q[64], day[DATE_BUFSZ];
	int64_t adjustment = 0;
	struct store *s;
	struct out *o;
	int c, found, today, dry_run = 0;

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
		case OPT_ADJUSTMENT:
			adjustment = cli_count("adjustment", optarg, 1,
					       LONG_MAX);
			break;
		case OPT_RESOLUTION:
			resolution = optarg;
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
		cli_complain(argc ? "one CASE only" : "no case given");
	if (!resolution)
		cli_complain("no --resolution given");
	else if (!*resolution)
		cli_complain("option --resolution: '': empty");
	else if (strlen(resolution) >= sizeof k.resolution)
		cli_complain("option --resolution: longer than %zu bytes",
			     sizeof k.resolution - 1);
	cli_usage_check();
	today = cli_business_date(date_opt);

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	found = cases_db_load(s, argv[0], &k, &d);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "case '%s': no such case",
			 diag_quote(q, sizeof q, argv[0]));
	if (found <= 0) {
		store_close(s);
		cli_fail(&d);
	}
	if (strcmp(k.status, "closed") == 0)
		cli_complain("case %s: closed already on %s", k.number,
			     date_format(k.closed_on, day));
	if (today < k.opened_on)
		cli_complain("case %s: opened on %s, after the date given",
			     k.number, date_format(k.opened_on, day));
	if (adjustment) {
		found = ledger_db_entry(s, adjustment, &e, &d);
		if (found < 0) {
			store_close(s);
			cli_fail(&d);
		}
		if (found == 0)
			cli_complain("option --adjustment: entry %lld: no such "
				     "entry", (long long) adjustment);
		else if (strcmp(e.account, k.account) != 0)
			cli_complain("option --adjustment: entry %lld: of account "
				     "%s, not of the case's account %s",
				     (long long) adjustment, e.account, k.account);
	}
	if (cli_complaints()) {
		store_close(s);
		return EXIT_REFUSED;
	}
	if (cases_db_close(s, k.number, today, resolution, adjustment, &d) < 0
	    || (adjustment
		? audit_record(s, &d, "case %s on account %s: closed, entry "
			       "%lld", k.number, k.account,
			       (long long) adjustment)
		: audit_record(s, &d, "case %s on account %s: closed",
			       k.number, k.account)) < 0) {
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
	out_date(o, today);
	out_int(o, cases_days_open(k.opened_on, today, today));
	out_field(o, resolution);
	out_row_end(o);
	out_free(o);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was closed\n",
			program_name);
	return EXIT_DONE;
}
