/* plan-check: the nightly look at every agreement in force: installments
 * met, due or missed; agreements kept or broken. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agreement.h"
#include "audit.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "ledger_db.h"
#include "out.h"
#include "plan_db.h"
#include "policy_db.h"
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

static const char *const columns[] = { "plan", "account", ">seq", "due_on",
	">amount", ">paid", "was", "now", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] "
		"[--format csv|table]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Check every agreement in force as of the business date: the "
	     "payments made since\nit began pay its down payment and "
	     "installments in order; an installment is met\nwhen paid, missed "
	     "when unpaid plan.grace_days after its due date, else due.\nAn "
	     "agreement with a missed installment is broken, one with all met "
	     "is kept.\nPrints what changed (seq -1: the agreement itself).  "
	     "Running it twice changes\nnothing the second time.\n\n"
	     "Options:\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F       csv or table (default: table on a "
	     "terminal)\n"
	     "  -n, --dry-run        check, print the changes, then roll back\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 refused (no store), 2 usage, 75 busy.  "
	     "See plan-check(1).");
	exit(EXIT_SUCCESS);
}

struct check {
	struct store *s;
	struct out *o;
	int today;
	long grace_days;
	long changed, kept, broken, checked;
	struct diag *d;
};

static void
change_row(struct check *c, const struct plan_record *p, int seq, int due_on,
	   int64_t amount, int64_t paid, const char *was, const char *now)
{
	out_field(c->o, p->number);
	out_field(c->o, p->account);
	out_int(c->o, seq);
	out_date(c->o, due_on);
	out_money(c->o, amount);
	out_money(c->o, paid);
	out_field(c->o, was);
	out_field(c->o, now);
	out_row_end(c->o);
}

static int
check_one(const char *number, void *arg)
{
	struct check *c = arg;
	struct plan_record p;
	struct installment *inst = NULL, *before = NULL;
	enum agreement_status status;
	int64_t paid;
	size_t n, i;
	int rc = -1;

	if (plan_db_load(c->s, number, &p, c->d) <= 0
	    || plan_db_installments(c->s, number, &inst, &n, c->d) < 0
	    || ledger_db_paid(c->s, p.account, p.agreed_on, c->today, &paid,
			      c->d) < 0)
		goto done;
	before = xmemdup(inst, n * sizeof *inst);
	status = agreement_evaluate(inst, n, paid, c->today, c->grace_days);
	for (i = 0; i < n; i++) {
		if (inst[i].status == before[i].status
		    && inst[i].paid == before[i].paid)
			continue;
		if (plan_db_set_installment(c->s, number, &inst[i], c->d) < 0)
			goto done;
		if (audit_record(c->s, c->d, "agreement %s of account %s: "
				 "installment %d: paid %lld cents, %s -> %s",
				 number, p.account, inst[i].seq,
				 (long long) inst[i].paid,
				 installment_status_name(before[i].status),
				 installment_status_name(inst[i].status)) < 0)
			goto done;
		if (inst[i].status != before[i].status) {
			change_row(c, &p, inst[i].seq, inst[i].due_on,
				   inst[i].amount, inst[i].paid,
				   installment_status_name(before[i].status),
				   installment_status_name(inst[i].status));
			c->changed++;
		}
	}
	if (status != p.status) {
		if (plan_db_set_status(c->s, number, status, c->today, "",
				       c->d) < 0
		    || audit_record(c->s, c->d, "agreement %s of account %s: "
				    "%s", number, p.account,
				    agreement_status_name(status)) < 0)
			goto done;
		change_row(c, &p, -1, DATE_NONE, p.amount, paid,
			   agreement_status_name(p.status),
			   agreement_status_name(status));
		c->changed++;
		if (status == AGREEMENT_KEPT)
			c->kept++;
		else if (status == AGREEMENT_BROKEN)
			c->broken++;
	}
	c->checked++;
	rc = 0;
done:
	free(inst);
	free(before);
	return rc;
}

int
main(int argc, char **argv)
{
	struct check c = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	enum out_format format = OUT_AUTO;
	int ch, dry_run = 0;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((ch = getopt_long(argc, argv, "d:hn", long_options, NULL))
	       != -1) {
		switch (ch) {
		case 'd':
			db_opt = optarg;
			break;
		case 'h':
			usage(EXIT_SUCCESS);
		case 'n':
			dry_run = 1;
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

	if (argc != 0)
		cli_usage_error("no operands are taken: '%s'", argv[0]);
	c.today = cli_business_date(date_opt);
	c.d = &d;
	/* the changes are printed only once they are committed */
	c.o = out_new_held(format, columns);
	c.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!c.s || store_begin(c.s, &d) < 0
	    || policy_db_get_int(c.s, "plan.grace_days", &c.grace_days, &d) < 0
	    || plan_db_each_in_force(c.s, check_one, &c, &d) < 0)
		goto fail;
	if (dry_run)
		store_rollback(c.s);
	else if (store_commit(c.s, &d) < 0)
		goto fail;
	out_print_held(c.o);
	store_close(c.s);
	fprintf(stderr, "%s: %s%ld agreements checked, %ld changes, %ld kept, "
		"%ld broken\n", program_name, dry_run ? "dry run: " : "",
		c.checked, c.changed, c.kept, c.broken);
	return EXIT_DONE;
fail:
	store_close(c.s);
	cli_fail(&d);
}
