/* bill-print: prepares each account's current bill as of the business
 * date, records it, and prints it; --final for a closing account. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account_db.h"
#include "audit.h"
#include "bill.h"
#include "bill_db.h"
#include "cli.h"
#include "closeout.h"
#include "collect_db.h"
#include "date.h"
#include "diag.h"
#include "doc.h"
#include "error.h"
#include "ledger_db.h"
#include "loop.h"
#include "money.h"
#include "out.h"
#include "plan_db.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"
#include "template.h"

enum {
	OPT_CSV = CLI_OPT_FIRST_FREE,
	OPT_FINAL
};

static const struct option long_options[] = {
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "final", no_argument, NULL, OPT_FINAL },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] [--final]\n"
		"  [--csv | --format csv|table] [-o DIR] [ACCOUNT...]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Prepare the current bill of each ACCOUNT (or each account of the "
	     "CSV on standard\ninput) as of the business date, record it and "
	     "print it: the previous amount\ndue, the payments, adjustments "
	     "and new charges since, each entry a line, the\nagreement's "
	     "installment due, the amount due (the balance) and its due date\n"
	     "(bill.due_days later), and what of it is past due.  Bill numbers "
	     "run without\ngaps through the year (B2026-000001).  An account "
	     "billed already that day is\nrefused; the others are billed all "
	     "the same.\n\n"
	     "Options:\n"
	     "      --csv            the records, not the bills (as --format "
	     "csv)\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --final          a final bill: the deposit held applied, "
	     "the status final\n"
	     "      --format F       the records, as csv or table, not the "
	     "bills\n"
	     "  -n, --dry-run        do everything and print, then roll back\n"
	     "  -o, --output DIR     one file a bill in DIR, named by its "
	     "number\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 all billed, 1 some refused or not found (the "
	     "others billed),\n2 usage, 65 bad input or a damaged store "
	     "(nothing billed), 75 busy.  See\nbill-print(1).");
	exit(EXIT_SUCCESS);
}

/* The run: the store, the policy, where bills or records go, counts. */
struct run {
	struct store *s;
	struct diag *d;
	int today, final;
	long due_days;
	struct ledger_batch *batch;
	struct template *t;
	struct doc_out *docs;
	struct out *records;
	long billed, refused, unknown;
};

/* A final bill applies the deposit held: an entry of the bill's own,
 * before the totals are taken, so that it is one of the bill's lines. */
static int
apply_deposit(struct run *r, struct bill *b)
{
	struct ledger_entry e;
	int64_t held;
	int rc;

	if (bill_db_deposit_held(r->s, b->account, r->today, &held, r->d) < 0)
		return -1;
	if (held <= 0)
		return 0;
	memset(&e, 0, sizeof e);
	e.account = b->account;
	e.posted_on = r->today;
	e.kind = LEDGER_DEPOSIT;
	e.amount = -held;
	e.source = "bill-print";
	e.ref = b->number;
	e.memo = "deposit applied to final bill";
	rc = ledger_batch_post(r->batch, &e, NULL, r->d);
	if (rc == LEDGER_ALREADY)
		return diag_set(r->d, EXIT_REFUSED, "account %s: bill %s: its "
				"deposit was applied already", b->account,
				b->number);
	if (rc < 0 || ledger_batch_finish(r->batch, r->d) < 0)
		return -1;
	b->deposit_applied = held;
	return 0;
}

/* Works out bill b of account a from the ledger (last: its last bill, or
 * NULL); *lines gets its lines: the entries posted on or before the
 * business date that the last bill does not cover (bill_cover_of). */
static int
prepare(struct run *r, const struct account *a, const struct bill *last,
	struct bill *b, struct bill_line **lines, size_t *n)
{
	struct bill_cover c;
	struct aging g;
	char why[512], day[DATE_BUFSZ];
	int first = DATE_NONE;

	memset(b, 0, sizeof *b);
	snprintf(b->account, sizeof b->account, "%s", a->number);
	b->issued_on = b->period_to = r->today;
	b->installment_due_on = DATE_NONE;
	b->due_on = r->today + (int) r->due_days;
	b->final = r->final;
	/* the deposit applied is posted first: the bill covers it */
	if (bill_db_next(r->s, date_year(r->today), b, r->d) < 0
	    || (r->final && apply_deposit(r, b) < 0)
	    || bill_db_last_entry(r->s, a->number, &b->last_entry, r->d) < 0
	    || (!last && bill_db_first_entry(r->s, a->number, r->today,
					     &first, r->d) < 0))
		return -1;
	b->period_from = bill_period_from(last ? last->issued_on : DATE_NONE,
					  first, a->opened_on, r->today);
	c = bill_cover_of(last, b->period_from);
	if (bill_db_lines(r->s, a->number, &c, r->today, lines, n, r->d) < 0)
		return -1;
	if (bill_totals(b, *lines, *n) < 0)
		return diag_set(r->d, EXIT_REFUSED, "account %s: the bill's "
				"totals are beyond what acctkit counts",
				a->number);
	if (last)
		b->previous_due = last->amount_due;
	else if (ledger_db_balance(r->s, a->number, b->period_from - 1,
				   &b->previous_due, r->d) < 0)
		return -1;
	if (ledger_db_aging(r->s, a->number, r->today, r->due_days, &g,
			    r->d) < 0
	    || plan_db_next_due(r->s, a->number, b->plan,
				&b->installment_due_on, &b->installment,
				r->d) < 0)
		return -1;
	if (b->installment <= 0)
		b->installment_due_on = DATE_NONE;
	/* the balance is the last amount due and the lines since, unless
	 * the store is damaged */
	b->amount_due = g.balance;
	b->arrears = g.arrears;
	if (bill_check(b, why, sizeof why) < 0)
		return diag_set(r->d, EXIT_DATAERR, "account %s: bill %s: "
				"the ledger does not add up on %s: %s; run "
				"'acct-db check'", a->number, b->number,
				date_format(r->today, day), why);
	return 0;
}

/* Records bill b of account a, and for a final bill the account's new
 * status. */
static int
record(struct run *r, const struct account *a, struct bill *b)
{
	char m[MONEY_BUFSZ], dep[MONEY_BUFSZ], from[DATE_BUFSZ];
	char to[DATE_BUFSZ], due[DATE_BUFSZ], old[16];

	if (bill_db_insert(r->s, b, r->d) < 0
	    || audit_record(r->s, r->d, "bill %s for account %s: %s to %s, "
			    "amount due %s by %s%s%s", b->number, a->number,
			    date_format(b->period_from, from),
			    date_format(b->period_to, to),
			    money_format(b->amount_due, m),
			    date_format(b->due_on, due),
			    b->final ? ", final; deposit applied " : "",
			    b->final ? money_format(b->deposit_applied, dep)
			    : "") < 0)
		return -1;
	if (!b->final)
		return 0;
	if (collect_db_set_status(r->s, a->number, "final", old, sizeof old,
				  r->d) < 0
	    || audit_record(r->s, r->d, "account %s: status %s -> final "
			    "(final bill %s)", a->number, old, b->number) < 0)
		return -1;
	return 0;
}

/* Adds bill b to the output: a document or a record. */
static int
emit(struct run *r, const struct account *a, const struct bill *b,
     const struct bill_line *lines, size_t n)
{
	struct bill_doc doc;
	FILE *fp;
	int rc;

	if (r->records) {
		bill_out_row(r->records, b);
		return 0;
	}
	bill_doc_fill(&doc, b, a->name, a->mailing_address,
		      a->service_address, lines, n);
	fp = doc_begin(r->docs, b->number, r->d);
	rc = -1;
	if (fp && template_render_sections(r->t, fp, doc.fields,
					   BILL_NFIELDS, &doc.lines, 1,
					   r->d) == 0)
		rc = doc_end(r->docs, r->d);
	bill_doc_release(&doc);
	return rc;
}

/* Why account a may not be billed now (its last bill: last, or NULL);
 * NULL if it may. */
static const char *
refusal(const struct run *r, const struct account *a,
	const struct bill *last, char *why, size_t whysize)
{
	char day[DATE_BUFSZ], today[DATE_BUFSZ];

	if (last && last->issued_on == r->today) {
		snprintf(why, whysize, "already billed on %s (%s)",
			 date_format(last->issued_on, day), last->number);
		return why;
	}
	if (last && last->issued_on > r->today) {
		snprintf(why, whysize, "last billed on %s (%s), later than %s",
			 date_format(last->issued_on, day), last->number,
			 date_format(r->today, today));
		return why;
	}
	if (r->final && (strcmp(a->status, "final") == 0
			 || strcmp(a->status, "closed") == 0)) {
		snprintf(why, whysize, "no final bill: the account is %s "
			 "already", a->status);
		return why;
	}
	return NULL;
}

static int
bill_one(const char *account, struct csvio_reader *row, void *arg)
{
	struct run *r = arg;
	struct account a = ACCOUNT_INIT;
	struct bill_line *lines = NULL;
	struct bill last, b;
	const char *no;
	char why[256], q[64];
	size_t n = 0;
	int rc, has_last = 0;

	(void) row;
	rc = account_db_load(r->s, account, &a, r->d);
	if (rc == 0) {
		error(0, 0, "account '%s': no such account",
		      diag_quote(q, sizeof q, account));
		r->unknown++;
		rc = 1;
		goto done;
	}
	if (rc < 0 || (has_last = bill_db_last(r->s, a.number, &last,
					       r->d)) < 0) {
		rc = -1;
		goto done;
	}
	no = refusal(r, &a, has_last ? &last : NULL, why, sizeof why);
	if (no) {
		error(0, 0, "%s: %s", a.number, no);
		r->refused++;
		rc = 1;
		goto done;
	}
	rc = -1;
	if (prepare(r, &a, has_last ? &last : NULL, &b, &lines, &n) < 0
	    || record(r, &a, &b) < 0 || emit(r, &a, &b, lines, n) < 0)
		goto done;
	r->billed++;
	rc = 0;
done:
	free(lines);
	account_release(&a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *dir = NULL;
	enum out_format format = OUT_AUTO;
	struct bill_doc empty;
	int c, status, csv = 0, dry_run = 0;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:hno:", long_options, NULL))
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
		case 'o':
			dir = optarg;
			break;
		case OPT_CSV:
			csv = 1;
			break;
		case OPT_FINAL:
			r.final = 1;
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

	r.today = cli_business_date(date_opt);
	format = cli_doc_format(csv, format, dir, "bills");
	if (argc == 0 && isatty(STDIN_FILENO))
		cli_usage_error("no account given");
	r.d = &d;
	if (format != OUT_AUTO) {
		/* the records are printed only once they are committed */
		r.records = out_new_held(format, bill_columns);
	} else {
		/* a template that cannot be filled stops the run before it
		 * bills anything */
		bill_doc_empty(&empty);
		r.t = template_load("bill.txt", &d);
		if (!r.t || template_check_sections(r.t, empty.fields,
						    BILL_NFIELDS, &empty.lines,
						    1, &d) < 0)
			cli_fail(&d);
		r.docs = doc_out_new(dir, &d);
		if (!r.docs)
			cli_fail(&d);
	}

	r.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!r.s || store_begin(r.s, &d) < 0
	    || policy_db_get_int(r.s, "bill.due_days", &r.due_days, &d) < 0)
		goto fail;
	r.batch = ledger_batch_new(r.s);
	status = loop_accounts(argc, argv, bill_one, &r, &d);
	if ((status != EXIT_DONE && status != EXIT_REFUSED)
	    || ledger_batch_finish(r.batch, &d) < 0)
		goto fail;
	if (dry_run)
		store_rollback(r.s);
	else if (store_commit(r.s, &d) < 0)
		goto fail;
	ledger_batch_free(r.batch);
	store_close(r.s);
	/* committed (or a dry run): the bills and records may be printed */
	if (r.records)
		out_print_held(r.records);
	else if (doc_out_flush(r.docs, &d) < 0)
		cli_fail(&d);
	fprintf(stderr, "%s: billed %ld, refused %ld", program_name,
		r.billed, r.refused);
	if (r.unknown)
		fprintf(stderr, ", no such account %ld", r.unknown);
	fputc('\n', stderr);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	doc_out_free(r.docs);
	template_free(r.t);
	return status;
fail:
	ledger_batch_free(r.batch);
	store_close(r.s);	/* rolls back: nothing billed, no number used */
	doc_out_free(r.docs);
	if (d.status == EXIT_USAGE)
		cli_usage_error("%s", d.msg);
	cli_fail(&d);
}
