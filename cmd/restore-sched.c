/* restore-sched: restoration orders for the accounts shut off that are owed
 * one: paid in full, arrears below the minimum, or an agreement signed and
 * its down payment paid. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "cli.h"
#include "closeout.h"
#include "collect.h"
#include "collect_db.h"
#include "date.h"
#include "diag.h"
#include "orders_db.h"
#include "out.h"
#include "progname.h"
#include "store.h"
#include "xalloc.h"

enum {
	OPT_VERBOSE = CLI_OPT_FIRST_FREE
};

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "order", "account", "scheduled_for",
	"reason", "service_address", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] "
		"[--format csv|table] [--verbose]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Schedule a restoration for every account shut off (status off) "
	     "that is owed one\nas of the business date and has none "
	     "scheduled: its balance is not above zero,\nits arrears are below "
	     "shutoff.min_arrears, or an agreement is in force whose\ndown "
	     "payment is paid.  The order is special, for the business date, "
	     "or with\nrestore.within_hours above 24 (hours - 1) / 24 days "
	     "later; its reason is\npaid-in-full, arrears-below-minimum or "
	     "agreement.  Prints order, account,\nscheduled_for, reason, "
	     "service_address for each order made.\n\n"
	     "Options:\n"
	     "  -d, --db FILE      the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D       the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F     csv or table (default: table on a "
	     "terminal)\n"
	     "      --verbose      say on stderr why each other account shut "
	     "off gets none\n"
	     "  -n, --dry-run      check and show the orders, then roll back\n"
	     "  -h, --help         show this help\n"
	     "      --version      show the version\n\n"
	     "Exit status: 0 done, 1 refused (no store), 2 usage, 75 busy.  "
	     "See restore-sched(1).");
	exit(EXIT_SUCCESS);
}

/* The accounts shut off, gathered before any order is written. */
struct accounts {
	char **v;
	size_t n, size;
};

static int
gather(const char *account, void *arg)
{
	struct accounts *a = arg;

	if (a->n == a->size)
		a->v = x2nrealloc(a->v, &a->size, sizeof *a->v);
	a->v[a->n++] = xstrdup(account);
	return 0;
}

/* The order's reason: the first of collect_restore_owed's tests that
 * holds, in its order. */
static const char *
reason_word(const struct collect_policy *p, const struct collect_facts *f)
{
	if (f->balance <= 0)
		return "paid-in-full";
	if (f->arrears < p->min_arrears)
		return "arrears-below-minimum";
	return "agreement";
}

struct run {
	struct store *s;
	struct out *o;
	struct collect_policy p;
	int today, verbose;
	struct diag *d;
};

/* One account shut off: a restoration order if one is owed. */
static int
restore_one(struct run *r, const char *account)
{
	struct collect_state c = COLLECT_STATE_INIT;
	struct order o = { .completed_on = DATE_NONE };
	char why[sizeof o.note], day[DATE_BUFSZ];
	int found, down_paid, rc = -1;

	found = collect_db_state(r->s, account, r->today, &r->p, &c, r->d);
	if (found == 0)
		diag_set(r->d, EXIT_REFUSED, "account '%s': no such account",
			 account);
	if (found <= 0
	    || collect_db_down_paid(r->s, &c, r->today, &down_paid, r->d) < 0)
		goto done;
	if (!collect_restore_owed(&r->p, &c.f, down_paid, why, sizeof why)) {
		if (r->verbose)
			fprintf(stderr, "%s: account %s: no restoration: %s\n",
				program_name, c.a.number, why);
		rc = 0;
		goto done;
	}
	snprintf(o.account, sizeof o.account, "%s", c.a.number);
	snprintf(o.type, sizeof o.type, "restoration");
	snprintf(o.reason, sizeof o.reason, "%s", reason_word(&r->p, &c.f));
	snprintf(o.priority, sizeof o.priority, "special");
	snprintf(o.status, sizeof o.status, "scheduled");
	snprintf(o.note, sizeof o.note, "%s", why);
	o.requested_on = r->today;
	o.scheduled_for = collect_restore_day(&r->p, r->today);
	if (orders_db_next(r->s, date_year(o.requested_on), &o, r->d) < 0
	    || orders_db_insert(r->s, &o, r->d) < 0
	    || audit_record(r->s, r->d, "order %s: special restoration (%s) "
			    "of account %s for %s: %s", o.number, o.reason,
			    o.account, date_format(o.scheduled_for, day),
			    why) < 0)
		goto done;
	out_field(r->o, o.number);
	out_field(r->o, o.account);
	out_date(r->o, o.scheduled_for);
	out_field(r->o, o.reason);
	out_field(r->o, c.a.service_address);
	out_row_end(r->o);
	rc = 0;
done:
	collect_state_release(&c);
	return rc;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	struct accounts off = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL;
	enum out_format format = OUT_AUTO;
	size_t i;
	int c, dry_run = 0;

	set_program_name(argv[0]);
	atexit(close_stdout);

	while ((c = getopt_long(argc, argv, "d:hn", long_options, NULL))
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
		case OPT_VERBOSE:
			r.verbose = 1;
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
	r.today = cli_business_date(date_opt);
	r.d = &d;
	/* the orders are printed only once they are committed */
	r.o = out_new_held(format, columns);

	r.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!r.s || store_begin(r.s, &d) < 0
	    || collect_db_policy(r.s, &r.p, &d) < 0
	    || collect_db_each_off(r.s, gather, &off, &d) < 0)
		goto fail;
	for (i = 0; i < off.n; i++)
		if (restore_one(&r, off.v[i]) < 0)
			goto fail;
	if (dry_run)
		store_rollback(r.s);
	else if (store_commit(r.s, &d) < 0)
		goto fail;
	store_close(r.s);
	out_print_held(r.o);
	for (i = 0; i < off.n; i++)
		free(off.v[i]);
	free(off.v);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	return EXIT_DONE;
fail:
	store_close(r.s);
	cli_fail(&d);
}
