/* shutoff-sched: shut-off orders for the accounts whose termination notice
 * allows one, on the days the rules allow, within the crews' capacity;
 * first the orders already scheduled are judged again.  --explain tells
 * every rule for one account on one day. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "audit.h"
#include "calendar_db.h"
#include "cli.h"
#include "closeout.h"
#include "collect.h"
#include "collect_db.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "orders_db.h"
#include "out.h"
#include "progname.h"
#include "store.h"
#include "xalloc.h"

enum {
	OPT_DAYS = CLI_OPT_FIRST_FREE,
	OPT_EXPLAIN,
	OPT_FROM,
	OPT_ON
};

enum { DAYS_MAX = 366 };

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "days", required_argument, NULL, OPT_DAYS },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "help", no_argument, NULL, 'h' },
	{ "on", required_argument, NULL, OPT_ON },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "order", "account", "scheduled_for",
	">arrears", "service_address", NULL };
static const char *const explain_columns[] = { "rule", "holds", "detail",
	"policy", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] "
		"[--format csv|table]\n  --on DAY | --from DAY --days N";
	static const char synopsis2[] = "[-d FILE] [--date D] "
		"[--format csv|table] --on DAY\n  --explain ACCOUNT";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\n       %s %s\nTry '%s --help'."
			"\n", program_name, synopsis, program_name,
			synopsis2, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n       %s %s\n", program_name, synopsis,
	       program_name, synopsis2);
	puts("Schedule shut-offs on the days every rule allows, within the crews' "
	     "capacity.\nThe accounts with a termination notice are judged "
	     "on --on DAY, or on each of\nthe N days from --from DAY: on each day "
	     "as many as shutoff.per_day allows, the\nlargest arrears first; the "
	     "rest go to the next allowed day.  First, every\nshut-off order "
	     "already scheduled is judged again, and cancelled if a rule no\n"
	     "longer holds.  Prints the orders made: order, account, "
	     "scheduled_for, arrears,\nservice_address.  With --explain, prints "
	     "every rule for ACCOUNT on DAY instead\n(rule, holds, detail, "
	     "policy) and changes nothing.\n\n"
	     "Options:\n"
	     "  -d, --db FILE          the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D           the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --days N           with --from: the number of days, 1 to "
	     "366\n"
	     "      --explain ACCOUNT  tell every rule for ACCOUNT on --on DAY\n"
	     "      --format F         csv or table (default: table on a "
	     "terminal)\n"
	     "      --from DAY         the first day judged\n"
	     "      --on DAY           the one day judged\n"
	     "  -n, --dry-run          do the work, print the orders, then roll "
	     "back\n"
	     "  -h, --help             show this help\n"
	     "      --version          show the version\n\n"
	     "Exit status: 0 done (even if nothing was scheduled), 1 refused "
	     "(--explain: not\nallowed, no such account), 2 usage, 75 busy.  "
	     "See shutoff-sched(1).");
	exit(EXIT_SUCCESS);
}

/* An account with a notice, as known on the business date; the strings of
 * f point into the struct. */
struct candidate {
	char account[ACCOUNT_NUMBER_MAX + 1];
	char notice[NOTICE_NUMBER_MAX], agreement[16];
	char service_address[256];
	struct collect_facts f;
	int scheduled;		/* an order was made for it in this run */
	int waiting;		/* eligible on a day that had no room */
};

struct run {
	struct store *s;
	struct diag *d;
	struct collect_policy p;
	struct holidays h;
	int today;
	FILE *notes;		/* said on stderr once the run is over */
	struct order *orders;	/* the orders judged again, then made */
	size_t norders, orders_alloc;
	struct candidate *c;
	size_t nc, c_alloc;
	size_t made, cancelled;
};

static int
add_order(const struct order *o, void *arg)
{
	struct run *r = arg;

	if (r->norders == r->orders_alloc)
		r->orders = x2nrealloc(r->orders, &r->orders_alloc,
				       sizeof *r->orders);
	r->orders[r->norders++] = *o;
	return 0;
}

/* Each shut-off order still to be done is judged again with what is known
 * today (a payment, a certificate, a complaint since it was made), and
 * cancelled when a rule fails on its day. */
static int
recheck(struct run *r)
{
	struct order_filter f = { "shutoff", "scheduled", NULL, DATE_NONE,
				  DATE_NONE };
	struct collect_state st = COLLECT_STATE_INIT;
	struct collect_verdict v[COLLECT_NRULES];
	char why[1024], result[1100], day[DATE_BUFSZ];
	struct order *o;
	size_t i;
	int found;

	f.from = r->today;
	if (orders_db_each(r->s, &f, add_order, r, r->d) < 0)
		return -1;
	for (i = 0; i < r->norders; i++) {
		o = &r->orders[i];
		found = collect_db_state(r->s, o->account, r->today, &r->p,
					 &st, r->d);
		if (found < 0)
			goto fail;
		if (found == 0 || collect_shutoff_rules(&r->p, &st.f,
							 o->scheduled_for,
							 &r->h, v) == 0)
			continue;
		collect_why(v, why, sizeof why);
		snprintf(result, sizeof result, "%s: %s", program_name, why);
		date_format(o->scheduled_for, day);
		if (orders_db_close(r->s, o, 0, result, r->today, r->d) < 0
		    || audit_record(r->s, r->d, "order %s: shutoff of account "
				    "%s for %s cancelled: %s", o->number,
				    o->account, day, why) < 0)
			goto fail;
		fprintf(r->notes, "%s: %s (%s, %s) cancelled: %s\n",
			program_name, o->number, o->account, day, why);
		r->cancelled++;
	}
	r->norders = 0;
	collect_state_release(&st);
	return 0;
fail:
	collect_state_release(&st);
	return -1;
}

static int
add_account(const char *account, void *arg)
{
	struct run *r = arg;

	if (r->nc == r->c_alloc)
		r->c = x2nrealloc(r->c, &r->c_alloc, sizeof *r->c);
	memset(&r->c[r->nc], 0, sizeof r->c[r->nc]);
	snprintf(r->c[r->nc].account, sizeof r->c[r->nc].account, "%s",
		 account);
	r->nc++;
	return 0;
}

static int
by_account(const void *a, const void *b)
{
	return strcmp(((const struct candidate *) a)->account,
		      ((const struct candidate *) b)->account);
}

/* The accounts with a notice that may support a shut-off in the days
 * from first on, each with its facts as of the business date. */
static int
load_candidates(struct run *r, int first)
{
	struct collect_state st = COLLECT_STATE_INIT;
	struct candidate *c;
	size_t i;
	int found;

	if (collect_db_each_noticed(r->s, r->today, first, add_account, r,
				    r->d) < 0)
		return -1;
	if (r->nc > 0)	/* qsort's array may not be NULL, even empty */
		qsort(r->c, r->nc, sizeof *r->c, by_account);
	for (i = 0; i < r->nc; i++) {
		c = &r->c[i];
		found = collect_db_state(r->s, c->account, r->today, &r->p,
					 &st, r->d);
		if (found == 0)
			diag_set(r->d, EXIT_DATAERR, "account '%s': noticed "
				 "but not in the store", c->account);
		if (found <= 0) {
			collect_state_release(&st);
			return -1;
		}
		c->f = st.f;
		snprintf(c->notice, sizeof c->notice, "%s", st.notice);
		snprintf(c->agreement, sizeof c->agreement, "%s",
			 st.agreement);
		snprintf(c->service_address, sizeof c->service_address, "%s",
			 st.a.service_address ? st.a.service_address : "");
		c->f.account = c->account;
		c->f.notice = c->notice;
		c->f.agreement = c->agreement;
	}
	collect_state_release(&st);
	return 0;
}

static int
make_order(struct run *r, struct candidate *c, int day)
{
	struct order o;
	char on[DATE_BUFSZ], arrears[MONEY_BUFSZ];

	memset(&o, 0, sizeof o);
	snprintf(o.account, sizeof o.account, "%s", c->account);
	snprintf(o.type, sizeof o.type, "shutoff");
	snprintf(o.reason, sizeof o.reason, "nonpayment");
	snprintf(o.priority, sizeof o.priority, "routine");
	snprintf(o.status, sizeof o.status, "scheduled");
	snprintf(o.notice, sizeof o.notice, "%s", c->notice);
	snprintf(o.service_address, sizeof o.service_address, "%s",
		 c->service_address);
	o.requested_on = r->today;
	o.scheduled_for = day;
	o.completed_on = DATE_NONE;
	o.arrears = c->f.arrears;
	if (orders_db_next(r->s, date_year(r->today), &o, r->d) < 0
	    || orders_db_insert(r->s, &o, r->d) < 0
	    || audit_record(r->s, r->d, "order %s: shutoff of account %s "
			    "for %s, notice %s, arrears %s", o.number,
			    o.account, date_format(day, on), o.notice,
			    money_format(o.arrears, arrears)) < 0)
		return -1;
	add_order(&o, r);
	c->scheduled = 1;
	r->made++;
	return 0;
}

/* One day: nothing if the day itself is not allowed; else the accounts
 * every rule allows, largest arrears first, as many as the crews have
 * room for.  The others are judged again on the next day. */
static int
schedule_day(struct run *r, int day)
{
	struct collect_verdict v[COLLECT_NRULES];
	struct collect_candidate *eligible;
	struct candidate key, *c;
	char why[512], on[DATE_BUFSZ];
	size_t i, n = 0;
	long room;
	int booked, rc = -1;

	if (collect_day_rules(&r->p, day, &r->h, why, sizeof why) > 0) {
		fprintf(r->notes, "%s: %s: no shut-offs: %s\n", program_name,
			date_format(day, on), why);
		return 0;
	}
	if (orders_db_count_on(r->s, "shutoff", day, &booked, r->d) < 0)
		return -1;
	room = r->p.per_day - booked;
	eligible = xnmalloc(r->nc ? r->nc : 1, sizeof *eligible);
	for (i = 0; i < r->nc; i++) {
		c = &r->c[i];
		if (c->scheduled
		    || collect_shutoff_rules(&r->p, &c->f, day, &r->h, v) > 0)
			continue;
		snprintf(eligible[n].account, sizeof eligible[n].account, "%s",
			 c->account);
		eligible[n].arrears = c->f.arrears;
		n++;
	}
	collect_sort(eligible, n);
	for (i = 0; i < n; i++) {
		snprintf(key.account, sizeof key.account, "%s",
			 eligible[i].account);
		c = bsearch(&key, r->c, r->nc, sizeof *r->c, by_account);
		if (!c)
			abort();	/* an account it was given */
		if (room <= 0) {
			c->waiting = 1;
			continue;
		}
		if (make_order(r, c, day) < 0)
			goto done;
		room--;
	}
	rc = 0;
done:
	free(eligible);
	return rc;
}

/* Accounts eligible on some day of the range that never got a place. */
static void
say_waiting(struct run *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->nc; i++)
		if (r->c[i].waiting && !r->c[i].scheduled)
			n++;
	if (n == 0)
		return;
	fprintf(r->notes, "%s: %zu account%s eligible beyond capacity:",
		program_name, n, n == 1 ? "" : "s");
	n = 0;
	for (i = 0; i < r->nc; i++)
		if (r->c[i].waiting && !r->c[i].scheduled)
			fprintf(r->notes, "%s %s", n++ ? "," : "",
				r->c[i].account);
	fputc('\n', r->notes);
}

static int
schedule(const char *db_opt, int today, int first, int last, int dry_run,
	 enum out_format format)
{
	struct run r;
	struct diag d = DIAG_INIT;
	char *notes = NULL;
	size_t notes_size = 0, i;
	struct out *out;
	int day;

	memset(&r, 0, sizeof r);
	r.h = (struct holidays) HOLIDAYS_INIT;
	r.d = &d;
	r.today = today;
	/* what is said is said once the run is over, not for a rollback */
	r.notes = open_memstream(&notes, &notes_size);
	if (!r.notes)
		xalloc_die();
	r.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!r.s || store_begin(r.s, &d) < 0
	    || collect_db_policy(r.s, &r.p, &d) < 0
	    || calendar_db_holidays(r.s, &r.h, &d) < 0
	    || recheck(&r) < 0
	    || load_candidates(&r, first) < 0)
		goto fail;
	for (day = first; day <= last; day++)
		if (schedule_day(&r, day) < 0)
			goto fail;
	say_waiting(&r);
	if (dry_run)
		store_rollback(r.s);
	else if (store_commit(r.s, &d) < 0)
		goto fail;
	store_close(r.s);

	out = out_new(stdout, format, columns);
	for (i = 0; i < r.norders; i++) {
		out_field(out, r.orders[i].number);
		out_field(out, r.orders[i].account);
		out_date(out, r.orders[i].scheduled_for);
		out_money(out, r.orders[i].arrears);
		out_field(out, r.orders[i].service_address);
		out_row_end(out);
	}
	out_free(out);
	fprintf(r.notes, "%s: scheduled %zu, cancelled %zu\n", program_name,
		r.made, r.cancelled);
	if (dry_run)
		fprintf(r.notes, "%s: dry run: nothing was changed\n",
			program_name);
	fclose(r.notes);
	fwrite(notes, 1, notes_size, stderr);
	free(notes);
	free(r.orders);
	free(r.c);
	free(r.h.days);
	return EXIT_DONE;
fail:
	store_close(r.s);
	cli_fail(&d);
}

/* Every rule for one account on one day; read only. */
static int
explain(const char *db_opt, int today, int day, const char *account,
	enum out_format format)
{
	struct order_filter f = { "shutoff", "scheduled", NULL, DATE_NONE,
				  DATE_NONE };
	struct collect_state st = COLLECT_STATE_INIT;
	struct collect_verdict v[COLLECT_NRULES];
	struct collect_policy p;
	struct holidays h = HOLIDAYS_INIT;
	struct diag d = DIAG_INIT;
	struct run r;
	char q[64], on[DATE_BUFSZ];
	struct store *s;
	struct out *out;
	int found, fails, i;
	size_t k;

	memset(&r, 0, sizeof r);
	s = store_open(store_path(db_opt), STORE_READ, program_name, &d);
	if (!s || collect_db_policy(s, &p, &d) < 0
	    || calendar_db_holidays(s, &h, &d) < 0)
		goto fail;
	found = collect_db_state(s, account, today, &p, &st, &d);
	if (found == 0)
		diag_set(&d, EXIT_REFUSED, "account '%s': no such account",
			 diag_quote(q, sizeof q, account));
	if (found <= 0)
		goto fail;
	f.account = st.a.number;
	if (orders_db_each(s, &f, add_order, &r, &d) < 0)
		goto fail;
	store_close(s);

	fails = collect_shutoff_rules(&p, &st.f, day, &h, v);
	out = out_new(stdout, format, explain_columns);
	for (i = 0; i < COLLECT_NRULES; i++) {
		if (!v[i].applies)
			continue;
		out_field(out, collect_rule_name(i));
		out_field(out, v[i].holds ? "yes" : "no");
		out_field(out, v[i].detail);
		out_field(out, collect_rule_keys(i));
		out_row_end(out);
	}
	out_free(out);
	for (k = 0; k < r.norders; k++)
		fprintf(stderr, "%s: account %s: shut-off %s already scheduled "
			"for %s\n", program_name, st.a.number,
			r.orders[k].number,
			date_format(r.orders[k].scheduled_for, on));
	if (fails)
		fprintf(stderr, "%s: account %s: no shut-off on %s: %d rule%s "
			"%s not hold\n", program_name, st.a.number,
			date_format(day, on), fails, fails == 1 ? "" : "s",
			fails == 1 ? "does" : "do");
	free(r.orders);
	free(h.days);
	collect_state_release(&st);
	return fails ? EXIT_REFUSED : EXIT_DONE;
fail:
	store_close(s);
	cli_fail(&d);
}

/* A day option: its value, or DATE_NONE after saying what is wrong with
 * it (a day before the business date cannot be scheduled any more). */
static int
day_option(const char *option, const char *value, int today)
{
	char why[128], q[64], b[DATE_BUFSZ];
	int day;

	diag_quote(q, sizeof q, value);
	if (date_parse(value, &day, why, sizeof why) < 0) {
		cli_complain("option --%s: '%s': %s", option, q, why);
		return DATE_NONE;
	}
	if (today != DATE_NONE && day < today) {
		cli_complain("option --%s: '%s': before the business date %s",
			     option, q, date_format(today, b));
		return DATE_NONE;
	}
	return day;
}

static long
days_option(const char *value)
{
	char *end, q[64];
	long n;

	diag_quote(q, sizeof q, value);
	errno = 0;
	n = strtol(value, &end, 10);
	if (end == value || *end || errno)
		cli_complain("option --days: '%s': not a whole number", q);
	else if (n < 1 || n > DAYS_MAX)
		cli_complain("option --days: '%s': not between 1 and %d", q,
			     DAYS_MAX);
	else
		return n;
	return 0;
}

int
main(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *on_opt = NULL;
	const char *from_opt = NULL, *days_opt = NULL, *account = NULL;
	enum out_format format = OUT_AUTO;
	char q[64];
	int c, today, first = DATE_NONE, dry_run = 0;
	long days = 1;

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
		case OPT_DAYS:
			days_opt = optarg;
			break;
		case OPT_EXPLAIN:
			account = optarg;
			break;
		case OPT_FROM:
			from_opt = optarg;
			break;
		case OPT_ON:
			on_opt = optarg;
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

	/* every problem is named before any is final */
	if (argc != 0)
		cli_complain("no operands are taken: '%s'",
			     diag_quote(q, sizeof q, argv[0]));
	if (date_business(date_opt, &today, &d) < 0) {
		cli_complain("%s", d.msg);
		today = DATE_NONE;
	}
	if (account) {
		if (from_opt || days_opt)
			cli_complain("--explain: takes --on DAY, not --from "
				     "and --days");
		else if (!on_opt)
			cli_complain("--explain: needs --on DAY");
		if (dry_run)
			cli_complain("--explain: changes nothing, -n is not "
				     "taken");
	} else if (on_opt && (from_opt || days_opt)) {
		cli_complain("--on: not with --from or --days");
	} else if (!on_opt && !from_opt && !days_opt) {
		cli_complain("no day given: --on DAY, or --from DAY --days N");
	} else if (from_opt && !days_opt) {
		cli_complain("--from: needs --days N");
	} else if (days_opt && !from_opt) {
		cli_complain("--days: needs --from DAY");
	}
	if (on_opt)
		first = day_option("on", on_opt, today);
	if (from_opt)
		first = day_option("from", from_opt, today);
	if (days_opt)
		days = days_option(days_opt);
	if (from_opt && first != DATE_NONE && days > 0
	    && date_year(first + (int) days - 1) > 9999)
		cli_complain("option --days: '%s': the days run past "
			     "9999-12-31", diag_quote(q, sizeof q, days_opt));
	cli_usage_check();

	if (account)
		return explain(db_opt, today, first, account, format);
	return schedule(db_opt, today, first, first + (int) days - 1, dry_run,
			format);
}
