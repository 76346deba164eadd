/* cert-verify: tells whether a full payment certificate is valid, given its
 * number and verification code. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cert.h"
#include "cert_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "progname.h"
#include "store.h"

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "certificate", "status", "account",
	"as_of", "valid_until", ">balance", "voided_on", "void_reason",
	NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-d FILE] [--date D] "
		"[--format csv|table] NUMBER CODE";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Tell whether the full payment certificate NUMBER, with its "
	     "verification code\nCODE (either case; '-' and spaces do not "
	     "matter), is valid on the business date:\nvalid, expired (after "
	     "its valid_until), void, or unknown (no such certificate,\nor "
	     "not its code: the same answer).  Changes nothing.\n\n"
	     "Options:\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F       csv or table (default: a table on a "
	     "terminal, else csv)\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Columns: certificate, status, account, as_of, valid_until, "
	     "balance, voided_on,\nvoid_reason.\n"
	     "Exit status: 0 valid, 1 expired, void or unknown, 2 usage, 75 "
	     "busy.\nSee cert-verify(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	enum out_format format = OUT_AUTO;
	enum cert_status answer;
	struct store *s;
	struct cert cert;
	struct out *o;
	int c, found, matches, today;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:h", long_options, NULL))
	       != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
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

	today = cli_business_date(date_opt);
	if (argc != 2)
		cli_usage_error(argc < 2 ? "a certificate's NUMBER and CODE "
				"are needed" : "only NUMBER and CODE");

	memset(&cert, 0, sizeof cert);
	s = store_open(store_path(db_opt), STORE_READ, program_name, &d);
	if (!s)
		cli_fail(&d);
	found = cert_db_load(s, argv[0], &cert, &d);
	if (found < 0) {
		store_close(s);
		cli_fail(&d);
	}
	store_close(s);
	/* an unknown number is compared too, so that it takes as long */
	matches = cert_code_matches(found ? cert.code : "XXXX-XXXX-XXXX",
				    argv[1]);
	answer = cert_verify_status(found, matches, cert.voided,
				    cert.valid_until, today);

	o = out_new(stdout, format, columns);
	out_field(o, argv[0]);
	out_field(o, cert_status_name(answer));
	if (answer == CERT_UNKNOWN) {
		/* nothing of a certificate its code does not open */
		for (c = 0; c < 6; c++)
			out_field(o, "");
	} else {
		out_field(o, cert.account);
		out_date(o, cert.as_of);
		out_date(o, cert.valid_until);
		out_money(o, cert.balance);
		out_date(o, cert.voided ? cert.voided_on : DATE_NONE);
		out_field(o, cert.void_reason);
	}
	out_row_end(o);
	out_free(o);
	return answer == CERT_VALID ? EXIT_DONE : EXIT_REFUSED;
}
