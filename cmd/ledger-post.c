/* ledger-post: post charges, payments, fees and other entries from CSV, all or
 * nothing, each (source, ref) once. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "account.h"
#include "audit.h"
#include "cli.h"
#include "closeout.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "ledger_db.h"
#include "money.h"
#include "progname.h"
#include "reason_db.h"
#include "receipt.h"
#include "store.h"

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "help", no_argument, NULL, 'h' },
	{ "source", required_argument, NULL, 's' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s [-n] [-d FILE] [--date D] [-s NAME] "
			"[FILE...]\nTry '%s --help'.\n", program_name,
			program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s [-n] [-d FILE] [--date D] [-s NAME] [FILE...]\n",
	       program_name);
	puts("Post ledger entries (charges, payments, fees, adjustments, "
	     "refunds, deposits)\nfrom CSV files, or standard input, in one "
	     "transaction: all rows or none.\n"
	     "Columns: account, posted_on, kind, amount, ref (required); memo, "
	     "source, reason.\nA row whose (source, ref) is already posted is skipped "
	     "and counted.\n\n"
	     "Options:\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D         the business date: no entry may be posted "
	     "after it\n"
	     "  -n, --dry-run        check and post everything, then roll "
	     "back\n"
	     "  -s, --source NAME    the source of rows without a source "
	     "column or value\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 refused, 2 usage, 65 bad input (nothing "
	     "posted), 75 busy.\nSee ledger-post(1).");
	exit(EXIT_SUCCESS);
}

struct post_state {
	struct store *store;
	struct ledger_batch *batch;
	const char *source;
	int today;
	long posted, already, rows;
	int progress;
	double started;
};

struct columns {
	int account, posted_on, kind, amount, ref, memo, source, reason;
};

static int
find_columns(struct csvio_reader *r, struct columns *c, int need_source,
	     struct diag *d)
{
	static const char *const required[] = { "account", "posted_on", "kind",
		"amount", "ref" };
	int *slot[] = { &c->account, &c->posted_on, &c->kind, &c->amount,
		&c->ref };
	size_t i;

	for (i = 0; i < 5; i++) {
		*slot[i] = csvio_column(r, required[i]);
		if (*slot[i] < 0)
			return diag_set(d, EXIT_DATAERR, "%s:1: no '%s' "
					"column", csvio_name(r), required[i]);
	}
	c->memo = csvio_column(r, "memo");
	c->reason = csvio_column(r, "reason");
	c->source = csvio_column(r, "source");
	if (c->source < 0 && need_source)
		return diag_set(d, EXIT_DATAERR, "%s:1: no 'source' column and "
				"no --source given", csvio_name(r));
	return 0;
}

/* Turns the current row into an entry; -1 with d filled for a bad field. */
static int
parse_row(struct csvio_reader *r, const struct columns *c,
	  const struct post_state *ps, struct ledger_entry *e,
	  struct diag *d)
{
	char why[128], q[64], today[DATE_BUFSZ];
	const char *v;
	int64_t amount;

	memset(e, 0, sizeof *e);
	e->account = csvio_field(r, c->account);
	if (account_number_check(e->account, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->account, "'%s': %s",
				  diag_quote(q, sizeof q, e->account), why);
	v = csvio_field(r, c->posted_on);
	if (date_parse(v, &e->posted_on, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->posted_on, "'%s': %s",
				  diag_quote(q, sizeof q, v), why);
	if (e->posted_on > ps->today)
		return csvio_fail(r, d, EXIT_DATAERR, c->posted_on, "'%s': "
				  "after the business date %s", v,
				  date_format(ps->today, today));
	v = csvio_field(r, c->kind);
	if (ledger_kind_parse(v, &e->kind) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->kind, "'%s': not "
				  "charge, payment, fee, adjustment, refund or "
				  "deposit", diag_quote(q, sizeof q, v));
	v = csvio_field(r, c->amount);
	if (money_parse(v, &amount, why, sizeof why) < 0
	    || ledger_signed_amount(e->kind, amount, &e->amount, why,
				    sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->amount, "'%s': %s",
				  diag_quote(q, sizeof q, v), why);
	e->ref = csvio_field(r, c->ref);
	if (!*e->ref)
		return csvio_fail(r, d, EXIT_DATAERR, c->ref, "empty: every "
				  "entry needs a reference, so that posting a "
				  "file twice is safe");
	if (ledger_text_check(e->ref, LEDGER_REF_MAX, 0, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->ref, "%s", why);
	e->source = csvio_field(r, c->source);
	if (!*e->source)
		e->source = ps->source;
	if (!e->source)
		return csvio_fail(r, d, EXIT_DATAERR, c->source, "empty and no "
				  "--source given");
	if (ledger_text_check(e->source, LEDGER_REF_MAX, 0, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->source, "%s", why);
	if (receipt_ref_reserved(e->source, e->ref))
		return csvio_fail(r, d, EXIT_DATAERR, c->ref, "'%s' %s",
				  e->ref, RECEIPT_REF_RESERVED_WHY);
	e->memo = csvio_field(r, c->memo);
	if (ledger_text_check(e->memo, LEDGER_MEMO_MAX, 1, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->memo, "%s", why);
	e->reason = csvio_field(r, c->reason);
	if (*e->reason) {
		int ok = reason_db_check(ps->store, e->reason, e->amount, why,
					 sizeof why, d);

		if (ok < 0)
			return -1;
		if (!ok)
			return csvio_fail(r, d, EXIT_DATAERR, c->reason, "%s",
					  why);
	}
	return 0;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* "ledger-post: big.csv: 1310720 rows, 98304 rows/s, 43%", in place. */
static void
show_progress(const struct post_state *ps, struct csvio_reader *r, int done)
{
	double elapsed = seconds() - ps->started;
	long long size = csvio_size(r);

	fprintf(stderr, "\r%s: %s: %ld rows, %.0f rows/s", program_name,
		csvio_name(r), ps->rows, elapsed > 0 ? ps->rows / elapsed : 0.0);
	if (size > 0)
		fprintf(stderr, ", %d%%",
			(int) (100.0 * csvio_bytes_read(r) / size));
	fputs(done ? "\n" : "\033[K", stderr);
}

static int
post_file(struct post_state *ps, const char *path, struct diag *d)
{
	struct csvio_reader *r = csvio_open(path, d);
	struct ledger_entry e;
	struct columns c;
	int rc;

	if (!r)
		return -1;
	if (find_columns(r, &c, ps->source == NULL, d) < 0) {
		csvio_close(r);
		return -1;
	}
	while ((rc = csvio_next(r, d)) == 1) {
		if (parse_row(r, &c, ps, &e, d) < 0) {
			rc = -1;
			break;
		}
		rc = ledger_batch_post(ps->batch, &e, NULL, d);
		if (rc < 0) {
			diag_prefix(d, "%s:%lu", csvio_name(r), csvio_line(r));
			break;
		}
		if (rc == LEDGER_POSTED)
			ps->posted++;
		else
			ps->already++;
		if (ps->progress && ++ps->rows % 65536 == 0)
			show_progress(ps, r, 0);
	}
	if (ps->progress && ps->rows >= 65536)
		show_progress(ps, r, 1);
	csvio_close(r);
	return rc < 0 ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct post_state ps = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	struct store *s;
	char why[128];
	int c, i, dry_run = 0;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:hns:", long_options, NULL))
	       != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case 'n':
			dry_run = 1;
			break;
		case 's':
			if (!*optarg || ledger_text_check(optarg,
					LEDGER_REF_MAX, 0, why, sizeof why) < 0)
				cli_usage_error("option --source: %s",
						*optarg ? why : "empty");
			ps.source = optarg;
			break;
		case CLI_OPT_DATE:
			date_opt = optarg;
			break;
		case CLI_OPT_VERSION:
			cli_version();
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	ps.today = cli_business_date(date_opt);
	if (argc == 0 && isatty(STDIN_FILENO))
		cli_usage_error("no file given, and standard input is a "
				"terminal");
	ps.progress = cli_progress_wanted();
	ps.started = seconds();

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	ps.store = s;
	ps.batch = ledger_batch_new(s);
	for (i = 0; i < (argc ? argc : 1); i++)
		if (post_file(&ps, argc ? argv[i] : "-", &d) < 0)
			goto fail;
	if (ledger_batch_finish(ps.batch, &d) < 0
	    || audit_record(s, &d, "posted %ld entries from %s%s (already "
			    "posted %ld)", ps.posted, argc ? argv[0] : "stdin",
			    argc > 1 ? " and more" : "", ps.already) < 0)
		goto fail;
	if (dry_run)
		store_rollback(s);
	else if (store_commit(s, &d) < 0)
		goto fail;
	ledger_batch_free(ps.batch);
	store_close(s);
	fprintf(stderr, "%s: %s %ld, already posted %ld\n", program_name,
		dry_run ? "dry run: would post" : "posted", ps.posted,
		ps.already);
	return EXIT_DONE;
fail:
	ledger_batch_free(ps.batch);
	store_close(s);		/* rolls back: nothing is posted */
	cli_fail(&d);
}
