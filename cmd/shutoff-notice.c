/* shutoff-notice: serves final termination notices on the accounts that may
 * have one, and prints the letters; says why of the others. */
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
#include "doc.h"
#include "error.h"
#include "loop.h"
#include "money.h"
#include "out.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"
#include "template.h"

enum { OPT_CSV = CLI_OPT_FIRST_FREE };

static const struct option long_options[] = {
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "notice", "account", "served_on",
	"earliest_shutoff", "expires_on", ">arrears", "status", "reasons",
	NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--date D] "
		"[--csv | --format csv|table]\n  [-o DIR] [ACCOUNT...]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Serve a final termination notice on each ACCOUNT (or each "
	     "account of the CSV on\nstandard input) that may have one on the "
	     "business date, and print the letters.\nA notice needs an active "
	     "account, arrears of at least shutoff.min_arrears, some\nof them "
	     "shutoff.notice_after_due_days past due, no notice in force, and "
	     "no\nprotection: life support, a medical certificate, a billing "
	     "complaint open or on\nhold (dispute.hold_days), an agreement in "
	     "force.  Every reason an account is\nrefused is said; the others "
	     "are served all the same.\n\n"
	     "Options:\n"
	     "      --csv            the records, not the letters (as "
	     "--format csv)\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F       the records, as csv or table, not the "
	     "letters\n"
	     "  -n, --dry-run        judge and print everything, then roll "
	     "back\n"
	     "  -o, --output DIR     one file a letter in DIR, named by the "
	     "notice's number\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 all served, 1 some refused or not found (the "
	     "others served),\n2 usage, 65 bad CSV input (nothing served), "
	     "75 busy.  See shutoff-notice(1).");
	exit(EXIT_SUCCESS);
}

/* The fields a letter's template may use (data/templates/notice.txt). */
enum field {
	F_NOTICE, F_ACCOUNT, F_NAME, F_SERVICE_ADDRESS, F_MAILING_ADDRESS,
	F_SERVED_ON, F_BALANCE, F_ARREARS, F_DAYS_PAST_DUE,
	F_EARLIEST_SHUTOFF, F_EXPIRES_ON, F_MIN_ARREARS, F_TO_PAY,
	F_NOTICE_DAYS, F_VALID_DAYS, F_MEDICAL_DAYS, F_HOLD_DAYS,
	F_CONTACT_HOURS, F_COLD_FROM, F_COLD_TO, F_CLERK, NFIELDS
};

static const char *const field_names[NFIELDS] = {
	"notice", "account", "name", "service_address", "mailing_address",
	"served_on", "balance", "arrears", "days_past_due",
	"earliest_shutoff", "expires_on", "min_arrears", "to_pay",
	"notice_days", "valid_days", "medical_days", "hold_days",
	"contact_hours", "cold_from", "cold_to", "clerk"
};

static void
make_fields(struct template_field f[NFIELDS], const char *const v[NFIELDS])
{
	int i;

	for (i = 0; i < NFIELDS; i++) {
		f[i].name = field_names[i];
		f[i].value = v && v[i] ? v[i] : "";
	}
}

/* The run: the store, the policy, where letters or records go, counts. */
struct run {
	struct store *s;
	struct diag *d;
	int today;
	struct collect_policy p;
	long medical_days;
	struct template *t;
	struct doc_out *docs;
	struct out *records;
	long served, refused, unknown;
	/* the policy's words in the letters */
	char min_arrears[MONEY_BUFSZ], notice_days[16], valid_days[16];
	char medical[16], hold[16], contact[16], cold_from[24], cold_to[24];
};

/* 1101 as "November 1". */
static void
monthday_text(int md, char *buf, size_t size)
{
	static const char *const months[12] = { "January", "February",
		"March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December" };

	snprintf(buf, size, "%s %d", months[(md / 100 - 1) % 12], md % 100);
}

static int
read_policy(struct run *r)
{
	if (collect_db_policy(r->s, &r->p, r->d) < 0
	    || policy_db_get_int(r->s, "medical.cert_days", &r->medical_days,
				 r->d) < 0)
		return -1;
	money_format_human(r->p.min_arrears, r->min_arrears);
	snprintf(r->notice_days, sizeof r->notice_days, "%ld",
		 r->p.notice_days);
	snprintf(r->valid_days, sizeof r->valid_days, "%ld",
		 r->p.notice_valid_days);
	snprintf(r->medical, sizeof r->medical, "%ld", r->medical_days);
	snprintf(r->hold, sizeof r->hold, "%ld", r->p.hold_days);
	snprintf(r->contact, sizeof r->contact, "%ld", r->p.contact_hours);
	monthday_text(r->p.cold_from, r->cold_from, sizeof r->cold_from);
	monthday_text(r->p.cold_to, r->cold_to, sizeof r->cold_to);
	return 0;
}

/* The letter of notice n to account a. */
static int
print_letter(struct run *r, const struct notice *n, const struct account *a,
	     int days_past_due)
{
	char served[DATE_BUFSZ], earliest[DATE_BUFSZ], expires[DATE_BUFSZ];
	char balance[MONEY_BUFSZ], arrears[MONEY_BUFSZ], to_pay[MONEY_BUFSZ];
	char past_due[16];
	struct template_field f[NFIELDS];
	const char *v[NFIELDS];
	int64_t least;
	FILE *fp;

	/* what leaves less than shutoff.min_arrears past due */
	least = n->arrears - r->p.min_arrears + 1;
	if (least > n->arrears)
		least = n->arrears;
	snprintf(past_due, sizeof past_due, "%d", days_past_due);
	v[F_NOTICE] = n->number;
	v[F_ACCOUNT] = a->number;
	v[F_NAME] = a->name;
	v[F_SERVICE_ADDRESS] = a->service_address;
	v[F_MAILING_ADDRESS] = a->mailing_address && *a->mailing_address
		? a->mailing_address : a->service_address;
	v[F_SERVED_ON] = date_format(n->served_on, served);
	v[F_BALANCE] = money_format_human(n->balance, balance);
	v[F_ARREARS] = money_format_human(n->arrears, arrears);
	v[F_DAYS_PAST_DUE] = past_due;
	v[F_EARLIEST_SHUTOFF] = date_format(n->earliest_shutoff, earliest);
	v[F_EXPIRES_ON] = date_format(n->expires_on, expires);
	v[F_MIN_ARREARS] = r->min_arrears;
	v[F_TO_PAY] = money_format_human(least, to_pay);
	v[F_NOTICE_DAYS] = r->notice_days;
	v[F_VALID_DAYS] = r->valid_days;
	v[F_MEDICAL_DAYS] = r->medical;
	v[F_HOLD_DAYS] = r->hold;
	v[F_CONTACT_HOURS] = r->contact;
	v[F_COLD_FROM] = r->cold_from;
	v[F_COLD_TO] = r->cold_to;
	v[F_CLERK] = n->login;
	make_fields(f, v);
	fp = doc_begin(r->docs, n->number, r->d);
	if (!fp || template_render(r->t, fp, f, NFIELDS, r->d) < 0)
		return -1;
	return doc_end(r->docs, r->d);
}

static void
record(struct run *r, const struct notice *n, const char *account,
       int64_t arrears, const char *reasons)
{
	out_field(r->records, n ? n->number : "");
	out_field(r->records, account);
	out_date(r->records, n ? n->served_on : DATE_NONE);
	out_date(r->records, n ? n->earliest_shutoff : DATE_NONE);
	out_date(r->records, n ? n->expires_on : DATE_NONE);
	out_money(r->records, arrears);
	out_field(r->records, n ? "served" : "refused");
	out_field(r->records, reasons);
	out_row_end(r->records);
}

/* Judges account and serves it a notice if every rule holds. */
static int
serve(struct run *r, const struct collect_state *c)
{
	struct collect_verdict v[COLLECT_NRULES];
	struct notice n;
	char why[2048], m[MONEY_BUFSZ], b1[DATE_BUFSZ], b2[DATE_BUFSZ];

	if (collect_notice_rules(&r->p, &c->f, r->today, v) > 0) {
		collect_why(v, why, sizeof why);
		error(0, 0, "%s: no notice: %s", c->a.number, why);
		if (r->records)
			record(r, NULL, c->a.number, c->f.arrears, why);
		r->refused++;
		return 1;
	}
	memset(&n, 0, sizeof n);
	snprintf(n.account, sizeof n.account, "%s", c->a.number);
	n.served_on = r->today;
	collect_notice_dates(&r->p, r->today, &n.earliest_shutoff,
			     &n.expires_on);
	n.arrears = c->f.arrears;
	n.balance = c->f.balance;
	snprintf(n.login, sizeof n.login, "%s", audit_login());
	if (collect_db_notice_next(r->s, date_year(r->today), &n, r->d) < 0
	    || collect_db_notice_insert(r->s, &n, r->d) < 0
	    || audit_record(r->s, r->d, "notice %s served on account %s: "
			    "arrears %s, shut-off not before %s, valid until "
			    "%s", n.number, n.account,
			    money_format(n.arrears, m),
			    date_format(n.earliest_shutoff, b1),
			    date_format(n.expires_on, b2)) < 0)
		return -1;
	r->served++;
	if (r->records) {
		record(r, &n, n.account, n.arrears, "");
		return 0;
	}
	return print_letter(r, &n, &c->a, c->f.days_past_due);
}

static int
serve_one(const char *account, struct csvio_reader *row, void *arg)
{
	struct run *r = arg;
	struct collect_state c = COLLECT_STATE_INIT;
	char q[64];
	int rc;

	(void) row;
	rc = collect_db_state(r->s, account, r->today, &r->p, &c, r->d);
	if (rc == 0) {
		error(0, 0, "account '%s': no such account",
		      diag_quote(q, sizeof q, account));
		r->unknown++;
		rc = 1;
	} else if (rc > 0) {
		rc = serve(r, &c);
	}
	collect_state_release(&c);
	return rc;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *dir = NULL;
	enum out_format format = OUT_AUTO;
	struct template_field fields[NFIELDS];
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
	format = cli_doc_format(csv, format, dir, "letters");
	if (argc == 0 && isatty(STDIN_FILENO))
		cli_usage_error("no account given");
	r.d = &d;
	if (format != OUT_AUTO) {
		/* the records are printed only once they are committed */
		r.records = out_new_held(format, columns);
	} else {
		/* a template that cannot be filled stops the run before it
		 * writes anything */
		make_fields(fields, NULL);
		r.t = template_load("notice.txt", &d);
		if (!r.t || template_check(r.t, fields, NFIELDS, &d) < 0)
			cli_fail(&d);
		r.docs = doc_out_new(dir, &d);
		if (!r.docs)
			cli_fail(&d);
	}

	r.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!r.s || store_begin(r.s, &d) < 0 || read_policy(&r) < 0)
		goto fail;
	status = loop_accounts(argc, argv, serve_one, &r, &d);
	if (status != EXIT_DONE && status != EXIT_REFUSED)
		goto fail;
	if (dry_run)
		store_rollback(r.s);
	else if (store_commit(r.s, &d) < 0)
		goto fail;
	store_close(r.s);
	/* committed (or a dry run): the letters and records may be printed */
	if (r.records)
		out_print_held(r.records);
	else if (doc_out_flush(r.docs, &d) < 0)
		cli_fail(&d);
	fprintf(stderr, "%s: served %ld, refused %ld", program_name, r.served,
		r.refused);
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
	store_close(r.s);
	doc_out_free(r.docs);
	cli_fail(&d);
}
