/* receipt-print: prints receipts again, marked DUPLICATE. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "account_db.h"
#include "cli.h"
#include "closeout.h"
#include "diag.h"
#include "doc.h"
#include "error.h"
#include "out.h"
#include "progname.h"
#include "receipt_db.h"
#include "store.h"
#include "template.h"

enum { OPT_CSV = CLI_OPT_FIRST_FREE };

static const struct option long_options[] = {
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-d FILE] [--date D] [--csv | -o DIR] "
		"RECEIPT...";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Print receipts again, each marked DUPLICATE, as they were "
	     "issued; a voided\nreceipt says which receipt voided it (with "
	     "--csv).\n\n"
	     "Options:\n"
	     "      --csv            print the receipts as CSV records\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "  -o, --output DIR     one file a receipt in DIR, named by its "
	     "number\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 a receipt not found (the others are "
	     "printed), 2 usage,\n75 busy.  See receipt-print(1).");
	exit(EXIT_SUCCESS);
}

int
main(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *dir = NULL;
	struct template *t = NULL;
	struct doc_out *docs = NULL;
	struct out *records = NULL;
	struct account a = ACCOUNT_INIT;
	struct receipt_doc doc;
	struct receipt r;
	struct store *s;
	int c, i, rc, csv = 0, status = EXIT_DONE;
	char q[64];
	FILE *fp;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:ho:", long_options, NULL))
	       != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case 'o':
			dir = optarg;
			break;
		case OPT_CSV:
			csv = 1;
			break;
		case CLI_OPT_DATE:
			cli_business_date(optarg);	/* checked, unused */
			break;
		case CLI_OPT_VERSION:
			cli_version();
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0)
		cli_usage_error("no receipt given");
	if (csv && dir)
		cli_usage_error("--csv and -o are each other's opposite: "
				"choose one");
	if (csv) {
		records = out_new(stdout, OUT_AUTO, receipt_columns);
	} else {
		t = template_load("receipt.txt", &d);
		docs = t ? doc_out_new(dir, &d) : NULL;
		if (!docs)
			cli_fail(&d);
	}
	s = store_open(store_path(db_opt), STORE_READ, program_name, &d);
	if (!s)
		cli_fail(&d);
	for (i = 0; i < argc; i++) {
		rc = receipt_db_load(s, argv[i], &r, &d);
		if (rc > 0)
			rc = account_db_load(s, r.account, &a, &d);
		if (rc < 0)
			goto fail;
		if (rc == 0) {
			error(0, 0, "receipt '%s': no such receipt",
			      diag_quote(q, sizeof q, argv[i]));
			status = EXIT_REFUSED;
			continue;
		}
		if (records) {
			receipt_out_row(records, &r);
			continue;
		}
		receipt_doc_fill(&doc, &r, a.name, a.service_address, 1);
		fp = doc_begin(docs, r.number, &d);
		if (!fp || template_render(t, fp, doc.fields, RECEIPT_NFIELDS,
					   &d) < 0
		    || doc_end(docs, &d) < 0)
			goto fail;
	}
	if (docs && doc_out_flush(docs, &d) < 0)
		goto fail;
	account_release(&a);
	store_close(s);
	out_free(records);
	doc_out_free(docs);
	template_free(t);
	return status;
fail:
	store_close(s);
	cli_fail(&d);
}
