/* plan-agree: records a payment agreement and prints it for signature;
 * cancels one. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account_db.h"
#include "agreement.h"
#include "audit.h"
#include "calendar_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "doc.h"
#include "ledger_db.h"
#include "money.h"
#include "out.h"
#include "plan_db.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"
#include "template.h"
#include "xalloc.h"

enum {
	OPT_BALANCE = CLI_OPT_FIRST_FREE,
	OPT_CANCEL,
	OPT_COUNT,
	OPT_CSV,
	OPT_DOWN,
	OPT_EVERY,
	OPT_FIRST,
	OPT_OFFERED,
	OPT_RATE,
	OPT_REASON,
	OPT_ROUND,
	OPT_SHIFT
};

static const struct option long_options[] = {
	{ "balance", no_argument, NULL, OPT_BALANCE },
	{ "cancel", required_argument, NULL, OPT_CANCEL },
	{ "count", required_argument, NULL, OPT_COUNT },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "down", required_argument, NULL, OPT_DOWN },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ "first", required_argument, NULL, OPT_FIRST },
	{ "help", no_argument, NULL, 'h' },
	{ "offered", no_argument, NULL, OPT_OFFERED },
	{ "output", required_argument, NULL, 'o' },
	{ "rate", required_argument, NULL, OPT_RATE },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "round", required_argument, NULL, OPT_ROUND },
	{ "shift", required_argument, NULL, OPT_SHIFT },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char synopsis[] =
	"[-n] [--balance] --count N [--csv | -o DIR] [-d FILE]\n"
	"         [--date D] [--down AMT|PCT%] [--every month|2weeks|week]\n"
	"         [--first DATE] [--offered] [--rate PCT] [--round UNIT]\n"
	"         [--shift next|previous|none] ACCOUNT\n"
	"       plan-agree --cancel PLAN --reason TEXT [-n] [-d FILE] [--date D]";

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Record a payment agreement for an account's arrears (or balance) "
	     "and print it\nfor the customer's and the clerk's signatures, or "
	     "cancel one.  The terms are\nchecked against policy: "
	     "plan.max_installments, and a down payment no more than\nthe lower "
	     "of plan.down_max_pct of the arrears and plan.down_max_months "
	     "average\nmonthly bills unless the customer offered it; one "
	     "agreement in force an account.\n\n"
	     "Options:\n"
	     "      --balance        cover the whole balance, not the arrears\n"
	     "      --cancel PLAN    cancel the agreement PLAN (with --reason)\n"
	     "      --count N        the number of installments\n"
	     "      --csv            print the schedule as CSV, not the "
	     "agreement\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the agreement date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --down AMT|PCT%  the down payment, due on the agreement "
	     "date\n"
	     "      --every P        month (default), 2weeks or week\n"
	     "      --first DATE     the first installment's due date (default: "
	     "one period on)\n"
	     "  -n, --dry-run        check and print, then roll back\n"
	     "  -o, --output DIR     the agreement as a file in DIR, named by "
	     "its number\n"
	     "      --offered        the customer offered a down payment above "
	     "the cap\n"
	     "      --rate PCT       interest per period, in percent\n"
	     "      --reason TEXT    why an agreement is cancelled\n"
	     "      --round UNIT     installments in multiples of UNIT (such as "
	     "1.00)\n"
	     "      --shift S        due dates off weekends and holidays: next, "
	     "previous, none\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 refused (unknown account, nothing owed, "
	     "against policy),\n2 usage, 75 busy.  See plan-agree(1).");
	exit(EXIT_SUCCESS);
}

/* What the options ask for. */
struct request {
	const char *down_text;
	struct plan_terms terms;
	int balance, offered, count_given;
};

static const char *const schedule_columns[] = { "plan", "account", ">seq",
	"due_on", ">amount", ">principal", ">interest", ">balance", NULL };

/* The schedule as text lines for the agreement. */
static char *
schedule_text(const struct plan_row *rows, size_t n)
{
	char *text = NULL, m[4][MONEY_BUFSZ], day[DATE_BUFSZ];
	size_t size = 0, i;
	FILE *fp = open_memstream(&text, &size);

	if (!fp)
		xalloc_die();
	fprintf(fp, "  %-12s %-10s %12s %12s %10s %12s\n", "Payment", "Due on",
		"Amount", "Principal", "Interest", "Balance");
	for (i = 0; i < n; i++) {
		char what[16];

		if (rows[i].seq == 0)
			snprintf(what, sizeof what, "Down");
		else
			snprintf(what, sizeof what, "%d", rows[i].seq);
		fprintf(fp, "  %-12s %-10s %12s %12s %10s %12s\n", what,
			date_format(rows[i].due_on, day),
			money_format_human(rows[i].amount, m[0]),
			money_format_human(rows[i].principal, m[1]),
			money_format_human(rows[i].interest, m[2]),
			money_format_human(rows[i].balance, m[3]));
	}
	fclose(fp);
	if (size && text[size - 1] == '\n')
		text[size - 1] = '\0';	/* the template ends the line */
	return text;
}

/* A rate in millionths of a percent as people write it: "1.25% a
 * period", or "no interest". */
static void
rate_text(int64_t rate, char *buf, size_t size)
{
	char fraction[8];
	int i;

	if (rate == 0) {
		snprintf(buf, size, "no interest");
		return;
	}
	snprintf(fraction, sizeof fraction, "%06lld",
		 (long long) (rate % 1000000));
	for (i = 5; i >= 0 && fraction[i] == '0'; i--)
		fraction[i] = '\0';
	snprintf(buf, size, "%lld%s%s%% a period", (long long) (rate / 1000000),
		 fraction[0] ? "." : "", fraction);
}

/* The agreement document: fields of data/templates/agreement.txt. */
static int
print_agreement(struct doc_out *docs, const struct plan_record *p,
		const struct account *a, const struct plan_row *rows,
		size_t n, long grace_days, int balance, struct diag *d)
{
	char amount[40], down[40], installment[40], rate[32], grace[16];
	char agreed[DATE_BUFSZ], first[DATE_BUFSZ], last[DATE_BUFSZ], q[40];
	struct template *t = template_load("agreement.txt", d);
	const struct plan_row *first_row = rows[0].seq == 0 ? &rows[1] : rows;
	char *schedule;
	FILE *fp;
	int rc;

	if (!t)
		return -1;
	money_format_human(p->amount, amount);
	money_format_human(p->down, down);
	money_format_human(first_row->amount, installment);
	rate_text(p->rate, rate, sizeof rate);
	snprintf(grace, sizeof grace, "%ld", grace_days);
	snprintf(q, sizeof q, "%d", p->count);
	schedule = schedule_text(rows, n);
	{
		const struct template_field f[] = {
			{ "plan", p->number },
			{ "agreed_on", date_format(p->agreed_on, agreed) },
			{ "account", a->number },
			{ "name", a->name },
			{ "service_address", a->service_address },
			{ "mailing_address", *a->mailing_address
			  ? a->mailing_address : a->service_address },
			{ "amount", amount },
			{ "owed", balance ? "" : " in arrears" },
			{ "down", down },
			{ "count", q },
			{ "every", plan_every_name(p->every) },
			{ "installment", installment },
			{ "first_due", date_format(first_row->due_on, first) },
			{ "last_due", date_format(rows[n - 1].due_on, last) },
			{ "rate", rate },
			{ "grace_days", grace },
			{ "offered", p->offered ? "The customer offered the "
			  "down payment above what the office may ask." : "" },
			{ "schedule", schedule },
			{ "clerk", p->login },
		};

		fp = doc_begin(docs, p->number, d);
		rc = fp && template_render(t, fp, f, sizeof f / sizeof f[0],
					   d) == 0 ? doc_end(docs, d) : -1;
	}
	free(schedule);
	template_free(t);
	return rc;
}

static int
cancel(struct store *s, const char *number, const char *reason, int today,
       struct diag *d)
{
	struct plan_record p;
	char q[64];
	int rc = plan_db_load(s, number, &p, d);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return diag_set(d, EXIT_REFUSED, "agreement '%s': no such "
				"agreement", diag_quote(q, sizeof q, number));
	if (p.status != AGREEMENT_IN_FORCE)
		return diag_set(d, EXIT_REFUSED, "agreement %s: %s, not in "
				"force", number,
				agreement_status_name(p.status));
	if (plan_db_set_status(s, number, AGREEMENT_CANCELLED, today, reason,
			       d) < 0
	    || audit_record(s, d, "agreement %s of account %s cancelled: %s",
			    number, p.account, reason) < 0)
		return -1;
	fprintf(stderr, "%s: agreement %s of account %s cancelled\n",
		program_name, number, p.account);
	return 0;
}

/* The first day of the twelve calendar months that end with today's: the
 * months whose bills make the average monthly bill. */
static int
bill_months_from(int today)
{
	int year, month, mday;

	date_to_ymd(date_add_months(today, -11), &year, &month, &mday);
	return date_from_ymd(year, month, 1);
}

/* Works out, checks and records the agreement for account number. */
static int
agree(struct store *s, const char *number, struct request *rq,
      struct doc_out *docs, struct out *records, int today, struct diag *d)
{
	struct agreement_policy pol;
	struct account a = ACCOUNT_INIT;
	struct holidays h = HOLIDAYS_INIT;
	struct plan_record p;
	struct plan_row *rows = NULL;
	struct aging g;
	char why[1024], q[64], in_force[PLAN_NUMBER_MAX] = "";
	int64_t charges, cap;
	long due_days;
	size_t nrows, i;
	int months, rc = -1, found;

	found = account_db_load(s, number, &a, d);
	if (found <= 0) {
		if (found == 0)
			diag_set(d, EXIT_REFUSED, "account '%s': no such "
				 "account", diag_quote(q, sizeof q, number));
		goto done;
	}
	if (policy_db_get_int(s, "bill.due_days", &due_days, d) < 0
	    || policy_db_get_int(s, "plan.down_max_pct", &pol.down_max_pct,
				 d) < 0
	    || policy_db_get_int(s, "plan.down_max_months",
				 &pol.down_max_months, d) < 0
	    || policy_db_get_int(s, "plan.max_installments",
				 &pol.max_installments, d) < 0
	    || policy_db_get_int(s, "plan.grace_days", &pol.grace_days, d) < 0
	    || ledger_db_aging(s, a.number, today, due_days, &g, d) < 0
	    || ledger_db_charges(s, a.number, bill_months_from(today), today,
				 &charges, &months, d) < 0
	    || plan_db_in_force(s, a.number, in_force, d) < 0)
		goto done;
	rq->terms.amount = rq->balance ? g.balance : g.arrears;
	if (rq->terms.amount <= 0) {
		diag_set(d, EXIT_REFUSED, "account %s: no %s to make an "
			 "agreement for", a.number,
			 rq->balance ? "balance" : "arrears");
		goto done;
	}
	rq->terms.down = 0;
	if (rq->down_text && agreement_down_parse(rq->down_text,
						  rq->terms.amount,
						  &rq->terms.down, why,
						  sizeof why) < 0) {
		diag_set(d, EXIT_USAGE, "option --down: '%s': %s",
			 diag_quote(q, sizeof q, rq->down_text), why);
		goto done;
	}
	cap = agreement_down_cap(&pol, g.arrears,
				 agreement_average_bill(charges, months));
	if (agreement_check(&pol, rq->terms.count, rq->terms.down, cap,
			    rq->offered, in_force, why, sizeof why) < 0) {
		diag_set(d, EXIT_REFUSED, "account %s: %s", a.number, why);
		goto done;
	}
	rq->terms.start = today;
	if (rq->terms.shift != PLAN_SHIFT_NONE) {
		if (calendar_db_holidays(s, &h, d) < 0)
			goto done;
		rq->terms.holidays = &h;
	}
	rows = xnmalloc(rq->terms.count + 1, sizeof *rows);
	if (plan_schedule(&rq->terms, rows, &nrows, why, sizeof why) < 0) {
		diag_set(d, EXIT_REFUSED, "account %s: %s", a.number, why);
		goto done;
	}
	memset(&p, 0, sizeof p);
	snprintf(p.account, sizeof p.account, "%s", a.number);
	p.agreed_on = today;
	p.amount = rq->terms.amount;
	p.down = rq->terms.down;
	p.down_cap = cap;
	p.offered = rq->offered && rq->terms.down > cap;
	p.count = rq->terms.count;
	p.every = rq->terms.every;
	p.rate = rq->terms.rate;
	snprintf(p.login, sizeof p.login, "%s", audit_login());
	if (plan_db_next(s, date_year(today), &p, d) < 0
	    || plan_db_insert(s, &p, rows, nrows, d) < 0
	    || audit_record(s, d, "agreement %s for account %s: %s%s over "
			    "%d installments, down %s%s", p.number, a.number,
			    rq->balance ? "balance " : "arrears ",
			    money_format(p.amount, q), p.count,
			    money_format(p.down, why),
			    p.offered ? " (offered by the customer)" : "") < 0)
		goto done;
	if (records) {
		for (i = 0; i < nrows; i++) {
			out_field(records, p.number);
			out_field(records, a.number);
			out_int(records, rows[i].seq);
			out_date(records, rows[i].due_on);
			out_money(records, rows[i].amount);
			out_money(records, rows[i].principal);
			out_money(records, rows[i].interest);
			out_money(records, rows[i].balance);
			out_row_end(records);
		}
	} else if (print_agreement(docs, &p, &a, rows, nrows, pol.grace_days,
				   rq->balance, d) < 0) {
		goto done;
	}
	fprintf(stderr, "%s: agreement %s for account %s\n", program_name,
		p.number, a.number);
	rc = 0;
done:
	free(rows);
	free(h.days);
	account_release(&a);
	return rc;
}

int
main(int argc, char **argv)
{
	struct request rq;
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *dir = NULL;
	const char *cancel_plan = NULL, *reason = NULL;
	struct doc_out *docs = NULL;
	struct out *records = NULL;
	char why[256];
	struct store *s;
	int c, rc, csv = 0, dry_run = 0, today;

	set_program_name(argv[0]);
	atexit(close_stdout);

	memset(&rq, 0, sizeof rq);
	rq.terms.every = PLAN_MONTH;
	rq.terms.first = DATE_NONE;
	rq.terms.round = 1;
	rq.terms.shift = PLAN_SHIFT_NONE;
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
		case OPT_BALANCE:
			rq.balance = 1;
			break;
		case OPT_CANCEL:
			cancel_plan = optarg;
			break;
		case OPT_COUNT:
			cli_plan_option("count", optarg, &rq.terms);
			rq.count_given = 1;
			break;
		case OPT_CSV:
			csv = 1;
			break;
		case OPT_DOWN:
			/* checked now; a share is worked out once the amount
			 * is known */
			if (agreement_down_parse(optarg, 0, &rq.terms.down,
						 why, sizeof why) < 0)
				cli_usage_error("option --down: '%s': %s",
						optarg, why);
			rq.down_text = optarg;
			break;
		case OPT_EVERY:
			cli_plan_option("every", optarg, &rq.terms);
			break;
		case OPT_FIRST:
			cli_plan_option("first", optarg, &rq.terms);
			break;
		case OPT_OFFERED:
			rq.offered = 1;
			break;
		case OPT_RATE:
			cli_plan_option("rate", optarg, &rq.terms);
			break;
		case OPT_REASON:
			reason = optarg;
			break;
		case OPT_ROUND:
			cli_plan_option("round", optarg, &rq.terms);
			break;
		case OPT_SHIFT:
			cli_plan_option("shift", optarg, &rq.terms);
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

	today = cli_business_date(date_opt);
	if (cancel_plan) {
		if (argc != 0)
			cli_usage_error("--cancel takes no ACCOUNT");
		if (!reason || !*reason)
			cli_usage_error("--cancel needs --reason TEXT");
	} else {
		if (argc != 1)
			cli_usage_error(argc ? "one ACCOUNT only"
					     : "no account given");
		if (!rq.count_given)
			cli_usage_error("--count N is needed");
		if (reason)
			cli_usage_error("--reason is for --cancel");
		if (csv && dir)
			cli_usage_error("--csv and -o are each other's "
					"opposite: choose one");
		if (csv) {
			/* printed only once the agreement is committed */
			records = out_new_held(OUT_AUTO, schedule_columns);
		} else {
			docs = doc_out_new(dir, &d);
			if (!docs)
				cli_fail(&d);
		}
	}

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	if (cancel_plan)
		rc = cancel(s, cancel_plan, reason, today, &d);
	else
		rc = agree(s, argv[0], &rq, docs, records, today, &d);
	if (rc < 0)
		goto fail;
	if (dry_run)
		store_rollback(s);
	else if (store_commit(s, &d) < 0)
		goto fail;
	/* committed (or a dry run): the agreement may be printed */
	if (records)
		out_print_held(records);
	else if (docs && doc_out_flush(docs, &d) < 0)
		cli_fail(&d);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was recorded\n",
			program_name);
	doc_out_free(docs);
	store_close(s);
	return EXIT_DONE;
fail:
	store_close(s);
	doc_out_free(docs);
	out_free(records);
	cli_fail(&d);
}
