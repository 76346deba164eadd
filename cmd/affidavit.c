/* affidavit: prepares an affidavit of one of the shipped kinds from a
 * template, filled from the account and the fields given, and records it;
 * marks one signed, or records its signed copy coming back. */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "account.h"
#include "account_db.h"
#include "affidavit.h"
#include "affidavit_db.h"
#include "audit.h"
#include "clerk_db.h"
#include "cli.h"
#include "closeout.h"
#include "date.h"
#include "diag.h"
#include "doc.h"
#include "out.h"
#include "policy_db.h"
#include "progname.h"
#include "store.h"
#include "template.h"
#include "xalloc.h"

enum {
	OPT_APPROVED_BY = CLI_OPT_FIRST_FREE,
	OPT_CSV,
	OPT_FIELD,
	OPT_KIND,
	OPT_ON,
	OPT_RECEIVED,
	OPT_SIGNED
};

static const struct option long_options[] = {
	{ "approved-by", required_argument, NULL, OPT_APPROVED_BY },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "field", required_argument, NULL, OPT_FIELD },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "on", required_argument, NULL, OPT_ON },
	{ "output", required_argument, NULL, 'o' },
	{ "received", required_argument, NULL, OPT_RECEIVED },
	{ "signed", required_argument, NULL, OPT_SIGNED },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char synopsis[] =
	"[-n] [--csv | --format csv|table | -o DIR] [-d FILE]\n"
	"         [--date D] [--field NAME=VALUE ...] --kind KIND ACCOUNT\n"
	"       affidavit --signed NUMBER [-n] [-d FILE] [--date D]\n"
	"       affidavit --received NUMBER [-n] [--approved-by LOGIN] "
	"[-d FILE]\n"
	"         [--date D] [--on D]";

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s %s\nTry '%s --help'.\n",
			program_name, synopsis, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s %s\n", program_name, synopsis);
	puts("Prepare an affidavit for the customer of ACCOUNT to sign before "
	     "a notary, filled\nfrom the account and the fields given, record "
	     "it and print it; or mark one\nsigned at the counter (--signed), "
	     "or record its signed copy coming back\n(--received).  Kinds: "
	     "tenant, identity, medical, hardship, statement; each\nkind's "
	     "fields are in affidavit(1).  A received medical certification "
	     "protects\nthe account from shut-off for medical.cert_days days; "
	     "a renewal beyond\nmedical.max_renewals without a payment needs a "
	     "supervisor.\n\n"
	     "Options:\n"
	     "      --approved-by LOGIN  the supervisor approving a medical "
	     "renewal\n"
	     "      --csv                print the record, not the document\n"
	     "  -d, --db FILE            the store (else $ACCTKIT_DB, else "
	     "the default)\n"
	     "      --date D             the business date (else "
	     "$ACCTKIT_TODAY, else today)\n"
	     "      --field NAME=VALUE   a field of the kind (again for each "
	     "field)\n"
	     "      --format F           the record as csv or table\n"
	     "      --kind KIND          the kind of affidavit\n"
	     "  -n, --dry-run            check and print, then roll back\n"
	     "  -o, --output DIR         the document as a file in DIR, named "
	     "by its number\n"
	     "      --on D               the day the signed copy came back "
	     "(default: the\n"
	     "                           business date)\n"
	     "      --received NUMBER    record the signed copy of NUMBER "
	     "coming back\n"
	     "      --signed NUMBER      mark NUMBER signed at the counter\n"
	     "  -h, --help               show this help\n"
	     "      --version            show the version\n\n"
	     "Exit status: 0 done, 1 refused (unknown or closed account, "
	     "unknown affidavit,\nreceived already, a renewal not approved), "
	     "2 usage (a missing, unknown or bad\nfield), 65 bad template, 75 "
	     "busy.  See affidavit(1).");
	exit(EXIT_SUCCESS);
}

static const char *const record_columns[] = { "affidavit", "account",
	"kind", "prepared_on", "status", "effective_on", "end_on", "field",
	"value", NULL };

static void
template_name(enum affidavit_kind kind, char *buf, size_t size)
{
	snprintf(buf, size, "affidavit-%s.txt", affidavit_kind_name(kind));
}

static void
record_rows(struct out *o, const struct affidavit_record *r,
	    const struct affidavit_form *form)
{
	size_t i;

	for (i = 0; i < form->n; i++) {
		out_field(o, r->number);
		out_field(o, r->account);
		out_field(o, affidavit_kind_name(r->kind));
		out_date(o, r->prepared_on);
		out_field(o, affidavit_status_name(r->status));
		out_date(o, r->effective_on);
		out_date(o, r->end_on);
		out_field(o, form->spec[i].name);
		out_field(o, form->value[i]);
		out_row_end(o);
	}
}

/* Records the affidavit of form for account number and writes it as a
 * document (t into docs) or as records. */
static int
prepare(struct store *s, const char *number, struct affidavit_form *form,
	const struct template *t, struct doc_out *docs, struct out *records,
	int today, struct diag *d)
{
	struct account a = ACCOUNT_INIT;
	struct affidavit_record r;
	struct affidavit_account from;
	struct affidavit_doc doc;
	char q[64], why[128], day[2][DATE_BUFSZ];
	FILE *fp;
	int found, rc = -1;

	found = account_db_load(s, number, &a, d);
	if (found <= 0) {
		if (found == 0)
			diag_set(d, EXIT_REFUSED, "account '%s': no such "
				 "account", diag_quote(q, sizeof q, number));
		goto done;
	}
	if (strcmp(a.status, "closed") == 0) {
		diag_set(d, EXIT_REFUSED, "account %s: the account is closed",
			 a.number);
		goto done;
	}
	from.account = a.number;
	from.name = a.name;
	from.service_address = a.service_address;
	from.mailing_address = a.mailing_address;
	from.phone = a.phone;
	affidavit_form_fill(form, &from);

	memset(&r, 0, sizeof r);
	snprintf(r.account, sizeof r.account, "%s", a.number);
	snprintf(r.login, sizeof r.login, "%s", audit_login());
	r.kind = form->kind;
	r.status = AFFIDAVIT_PREPARED;
	r.prepared_on = today;
	r.received_on = r.effective_on = r.end_on = DATE_NONE;
	if (form->kind == AFFIDAVIT_TENANT) {
		/* checked when given: these parse */
		date_parse(affidavit_form_get(form, "lease_start"),
			   &r.effective_on, why, sizeof why);
		if (*affidavit_form_get(form, "lease_end"))
			date_parse(affidavit_form_get(form, "lease_end"),
				   &r.end_on, why, sizeof why);
	}
	if (affidavit_db_next(s, date_year(today), &r, d) < 0
	    || affidavit_db_insert(s, &r, form, d) < 0
	    || audit_record(s, d, "affidavit %s (%s) prepared for account %s"
			    "%s%s%s%s", r.number,
			    affidavit_kind_name(r.kind), a.number,
			    r.effective_on != DATE_NONE ? ", from " : "",
			    date_format(r.effective_on, day[0]),
			    r.end_on != DATE_NONE ? " to " : "",
			    date_format(r.end_on, day[1])) < 0)
		goto done;
	if (records) {
		record_rows(records, &r, form);
	} else {
		affidavit_doc_fill(&doc, form, r.number, r.prepared_on,
				   r.login);
		fp = doc_begin(docs, r.number, d);
		rc = fp && template_render(t, fp, doc.fields, doc.n, d) == 0
			? doc_end(docs, d) : -1;
		affidavit_doc_release(&doc);
		if (rc < 0)
			goto done;
	}
	fprintf(stderr, "%s: %s affidavit %s for account %s\n", program_name,
		affidavit_kind_name(r.kind), r.number, a.number);
	rc = 0;
done:
	account_release(&a);
	return rc;
}

/* Loads affidavit number: 0, or -1 with d filled (not found: refused). */
static int
load(struct store *s, const char *number, struct affidavit_record *r,
     struct diag *d)
{
	char q[64];
	int rc = affidavit_db_load(s, number, r, d);

	if (rc == 0)
		diag_set(d, EXIT_REFUSED, "affidavit '%s': no such affidavit",
			 diag_quote(q, sizeof q, number));
	return rc > 0 ? 0 : -1;
}

static int
sign(struct store *s, const char *number, struct diag *d)
{
	struct affidavit_record r;
	char why[128];

	if (load(s, number, &r, d) < 0)
		return -1;
	if (affidavit_sign_check(r.status, why, sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "affidavit %s: %s", r.number,
				why);
	r.status = AFFIDAVIT_SIGNED;
	if (affidavit_db_update(s, &r, d) < 0
	    || audit_record(s, d, "affidavit %s (%s, account %s) signed",
			    r.number, affidavit_kind_name(r.kind),
			    r.account) < 0)
		return -1;
	fprintf(stderr, "%s: affidavit %s (%s, account %s) signed\n",
		program_name, r.number, affidavit_kind_name(r.kind),
		r.account);
	return 0;
}

/* What receiving a medical certification does: the renewal rule, and the
 * account's medical_until; r's end_on. */
static int
receive_medical(struct store *s, struct affidavit_record *r,
		const char *approved_by, char *said, size_t saidsize,
		struct diag *d)
{
	struct clerk who = CLERK_INIT, approver = CLERK_INIT;
	struct account a = ACCOUNT_INIT, old = ACCOUNT_INIT;
	char why[512], changes[256], until[DATE_BUFSZ];
	long cert_days, max_renewals, prior;
	int needed = 0, found, rc = -1;

	if (policy_db_get_int(s, "medical.cert_days", &cert_days, d) < 0
	    || policy_db_get_int(s, "medical.max_renewals", &max_renewals,
				 d) < 0
	    || affidavit_db_medical_since_payment(s, r->account,
						  r->received_on, &prior,
						  d) < 0
	    || clerk_db_get(s, audit_login(), &who, d) < 0
	    || (approved_by && clerk_db_get(s, approved_by, &approver,
					     d) < 0))
		goto done;
	if (affidavit_renewal_check(prior, max_renewals, &who, approved_by
				    ? &approver : NULL, &needed, why,
				    sizeof why) < 0) {
		diag_set(d, EXIT_REFUSED, "affidavit %s: account %s: %s",
			 r->number, r->account, why);
		goto done;
	}
	found = account_db_load(s, r->account, &a, d);
	if (found <= 0) {
		if (found == 0)
			diag_set(d, EXIT_REFUSED, "affidavit %s: account %s: "
				 "no such account", r->number, r->account);
		goto done;
	}
	account_copy(&old, &a);
	r->effective_on = r->received_on;
	r->end_on = r->received_on + (int) cert_days;
	a.medical_until = affidavit_medical_until(a.medical_until,
						  r->received_on, cert_days);
	if (account_diff(&old, &a, changes, sizeof changes) > 0
	    && (account_db_update(s, &a, d) < 0
		|| audit_record(s, d, "account %s: %s (medical certification "
				"%s)", a.number, changes, r->number) < 0))
		goto done;
	snprintf(said, saidsize, "; medical certificate until %s%s%s%s",
		 date_format(a.medical_until, until),
		 old.medical_until == a.medical_until ? " (unchanged)" : "",
		 needed ? ", renewal approved by " : "",
		 needed ? approver.login : "");
	rc = 0;
done:
	account_release(&a);
	account_release(&old);
	clerk_release(&who);
	clerk_release(&approver);
	return rc;
}

static int
receive(struct store *s, const char *number, int on,
	const char *approved_by, struct diag *d)
{
	struct affidavit_record r;
	char why[256], day[DATE_BUFSZ], said[256] = "";

	if (load(s, number, &r, d) < 0)
		return -1;
	if (affidavit_receive_check(r.status, r.prepared_on, on, why,
				    sizeof why) < 0)
		return diag_set(d, EXIT_REFUSED, "affidavit %s: %s", r.number,
				why);
	r.status = AFFIDAVIT_RECEIVED;
	r.received_on = on;
	if (r.kind == AFFIDAVIT_MEDICAL) {
		if (receive_medical(s, &r, approved_by, said, sizeof said,
				    d) < 0)
			return -1;
	} else if (r.kind != AFFIDAVIT_TENANT) {
		/* a tenant's holds for the lease; the others from now on */
		r.effective_on = on;
	}
	if (affidavit_db_update(s, &r, d) < 0
	    || audit_record(s, d, "affidavit %s (%s, account %s) received on "
			    "%s%s", r.number, affidavit_kind_name(r.kind),
			    r.account, date_format(on, day), said) < 0)
		return -1;
	fprintf(stderr, "%s: affidavit %s (%s, account %s) received on %s%s\n",
		program_name, r.number, affidavit_kind_name(r.kind),
		r.account, day, said);
	return 0;
}

/* The fields given, checked against the kind: every problem said, then
 * exit 2 if there was any. */
static void
check_fields(struct affidavit_form *form, char **fields, size_t nfields,
	     int today)
{
	char why[1024];
	size_t i;

	for (i = 0; i < nfields; i++)
		if (affidavit_form_give(form, fields[i], today, why,
					sizeof why) < 0)
			cli_complain("kind %s: %s",
				     affidavit_kind_name(form->kind), why);
	if (affidavit_form_check(form, why, sizeof why) < 0)
		cli_complain("kind %s: %s", affidavit_kind_name(form->kind),
			     why);
	cli_usage_check();
}

/* Loads the kind's template and checks its placeholders against the
 * kind's fields, before anything is recorded. */
static struct template *
template_for(const struct affidavit_form *form, struct diag *d)
{
	struct affidavit_doc doc;
	struct template *t;
	char name[64];

	template_name(form->kind, name, sizeof name);
	t = template_load(name, d);
	if (!t)
		return NULL;
	affidavit_doc_fill(&doc, form, "", DATE_NONE, "");
	if (template_check(t, doc.fields, doc.n, d) < 0) {
		template_free(t);
		t = NULL;
	}
	affidavit_doc_release(&doc);
	return t;
}

int
main(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	struct affidavit_form form;
	enum affidavit_kind kind = AFFIDAVIT_NKINDS;
	enum out_format format = OUT_AUTO;
	const char *db_opt = NULL, *date_opt = NULL, *dir = NULL;
	const char *on_opt = NULL, *approved_by = NULL;
	const char *signed_number = NULL, *received_number = NULL;
	char **fields = NULL, q[64], day[2][DATE_BUFSZ];
	size_t nfields = 0, fields_alloc = 0;
	struct template *t = NULL;
	struct doc_out *docs = NULL;
	struct out *records = NULL;
	struct store *s;
	int c, rc, csv = 0, format_given = 0, dry_run = 0, today, on;

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
			if (!*optarg)
				cli_usage_error("option --approved-by: empty");
			approved_by = optarg;
			break;
		case OPT_CSV:
			csv = 1;
			break;
		case OPT_FIELD:
			if (nfields == fields_alloc)
				fields = x2nrealloc(fields, &fields_alloc,
						    sizeof *fields);
			fields[nfields++] = optarg;
			break;
		case OPT_KIND:
			if (affidavit_kind_parse(optarg, &kind) < 0)
				cli_usage_error("option --kind: '%s': not %s",
						diag_quote(q, sizeof q, optarg),
						affidavit_kind_list());
			break;
		case OPT_ON:
			on_opt = optarg;
			break;
		case OPT_RECEIVED:
			received_number = optarg;
			break;
		case OPT_SIGNED:
			signed_number = optarg;
			break;
		case CLI_OPT_DATE:
			date_opt = optarg;
			break;
		case CLI_OPT_FORMAT:
			format = cli_format(optarg);
			format_given = 1;
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
	on = today;
	if (signed_number && received_number)
		cli_usage_error("--signed and --received do not go together");
	if (signed_number || received_number) {
		if (argc != 0)
			cli_usage_error("--%s takes no ACCOUNT", signed_number
					? "signed" : "received");
		if (kind != AFFIDAVIT_NKINDS || nfields || csv || format_given
		    || dir)
			cli_usage_error("--kind, --field, --csv, --format and "
					"-o are for preparing an affidavit");
	} else {
		if (kind == AFFIDAVIT_NKINDS)
			cli_usage_error("--kind KIND is needed (%s)",
					affidavit_kind_list());
		if (argc != 1)
			cli_usage_error(argc ? "one ACCOUNT only"
					     : "no account given");
	}
	if (!received_number && (on_opt || approved_by))
		cli_usage_error("--on and --approved-by are for --received");
	if (on_opt) {
		on = cli_date("on", on_opt);
		if (on > today)
			cli_usage_error("option --on: '%s': after the business "
					"date %s", date_format(on, day[0]),
					date_format(today, day[1]));
	}
	if ((csv || format_given) && dir)
		cli_usage_error("--csv and -o are each other's opposite: "
				"choose one");

	if (kind != AFFIDAVIT_NKINDS) {
		affidavit_form_init(&form, kind);
		check_fields(&form, fields, nfields, today);
		if (csv || format_given) {
			/* printed only once the affidavit is committed */
			records = out_new_held(format, record_columns);
		} else {
			t = template_for(&form, &d);
			if (!t)
				cli_fail(&d);
			docs = doc_out_new(dir, &d);
			if (!docs)
				cli_fail(&d);
		}
	}

	s = store_open(store_path(db_opt), STORE_WRITE, program_name, &d);
	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	if (signed_number)
		rc = sign(s, signed_number, &d);
	else if (received_number)
		rc = receive(s, received_number, on, approved_by, &d);
	else
		rc = prepare(s, argv[0], &form, t, docs, records, today, &d);
	if (rc < 0)
		goto fail;
	if (dry_run)
		store_rollback(s);
	else if (store_commit(s, &d) < 0)
		goto fail;
	/* committed (or a dry run): the affidavit may be printed */
	if (records)
		out_print_held(records);
	else if (docs && doc_out_flush(docs, &d) < 0)
		cli_fail(&d);
	if (dry_run)
		fprintf(stderr, "%s: dry run: nothing was recorded\n",
			program_name);
	if (kind != AFFIDAVIT_NKINDS)
		affidavit_form_release(&form);
	doc_out_free(docs);
	template_free(t);
	free(fields);
	store_close(s);
	return EXIT_DONE;
fail:
	store_close(s);
	doc_out_free(docs);
	out_free(records);
	if (kind != AFFIDAVIT_NKINDS)
		affidavit_form_release(&form);
	template_free(t);
	free(fields);
	cli_fail(&d);
}
