/* pay-post: payments at the counter or from a lockbox file, each with a
 * receipt numbered without gaps; voids. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account.h"
#include "account_db.h"
#include "audit.h"
#include "cli.h"
#include "clerk_db.h"
#include "closeout.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "doc.h"
#include "error.h"
#include "ledger_db.h"
#include "money.h"
#include "out.h"
#include "progname.h"
#include "receipt_db.h"
#include "store.h"
#include "template.h"
#include "xalloc.h"

enum {
	OPT_APPROVED_BY = CLI_OPT_FIRST_FREE,
	OPT_BATCH,
	OPT_CHECK_NO,
	OPT_CSV,
	OPT_REASON,
	OPT_REF,
	OPT_REJECTS,
	OPT_SOURCE,
	OPT_TENDER,
	OPT_VOID
};

static const struct option long_options[] = {
	{ "approved-by", required_argument, NULL, OPT_APPROVED_BY },
	{ "batch", no_argument, NULL, OPT_BATCH },
	{ "check-no", required_argument, NULL, OPT_CHECK_NO },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "rejects", required_argument, NULL, OPT_REJECTS },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "tender", required_argument, NULL, OPT_TENDER },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ "void", required_argument, NULL, OPT_VOID },
	{ NULL, 0, NULL, 0 }
};

static const char synopsis[] =
	"[-n] [-d FILE] [--check-no N] [--csv | -o DIR] [--date D]\n"
	"         [--ref REF] [--tender cash|check|card|money-order] "
	"ACCOUNT AMOUNT\n"
	"       pay-post --batch [-n] [-d FILE] [--csv | -o DIR] [--date D]\n"
	"         [--rejects FILE] [--source NAME] [FILE...]\n"
	"       pay-post --void RECEIPT --reason TEXT [-n] [--approved-by LOGIN]\n"
	"         [-d FILE] [--csv | -o DIR] [--date D]";

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Post payments and print their receipts: one at the counter, or "
	     "a lockbox or bank\nfile (--batch), or void a receipt (--void).  "
	     "Receipt numbers run without gaps\nthrough the year (R2026-000001); "
	     "a batch is all or nothing.\n"
	     "Batch columns: account, amount, paid_on, ref (required); tender "
	     "(default check),\ncheck_no.\n\n"
	     "Options:\n"
	     "      --approved-by LOGIN  the supervisor approving a void\n"
	     "      --batch              post the payments of CSV files (or "
	     "standard input)\n"
	     "      --check-no N         the check's number\n"
	     "      --csv                print the receipts as CSV records, "
	     "not documents\n"
	     "  -d, --db FILE            the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D             the business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "  -n, --dry-run            do everything, then roll back and "
	     "print nothing\n"
	     "  -o, --output DIR         one file a receipt in DIR, named by "
	     "its number\n"
	     "      --reason TEXT        why a receipt is voided\n"
	     "      --ref REF            the payment's slip or card terminal "
	     "number: a retry\n"
	     "                           with the same REF posts nothing; not "
	     "of the form\n"
	     "                           R2026-000123\n"
	     "      --rejects FILE       batch rows of unknown or closed "
	     "accounts go to FILE;\n"
	     "                           the rest are posted\n"
	     "      --source NAME        the batch's source (default "
	     "lockbox)\n"
	     "      --tender T           cash (default), check, card or "
	     "money-order\n"
	     "      --void RECEIPT       reverse the payment of RECEIPT, with a "
	     "void receipt\n"
	     "  -h, --help               show this help\n"
	     "      --version            show the version\n\n"
	     "Exit status: 0 done (or posted already with this --ref), 1 "
	     "refused (unknown\naccount or receipt, closed account, a --ref "
	     "used for another payment, not\nallowed), 2 usage, 65 bad input "
	     "(nothing posted), 75 busy.\nSee pay-post(1).");
	exit(EXIT_SUCCESS);
}

/* The longest reason for a void: it is printed on the receipt. */
enum { REASON_MAX = 200 };

struct pay {
	struct store *s;
	struct ledger_batch *batch;
	struct template *receipt_template;
	struct doc_out *docs;		/* documents, or */
	struct out *records;		/* CSV records */
	int today;
	FILE *notes;			/* for stderr after the commit */
	char *notes_text;
	size_t notes_size;
	long posted, already, rejected;
	int64_t total;
	char first[RECEIPT_NUMBER_MAX], last[RECEIPT_NUMBER_MAX];
};

/* Adds the receipt to the output: a document or a record. */
static int
emit(struct pay *p, const struct receipt *r, const struct account *a,
     struct diag *d)
{
	struct receipt_doc doc;
	FILE *fp;

	if (p->records) {
		receipt_out_row(p->records, r);
		return 0;
	}
	receipt_doc_fill(&doc, r, a->name, a->service_address, 0);
	fp = doc_begin(p->docs, r->number, d);
	if (!fp || template_render(p->receipt_template, fp, doc.fields,
				   RECEIPT_NFIELDS, d) < 0)
		return -1;
	return doc_end(p->docs, d);
}

static void
count_receipt(struct pay *p, const struct receipt *r)
{
	if (!p->first[0])
		memcpy(p->first, r->number, sizeof p->first);
	memcpy(p->last, r->number, sizeof p->last);
	p->posted++;
	p->total += r->amount;
}

/* A check number: it must fit the receipt, and print on one line. */
static int
check_no_check(const char *s, char *why, size_t whysize)
{
	struct receipt r;

	if (strlen(s) >= sizeof r.check_no) {
		snprintf(why, whysize, "longer than %zu characters",
			 sizeof r.check_no - 1);
		return -1;
	}
	return ledger_text_check(s, sizeof r.check_no, 0, why, whysize);
}

/* Why account a may not pay, or NULL. */
static const char *
refusal(int found, const struct account *a)
{
	if (!found)
		return "no such account";
	if (strcmp(a->status, "closed") == 0)
		return "the account is closed";
	return NULL;
}

/* Posts one payment of amount (cents, above zero) and its receipt, its
 * ref that of the caller or, if NULL, the receipt's number: 1 posted, 0
 * already posted (source, ref) for a ref of the caller's, -1 error. */
static int
post_one(struct pay *p, const struct account *a, int64_t amount,
	 int paid_on, const char *tender, const char *check_no,
	 const char *source, const char *ref, struct diag *d)
{
	struct receipt r;
	struct ledger_entry e;
	int64_t id;
	int rc;

	memset(&r, 0, sizeof r);
	if (ledger_db_balance(p->s, a->number, p->today, &r.balance_before,
			      d) < 0
	    || receipt_db_next(p->s, date_year(p->today), &r, d) < 0)
		return -1;
	memset(&e, 0, sizeof e);
	e.account = a->number;
	e.posted_on = paid_on;
	e.kind = LEDGER_PAYMENT;
	e.amount = -amount;
	e.source = source;
	e.ref = ref ? ref : r.number;	/* at the counter: the receipt */
	rc = ledger_batch_post(p->batch, &e, &id, d);
	if (rc == LEDGER_ALREADY && !ref)
		/* a new receipt's number can be there already only if another
		 * program posted it as a ref of this source: that is no
		 * payment of ours, and passing over it would post nothing */
		return diag_set(d, EXIT_REFUSED, "%s ref %s: posted already "
				"by another program, not as a receipt; nothing "
				"was posted", source, r.number);
	if (rc != LEDGER_POSTED)
		return rc;
	if (ledger_batch_finish(p->batch, d) < 0)
		return -1;
	snprintf(r.account, sizeof r.account, "%s", a->number);
	r.entry = id;
	r.amount = amount;
	snprintf(r.tender, sizeof r.tender, "%s", tender);
	snprintf(r.check_no, sizeof r.check_no, "%s", check_no);
	r.paid_on = paid_on;
	r.balance_after = r.balance_before - amount;
	snprintf(r.login, sizeof r.login, "%s", audit_login());
	if (receipt_db_insert(p->s, &r, d) < 0 || emit(p, &r, a, d) < 0)
		return -1;
	count_receipt(p, &r);
	if (r.balance_after < 0) {
		char m[MONEY_BUFSZ];

		/* said once the payments are committed */
		fprintf(p->notes, "%s: account %s now has a credit balance of "
			"%s\n", program_name, a->number,
			money_format(-r.balance_after, m));
	}
	return 1;
}

/* Whether ref, a counter payment's own, was posted before.  Looked up
 * before posting, as ledger_batch_post() passes over the same payment
 * without a word and calls a ref used for another one bad input, where a
 * clerk retrying needs the receipt and a ref used again is refused.
 * 0 not posted yet; 1 posted for this account and amount and not
 * reversed, said on stderr; -1 refused, or an error. */
static int
counter_posted(struct pay *p, const char *number, int64_t amount,
	       const char *ref, struct diag *d)
{
	struct ledger_stored e;
	struct receipt r;
	char what[160], since[64], m[MONEY_BUFSZ];
	int64_t id;
	int rc, receipted;

	rc = ledger_db_by_ref(p->s, "counter", ref, &id, d);
	if (rc <= 0)
		return rc;
	if (ledger_db_entry(p->s, id, &e, d) <= 0)
		return -1;
	receipted = receipt_db_by_entry(p->s, id, r.number, d);
	if (receipted < 0
	    || (receipted && receipt_db_load(p->s, r.number, &r, d) <= 0))
		return -1;
	if (e.row.kind == LEDGER_PAYMENT
	    && strcmp(e.row.account, number) == 0
	    && e.row.amount == -amount && !e.row.reversed_by) {
		/* nothing is written, so this is true whether or not the
		 * run commits: said now, in a dry run too */
		if (receipted)
			fprintf(stderr, "%s: counter ref %s: posted already, "
				"receipt %s (receipt-print %s prints it "
				"again)\n", program_name, ref, r.number,
				r.number);
		else
			fprintf(stderr, "%s: counter ref %s: posted already, "
				"entry %lld, by another program (no "
				"receipt)\n", program_name, ref,
				(long long) id);
		return 1;
	}
	if (e.row.kind == LEDGER_PAYMENT)
		snprintf(what, sizeof what, "account %s, amount %s",
			 e.row.account, money_format(-e.row.amount, m));
	else
		snprintf(what, sizeof what, "account %s, %s %s",
			 e.row.account, ledger_kind_name(e.row.kind),
			 money_format(e.row.amount, m));
	if (receipted && r.voided_by[0])
		snprintf(since, sizeof since, ", voided by %s", r.voided_by);
	else if (e.row.reversed_by)
		snprintf(since, sizeof since, ", reversed by entry %lld",
			 (long long) e.row.reversed_by);
	else
		since[0] = '\0';
	if (receipted)
		return diag_set(d, EXIT_REFUSED, "counter ref %s: posted "
				"already for %s, receipt %s%s: a ref is for "
				"one payment; nothing was posted", ref, what,
				r.number, since);
	return diag_set(d, EXIT_REFUSED, "counter ref %s: posted already for "
			"%s, entry %lld%s: a ref is for one payment; nothing "
			"was posted", ref, what, (long long) id, since);
}

/* A payment at the counter, posted on the business date; ref is the
 * clerk's own reference, or NULL for the receipt's number. */
static int
counter_payment(struct pay *p, const char *number, const char *amount_text,
		const char *tender, const char *check_no, const char *ref,
		struct diag *d)
{
	struct account a = ACCOUNT_INIT;
	char why[128], q[64];
	const char *no;
	int64_t amount;
	int found, rc;

	if (money_parse(amount_text, &amount, why, sizeof why) < 0)
		cli_usage_error("amount '%s': %s",
				diag_quote(q, sizeof q, amount_text), why);
	if (amount <= 0)
		cli_usage_error("amount '%s': a payment must be above zero",
				amount_text);
	/* a retry is known by its ref before the account is looked at:
	 * the account may have been closed since the payment */
	if (ref && (rc = counter_posted(p, number, amount, ref, d)) != 0)
		return rc < 0 ? -1 : 0;
	found = account_db_load(p->s, number, &a, d);
	if (found < 0)
		return -1;
	no = refusal(found, &a);
	if (no) {
		account_release(&a);
		return diag_set(d, EXIT_REFUSED, "account '%s': %s",
				diag_quote(q, sizeof q, number), no);
	}
	rc = post_one(p, &a, amount, p->today, tender, check_no, "counter",
		      ref, d);
	account_release(&a);
	if (rc == LEDGER_ALREADY)
		/* post_one() passes over a ref posted already, as a batch
		 * counts those; ours was looked up under the same write lock,
		 * so this cannot be, but it must not end in silence */
		return diag_set(d, EXIT_REFUSED, "counter ref %s: posted "
				"already; nothing was posted", ref);
	return rc < 0 ? -1 : 0;
}

struct batch_columns {
	int account, amount, paid_on, ref, tender, check_no;
};

/* Writes the current row, and why, to the rejects file. */
static void
reject(FILE *rejects, struct csvio_reader *r, const char *why)
{
	size_t i;

	for (i = 0; i < csvio_ncolumns(r); i++) {
		csvio_write_field(rejects, csvio_field(r, i));
		putc(',', rejects);
	}
	csvio_write_field(rejects, why);
	putc('\n', rejects);
}

static int
batch_file(struct pay *p, const char *path, const char *source,
	   FILE *rejects, struct diag *d)
{
	struct csvio_reader *r = csvio_open(path, d);
	struct account a = ACCOUNT_INIT;
	struct batch_columns c;
	char why[128], q[64];
	int rc = 0, found;
	size_t i;

	if (!r)
		return -1;
	c.account = csvio_column(r, "account");
	c.amount = csvio_column(r, "amount");
	c.paid_on = csvio_column(r, "paid_on");
	c.ref = csvio_column(r, "ref");
	c.tender = csvio_column(r, "tender");
	c.check_no = csvio_column(r, "check_no");
	for (i = 0; i < 4; i++) {
		static const char *const required[] = { "account", "amount",
			"paid_on", "ref" };

		if (csvio_column(r, required[i]) < 0) {
			diag_set(d, EXIT_DATAERR, "%s:1: no '%s' column",
				 csvio_name(r), required[i]);
			goto fail;
		}
	}
	if (rejects && ftell(rejects) == 0) {
		for (i = 0; i < csvio_ncolumns(r); i++) {
			csvio_write_field(rejects, csvio_column_name(r, i));
			putc(',', rejects);
		}
		fputs("rejected\n", rejects);
	}
	while ((rc = csvio_next(r, d)) == 1) {
		const char *number = csvio_field(r, c.account);
		const char *v = csvio_field(r, c.amount);
		const char *tender = csvio_field(r, c.tender);
		const char *ref = csvio_field(r, c.ref);
		const char *no;
		int64_t amount;
		int paid_on;

		if (account_number_check(number, why, sizeof why) < 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.account, "'%s': %s",
				   diag_quote(q, sizeof q, number), why);
			goto fail;
		}
		if (money_parse(v, &amount, why, sizeof why) < 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.amount, "'%s': %s",
				   diag_quote(q, sizeof q, v), why);
			goto fail;
		}
		if (amount <= 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.amount, "'%s': a "
				   "payment must be above zero", v);
			goto fail;
		}
		v = csvio_field(r, c.paid_on);
		if (date_parse(v, &paid_on, why, sizeof why) < 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.paid_on, "'%s': %s",
				   diag_quote(q, sizeof q, v), why);
			goto fail;
		}
		if (paid_on > p->today) {
			char today[DATE_BUFSZ];

			csvio_fail(r, d, EXIT_DATAERR, c.paid_on, "'%s': after "
				   "the business date %s", v,
				   date_format(p->today, today));
			goto fail;
		}
		if (!*ref) {
			csvio_fail(r, d, EXIT_DATAERR, c.ref, "empty: every "
				   "payment needs a reference");
			goto fail;
		}
		if (ledger_text_check(ref, LEDGER_REF_MAX, 0, why, sizeof why)
		    < 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.ref, "%s", why);
			goto fail;
		}
		if (receipt_ref_reserved(source, ref)) {
			csvio_fail(r, d, EXIT_DATAERR, c.ref, "'%s' %s", ref,
				   RECEIPT_REF_RESERVED_WHY);
			goto fail;
		}
		if (check_no_check(csvio_field(r, c.check_no), why,
				   sizeof why) < 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.check_no, "%s", why);
			goto fail;
		}
		if (!*tender)
			tender = "check";
		if (receipt_tender_check(tender, why, sizeof why) < 0) {
			csvio_fail(r, d, EXIT_DATAERR, c.tender, "'%s': %s",
				   diag_quote(q, sizeof q, tender), why);
			goto fail;
		}
		found = account_db_load(p->s, number, &a, d);
		if (found < 0)
			goto fail;
		no = refusal(found, &a);
		if (no && rejects) {
			reject(rejects, r, no);
			p->rejected++;
			continue;
		}
		if (no) {
			csvio_fail(r, d, EXIT_DATAERR, c.account, "'%s': %s "
				   "(--rejects FILE posts the rest)", number,
				   no);
			goto fail;
		}
		rc = post_one(p, &a, amount, paid_on, tender,
			      csvio_field(r, c.check_no), source, ref, d);
		if (rc < 0) {
			diag_prefix(d, "%s:%lu", csvio_name(r), csvio_line(r));
			goto fail;
		}
		if (rc == 0)
			p->already++;
	}
	account_release(&a);
	csvio_close(r);
	return rc < 0 ? -1 : 0;
fail:
	account_release(&a);
	csvio_close(r);
	return -1;
}

static int
void_receipt(struct pay *p, const char *number, const char *reason,
	     const char *approved_by, struct diag *d)
{
	struct clerk who = CLERK_INIT, approver = CLERK_INIT;
	struct account a = ACCOUNT_INIT;
	struct ledger_stored paid;
	struct ledger_entry e;
	struct receipt orig, r;
	char why[256], q[64];
	int rc = -1;

	if (clerk_db_get(p->s, audit_login(), &who, d) < 0
	    || (approved_by && clerk_db_get(p->s, approved_by, &approver,
					     d) < 0))
		goto done;
	if (!who.supervisor && !(approved_by && approver.supervisor
				 && strcmp(approved_by, who.login) != 0)) {
		diag_set(d, EXIT_REFUSED, "receipt %s: only a supervisor may "
			 "void a receipt, or approve the void "
			 "(--approved-by)", diag_quote(q, sizeof q, number));
		goto done;
	}
	rc = receipt_db_load(p->s, number, &orig, d);
	if (rc <= 0) {
		if (rc == 0)
			diag_set(d, EXIT_REFUSED, "receipt '%s': no such "
				 "receipt", diag_quote(q, sizeof q, number));
		rc = -1;
		goto done;
	}
	rc = -1;
	if (orig.voids[0]) {
		diag_set(d, EXIT_REFUSED, "receipt %s: it voids %s; a void "
			 "cannot be voided", number, orig.voids);
		goto done;
	}
	if (orig.voided_by[0]) {
		diag_set(d, EXIT_REFUSED, "receipt %s: voided already by %s",
			 number, orig.voided_by);
		goto done;
	}
	if (ledger_db_entry(p->s, orig.entry, &paid, d) <= 0)
		goto done;
	if (ledger_reversal_check(paid.row.reverses, paid.row.reversed_by,
				  why, sizeof why) < 0) {
		diag_set(d, EXIT_REFUSED, "receipt %s: entry %lld: %s", number,
			 (long long) orig.entry, why);
		goto done;
	}
	if (account_db_load(p->s, orig.account, &a, d) <= 0)
		goto done;
	memset(&r, 0, sizeof r);
	if (ledger_db_balance(p->s, a.number, p->today, &r.balance_before,
			      d) < 0
	    || receipt_db_next(p->s, date_year(p->today), &r, d) < 0)
		goto done;
	memset(&e, 0, sizeof e);
	e.account = a.number;
	e.posted_on = p->today;
	e.kind = LEDGER_PAYMENT;
	e.amount = -paid.row.amount;	/* the exact opposite */
	e.source = "void";
	e.ref = r.number;
	e.memo = reason;
	e.reverses = orig.entry;
	e.approved_by = who.supervisor ? NULL : approved_by;
	if (ledger_batch_post(p->batch, &e, &r.entry, d) != LEDGER_POSTED
	    || ledger_batch_finish(p->batch, d) < 0)
		goto done;
	snprintf(r.account, sizeof r.account, "%s", a.number);
	r.amount = -orig.amount;
	memcpy(r.tender, orig.tender, sizeof r.tender);
	memcpy(r.check_no, orig.check_no, sizeof r.check_no);
	r.paid_on = p->today;
	r.balance_after = r.balance_before + orig.amount;
	snprintf(r.login, sizeof r.login, "%s", audit_login());
	memcpy(r.voids, orig.number, sizeof r.voids);
	snprintf(r.reason, sizeof r.reason, "%s", reason);
	if (e.approved_by)
		snprintf(r.approved_by, sizeof r.approved_by, "%s",
			 approved_by);
	if (receipt_db_insert(p->s, &r, d) < 0 || emit(p, &r, &a, d) < 0)
		goto done;
	count_receipt(p, &r);
	rc = 0;
done:
	clerk_release(&who);
	clerk_release(&approver);
	account_release(&a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct pay p = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *dir = NULL;
	const char *tender = "cash", *check_no = "", *source = "lockbox";
	const char *void_number = NULL, *reason = NULL, *approved_by = NULL;
	const char *rejects_path = NULL, *ref = NULL;
	const char *counter_opt = NULL;	/* the last given of the counter's */
	char *rejects_text = NULL;
	size_t rejects_size = 0;
	FILE *rejects = NULL, *rejects_file;
	int rejects_new = 0;
	int c, i, batch = 0, csv = 0, dry_run = 0, rc;
	char why[128], q[64];

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
		case OPT_APPROVED_BY:
			approved_by = optarg;
			break;
		case OPT_BATCH:
			batch = 1;
			break;
		case OPT_CHECK_NO:
			if (check_no_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --check-no: %s", why);
			check_no = optarg;
			counter_opt = "--check-no";
			break;
		case OPT_CSV:
			csv = 1;
			break;
		case OPT_REASON:
			if (strlen(optarg) > REASON_MAX
			    || ledger_text_check(optarg, REASON_MAX, 0, why,
						 sizeof why) < 0)
				cli_usage_error("option --reason: %s",
						strlen(optarg) > REASON_MAX
						? "longer than 200 bytes" : why);
			reason = optarg;
			break;
		case OPT_REF:
			/* the checks of a batch's ref, said as a usage error
			 * as for the text of every other option */
			if (!*optarg || ledger_text_check(optarg,
					LEDGER_REF_MAX, 0, why, sizeof why) < 0)
				cli_usage_error("option --ref: %s",
						*optarg ? why : "empty");
			/* counter payments without --ref take their
			 * receipt's number for a ref: one posted as a --ref
			 * would stop the payment that gets that number */
			if (receipt_number_like(optarg))
				cli_usage_error("option --ref: '%s': the form "
						"of a receipt number, the ref "
						"of counter payments without "
						"--ref", optarg);
			ref = optarg;
			counter_opt = "--ref";
			break;
		case OPT_REJECTS:
			rejects_path = optarg;
			break;
		case OPT_SOURCE:
			if (!*optarg || ledger_text_check(optarg,
					LEDGER_REF_MAX, 0, why, sizeof why) < 0)
				cli_usage_error("option --source: %s",
						*optarg ? why : "empty");
			source = optarg;
			break;
		case OPT_TENDER:
			if (receipt_tender_check(optarg, why, sizeof why) < 0)
				cli_usage_error("option --tender: '%s': %s",
						diag_quote(q, sizeof q, optarg),
						why);
			tender = optarg;
			counter_opt = "--tender";
			break;
		case OPT_VOID:
			void_number = optarg;
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

	p.today = cli_business_date(date_opt);
	if (csv && dir)
		cli_usage_error("--csv and -o are each other's opposite: "
				"choose one");
	if (batch && void_number)
		cli_usage_error("--batch and --void do not go together");
	if (counter_opt && (batch || void_number))
		cli_usage_error("%s is for a payment at the counter, not "
				"--batch or --void", counter_opt);
	if (void_number) {
		if (argc != 0)
			cli_usage_error("--void takes no operands");
		if (!reason || !*reason)
			cli_usage_error("--void needs --reason TEXT");
	} else if (reason || approved_by) {
		cli_usage_error("--reason and --approved-by are for --void");
	}
	if (!batch && (rejects_path || strcmp(source, "lockbox") != 0))
		cli_usage_error("--rejects and --source are for --batch");
	if (batch && argc == 0 && isatty(STDIN_FILENO))
		cli_usage_error("no file given, and standard input is a "
				"terminal");
	if (!batch && !void_number && argc != 2)
		cli_usage_error("a payment needs ACCOUNT and AMOUNT");

	if (csv) {
		/* records are printed only once the payments are committed */
		p.records = out_new_held(OUT_AUTO, receipt_columns);
	} else {
		p.receipt_template = template_load("receipt.txt", &d);
		if (!p.receipt_template)
			cli_fail(&d);
		p.docs = doc_out_new(dir, &d);
		if (!p.docs)
			cli_fail(&d);
	}
	if (rejects_path) {
		/* tried now, so that a bad path fails before anything is
		 * posted, without losing what an old file holds; written
		 * once the batch is committed */
		rejects_new = access(rejects_path, F_OK) != 0;
		rejects_file = fopen(rejects_path, "a");
		if (!rejects_file)
			error(EXIT_REFUSED, errno, "%s", rejects_path);
		fclose(rejects_file);
		rejects = open_memstream(&rejects_text, &rejects_size);
		if (!rejects)
			xalloc_die();
	}
	p.notes = open_memstream(&p.notes_text, &p.notes_size);
	if (!p.notes)
		xalloc_die();

	p.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!p.s || store_begin(p.s, &d) < 0)
		cli_fail(&d);
	p.batch = ledger_batch_new(p.s);
	if (void_number)
		rc = void_receipt(&p, void_number, reason, approved_by, &d);
	else if (!batch)
		rc = counter_payment(&p, argv[0], argv[1], tender, check_no,
				     ref, &d);
	else
		for (rc = 0, i = 0; rc == 0 && i < (argc ? argc : 1); i++)
			rc = batch_file(&p, argc ? argv[i] : "-", source,
					rejects, &d);
	if (rc < 0 || ledger_batch_finish(p.batch, &d) < 0
	    || (p.posted && audit_record(p.s, &d, "receipts %s to %s: %ld, "
					 "total %lld cents%s", p.first, p.last,
					 p.posted, (long long) p.total,
					 void_number ? " (a void)" : "") < 0))
		goto fail;
	if (dry_run)
		store_rollback(p.s);
	else if (store_commit(p.s, &d) < 0)
		goto fail;

	/* committed: now the receipts and the rejects may be shown */
	if (!dry_run) {
		if (p.records) {
			out_print_held(p.records);
			p.records = NULL;
		} else if (doc_out_flush(p.docs, &d) < 0) {
			goto fail;
		}
		if (rejects) {
			fflush(rejects);
			rejects_file = fopen(rejects_path, "w");
			if (!rejects_file
			    || fwrite(rejects_text, 1, rejects_size,
				      rejects_file) != rejects_size
			    || fclose(rejects_file) != 0)
				error(EXIT_REFUSED, errno, "%s", rejects_path);
			rejects_new = 0;
		}
		fflush(p.notes);
		fwrite(p.notes_text, 1, p.notes_size, stderr);
	}
	if (rejects_new)	/* a dry run leaves no new rejects file */
		unlink(rejects_path);
	if (batch)
		fprintf(stderr, "%s: %s%ld, already posted %ld\n",
			program_name, dry_run ? "dry run: would post " :
			"posted ", p.posted, p.already);
	if (rejects)
		fprintf(stderr, "%s: %ld rejected%s%s\n", program_name,
			p.rejected, dry_run ? "" : ", written to ",
			dry_run ? "" : rejects_path);
	if (!batch && dry_run)
		fprintf(stderr, "%s: dry run: nothing was posted\n",
			program_name);
	ledger_batch_free(p.batch);
	store_close(p.s);
	template_free(p.receipt_template);
	doc_out_free(p.docs);
	out_free(p.records);	/* a dry run's, not printed */
	if (rejects)
		fclose(rejects);
	free(rejects_text);
	fclose(p.notes);
	free(p.notes_text);
	return EXIT_DONE;
fail:
	if (rejects_new)
		unlink(rejects_path);
	ledger_batch_free(p.batch);
	store_close(p.s);	/* rolls back: nothing posted, no number used */
	cli_fail(&d);
}
