/* acct-edit: change the named fields of one account, audited with the old and
 * new values. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "account_db.h"
#include "audit.h"
#include "cli.h"
#include "closeout.h"
#include "diag.h"
#include "out.h"
#include "progname.h"
#include "store.h"

/* Each field's option value is the field number past CLI_OPT_FIRST_FREE. */
static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "ebd", required_argument, NULL, CLI_OPT_FIRST_FREE + ACCOUNT_EBD },
	{ "email", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_EMAIL },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "heat", required_argument, NULL, CLI_OPT_FIRST_FREE + ACCOUNT_HEAT },
	{ "help", no_argument, NULL, 'h' },
	{ "life-support", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_LIFE_SUPPORT },
	{ "mailing-address", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_MAILING_ADDRESS },
	{ "medical-until", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_MEDICAL_UNTIL },
	{ "name", required_argument, NULL, CLI_OPT_FIRST_FREE + ACCOUNT_NAME },
	{ "phone", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_PHONE },
	{ "rate-class", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_RATE_CLASS },
	{ "service-address", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_SERVICE_ADDRESS },
	{ "status", required_argument, NULL,
	  CLI_OPT_FIRST_FREE + ACCOUNT_STATUS },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "account", "field", "old", "new",
	NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] [--ebd "
		"yes|no] [--email E]\n  [--format csv|table] [--heat yes|no] "
		"[--life-support yes|no]\n  [--mailing-address A] "
		"[--medical-until DATE|none] [--name N] [--phone P]\n  "
		"[--rate-class C] [--service-address A] [--status S] ACCOUNT";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Change the fields named of one account; the rest stay as they "
	     "are.  Each change\nis audited with its old and new value and "
	     "printed (account, field, old, new).\n\n"
	     "Options:\n"
	     "  -d, --db FILE              the store (else $ACCTKIT_DB, else "
	     "the default)\n"
	     "      --date D               the business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --ebd yes|no           an elderly, blind or disabled "
	     "household\n"
	     "      --email E              e-mail address\n"
	     "      --format F             csv or table (default: table on a "
	     "terminal)\n"
	     "      --heat yes|no          service used for heating\n"
	     "      --life-support yes|no  life-support equipment at the "
	     "address\n"
	     "      --mailing-address A    where bills are mailed\n"
	     "      --medical-until D      medical certificate valid through "
	     "D, or none\n"
	     "      --name N               the customer's name\n"
	     "      --phone P              telephone number\n"
	     "      --rate-class C         rate class, e.g. residential\n"
	     "      --service-address A    where the service is\n"
	     "      --status S             active, off, final or closed\n"
	     "  -n, --dry-run              check and show the changes, then "
	     "roll back\n"
	     "  -h, --help                 show this help\n"
	     "      --version              show the version\n\n"
	     "Exit status: 0 done, 1 no such account, 2 usage, 75 busy.  See "
	     "acct-edit(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	const char *value[ACCOUNT_NFIELDS] = { NULL };
	struct account old = ACCOUNT_INIT, a = ACCOUNT_INIT;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64], changes[4096], b1[256], b2[256];
	struct store *s;
	struct out *o;
	int c, f, found, dry_run = 0, nset = 0;

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
		case CLI_OPT_DATE:
			cli_business_date(optarg);	/* checked, unused */
			break;
		case CLI_OPT_FORMAT:
			format = cli_format(optarg);
			break;
		case CLI_OPT_VERSION:
			cli_version();
		default:
			if (c >= CLI_OPT_FIRST_FREE
			    && c < CLI_OPT_FIRST_FREE + ACCOUNT_NFIELDS) {
				value[c - CLI_OPT_FIRST_FREE] = optarg;
				nset++;
				break;
			}
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (argc != 1)
		cli_usage_error(argc ? "one ACCOUNT only" : "no account given");
	if (nset == 0)
		cli_usage_error("nothing to change: name a field to set");
	/* every value is checked before the store is opened */
	for (f = 0; f < ACCOUNT_NFIELDS; f++) {
		if (value[f] && account_set(&a, f, value[f], why, sizeof why)
				< 0) {
			char option[64], *p;

			snprintf(option, sizeof option, "%s",
				 account_field_name(f));
			for (p = option; *p; p++)
				if (*p == '_')
					*p = '-';
			cli_usage_error("option --%s: '%s': %s", option,
					diag_quote(q, sizeof q, value[f]), why);
		}
	}
	account_release(&a);

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	found = account_db_load(s, argv[0], &old, &d);
	if (found <= 0) {
		store_close(s);
		if (found == 0)
			diag_set(&d, EXIT_REFUSED, "account '%s': no such "
				 "account", diag_quote(q, sizeof q, argv[0]));
		cli_fail(&d);
	}
	account_copy(&a, &old);
	for (f = 0; f < ACCOUNT_NFIELDS; f++)
		if (value[f])
			account_set(&a, f, value[f], why, sizeof why);
	if (account_diff(&old, &a, changes, sizeof changes)
	    && (account_db_update(s, &a, &d) < 0
		|| audit_record(s, &d, "account %s: %s", a.number,
				changes) < 0)) {
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
	for (f = 0; f < ACCOUNT_NFIELDS; f++) {
		account_get(&old, f, b1, sizeof b1);
		account_get(&a, f, b2, sizeof b2);
		if (strcmp(b1, b2) == 0)
			continue;
		out_field(o, a.number);
		out_field(o, account_field_name(f));
		out_field(o, b1);
		out_field(o, b2);
		out_row_end(o);
	}
	out_free(o);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	account_release(&old);
	account_release(&a);
	return EXIT_DONE;
}
