/* cert-issue: full payment certificates for the accounts in good standing,
 * each with a number and a random verification code; says why of the
 * others; voids a certificate. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "cert.h"
#include "cert_db.h"
#include "cli.h"
#include "closeout.h"
#include "collect_db.h"
#include "date.h"
#include "diag.h"
#include "doc.h"
#include "error.h"
#include "ledger.h"
#include "ledger_db.h"
#include "loop.h"
#include "money.h"
#include "out.h"
#include "progname.h"
#include "store.h"
#include "template.h"

enum {
	OPT_AS_OF = CLI_OPT_FIRST_FREE,
	OPT_CSV,
	OPT_REASON,
	OPT_VOID
};

static const struct option long_options[] = {
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'o' },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ "void", required_argument, NULL, OPT_VOID },
	{ NULL, 0, NULL, 0 }
};

static const char *const columns[] = { "certificate", "account", "code",
	"as_of", "valid_until", ">balance", NULL };

static _Noreturn void
usage(int status)
{
	static const char synopsis[] = "[-n] [-d FILE] [--as-of D] "
		"[--csv | --format csv|table] [--date D]\n"
		"         [-o DIR] [ACCOUNT...]\n"
		"       cert-issue --void NUMBER --reason TEXT [-n] [-d FILE] "
		"[--date D]";

	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Issue a full payment certificate for each ACCOUNT (or each "
	     "account of the CSV on\nstandard input) in good standing as of "
	     "the as-of date, and print it; or void one.\nGood standing: not "
	     "closed, a balance at or below zero, no agreement in force, no\n"
	     "termination notice in force, no shut-off order scheduled, no "
	     "billing dispute\nopen.  Every reason an account is refused is "
	     "said; the others are issued all\nthe same.  A certificate is "
	     "valid cert.valid_days from its as-of date; cert.fee\nis charged "
	     "for it when above zero.\n\n"
	     "Options:\n"
	     "      --as-of D        the day certified (default: the business "
	     "date; not later)\n"
	     "      --csv            the records, not the certificates (as "
	     "--format csv)\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else the "
	     "default)\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F       the records, as csv or table, not the "
	     "certificates\n"
	     "  -n, --dry-run        judge and print everything, then roll "
	     "back\n"
	     "  -o, --output DIR     one file a certificate in DIR, named by "
	     "its number\n"
	     "      --reason TEXT    why a certificate is voided\n"
	     "      --void NUMBER    void the certificate NUMBER (with "
	     "--reason)\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 all issued, 1 some refused or not found (the "
	     "others issued),\n2 usage, 65 bad CSV input or template (nothing "
	     "issued), 75 busy.\nSee cert-issue(1).");
	exit(EXIT_SUCCESS);
}

/* The longest reason for a void. */
enum { REASON_MAX = 200 };

/* The fields a certificate's template may use
 * (data/templates/certificate.txt). */
enum field {
	F_CERTIFICATE, F_ACCOUNT, F_NAME, F_SERVICE_ADDRESS, F_ISSUED_ON,
	F_AS_OF, F_VALID_UNTIL, F_VALID_DAYS, F_BALANCE, F_CREDIT, F_CODE,
	F_FEE, F_CLERK, NFIELDS
};

static const char *const field_names[NFIELDS] = {
	"certificate", "account", "name", "service_address", "issued_on",
	"as_of", "valid_until", "valid_days", "balance", "credit", "code",
	"fee", "clerk"
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

/* The run: the store, the policy, where certificates go, counts. */
struct run {
	struct store *s;
	struct diag *d;
	struct ledger_batch *batch;
	int today, as_of;
	struct collect_policy p;
	struct cert_policy cp;
	struct template *t;
	struct doc_out *docs;
	struct out *records;
	long issued, refused, unknown;
	char voided[512];	/* what a void did, said once committed */
};

/* The certificate c of account a as a document. */
static int
print_certificate(struct run *r, const struct cert *c,
		  const struct account *a)
{
	char issued[DATE_BUFSZ], as_of[DATE_BUFSZ], until[DATE_BUFSZ];
	char balance[MONEY_BUFSZ], credit[MONEY_BUFSZ], fee[MONEY_BUFSZ];
	char days[16];
	struct template_field f[NFIELDS];
	const char *v[NFIELDS];
	FILE *fp;

	snprintf(days, sizeof days, "%ld", r->cp.valid_days);
	v[F_CERTIFICATE] = c->number;
	v[F_ACCOUNT] = a->number;
	v[F_NAME] = a->name;
	v[F_SERVICE_ADDRESS] = a->service_address;
	v[F_ISSUED_ON] = date_format(r->today, issued);
	v[F_AS_OF] = date_format(c->as_of, as_of);
	v[F_VALID_UNTIL] = date_format(c->valid_until, until);
	v[F_VALID_DAYS] = days;
	v[F_BALANCE] = money_format_human(c->balance, balance);
	v[F_CREDIT] = c->balance < 0 ? money_format_human(-c->balance, credit)
		: "";
	v[F_CODE] = c->code;
	v[F_FEE] = c->fee_entry ? money_format_human(r->cp.fee, fee) : "";
	v[F_CLERK] = c->login;
	make_fields(f, v);
	fp = doc_begin(r->docs, c->number, r->d);
	if (!fp || template_render(r->t, fp, f, NFIELDS, r->d) < 0)
		return -1;
	return doc_end(r->docs, r->d);
}

static void
record(struct run *r, const struct cert *c)
{
	out_field(r->records, c->number);
	out_field(r->records, c->account);
	out_field(r->records, c->code);
	out_date(r->records, c->as_of);
	out_date(r->records, c->valid_until);
	out_money(r->records, c->balance);
	out_row_end(r->records);
}

/* Posts cert.fee for certificate c on the business date. */
static int
post_fee(struct run *r, struct cert *c)
{
	struct ledger_entry e;
	int rc;

	memset(&e, 0, sizeof e);
	e.account = c->account;
	e.posted_on = r->today;
	e.kind = LEDGER_FEE;
	e.amount = r->cp.fee;
	e.source = "cert-issue";
	e.ref = c->number;
	e.memo = "full payment certificate fee";
	e.dated_by_program = 1;
	rc = ledger_batch_post(r->batch, &e, &c->fee_entry, r->d);
	if (rc < 0)
		return -1;
	if (rc == LEDGER_ALREADY)	/* a new number: a damaged store */
		return diag_set(r->d, EXIT_REFUSED, "certificate %s: a fee is "
				"posted for it already", c->number);
	return ledger_batch_finish(r->batch, r->d);
}

/* Issues the certificate of an account in good standing. */
static int
issue(struct run *r, const struct cert_state *cs)
{
	char as_of[DATE_BUFSZ], until[DATE_BUFSZ], m[MONEY_BUFSZ];
	char fee[MONEY_BUFSZ + 8] = "";
	struct cert c;

	memset(&c, 0, sizeof c);
	if (cert_db_new(r->s, date_year(r->as_of), &c, r->d) < 0)
		return -1;
	snprintf(c.account, sizeof c.account, "%s", cs->c.a.number);
	c.issued_on = r->today;
	c.as_of = r->as_of;
	c.valid_until = r->as_of + (int)r->cp.valid_days;
	c.balance = cs->f.balance;
	if (r->cp.fee > 0) {
		if (post_fee(r, &c) < 0)
			return -1;
		snprintf(fee, sizeof fee, ", fee %s",
			 money_format(r->cp.fee, m));
	}
	if (cert_db_insert(r->s, &c, r->d) < 0
	    || audit_record(r->s, r->d, "certificate %s for account %s as "
			    "of %s: balance %s, valid until %s%s", c.number,
			    c.account, date_format(c.as_of, as_of),
			    money_format(c.balance, m),
			    date_format(c.valid_until, until), fee) < 0)
		return -1;
	r->issued++;
	if (r->records) {
		record(r, &c);
		return 0;
	}
	return print_certificate(r, &c, &cs->c.a);
}

static int
issue_one(const char *account, struct csvio_reader *row, void *arg)
{
	struct run *r = arg;
	struct cert_state cs = CERT_STATE_INIT;
	char why[1024], q[64];
	int rc;

	(void) row;
	rc = cert_db_state(r->s, account, r->as_of, &r->p, &cs, r->d);
	if (rc == 0) {
		error(0, 0, "account '%s': no such account",
		      diag_quote(q, sizeof q, account));
		r->unknown++;
		rc = 1;
	} else if (rc > 0) {
		if (cert_standing(&cs.f, r->as_of, why, sizeof why) > 0) {
			error(0, 0, "%s: %s", cs.c.a.number, why);
			r->refused++;
			rc = 1;
		} else {
			rc = issue(r, &cs);
		}
	}
	cert_state_release(&cs);
	return rc;
}

static int
void_one(struct run *r, const char *number, const char *reason)
{
	struct cert c;
	char q[64], day[DATE_BUFSZ];
	int rc = cert_db_load(r->s, number, &c, r->d);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return diag_set(r->d, EXIT_REFUSED, "certificate '%s': no such "
				"certificate", diag_quote(q, sizeof q, number));
	if (c.voided)
		return diag_set(r->d, EXIT_REFUSED, "certificate %s: void "
				"already, since %s", c.number,
				date_format(c.voided_on, day));
	rc = cert_db_void(r->s, c.number, r->today, reason, r->d);
	if (rc < 0 || audit_record(r->s, r->d, "certificate %s of account %s "
				   "void: %s", c.number, c.account,
				   reason) < 0)
		return -1;
	if (c.fee_entry)
		snprintf(r->voided, sizeof r->voided, "certificate %s of "
			 "account %s void; its fee, entry %lld, is not "
			 "reversed (acct-adjust --reverse %lld)", c.number,
			 c.account, (long long) c.fee_entry,
			 (long long) c.fee_entry);
	else
		snprintf(r->voided, sizeof r->voided, "certificate %s of "
			 "account %s void", c.number, c.account);
	return 0;
}

int
main(int argc, char **argv)
{
	struct run r = { 0 };
	struct diag d = DIAG_INIT;
	const char *db_opt = NULL, *date_opt = NULL, *dir = NULL;
	const char *as_of_opt = NULL, *void_number = NULL, *reason = NULL;
	enum out_format format = OUT_AUTO;
	struct template_field fields[NFIELDS];
	char why[128], day[DATE_BUFSZ];
	int c, status = EXIT_DONE, csv = 0, dry_run = 0;

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
		case OPT_AS_OF:
			as_of_opt = optarg;
			r.as_of = cli_date("as-of", optarg);
			break;
		case OPT_CSV:
			csv = 1;
			break;
		case OPT_REASON:
			if (strlen(optarg) > REASON_MAX)
				cli_usage_error("option --reason: longer than "
						"%d bytes", REASON_MAX);
			if (ledger_text_check(optarg, REASON_MAX, 0, why,
					      sizeof why) < 0)
				cli_usage_error("option --reason: %s", why);
			reason = optarg;
			break;
		case OPT_VOID:
			void_number = optarg;
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
	if (void_number) {
		if (argc != 0)
			cli_usage_error("--void takes no ACCOUNT");
		if (!reason || !*reason)
			cli_usage_error("--void needs --reason TEXT");
		if (as_of_opt || csv || format != OUT_AUTO || dir)
			cli_usage_error("--void prints nothing: no --as-of, "
					"--csv, --format or -o");
	} else {
		if (reason)
			cli_usage_error("--reason is for --void");
		if (!as_of_opt)
			r.as_of = r.today;
		if (r.as_of > r.today)
			cli_usage_error("option --as-of: '%s': after the "
					"business date %s", as_of_opt,
					date_format(r.today, day));
		format = cli_doc_format(csv, format, dir, "certificates");
		if (argc == 0 && isatty(STDIN_FILENO))
			cli_usage_error("no account given");
	}
	r.d = &d;
	if (!void_number && format != OUT_AUTO) {
		/* the records are printed only once they are committed */
		r.records = out_new_held(format, columns);
	} else if (!void_number) {
		/* a template that cannot be filled stops the run before it
		 * writes anything */
		make_fields(fields, NULL);
		r.t = template_load("certificate.txt", &d);
		if (!r.t || template_check(r.t, fields, NFIELDS, &d) < 0)
			cli_fail(&d);
		r.docs = doc_out_new(dir, &d);
		if (!r.docs)
			cli_fail(&d);
	}

	r.s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!r.s || store_begin(r.s, &d) < 0)
		goto fail;
	r.batch = ledger_batch_new(r.s);
	if (void_number) {
		if (void_one(&r, void_number, reason) < 0)
			goto fail;
	} else {
		if (collect_db_policy(r.s, &r.p, &d) < 0
		    || cert_db_policy(r.s, &r.cp, &d) < 0)
			goto fail;
		status = loop_accounts(argc, argv, issue_one, &r, &d);
		if (status != EXIT_DONE && status != EXIT_REFUSED)
			goto fail;
	}
	if (ledger_batch_finish(r.batch, &d) < 0)
		goto fail;
	if (dry_run)
		store_rollback(r.s);
	else if (store_commit(r.s, &d) < 0)
		goto fail;
	ledger_batch_free(r.batch);
	store_close(r.s);
	/* committed (or a dry run): the certificates may be printed */
	if (r.records)
		out_print_held(r.records);
	else if (r.docs && doc_out_flush(r.docs, &d) < 0)
		cli_fail(&d);
	if (void_number) {
		fprintf(stderr, "%s: %s\n", program_name, r.voided);
	} else {
		fprintf(stderr, "%s: issued %ld, refused %ld", program_name,
			r.issued, r.refused);
		if (r.unknown)
			fprintf(stderr, ", no such account %ld", r.unknown);
		fputc('\n', stderr);
	}
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	doc_out_free(r.docs);
	template_free(r.t);
	return status;
fail:
	ledger_batch_free(r.batch);
	store_close(r.s);	/* rolls back: nothing issued, no number */
	doc_out_free(r.docs);
	if (d.status == EXIT_USAGE)
		cli_usage_error("%s", d.msg);
	cli_fail(&d);
}
