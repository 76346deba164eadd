/* acct-show: an account's summary: who, where, flags, balance, aging, last
 * payment; with --history its entries and a running balance; with --explain
 * its adjustments, fees and reversals in the customer's words. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account_db.h"
#include "cli.h"
#include "cases_db.h"
#include "closeout.h"
#include "diag.h"
#include "error.h"
#include "explain.h"
#include "ledger_db.h"
#include "loop.h"
#include "orders_db.h"
#include "out.h"
#include "plan_db.h"
#include "policy_db.h"
#include "progname.h"
#include "reason_db.h"
#include "store.h"

enum { OPT_CONTACTS = CLI_OPT_FIRST_FREE, OPT_EXPLAIN, OPT_HISTORY };

/* --contacts shows those of this many days up to the business date. */
enum { RECENT_CONTACT_DAYS = 90 };

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "contacts", no_argument, NULL, OPT_CONTACTS },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "history", no_argument, NULL, OPT_HISTORY },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const summary_columns[] = {
	"account", "name", "service_address", "mailing_address", "phone",
	"email", "rate_class", "status", "opened_on", "heat", "life_support",
	"ebd", "medical_until", ">balance", ">arrears", ">days_past_due",
	">current", ">d1_30", ">d31_60", ">d61_90", ">d91_plus",
	"last_payment_on", ">last_payment", "plan", "next_due_on",
	">next_due", "dispute", ">open_cases", ">open_orders",
	"last_contact_on", NULL
};

static const char *const contact_columns[] = {
	"account", ">contact", "on_date", "at", "channel", "kind", "note",
	"clerk", NULL
};

static const char *const history_columns[] = {
	"account", ">entry", "posted_on", "kind", ">amount", ">balance",
	"source", "ref", "reason", ">reverses", "memo", NULL
};

static const char *const explain_columns[] = {
	"account", ">entry", "posted_on", "explanation", NULL
};

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s [-d FILE] [--contacts] [--date D] "
			"[--explain] [--format csv|table]\n  [--history] "
			"[ACCOUNT...]\nTry '%s --help'.\n", program_name,
			program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s [-d FILE] [--contacts] [--date D] [--explain] "
	       "[--format csv|table]\n  [--history] [ACCOUNT...]\n",
	       program_name);
	puts("Show accounts: name, addresses, status, flags, balance, arrears, "
	     "days past due,\naging buckets and last payment, as of the "
	     "business date.  With no ACCOUNT,\nthe 'account' column of CSV "
	     "on standard input.\n\n"
	     "Options:\n"
	     "      --contacts       the contacts of the last 90 days "
	     "instead, newest first\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D         as of this business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --explain        the adjustments, fees, deposits and "
	     "reversals instead,\n"
	     "                       in the customer's words\n"
	     "      --format F       csv or table (default: table on a "
	     "terminal)\n"
	     "      --history        the entries with a running balance "
	     "instead\n"
	     "                       (on a terminal: after the summary)\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 an account not found (the others are "
	     "shown), 2 usage,\n65 bad input, 75 busy.  See acct-show(1).");
	exit(EXIT_SUCCESS);
}

struct show {
	struct store *s;
	int asof, history, explain, contacts;
	long hold_days;
	long due_days;
	enum out_format format;
	struct out *summary, *entries;
	struct diag d;
	long explained;		/* sentences said of the current account */
};

/* What a summary row shows besides the account itself. */
struct summary {
	struct aging g;
	int paid_on;		/* the last payment */
	int64_t paid;
	char plan[PLAN_NUMBER_MAX];	/* the agreement in force, or "" */
	int next_due_on;	/* its next installment not yet met */
	int64_t next_due;
	int dispute, dispute_until;	/* a billing case holds shut-offs */
	int open_cases, open_orders, last_contact_on;
};

static void
summary_row(struct out *o, const struct account *a, const struct summary *sm)
{
	const struct aging *g = &sm->g;

	out_field(o, a->number);
	out_field(o, a->name);
	out_field(o, a->service_address);
	out_field(o, a->mailing_address);
	out_field(o, a->phone);
	out_field(o, a->email);
	out_field(o, a->rate_class);
	out_field(o, a->status);
	out_date(o, a->opened_on);
	out_field(o, a->heat ? "yes" : "no");
	out_field(o, a->life_support ? "yes" : "no");
	out_field(o, a->ebd ? "yes" : "no");
	out_date(o, a->medical_until);
	out_money(o, g->balance);
	out_money(o, g->arrears);
	out_int(o, g->days_past_due);
	out_money(o, g->current);
	out_money(o, g->d1_30);
	out_money(o, g->d31_60);
	out_money(o, g->d61_90);
	out_money(o, g->d91_plus);
	out_date(o, sm->paid_on);
	if (sm->paid_on == DATE_NONE)
		out_field(o, "");
	else
		out_money(o, -sm->paid);	/* shown as the amount paid */
	out_field(o, sm->plan);
	out_date(o, sm->next_due_on);
	if (sm->next_due_on == DATE_NONE)
		out_field(o, "");
	else
		out_money(o, sm->next_due);
	if (!sm->dispute) {
		out_field(o, "no");
	} else if (sm->dispute_until == DATE_NONE) {
		out_field(o, "open");
	} else {
		char until[DATE_BUFSZ + 8];

		snprintf(until, sizeof until, "until %s",
			 date_format(sm->dispute_until,
				     until + sizeof until - DATE_BUFSZ));
		out_field(o, until);
	}
	out_int(o, sm->open_cases);
	out_int(o, sm->open_orders);
	out_date(o, sm->last_contact_on);
	out_row_end(o);
}

static int
history_row(const struct ledger_row *r, void *arg)
{
	struct out *o = arg;

	out_field(o, r->account);
	out_int(o, r->id);
	out_date(o, r->posted_on);
	out_field(o, ledger_kind_name(r->kind));
	out_money(o, r->amount);
	out_money(o, r->balance);
	out_field(o, r->source);
	out_field(o, r->ref);
	out_field(o, r->reason);
	if (r->reverses)
		out_int(o, r->reverses);
	else
		out_field(o, "");
	out_field(o, r->memo);
	out_row_end(o);
	return 0;
}

/* One entry, said to the customer if it needs explaining. */
static int
explain_row(const struct ledger_row *r, void *arg)
{
	struct show *sh = arg;
	struct explain_entry e;
	struct reason_stored reason;
	struct ledger_stored reversed;
	char sentence[2048];
	int rc;

	memset(&e, 0, sizeof e);
	e.posted_on = r->posted_on;
	e.kind = r->kind;
	e.amount = r->amount;
	e.reason = r->reason;
	e.memo = r->memo;
	if (r->reverses) {
		rc = ledger_db_entry(sh->s, r->reverses, &reversed, &sh->d);
		if (rc < 0)
			return -1;
		e.reversal = rc > 0;
		e.reversed_on = reversed.row.posted_on;
		e.reversed_kind = reversed.row.kind;
		e.reversed_amount = reversed.row.amount;
	}
	if (!explain_wanted(&e))
		return 0;
	if (*r->reason) {
		rc = reason_db_get(sh->s, r->reason, &reason, &sh->d);
		if (rc < 0)
			return -1;
		if (rc > 0)
			e.customer_text = reason.customer_text;
	}
	explain_sentence(&e, sentence, sizeof sentence);
	if (sh->format == OUT_TABLE) {
		printf("  %s\n", sentence);
	} else {
		out_field(sh->entries, r->account);
		out_int(sh->entries, r->id);
		out_date(sh->entries, r->posted_on);
		out_field(sh->entries, sentence);
		out_row_end(sh->entries);
	}
	sh->explained++;
	return 0;
}

static int
explain_one(struct show *sh, const struct account *a)
{
	char nothing[128], day[DATE_BUFSZ];

	snprintf(nothing, sizeof nothing, "Nothing to explain: no "
		 "adjustments, fees, deposits or reversals up to %s.",
		 date_format(sh->asof, day));
	sh->explained = 0;
	if (sh->format == OUT_TABLE)
		printf("Account %s, %s\n", a->number, a->name);
	if (ledger_db_history(sh->s, a->number, sh->asof, explain_row, sh,
			      &sh->d) < 0)
		return -1;
	if (sh->explained == 0 && sh->format == OUT_TABLE) {
		printf("  %s\n", nothing);
	} else if (sh->explained == 0) {
		out_field(sh->entries, a->number);
		out_field(sh->entries, "");
		out_field(sh->entries, "");
		out_field(sh->entries, nothing);
		out_row_end(sh->entries);
	}
	if (sh->format == OUT_TABLE)
		putchar('\n');
	return 0;
}

static int
contact_row(const struct contact *c, void *arg)
{
	struct out *o = arg;

	out_field(o, c->account);
	out_int(o, c->id);
	out_date(o, c->on_date);
	out_field(o, c->at);
	out_field(o, c->channel);
	out_field(o, c->kind);
	out_field(o, c->note);
	out_field(o, c->login);
	out_row_end(o);
	return 0;
}

static int
show_one(const char *number, struct csvio_reader *row, void *arg)
{
	struct show *sh = arg;
	struct account a = ACCOUNT_INIT;
	struct summary sm;
	int rc;
	char q[64];

	rc = account_db_load(sh->s, number, &a, &sh->d);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		fflush(stdout);
		error(0, 0, "account '%s': no such account",
		      diag_quote(q, sizeof q, number));
		return 1;
	}
	if (sh->explain) {
		rc = explain_one(sh, &a);
		account_release(&a);
		return rc;
	}
	if (sh->contacts) {
		rc = cases_db_each_contact(sh->s, number,
					   sh->asof - RECENT_CONTACT_DAYS,
					   contact_row, sh->entries, &sh->d);
		account_release(&a);
		return rc < 0 ? -1 : 0;
	}
	memset(&sm, 0, sizeof sm);
	sm.paid_on = sm.next_due_on = DATE_NONE;
	if (ledger_db_aging(sh->s, number, sh->asof, sh->due_days, &sm.g,
			    &sh->d) < 0
	    || ledger_db_last_payment(sh->s, number, sh->asof, &sm.paid_on,
				      &sm.paid, &sh->d) < 0
	    || plan_db_next_due(sh->s, number, sm.plan, &sm.next_due_on,
				&sm.next_due, &sh->d) < 0
	    || cases_db_account_state(sh->s, number, sh->asof, sh->hold_days,
				      &sm.open_cases, &sm.dispute,
				      &sm.dispute_until, &sh->d) < 0
	    || orders_db_open_count(sh->s, number, &sm.open_orders,
				    &sh->d) < 0
	    || cases_db_last_contact(sh->s, number, NULL, sh->asof,
				     &sm.last_contact_on, &sh->d) < 0) {
		account_release(&a);
		return -1;
	}
	if (sh->history && sh->format == OUT_TABLE) {
		/* a person reads the summary, then the history under it */
		sh->summary = out_new(stdout, OUT_TABLE, summary_columns);
		summary_row(sh->summary, &a, &sm);
		out_free(sh->summary);
		putchar('\n');
		sh->entries = out_new(stdout, OUT_TABLE, history_columns);
		rc = ledger_db_history(sh->s, number, sh->asof, history_row,
				       sh->entries, &sh->d);
		out_free(sh->entries);
		putchar('\n');
	} else if (sh->history) {
		rc = ledger_db_history(sh->s, number, sh->asof, history_row,
				       sh->entries, &sh->d);
	} else {
		summary_row(sh->summary, &a, &sm);
	}
	account_release(&a);
	return rc < 0 ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct show sh = { .d = DIAG_INIT, .format = OUT_AUTO };
	const char *db_opt = NULL, *date_opt = NULL;
	int c, status;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case OPT_CONTACTS:
			sh.contacts = 1;
			break;
		case OPT_EXPLAIN:
			sh.explain = 1;
			break;
		case OPT_HISTORY:
			sh.history = 1;
			break;
		case CLI_OPT_DATE:
			date_opt = optarg;
			break;
		case CLI_OPT_FORMAT:
			sh.format = cli_format(optarg);
			break;
		case CLI_OPT_VERSION:
			cli_version();
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;

	sh.asof = cli_business_date(date_opt);
	if (sh.explain + sh.history + sh.contacts > 1)
		cli_usage_error("one of --contacts, --explain and --history");
	if (sh.format == OUT_AUTO)
		sh.format = isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_CSV;

	sh.s = store_open(store_path(db_opt), STORE_READ, program_name, &sh.d);
	if (!sh.s || policy_db_get_int(sh.s, "bill.due_days", &sh.due_days,
				       &sh.d) < 0
	    || policy_db_get_int(sh.s, "dispute.hold_days", &sh.hold_days,
				 &sh.d) < 0)
		cli_fail(&sh.d);
	/* on a terminal, --explain writes its sentences as they come */
	if (sh.contacts)
		sh.entries = out_new(stdout, sh.format, contact_columns);
	else if (sh.explain && sh.format == OUT_CSV)
		sh.entries = out_new(stdout, OUT_CSV, explain_columns);
	else if (!sh.history && !sh.explain)
		sh.summary = out_new(stdout, sh.format, summary_columns);
	else if (sh.history && sh.format == OUT_CSV)
		sh.entries = out_new(stdout, OUT_CSV, history_columns);

	status = loop_accounts(argc, argv, show_one, &sh, &sh.d);
	if (sh.summary && !sh.history)
		out_free(sh.summary);
	if (sh.entries && (sh.format == OUT_CSV || sh.contacts))
		out_free(sh.entries);
	store_close(sh.s);
	if (status == EXIT_USAGE)
		cli_usage_error("%s", sh.d.msg);
	if (status != EXIT_DONE && status != EXIT_REFUSED)
		cli_fail(&sh.d);
	return status;
}
