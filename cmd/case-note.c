/* case-note: add a note to an open case, and perhaps move it to another
 * status on its way to resolution. */
#include <config.h>

#include <getopt.h>
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
#include "out.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_NOTE = CLI_OPT_FIRST_FREE,
	OPT_STATUS
};

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "case", "status", "note", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] "
		"[--format csv|table] --note TEXT\n  [--status S] CASE";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Add a note to the open case CASE, and with --status set its "
	     "status; without it\nthe status stays as it is.  A closed case "
	     "takes no notes.  The note is audited\nand printed (case, status, "
	     "note).\n\n"
	     "Options:\n"
	     "  -d, --db FILE     the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D      the business date (else $ACCTKIT_TODAY, else "
	     "today)\n"
	     "      --format F    csv or table (default: table on a terminal)\n"
	     "      --note TEXT   what was done or learnt\n"
	     "      --status S    open, investigating or waiting-customer\n"
	     "  -n, --dry-run     check and show the note, then roll back\n"
	     "  -h, --help        show this help\n"
	     "      --version     show the version\n\n"
	     "Exit status: 0 done, 1 no such case or a closed one, 2 usage, 75 "
	     "busy.  See\ncase-note(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct case_record k;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *note = NULL, *status = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64], day[DATE_BUFSZ];
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
		case OPT_NOTE:
			note = optarg;
			break;
		case OPT_STATUS:
			status = optarg;
			break;
		case CLI_OPT_DATE:
			cli_business_date(optarg);	/* checked, unused */
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
	if (!note)
		cli_complain("no --note given");
	else if (!*note)
		cli_complain("option --note: '': empty");
	else if (strlen(note) >= sizeof k.resolution)
		cli_complain("option --note: longer than %zu bytes",
			     sizeof k.resolution - 1);
	if (status && cases_status_check(status, why, sizeof why) < 0)
		cli_complain("option --status: '%s': %s",
			     diag_quote(q, sizeof q, status), why);
	cli_usage_check();

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	found = cases_db_load(s, argv[0], &k, &d);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "case '%s': no such case",
			 diag_quote(q, sizeof q, argv[0]));
	else if (found > 0 && strcmp(k.status, "closed") == 0)
		found = diag_set(&d, EXIT_REFUSED, "case %s: closed on %s: "
				 "it takes no more notes", k.number,
				 date_format(k.closed_on, day));
	if (found <= 0) {
		store_close(s);
		cli_fail(&d);
	}
	if (!status)
		status = k.status;
	if (cases_db_add_note(s, k.number, note, status, &d) < 0
	    || audit_record(s, &d, "case %s on account %s: note, %s -> %s",
			    k.number, k.account, k.status, status) < 0) {
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
	out_field(o, status);
	out_field(o, note);
	out_row_end(o);
	out_free(o);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was recorded\n",
			program_name);
	return EXIT_DONE;
}
