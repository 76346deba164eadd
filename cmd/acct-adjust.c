/* acct-adjust: adjustments with a reason code, reversals, and batches of
 * adjustments from CSV; over the clerk's limit a supervisor approves, named
 * with --approved-by or, under the supervisor's own login, by approving an
 * adjustment held for it (--hold, --approve). */
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
#include "clerk_db.h"
#include "cli.h"
#include "closeout.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "held_db.h"
#include "ledger_db.h"
#include "money.h"
#include "out.h"
#include "policy_db.h"
#include "progname.h"
#include "reason_db.h"
#include "receipt_db.h"
#include "store.h"
#include "xalloc.h"

enum {
	OPT_APPROVE = CLI_OPT_FIRST_FREE,
	OPT_APPROVED_BY,
	OPT_BATCH,
	OPT_HELD,
	OPT_HOLD,
	OPT_MEMO,
	OPT_REASON,
	OPT_REJECT,
	OPT_REVERSE,
	OPT_SOURCE
};

static const struct option long_options[] = {
	{ "approve", required_argument, NULL, OPT_APPROVE },
	{ "approved-by", required_argument, NULL, OPT_APPROVED_BY },
	{ "batch", no_argument, NULL, OPT_BATCH },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "held", no_argument, NULL, OPT_HELD },
	{ "help", no_argument, NULL, 'h' },
	{ "hold", no_argument, NULL, OPT_HOLD },
	{ "memo", required_argument, NULL, OPT_MEMO },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "reject", required_argument, NULL, OPT_REJECT },
	{ "reverse", required_argument, NULL, OPT_REVERSE },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char synopsis[] =
	"[-n] [-d FILE] [--approved-by LOGIN | --hold] [--date D]\n"
	"         [--format csv|table] [--memo TEXT] --reason CODE "
	"ACCOUNT AMOUNT\n"
	"       acct-adjust --reverse ENTRY [-n] [-d FILE] [--approved-by "
	"LOGIN]\n"
	"         [--date D] [--format csv|table] [--memo TEXT]\n"
	"       acct-adjust --batch [-n] [-d FILE] [--approved-by LOGIN] "
	"[--date D]\n"
	"         [--format csv|table] [--source NAME] [FILE...]\n"
	"       acct-adjust --approve NUMBER [-n] [-d FILE] "
	"[--format csv|table]\n"
	"       acct-adjust --reject NUMBER [-n] [-d FILE] "
	"[--format csv|table]\n"
	"         --reason TEXT\n"
	"       acct-adjust --held [-d FILE] [--format csv|table]";

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Post an adjustment to an account with a reason code (AMOUNT "
	     "above zero charges\nthe customer, below zero credits), reverse "
	     "an entry (--reverse), or post the\nadjustments of CSV files or "
	     "standard input in one transaction (--batch).\n"
	     "Batch columns: account, amount, reason, ref (required); memo.\n"
	     "Over the clerk's limit, a supervisor posts it or approves it: "
	     "named with\n--approved-by, or under their own login, approving "
	     "an adjustment held for\nthem (--hold, --approve, --reject, "
	     "--held).  Options go before ACCOUNT\nAMOUNT, so that a negative "
	     "AMOUNT is not taken for one.\n\n"
	     "Options:\n"
	     "      --approve NUMBER     post held adjustment NUMBER, "
	     "approved by you\n"
	     "      --approved-by LOGIN  the supervisor approving an amount "
	     "over the limit\n"
	     "      --batch              post the adjustments of CSV files\n"
	     "  -d, --db FILE            the store (else $ACCTKIT_DB, else "
	     "the default)\n"
	     "      --date D             the business date: the entries' "
	     "posting date\n"
	     "      --format F           csv or table (default: table on a "
	     "terminal)\n"
	     "      --held               list the adjustments held for "
	     "approval\n"
	     "      --hold               over your limit, hold it for a "
	     "supervisor to approve\n"
	     "      --memo TEXT          a note with the entry\n"
	     "  -n, --dry-run            check and post everything, then "
	     "roll back\n"
	     "      --reason CODE        the reason code (see 'acct-db "
	     "reasons'); with\n"
	     "                           --reject, why it is rejected\n"
	     "      --reject NUMBER      reject held adjustment NUMBER\n"
	     "      --reverse ENTRY      post the exact opposite of entry "
	     "ENTRY\n"
	     "      --source NAME        the batch's source (default "
	     "acct-adjust)\n"
	     "  -h, --help               show this help\n"
	     "      --version            show the version\n\n"
	     "Exit status: 0 done, 1 refused (unknown or closed account, "
	     "unknown reason,\nentry or held adjustment, over the limit, not "
	     "yours to approve), 2 usage,\n65 bad input (nothing posted), 75 "
	     "busy.\nSee acct-adjust(1).");
	exit(EXIT_SUCCESS);
}

static const char *const columns[] = { ">entry", "account", ">amount",
	"reason", ">balance", NULL };
static const char *const held_columns[] = { "number", "account", ">amount",
	"reason", "requested_by", "requested_at", "posted_on", NULL };

/* A posted entry, printed once the transaction is committed. */
struct posted {
	int64_t entry, amount, balance;
	char account[ACCOUNT_NUMBER_MAX + 1], reason[24];
};

struct adjust {
	struct store *s;
	struct ledger_batch *batch;
	int today;
	struct clerk who, approver;
	const char *approved_by;	/* --approved-by, or NULL */
	int hold;			/* --hold: over the limit, hold it */
	int64_t default_limit;		/* policy adjust.clerk_limit */
	struct held held;		/* held, approved or rejected */
	int nheld;			/* 1 when held is to be shown */
	long approvals;			/* entries that needed approval */
	long already;
	struct posted *rows;
	size_t nrows, rows_alloc;
};

/* Whether the user may post amount: 0 with *approved_by the approver to
 * record (NULL when no approval was needed), -1 with why. */
static int
approval(struct adjust *a, int64_t amount, const char **approved_by,
	 char *why, size_t whysize)
{
	int needed;

	*approved_by = NULL;
	if (clerk_may_post(&a->who, a->approved_by ? &a->approver : NULL,
			   amount, a->default_limit, &needed, why,
			   whysize) < 0)
		return -1;
	if (needed)
		*approved_by = a->approver.login;
	return 0;
}

/* Makes the entry's balance known and keeps the row for the output. */
static int
keep(struct adjust *a, const struct ledger_entry *e, int64_t id,
     struct diag *d)
{
	struct posted *p;

	if (a->nrows == a->rows_alloc)
		a->rows = x2nrealloc(a->rows, &a->rows_alloc, sizeof *a->rows);
	p = &a->rows[a->nrows];
	memset(p, 0, sizeof *p);
	if (ledger_batch_finish(a->batch, d) < 0
	    || ledger_db_balance(a->s, e->account, a->today, &p->balance,
				 d) < 0)
		return -1;
	p->entry = id;
	p->amount = e->amount;
	snprintf(p->account, sizeof p->account, "%s", e->account);
	snprintf(p->reason, sizeof p->reason, "%s", e->reason ? e->reason : "");
	if (e->approved_by)
		a->approvals++;
	a->nrows++;
	return 0;
}

/* Loads the account; why says why it cannot be adjusted. */
static int
account_open(struct adjust *a, const char *number, char *why, size_t whysize,
	     struct diag *d)
{
	struct account acct = ACCOUNT_INIT;
	int found = account_db_load(a->s, number, &acct, d);
	int closed = found > 0 && strcmp(acct.status, "closed") == 0;

	account_release(&acct);
	if (found < 0)
		return -1;
	if (found == 0)
		snprintf(why, whysize, "no such account");
	else if (closed)
		snprintf(why, whysize, "the account is closed");
	else
		return 1;
	return 0;
}

/* Posts e, whose reference no run can have used before, and keeps it. */
static int
post_new(struct adjust *a, const struct ledger_entry *e, int64_t *id,
	 struct diag *d)
{
	int rc = ledger_batch_post(a->batch, e, id, d);

	if (rc == LEDGER_ALREADY)
		return diag_set(d, EXIT_REFUSED, "reference '%s' of source "
				"'%s': posted already", e->ref, e->source);
	if (rc < 0 || keep(a, e, *id, d) < 0)
		return -1;
	return 0;
}

/* Whether account number takes an adjustment of amount with reason now:
 * 0, or -1 with d filled, its message after prefix. */
static int
may_adjust(struct adjust *a, const char *prefix, const char *number,
	   int64_t amount, const char *reason, struct diag *d)
{
	char why[512], q[64];

	switch (account_open(a, number, why, sizeof why, d)) {
	case -1:
		return -1;
	case 0:
		return diag_set(d, EXIT_REFUSED, "%saccount '%s': %s", prefix,
				diag_quote(q, sizeof q, number), why);
	}
	switch (reason_db_check(a->s, reason, amount, why, sizeof why, d)) {
	case -1:
		return -1;
	case 0:
		return diag_set(d, EXIT_REFUSED, "%sreason %s", prefix, why);
	}
	return 0;
}

/* Posts an adjustment of amount on day as acct-adjust posts one (source
 * acct-adjust, reference adjust-BATCH-1) and keeps it; its id in *id. */
static int
post_adjustment(struct adjust *a, const char *number, int day,
		int64_t amount, const char *reason, const char *memo,
		const char *approved_by, int64_t *id, struct diag *d)
{
	struct ledger_entry e;
	char ref[64];
	int64_t batch = ledger_batch_id(a->batch, d);

	if (batch < 0)
		return -1;
	snprintf(ref, sizeof ref, "adjust-%lld-1", (long long) batch);
	memset(&e, 0, sizeof e);
	e.account = number;
	e.posted_on = day;
	e.kind = LEDGER_ADJUSTMENT;
	e.amount = amount;
	e.source = "acct-adjust";
	e.ref = ref;
	e.memo = memo;
	e.reason = reason;
	e.approved_by = approved_by;
	return post_new(a, &e, id, d);
}

/* Records the adjustment as held for a supervisor's approval, in place of
 * refusing it. */
static int
hold(struct adjust *a, const char *number, int64_t amount,
     const char *reason, const char *memo, struct diag *d)
{
	struct held *h = &a->held;
	char m[MONEY_BUFSZ], l[MONEY_BUFSZ];

	memset(h, 0, sizeof *h);
	snprintf(h->account, sizeof h->account, "%s", number);
	h->amount = amount;
	snprintf(h->reason, sizeof h->reason, "%s", reason);
	snprintf(h->memo, sizeof h->memo, "%s", memo ? memo : "");
	h->posted_on = a->today;
	if (held_db_insert(a->s, h, d) < 0)
		return -1;
	a->nheld = 1;
	return audit_record(a->s, d, "held %s: adjustment of account %s by "
			    "%s, reason %s, over %s's limit of %s", h->number,
			    number, money_format(amount, m), reason,
			    h->requested_by, money_format(clerk_limit(&a->who,
					a->default_limit), l));
}

/* A held adjustment, pending: 0 with it in a->held, -1 refused. */
static int
held_pending(struct adjust *a, const char *number, struct diag *d)
{
	char why[256];
	int rc = held_db_load(a->s, number, &a->held, d);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return diag_set(d, EXIT_REFUSED, "held %s: no such held "
				"adjustment (see acct-adjust --held)", number);
	if (held_decidable(&a->held, why, sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "held %s: %s", number, why);
	return 0;
}

/* Posts held adjustment number as acct-adjust would have posted it on its
 * day, approved by the user, whose own login and limit are what count. */
static int
approve_one(struct adjust *a, const char *number, struct diag *d)
{
	struct held *h = &a->held;
	char why[512], prefix[HELD_NUMBER_MAX + 8], m[MONEY_BUFSZ];
	int64_t id;

	if (held_pending(a, number, d) < 0)
		return -1;
	if (clerk_may_approve(&a->who, h->requested_by, why,
			      sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "held %s: %s", number, why);
	/* the account and the reason as they are now, not as they were */
	snprintf(prefix, sizeof prefix, "held %s: ", number);
	if (may_adjust(a, prefix, h->account, h->amount, h->reason, d) < 0
	    || post_adjustment(a, h->account, h->posted_on, h->amount,
			       h->reason, h->memo[0] ? h->memo : NULL,
			       a->who.login, &id, d) < 0)
		return -1;
	h->status = HELD_APPROVED;
	h->entry = id;
	/* one audit line for both: the batch and the held number */
	if (held_db_decide(a->s, h, d) < 0)
		return -1;
	return audit_record(a->s, d, "approved held %s (requested by %s): "
			    "adjusted account %s by %s, reason %s, entry %lld, "
			    "approved by %s", number, h->requested_by,
			    h->account, money_format(h->amount, m), h->reason,
			    (long long) id, a->who.login);
}

static int
reject_one(struct adjust *a, const char *number, const char *note,
	   struct diag *d)
{
	struct held *h = &a->held;
	char m[MONEY_BUFSZ], q[64];

	if (held_pending(a, number, d) < 0)
		return -1;
	if (!a->who.supervisor)
		return diag_set(d, EXIT_REFUSED, "held %s: only a supervisor "
				"rejects a held adjustment (%s is not one)",
				number, diag_quote(q, sizeof q,
						   a->who.login));
	h->status = HELD_REJECTED;
	snprintf(h->note, sizeof h->note, "%s", note);
	if (held_db_decide(a->s, h, d) < 0)
		return -1;
	a->nheld = 1;
	return audit_record(a->s, d, "rejected held %s (account %s by %s, "
			    "reason %s, requested by %s): %s", number,
			    h->account, money_format(h->amount, m), h->reason,
			    h->requested_by, note);
}

static int
adjust_one(struct adjust *a, const char *number, int64_t amount,
	   const char *reason, const char *memo, struct diag *d)
{
	const char *approved_by;
	char why[512], m[MONEY_BUFSZ];
	int64_t id;

	if (may_adjust(a, "", number, amount, reason, d) < 0)
		return -1;
	if (approval(a, amount, &approved_by, why, sizeof why) < 0) {
		if (a->hold)
			return hold(a, number, amount, reason, memo, d);
		/* the other way, where the supervisor signs as themself */
		return diag_set(d, EXIT_REFUSED, "account %s: %s%s", number,
				why, a->approved_by ? "" : "; or hold it for "
				"their --approve (--hold)");
	}
	if (post_adjustment(a, number, a->today, amount, reason, memo,
			    approved_by, &id, d) < 0)
		return -1;
	return audit_record(a->s, d, "adjusted account %s by %s, reason %s, "
			    "entry %lld%s%s", number,
			    money_format(amount, m), reason, (long long) id,
			    approved_by ? ", approved by " : "",
			    approved_by ? approved_by : "");
}

static int
reverse_one(struct adjust *a, int64_t entry, const char *memo,
	    struct diag *d)
{
	struct ledger_stored orig;
	struct ledger_entry e;
	char why[512], ref[64], m[MONEY_BUFSZ], receipt[RECEIPT_NUMBER_MAX];
	int64_t id;
	int rc = ledger_db_entry(a->s, entry, &orig, d);

	if (rc <= 0)
		return rc < 0 ? -1 : diag_set(d, EXIT_REFUSED, "entry %lld: "
					      "no such entry",
					      (long long) entry);
	if (ledger_reversal_check(orig.row.reverses, orig.row.reversed_by,
				  why, sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "entry %lld: %s",
				(long long) entry, why);
	/* a receipted payment is undone by a void, so the receipts agree */
	rc = receipt_db_by_entry(a->s, entry, receipt, d);
	if (rc < 0)
		return -1;
	if (rc)
		return diag_set(d, EXIT_REFUSED, "entry %lld: the payment of "
				"receipt %s: void the receipt instead "
				"(pay-post --void %s)", (long long) entry,
				receipt, receipt);
	memset(&e, 0, sizeof e);
	/* the exact opposite: what was posted, negated; a payment's or a
	 * charge's sign rules do not apply to undoing it */
	e.amount = -orig.row.amount;
	if (approval(a, e.amount, &e.approved_by, why, sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "entry %lld: %s",
				(long long) entry, why);
	snprintf(ref, sizeof ref, "reverses-%lld", (long long) entry);
	e.account = orig.account;
	e.posted_on = a->today;
	e.kind = orig.row.kind;
	e.source = "reversal";
	e.ref = ref;
	e.memo = memo;
	e.reason = orig.reason;
	e.reverses = entry;
	if (post_new(a, &e, &id, d) < 0)
		return -1;
	return audit_record(a->s, d, "reversed entry %lld (account %s, %s "
			    "%s) with entry %lld%s%s", (long long) entry,
			    orig.account, ledger_kind_name(orig.row.kind),
			    money_format(orig.row.amount, m), (long long) id,
			    e.approved_by ? ", approved by " : "",
			    e.approved_by ? e.approved_by : "");
}

struct batch_columns {
	int account, amount, reason, ref, memo;
};

/* The current row as an entry; -1 with d filled (file:line: column). */
static int
batch_row(struct adjust *a, struct csvio_reader *r,
	  const struct batch_columns *c, const char *source,
	  struct ledger_entry *e, struct diag *d)
{
	char why[512], q[64];
	const char *v;
	int64_t amount;

	memset(e, 0, sizeof *e);
	e->account = csvio_field(r, c->account);
	if (account_number_check(e->account, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->account, "'%s': %s",
				  diag_quote(q, sizeof q, e->account), why);
	switch (account_open(a, e->account, why, sizeof why, d)) {
	case -1:
		return -1;
	case 0:
		return csvio_fail(r, d, EXIT_DATAERR, c->account, "'%s': %s",
				  e->account, why);
	}
	v = csvio_field(r, c->amount);
	if (money_parse(v, &amount, why, sizeof why) < 0
	    || ledger_signed_amount(LEDGER_ADJUSTMENT, amount, &e->amount,
				    why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->amount, "'%s': %s",
				  diag_quote(q, sizeof q, v), why);
	e->reason = csvio_field(r, c->reason);
	if (!*e->reason)
		return csvio_fail(r, d, EXIT_DATAERR, c->reason, "empty: every "
				  "adjustment needs a reason code");
	switch (reason_db_check(a->s, e->reason, e->amount, why, sizeof why, d)) {
	case -1:
		return -1;
	case 0:
		return csvio_fail(r, d, EXIT_DATAERR, c->reason, "%s", why);
	}
	e->ref = csvio_field(r, c->ref);
	if (!*e->ref)
		return csvio_fail(r, d, EXIT_DATAERR, c->ref, "empty: every "
				  "row needs a reference, so that posting a "
				  "file twice is safe");
	if (ledger_text_check(e->ref, LEDGER_REF_MAX, 0, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->ref, "%s", why);
	e->memo = csvio_field(r, c->memo);
	if (ledger_text_check(e->memo, LEDGER_MEMO_MAX, 1, why, sizeof why) < 0)
		return csvio_fail(r, d, EXIT_DATAERR, c->memo, "%s", why);
	e->posted_on = a->today;
	e->dated_by_program = 1;
	e->kind = LEDGER_ADJUSTMENT;
	e->source = source;
	return 0;
}

static int
batch_file(struct adjust *a, const char *path, const char *source,
	   struct diag *d)
{
	struct csvio_reader *r = csvio_open(path, d);
	struct batch_columns c;
	struct ledger_entry e;
	char why[512];
	int64_t id;
	int rc, refused;

	if (!r)
		return -1;
	c.account = csvio_column(r, "account");
	c.amount = csvio_column(r, "amount");
	c.reason = csvio_column(r, "reason");
	c.ref = csvio_column(r, "ref");
	c.memo = csvio_column(r, "memo");
	if (c.account < 0 || c.amount < 0 || c.reason < 0 || c.ref < 0) {
		diag_set(d, EXIT_DATAERR, "%s:1: the columns account, amount, "
			 "reason and ref are required", csvio_name(r));
		csvio_close(r);
		return -1;
	}
	while ((rc = csvio_next(r, d)) == 1) {
		if (batch_row(a, r, &c, source, &e, d) < 0) {
			rc = -1;
			break;
		}
		/* A row posted before needs no approval again: a refusal is
		 * known first but told only for a row this run would post,
		 * and the refusal rolls the whole run back. */
		refused = approval(a, e.amount, &e.approved_by, why,
				   sizeof why) < 0;
		rc = ledger_batch_post(a->batch, &e, &id, d);
		if (rc == LEDGER_POSTED && refused)
			rc = diag_set(d, EXIT_REFUSED, "%s", why);
		if (rc == LEDGER_POSTED)
			rc = keep(a, &e, id, d);
		else if (rc == LEDGER_ALREADY)
			a->already++;
		if (rc < 0) {
			diag_prefix(d, "%s:%lu", csvio_name(r), csvio_line(r));
			break;
		}
	}
	csvio_close(r);
	return rc < 0 ? -1 : 0;
}

/* The files named, or standard input, and one audit line for them all. */
static int
batch_files(struct adjust *a, int argc, char **argv, const char *source,
	    struct diag *d)
{
	char m[MONEY_BUFSZ];
	int64_t net = 0;
	size_t i;

	for (i = 0; i < (size_t) (argc ? argc : 1); i++)
		if (batch_file(a, argc ? argv[i] : "-", source, d) < 0)
			return -1;
	for (i = 0; i < a->nrows; i++)
		net += a->rows[i].amount;
	return audit_record(a->s, d, "adjustments from %s%s: posted %zu (net "
			    "%s), already posted %ld%s%s", argc ? argv[0]
			    : "stdin", argc > 1 ? " and more" : "", a->nrows,
			    money_format(net, m), a->already,
			    a->approvals ? ", approved by " : "",
			    a->approvals ? a->approver.login : "");
}

/* A held adjustment's number, as option takes it; exits 2 on anything
 * else. */
static const char *
held_number_option(const char *option, const char *s)
{
	char why[128], q[64];
	int64_t seq;
	int year;

	if (held_number_parse(s, &year, &seq, why, sizeof why) < 0)
		cli_usage_error("option %s: '%s': %s", option,
				diag_quote(q, sizeof q, s), why);
	return s;
}

/* An entry's number, as --reverse takes it; exits 2 on anything else. */
static int64_t
entry_number(const char *s)
{
	char *end, q[64];
	long long n;

	errno = 0;
	n = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || n < 1)
		cli_usage_error("option --reverse: '%s': not an entry number",
				diag_quote(q, sizeof q, s));
	return n;
}

static int
print_held(const struct held *h, void *arg)
{
	struct out *o = arg;

	out_field(o, h->number);
	out_field(o, h->account);
	out_money(o, h->amount);
	out_field(o, h->reason);
	out_field(o, h->requested_by);
	out_field(o, h->requested_at);
	out_date(o, h->posted_on);
	out_row_end(o);
	return 0;
}

/* --held: the adjustments waiting for a supervisor, oldest first. */
static void
list_held(const char *db_opt, enum out_format format)
{
	struct diag d = DIAG_INIT;
	struct store *s = store_open(store_path(db_opt), STORE_READ,
				     program_name, &d);
	struct out *o;
	int rc;

	if (!s)
		cli_fail(&d);
	o = out_new(stdout, format, held_columns);
	rc = held_db_each(s, HELD_PENDING, print_held, o, &d);
	out_free(o);
	store_close(s);
	if (rc < 0)
		cli_fail(&d);
	exit(EXIT_DONE);
}

static void
print_rows(const struct adjust *a, enum out_format format)
{
	struct out *o;
	size_t i;

	if (a->nheld) {
		o = out_new(stdout, format, held_columns);
		print_held(&a->held, o);
		out_free(o);
		return;
	}
	o = out_new(stdout, format, columns);
	for (i = 0; i < a->nrows; i++) {
		out_int(o, a->rows[i].entry);
		out_field(o, a->rows[i].account);
		out_money(o, a->rows[i].amount);
		out_field(o, a->rows[i].reason);
		out_money(o, a->rows[i].balance);
		out_row_end(o);
	}
	out_free(o);
}

int
main(int argc, char **argv)
{
	struct adjust a = { .who = CLERK_INIT, .approver = CLERK_INIT };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *reason = NULL;
	const char *memo = NULL, *source = NULL;
	const char *approve = NULL, *reject = NULL;
	enum out_format format = OUT_AUTO;
	char why[128], q[64], countersign[8], m[MONEY_BUFSZ], l[MONEY_BUFSZ];
	int64_t reverse = 0, amount = 0;
	int c, rc, batch = 0, dry_run = 0, held_list = 0;

	set_program_name(argv[0]);
	atexit(close_stdout);

	/* '+': options end at ACCOUNT, so "1001 -45.00" needs no "--" */
	while ((c = getopt_long(argc, argv, "+d:hn", long_options, NULL))
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
		case OPT_APPROVE:
			approve = held_number_option("--approve", optarg);
			break;
		case OPT_APPROVED_BY:
			if (!*optarg)
				cli_usage_error("option --approved-by: empty");
			a.approved_by = optarg;
			break;
		case OPT_BATCH:
			batch = 1;
			break;
		case OPT_HELD:
			held_list = 1;
			break;
		case OPT_HOLD:
			a.hold = 1;
			break;
		case OPT_MEMO:
			if (ledger_text_check(optarg, LEDGER_MEMO_MAX, 1, why,
					      sizeof why) < 0)
				cli_usage_error("option --memo: %s", why);
			memo = optarg;
			break;
		case OPT_REASON:
			if (!*optarg)
				cli_usage_error("option --reason: empty");
			reason = optarg;
			break;
		case OPT_REJECT:
			reject = held_number_option("--reject", optarg);
			break;
		case OPT_REVERSE:
			reverse = entry_number(optarg);
			break;
		case OPT_SOURCE:
			if (!*optarg || ledger_text_check(optarg,
					LEDGER_REF_MAX, 0, why, sizeof why) < 0)
				cli_usage_error("option --source: %s",
						*optarg ? why : "empty");
			source = optarg;
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

	a.today = cli_business_date(date_opt);
	if ((approve != NULL) + (reject != NULL) + held_list > 1)
		cli_usage_error("--approve, --reject and --held do not go "
				"together");
	if (approve || reject || held_list) {
		if (batch || reverse || a.hold || a.approved_by || source
		    || memo || date_opt)
			cli_usage_error("%s takes only %s-d and --format%s",
					approve ? "--approve" : reject
					? "--reject" : "--held", held_list
					? "" : "-n, ", reject
					? ", and --reason" : "");
		if (argc != 0)
			cli_usage_error("%s takes no operands", approve
					? "--approve" : reject ? "--reject"
					: "--held");
		if (approve && reason)
			cli_usage_error("--approve posts the held adjustment's "
					"own reason: no --reason");
		if (held_list && (reason || dry_run))
			cli_usage_error("--held only lists: no --reason, no "
					"-n");
		if (reject && !reason)
			cli_usage_error("--reject needs --reason TEXT: why it "
					"is rejected");
		if (reject && ledger_text_check(reason, LEDGER_MEMO_MAX, 0,
						why, sizeof why) < 0)
			cli_usage_error("option --reason: %s", why);
	}
	if (held_list)
		list_held(db_opt, format);
	if (a.hold && a.approved_by)
		cli_usage_error("--hold and --approved-by do not go together: "
				"a held adjustment is approved with --approve");
	if (a.hold && (batch || reverse))
		cli_usage_error("--hold is for one adjustment: not with %s",
				batch ? "--batch" : "--reverse");
	if (batch && reverse)
		cli_usage_error("--batch and --reverse do not go together");
	if (source && !batch)
		cli_usage_error("--source is for --batch");
	if (batch && (reason || memo))
		cli_usage_error("--reason and --memo are columns of a batch");
	if (reverse && reason)
		cli_usage_error("--reverse keeps the reason of the entry it "
				"reverses: no --reason");
	if (reverse && argc != 0)
		cli_usage_error("--reverse takes no operands");
	if (batch && argc == 0 && isatty(STDIN_FILENO))
		cli_usage_error("no file given, and standard input is a "
				"terminal");
	if (!batch && !reverse && !approve && !reject) {
		if (argc < 2)
			cli_usage_error("an adjustment needs ACCOUNT and "
					"AMOUNT");
		if (argc > 2)
			cli_usage_error("'%s': too many operands (options go "
					"before ACCOUNT AMOUNT)",
					diag_quote(q, sizeof q, argv[2]));
		if (!reason)
			cli_usage_error("no --reason: every adjustment needs "
					"a reason code (see 'acct-db "
					"reasons')");
		if (money_parse(argv[1], &amount, why, sizeof why) < 0
		    || ledger_signed_amount(LEDGER_ADJUSTMENT, amount,
					    &amount, why, sizeof why) < 0)
			cli_usage_error("amount '%s': %s",
					diag_quote(q, sizeof q, argv[1]), why);
	}

	a.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!a.s || store_begin(a.s, &d) < 0)
		cli_fail(&d);
	a.batch = ledger_batch_new(a.s);
	if (clerk_db_get(a.s, audit_login(), &a.who, &d) < 0
	    || (a.approved_by && clerk_db_get(a.s, a.approved_by, &a.approver,
					       &d) < 0)
	    || policy_db_get_money(a.s, "adjust.clerk_limit",
				   &a.default_limit, &d) < 0
	    || policy_db_get(a.s, "adjust.countersign", countersign,
			     sizeof countersign, &d) < 0)
		goto fail;
	/* a name on the command line is a claim; a countersigning office
	 * takes only the approver's own login (--approve) */
	if (a.approved_by && strcmp(countersign, "yes") == 0) {
		diag_set(&d, EXIT_REFUSED, "approvals are countersigned: hold "
			 "it with --hold; a supervisor approves it with "
			 "acct-adjust --approve");
		goto fail;
	}
	if (approve)
		rc = approve_one(&a, approve, &d);
	else if (reject)
		rc = reject_one(&a, reject, reason, &d);
	else if (reverse)
		rc = reverse_one(&a, reverse, memo, &d);
	else if (!batch)
		rc = adjust_one(&a, argv[0], amount, reason, memo, &d);
	else
		rc = batch_files(&a, argc, argv, source ? source
				 : "acct-adjust", &d);
	if (rc < 0)
		goto fail;
	if (dry_run)
		store_rollback(a.s);
	else if (store_commit(a.s, &d) < 0)
		goto fail;
	ledger_batch_free(a.batch);
	store_close(a.s);

	print_rows(&a, format);
	if (a.nheld && a.held.status == HELD_PENDING)
		fprintf(stderr, "%s: %sheld %s: %s on %s is over %s's limit "
			"of %s; a supervisor approves it with acct-adjust "
			"--approve %s\n", program_name, dry_run
			? "dry run: would have " : "", a.held.number,
			money_format(a.held.amount < 0 ? -a.held.amount
				     : a.held.amount, m), a.held.account,
			a.who.login, money_format(clerk_limit(&a.who,
				a.default_limit), l), a.held.number);
	else if (batch)
		fprintf(stderr, "%s: %s %zu, already posted %ld\n",
			program_name, dry_run ? "dry run: would post"
			: "posted", a.nrows, a.already);
	else if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was %s\n",
			program_name, reject ? "rejected" : "posted");
	clerk_release(&a.who);
	clerk_release(&a.approver);
	free(a.rows);
	return EXIT_DONE;
fail:
	ledger_batch_free(a.batch);
	store_close(a.s);	/* rolls back: nothing is posted */
	cli_fail(&d);
}
