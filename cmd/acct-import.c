/* acct-import: accounts from CSV: new numbers are inserted, known ones get the
 * columns the file has; audited, all or nothing. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account.h"
#include "account_db.h"
#include "audit.h"
#include "cli.h"
#include "closeout.h"
#include "csvio.h"
#include "diag.h"
#include "out.h"
#include "progname.h"
#include "store.h"
#include "xalloc.h"

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const out_columns[] = { "account", "action", "changes",
	NULL };

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s [-n] [-d FILE] [--date D] [--format "
			"csv|table] [FILE...]\nTry '%s --help'.\n",
			program_name, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s [-n] [-d FILE] [--date D] [--format csv|table] "
	       "[FILE...]\n", program_name);
	puts("Import accounts from CSV files, or standard input: a new number "
	     "is inserted,\na known one gets the values of the columns the file "
	     "has.  One transaction.\nColumns: account (required), name, "
	     "service_address, mailing_address, phone,\nemail, rate_class, "
	     "status, opened_on, heat, life_support, ebd, medical_until.\n"
	     "Prints the accounts inserted or changed.\n\n"
	     "Options:\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F       csv or table (default: table on a "
	     "terminal)\n"
	     "  -n, --dry-run        check and import everything, then roll "
	     "back\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 refused, 2 usage, 65 bad input (nothing "
	     "imported),\n75 busy.  See acct-import(1).");
	exit(EXIT_SUCCESS);
}

struct import {
	struct store *s;
	struct out *o;
	long added, updated, unchanged;
};

/* Applies the row's fields to a; -1 with d filled for a bad value. */
static int
apply_row(struct csvio_reader *r, const int *col, struct account *a,
	  struct diag *d)
{
	char why[128], q[64];
	int f;

	for (f = 0; f < ACCOUNT_NFIELDS; f++) {
		const char *v;

		if (col[f] < 0)
			continue;
		v = csvio_field(r, col[f]);
		/* an empty cell in a column that cannot be empty keeps what
		 * the account has (or its default) */
		if (!*v && (f == ACCOUNT_STATUS || f == ACCOUNT_RATE_CLASS
			    || f == ACCOUNT_HEAT || f == ACCOUNT_LIFE_SUPPORT
			    || f == ACCOUNT_EBD))
			continue;
		if (account_set(a, f, v, why, sizeof why) < 0)
			return csvio_fail(r, d, EXIT_DATAERR, col[f],
					  "'%s': %s", diag_quote(q, sizeof q, v),
					  why);
	}
	return 0;
}

static int
import_file(struct import *im, const char *path, struct diag *d)
{
	struct csvio_reader *r = csvio_open(path, d);
	struct account old = ACCOUNT_INIT, a = ACCOUNT_INIT;
	int col[ACCOUNT_NFIELDS], numcol, f, rc, found;
	char why[128], q[64], changes[4096];
	size_t i;

	if (!r)
		return -1;
	numcol = csvio_column(r, "account");
	if (numcol < 0) {
		diag_set(d, EXIT_DATAERR, "%s:1: no 'account' column",
			 csvio_name(r));
		goto fail;
	}
	for (f = 0; f < ACCOUNT_NFIELDS; f++)
		col[f] = csvio_column(r, account_field_name(f));
	/* an unknown column is a typo more often than not: refuse it */
	for (i = 0; i < csvio_ncolumns(r); i++) {
		const char *name = csvio_column_name(r, i);

		for (f = 0; f < ACCOUNT_NFIELDS; f++)
			if (strcmp(name, account_field_name(f)) == 0)
				break;
		if (f == ACCOUNT_NFIELDS && (int) i != numcol) {
			diag_set(d, EXIT_DATAERR, "%s:1: column '%s': no such "
				 "account field", csvio_name(r),
				 diag_quote(q, sizeof q, name));
			goto fail;
		}
	}
	while ((rc = csvio_next(r, d)) == 1) {
		const char *number = csvio_field(r, numcol);

		if (account_number_check(number, why, sizeof why) < 0) {
			csvio_fail(r, d, EXIT_DATAERR, numcol, "'%s': %s",
				   diag_quote(q, sizeof q, number), why);
			goto fail;
		}
		found = account_db_load(im->s, number, &old, d);
		if (found < 0)
			goto fail;
		if (found) {
			account_copy(&a, &old);
		} else {
			account_release(&a);
			a.number = xstrdup(number);
		}
		if (apply_row(r, col, &a, d) < 0)
			goto fail;
		if (!found) {
			if (account_db_insert(im->s, &a, d) < 0
			    || audit_record(im->s, d, "account %s: new",
					    number) < 0)
				goto fail;
			im->added++;
			out_field(im->o, number);
			out_field(im->o, "new");
			out_field(im->o, "");
			out_row_end(im->o);
		} else if (account_diff(&old, &a, changes, sizeof changes)) {
			if (account_db_update(im->s, &a, d) < 0
			    || audit_record(im->s, d, "account %s: %s", number,
					    changes) < 0)
				goto fail;
			im->updated++;
			out_field(im->o, number);
			out_field(im->o, "updated");
			out_field(im->o, changes);
			out_row_end(im->o);
		} else {
			im->unchanged++;
		}
	}
	account_release(&old);
	account_release(&a);
	csvio_close(r);
	return rc < 0 ? -1 : 0;
fail:
	account_release(&old);
	account_release(&a);
	csvio_close(r);
	return -1;
}

int
main(int argc, char **argv)
{
	struct import im = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL;
	enum out_format format = OUT_AUTO;
	int c, i, dry_run = 0;

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
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	if (argc == 0 && isatty(STDIN_FILENO))
		cli_usage_error("no file given, and standard input is a "
				"terminal");
	im.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!im.s || store_begin(im.s, &d) < 0)
		cli_fail(&d);
	/* the rows are printed only once the import is committed */
	im.o = out_new_held(format, out_columns);
	for (i = 0; i < (argc ? argc : 1); i++)
		if (import_file(&im, argc ? argv[i] : "-", &d) < 0)
			goto fail;
	if (audit_record(im.s, &d, "imported accounts: %ld new, %ld updated, "
			 "%ld unchanged", im.added, im.updated,
			 im.unchanged) < 0)
		goto fail;
	if (dry_run)
		store_rollback(im.s);
	else if (store_commit(im.s, &d) < 0)
		goto fail;
	out_print_held(im.o);
	store_close(im.s);
	fprintf(stderr, "%s: %s%ld new, %ld updated, %ld unchanged\n",
		program_name, dry_run ? "dry run: would make " : "", im.added,
		im.updated, im.unchanged);
	return EXIT_DONE;
fail:
	store_close(im.s);	/* rolls back */
	cli_fail(&d);
}
