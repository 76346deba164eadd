/* contact-log: record what was said with a customer, by whom, on which
 * channel, on the business date. */
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
#include "diag.h"
#include "out.h"
#include "progname.h"
#include "store.h"

enum {
	OPT_CHANNEL = CLI_OPT_FIRST_FREE,
	OPT_KIND,
	OPT_NOTE
};

static const struct option long_options[] = {
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { ">contact", "account", "on_date",
	"channel", "kind", "note", "clerk", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] --channel C [--date D] "
		"[--format csv|table]\n  [--kind K] --note TEXT ACCOUNT";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Record a contact with the customer of ACCOUNT on the business "
	     "date: the channel,\nthe kind and what was said.  The contact is "
	     "audited and printed (contact,\naccount, on_date, channel, kind, "
	     "note, clerk).\n\n"
	     "Options:\n"
	     "      --channel C    phone, in-person, mail, email or field\n"
	     "  -d, --db FILE      the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D       the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F     csv or table (default: table on a "
	     "terminal)\n"
	     "      --kind K       inquiry (the default), complaint, "
	     "contact-attempt or other\n"
	     "      --note TEXT    what was said\n"
	     "  -n, --dry-run      check and show the contact, then roll back\n"
	     "  -h, --help         show this help\n"
	     "      --version      show the version\n\n"
	     "Exit status: 0 done, 1 no such account, 2 usage, 75 busy.  See "
	     "contact-log(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct contact ct;
	struct account a = ACCOUNT_INIT;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	const char *channel = NULL, *kind = "inquiry", *note = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64];
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
		case OPT_CHANNEL:
			channel = optarg;
			break;
		case OPT_KIND:
			kind = optarg;
			break;
		case OPT_NOTE:
			note = optarg;
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
		cli_complain(argc ? "one ACCOUNT only" : "no account given");
	if (!channel)
		cli_complain("no --channel given");
	else if (cases_channel_check(channel, why, sizeof why) < 0)
		cli_complain("option --channel: '%s': %s",
			     diag_quote(q, sizeof q, channel), why);
	if (cases_contact_kind_check(kind, why, sizeof why) < 0)
		cli_complain("option --kind: '%s': %s",
			     diag_quote(q, sizeof q, kind), why);
	if (!note)
		cli_complain("no --note given");
	else if (!*note)
		cli_complain("option --note: '': empty");
	else if (strlen(note) >= sizeof ct.note)
		cli_complain("option --note: longer than %zu bytes",
			     sizeof ct.note - 1);
	if (argc == 1 && strlen(argv[0]) >= sizeof ct.account)
		cli_complain("account '%s': too long",
			     diag_quote(q, sizeof q, argv[0]));
	cli_usage_check();

	memset(&ct, 0, sizeof ct);
	ct.on_date = cli_business_date(date_opt);
	snprintf(ct.account, sizeof ct.account, "%s", argv[0]);
	snprintf(ct.channel, sizeof ct.channel, "%s", channel);
	snprintf(ct.kind, sizeof ct.kind, "%s", kind);
	snprintf(ct.note, sizeof ct.note, "%s", note);

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	found = account_db_load(s, ct.account, &a, &d);
	account_release(&a);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "account '%s': no such account",
			 diag_quote(q, sizeof q, ct.account));
	if (found <= 0
	    || cases_db_add_contact(s, &ct, &d) < 0
	    || audit_record(s, &d, "contact %lld with account %s: %s %s",
			    (long long) ct.id, ct.account, ct.channel,
			    ct.kind) < 0) {
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
	out_int(o, ct.id);
	out_field(o, ct.account);
	out_date(o, ct.on_date);
	out_field(o, ct.channel);
	out_field(o, ct.kind);
	out_field(o, ct.note);
	out_field(o, ct.login);
	out_row_end(o);
	out_free(o);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was recorded\n",
			program_name);
	return EXIT_DONE;
}
