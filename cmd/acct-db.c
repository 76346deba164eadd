/* acct-db: make, migrate, check, back up and restore the store; its policy,
 * holidays, reasons and clerks. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "account.h"
#include "audit.h"
#include "calendar_db.h"
#include "clerk_db.h"
#include "cli.h"
#include "closeout.h"
#include "csvio.h"
#include "diag.h"
#include "error.h"
#include "ledger_db.h"
#include "money.h"
#include "out.h"
#include "policy.h"
#include "policy_db.h"
#include "progname.h"
#include "reason_db.h"
#include "store.h"
#include "xalloc.h"

static const char *db_opt;
static int dry_run;
static enum out_format format = OUT_AUTO;

static const struct option long_options[] = {
	{ "date", required_argument, NULL, CLI_OPT_DATE },
	{ "db", required_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "format", required_argument, NULL, CLI_OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, CLI_OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static _Noreturn void
usage(int status)
{
	if (status != 0) {
		fprintf(stderr, "Usage: %s [-n] [-d FILE] [--date D] [--format "
			"csv|table] COMMAND [ARG...]\nTry '%s --help'.\n",
			program_name, program_name);
		exit(EXIT_USAGE);
	}
	printf("Usage: %s [-n] [-d FILE] [--date D] [--format csv|table] "
	       "COMMAND [ARG...]\n", program_name);
	puts("Make, migrate, check, back up and restore the acctkit store; "
	     "show and set its\npolicy, holidays, adjustment reasons and "
	     "clerks.\n\n"
	     "Commands:\n"
	     "  init                 make a new store (schema, policy defaults, "
	     "reasons)\n"
	     "  migrate              bring an older store to this version\n"
	     "  check                integrity, foreign keys, balances = sums "
	     "of entries\n"
	     "  backup FILE          copy the store, consistently, to a new "
	     "FILE\n"
	     "  restore BACKUP       check BACKUP, then make the store its "
	     "copy (audited),\n"
	     "                       once no other program has the store "
	     "open\n"
	     "  policy [KEY [VALUE]] list the policy, show a key, or set it\n"
	     "  holidays [load FILE...]\n"
	     "                       list the holidays, or load them from CSV "
	     "(day,name)\n"
	     "  reasons [load FILE]  list the adjustment reasons, or load them "
	     "from CSV\n"
	     "  clerks [add LOGIN [--limit AMT|default] [--name N]\n"
	     "         [--role clerk|supervisor]]\n"
	     "                       list the clerks and their adjustment "
	     "limits, or add one\n"
	     "                       (an existing clerk keeps what is not "
	     "given)\n\n"
	     "Options:\n"
	     "  -d, --db FILE        the store (else $ACCTKIT_DB, else "
	     ACCTKIT_DEFAULT_DB ")\n"
	     "      --date D         the business date (else $ACCTKIT_TODAY, "
	     "else today)\n"
	     "      --format F       csv or table (default: table on a "
	     "terminal)\n"
	     "  -n, --dry-run        do everything, then roll back\n"
	     "  -h, --help           show this help\n"
	     "      --version        show the version\n\n"
	     "Exit status: 0 done, 1 refused or faults found, 2 usage, 65 bad "
	     "input, 75 busy.\nSee acct-db(1).");
	exit(EXIT_SUCCESS);
}

/* Ends a write: commit, or roll back for a dry run. */
static void
finish(struct store *s)
{
	struct diag d = DIAG_INIT;

	if (dry_run) {
		store_rollback(s);
		fprintf(stderr, "%s: dry run: nothing was changed\n",
			program_name);
	} else if (store_commit(s, &d) < 0) {
		store_rollback(s);
		cli_fail(&d);
	}
}

static struct store *
open_write(void)
{
	struct diag d = DIAG_INIT;
	struct store *s = store_open(store_path(db_opt), STORE_WRITE,
				     program_name, &d);

	if (!s || store_begin(s, &d) < 0)
		cli_fail(&d);
	return s;
}

static struct store *
open_read(void)
{
	struct diag d = DIAG_INIT;
	struct store *s = store_open(store_path(db_opt), STORE_READ,
				     program_name, &d);

	if (!s)
		cli_fail(&d);
	return s;
}

/* Fails d, rolling back and closing s first. */
static _Noreturn void
fail(struct store *s, const struct diag *d)
{
	store_close(s);
	cli_fail(d);
}

static const char *
data_file(const char *name, char *buf, size_t size)
{
	const char *dir = getenv("ACCTKIT_DATADIR");

	snprintf(buf, size, "%s/%s", dir && *dir ? dir : ACCTKIT_PKGDATADIR,
		 name);
	return buf;
}

static int
cmd_init(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	const char *path = store_path(db_opt);
	char reasons[4096];
	struct store *s;
	int added = 0, replaced;
	FILE *fp;

	if (argc != 0)
		cli_usage_error("init takes no arguments");
	if (dry_run)
		cli_usage_error("init cannot be a dry run");
	s = store_create(path, program_name, &d);
	if (!s)
		cli_fail(&d);
	if (store_begin(s, &d) < 0)
		fail(s, &d);
	data_file("reasons.csv", reasons, sizeof reasons);
	fp = fopen(reasons, "r");
	if (fp) {
		fclose(fp);
		if (reason_db_load(s, reasons, &added, &replaced, &d) < 0)
			fail(s, &d);
	} else {
		fprintf(stderr, "%s: %s: not found; load reasons with "
			"'acct-db reasons load FILE'\n", program_name, reasons);
	}
	if (audit_record(s, &d, "made the store, schema version %d, %d "
			 "reasons", store_schema_version(), added) < 0)
		fail(s, &d);
	finish(s);
	store_close(s);
	fprintf(stderr, "%s: made %s (schema version %d, %d reasons)\n",
		program_name, path, store_schema_version(), added);
	return EXIT_DONE;
}

static int
cmd_migrate(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	const char *path = store_path(db_opt);
	int version, from, to;
	struct store *s;

	if (argc != 0)
		cli_usage_error("migrate takes no arguments");
	s = store_open_any(path, program_name, &version, &d);
	if (!s)
		cli_fail(&d);
	if (version == store_schema_version()) {
		fprintf(stderr, "%s: %s is at schema version %d: nothing to "
			"do\n", program_name, path, version);
		store_close(s);
		return EXIT_DONE;
	}
	if (dry_run) {
		fprintf(stderr, "%s: would migrate %s from schema version %d "
			"to %d\n", program_name, path, version,
			store_schema_version());
		store_close(s);
		return EXIT_DONE;
	}
	if (store_migrate(s, &from, &to, &d) < 0)
		fail(s, &d);
	fprintf(stderr, "%s: migrated %s from schema version %d to %d\n",
		program_name, path, from, to);
	store_close(s);
	return EXIT_DONE;
}

static void
print_fault(const char *line, void *arg)
{
	printf("%s\n", line);
}

/* The checks of 'check' on s, a store at schema version version: prints
 * each fault on standard output; returns how many, -1 with d filled.  The
 * audit check reads the tables and links of this build's schema: a store
 * of an older version (restored from an old backup) has the others alone
 * until it is migrated. */
static int
check_store(struct store *s, int version, struct diag *d)
{
	int faults, n;

	faults = store_check(s, print_fault, NULL, d);
	if (faults < 0)
		return -1;
	n = ledger_db_check(s, print_fault, NULL, d);
	if (n < 0)
		return -1;
	faults += n;
	if (version < store_schema_version())
		return faults;
	n = audit_check(s, print_fault, NULL, d);
	return n < 0 ? -1 : faults + n;
}

static int
cmd_check(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	struct store *s;
	int faults;

	if (argc != 0)
		cli_usage_error("check takes no arguments");
	s = open_read();
	faults = check_store(s, store_schema_version(), &d);
	if (faults < 0)
		fail(s, &d);
	store_close(s);
	if (faults) {
		fprintf(stderr, "%s: %d fault%s found\n", program_name, faults,
			faults == 1 ? "" : "s");
		return EXIT_REFUSED;
	}
	fprintf(stderr, "%s: integrity, foreign keys, balances and audit: no "
		"faults\n", program_name);
	return EXIT_DONE;
}

static int
cmd_backup(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	struct store *s;

	if (argc != 1)
		cli_usage_error("backup needs one FILE");
	s = open_read();
	if (store_backup(s, argv[0], &d) < 0)
		fail(s, &d);
	store_close(s);
	fprintf(stderr, "%s: copied %s to %s\n", program_name,
		store_path(db_opt), argv[0]);
	return EXIT_DONE;
}

/* What a restore copies, for its audit line and its summary. */
struct restore {
	const char *backup;	/* its path, made absolute if it can be */
	int version;
	int64_t accounts, entries;
};

/* "(schema version 7, 5 accounts, 13 entries)": what a restore copies. */
static const char *
restore_said(const struct restore *r, char *buf, size_t size)
{
	snprintf(buf, size, "(schema version %d, %lld account%s, %lld "
		 "entr%s)", r->version, (long long) r->accounts,
		 r->accounts == 1 ? "" : "s", (long long) r->entries,
		 r->entries == 1 ? "y" : "ies");
	return buf;
}

static int
record_restore(struct store *copy, void *arg, struct diag *d)
{
	const struct restore *r = arg;
	char what[128];

	return audit_record(copy, d, "restored the store from %s %s",
			    r->backup, restore_said(r, what, sizeof what));
}

/* "check: no faults", or how many, for the summary line. */
static const char *
check_said(int faults, int version, char *buf, size_t size)
{
	if (faults)
		snprintf(buf, size, "check: %d fault%s found", faults,
			 faults == 1 ? "" : "s");
	else if (version < store_schema_version())
		snprintf(buf, size, "check: no faults (the audit trail is "
			 "checked once migrated)");
	else
		snprintf(buf, size, "check: no faults");
	return buf;
}

static int
cmd_restore(int argc, char **argv)
{
	struct diag d = DIAG_INIT;
	const char *path = store_path(db_opt);
	struct restore r = { NULL, 0, 0, 0 };
	struct stat backup_sb, store_sb;
	struct store *b, *s;
	char said[128], what[128], *absolute;
	int faults, version, rc;

	if (argc != 1)
		cli_usage_error("restore needs one BACKUP");
	/* Restore replaces a store; it never makes one: a backup copied to a
	 * path where nothing is has no old log to meet. */
	if (stat(path, &store_sb) < 0) {
		if (errno == ENOENT)
			diag_set(&d, EXIT_REFUSED, "store '%s': no such file: "
				 "restore replaces a store, it never makes "
				 "one; copy the backup there with 'cp %s %s', "
				 "then run 'acct-db check'", path, argv[0],
				 path);
		else
			diag_set(&d, EXIT_REFUSED, "store '%s': %s", path,
				 strerror(errno));
		cli_fail(&d);
	}
	/* the same file by another name would wait on its own reader */
	if (stat(argv[0], &backup_sb) == 0
	    && backup_sb.st_dev == store_sb.st_dev
	    && backup_sb.st_ino == store_sb.st_ino)
		cli_usage_error("restore: '%s' is the store itself", argv[0]);

	b = store_open_backup(argv[0], program_name, &r.version, &d);
	if (!b)
		cli_fail(&d);
	faults = check_store(b, r.version, &d);
	if (faults < 0 || ledger_db_count(b, &r.accounts, &r.entries, &d) < 0)
		fail(b, &d);
	if (faults) {
		store_close(b);
		fprintf(stderr, "%s: backup '%s': %d fault%s found: not "
			"restored\n", program_name, argv[0], faults,
			faults == 1 ? "" : "s");
		return EXIT_REFUSED;
	}
	s = store_open_any(path, program_name, &version, &d);
	if (!s)
		fail(b, &d);
	if (dry_run) {
		store_close(s);
		store_close(b);
		fprintf(stderr, "%s: would restore %s from %s %s; %s\n",
			program_name, path, argv[0],
			restore_said(&r, what, sizeof what),
			check_said(0, r.version, said, sizeof said));
		if (r.version < store_schema_version())
			fprintf(stderr, "%s: %s would be at schema version %d, "
				"this acctkit needs %d: then run 'acct-db "
				"migrate'\n", program_name, path, r.version,
				store_schema_version());
		return EXIT_DONE;
	}

	absolute = realpath(argv[0], NULL);
	r.backup = absolute ? absolute : argv[0];
	rc = store_restore(s, b, record_restore, &r, &d);
	free(absolute);
	store_close(b);
	if (rc < 0)
		fail(s, &d);
	/* the store as the copy left it: s holds it still */
	faults = check_store(s, r.version, &d);
	if (faults < 0 || ledger_db_count(s, &r.accounts, &r.entries, &d) < 0)
		fail(s, &d);
	store_close(s);
	fprintf(stderr, "%s: restored %s from %s %s; %s\n", program_name,
		path, argv[0], restore_said(&r, what, sizeof what),
		check_said(faults, r.version, said, sizeof said));
	if (r.version < store_schema_version())
		fprintf(stderr, "%s: %s is at schema version %d, this acctkit "
			"needs %d: run 'acct-db migrate'\n", program_name, path,
			r.version, store_schema_version());
	return faults ? EXIT_REFUSED : EXIT_DONE;
}

static int
policy_row(const char *key, const char *value, void *arg)
{
	const struct policy_key *k = policy_find(key);

	out_field(arg, key);
	out_field(arg, value);
	out_field(arg, k ? k->value : "");
	out_field(arg, k ? k->meaning : "");
	out_field(arg, k ? k->source : "");
	out_row_end(arg);
	return 0;
}

/* The approval limits rest on the clerks and the policy: only the store's
 * owner (who made it: the office's administrator) or a supervisor changes
 * them; anyone may while the store has no supervisor yet. */
static void
administer(struct store *s, const char *what)
{
	struct diag d = DIAG_INIT;
	struct stat sb;
	char q[64];
	int may;

	if (stat(store_path(db_opt), &sb) == 0 && sb.st_uid == getuid())
		return;
	if (clerk_db_may_administer(s, audit_login(), &may, &d) < 0)
		fail(s, &d);
	if (!may) {
		diag_set(&d, EXIT_REFUSED, "%s: only a supervisor or the "
			 "store's owner may change it ('%s' is neither: see "
			 "acct-db clerks)", what,
			 diag_quote(q, sizeof q, audit_login()));
		fail(s, &d);
	}
}

static int
cmd_policy(int argc, char **argv)
{
	static const char *const cols[] = { "key", "value", "default",
		"meaning", "source", NULL };
	struct diag d = DIAG_INIT;
	char value[256], old[256];
	struct store *s;
	struct out *o;

	if (argc == 0) {
		s = open_read();
		o = out_new(stdout, format, cols);
		if (policy_db_each(s, policy_row, o, &d) < 0)
			fail(s, &d);
		out_free(o);
		store_close(s);
		return EXIT_DONE;
	}
	if (argc == 1) {
		s = open_read();
		if (policy_db_get(s, argv[0], value, sizeof value, &d) < 0)
			fail(s, &d);
		printf("%s\n", value);
		store_close(s);
		return EXIT_DONE;
	}
	if (argc != 2)
		cli_usage_error("policy takes at most KEY and VALUE");
	s = open_write();
	snprintf(old, sizeof old, "policy %s", argv[0]);
	administer(s, old);
	if (policy_db_set(s, argv[0], argv[1], old, sizeof old, &d) < 0
	    || audit_record(s, &d, "policy %s: '%s' -> '%s'", argv[0], old,
			    argv[1]) < 0)
		fail(s, &d);
	finish(s);
	store_close(s);
	fprintf(stderr, "%s: %s%s: '%s' -> '%s'\n", program_name,
		dry_run ? "would set " : "", argv[0], old, argv[1]);
	return EXIT_DONE;
}

static int
holiday_row(int day, const char *name, void *arg)
{
	out_date(arg, day);
	out_field(arg, name);
	out_row_end(arg);
	return 0;
}

static int
load_holidays(struct store *s, const char *path, int *added, int *renamed,
	      struct diag *d)
{
	struct csvio_reader *r = csvio_open(path, d);
	char why[128], q[64];
	int daycol, namecol, rc, day;

	if (!r)
		return -1;
	daycol = csvio_column(r, "day");
	namecol = csvio_column(r, "name");
	if (daycol < 0 || namecol < 0) {
		diag_set(d, EXIT_DATAERR, "%s:1: the columns day and name are "
			 "required", csvio_name(r));
		csvio_close(r);
		return -1;
	}
	while ((rc = csvio_next(r, d)) == 1) {
		const char *text = csvio_field(r, daycol);

		if (date_parse(text, &day, why, sizeof why) < 0) {
			rc = csvio_fail(r, d, EXIT_DATAERR, daycol, "'%s': %s",
					diag_quote(q, sizeof q, text), why);
			break;
		}
		if (!*csvio_field(r, namecol)) {
			rc = csvio_fail(r, d, EXIT_DATAERR, namecol, "empty");
			break;
		}
		rc = calendar_db_add(s, day, csvio_field(r, namecol), d);
		if (rc < 0)
			break;
		if (rc)
			(*added)++;
		else
			(*renamed)++;
	}
	csvio_close(r);
	return rc < 0 ? -1 : 0;
}

static int
cmd_holidays(int argc, char **argv)
{
	static const char *const cols[] = { "day", "name", NULL };
	struct diag d = DIAG_INIT;
	struct store *s;
	struct out *o;
	int i, added = 0, again = 0;

	if (argc == 0) {
		s = open_read();
		o = out_new(stdout, format, cols);
		if (calendar_db_each(s, date_from_ymd(1900, 1, 1),
				     date_from_ymd(9999, 12, 31), holiday_row,
				     o, &d) < 0)
			fail(s, &d);
		out_free(o);
		store_close(s);
		return EXIT_DONE;
	}
	if (strcmp(argv[0], "load") != 0 || argc < 2)
		cli_usage_error("holidays takes nothing, or load FILE...");
	s = open_write();
	for (i = 1; i < argc; i++)
		if (load_holidays(s, argv[i], &added, &again, &d) < 0)
			fail(s, &d);
	if (audit_record(s, &d, "holidays loaded: %d added, %d already there",
			 added, again) < 0)
		fail(s, &d);
	finish(s);
	store_close(s);
	fprintf(stderr, "%s: holidays: %s%d added, %d already there\n",
		program_name, dry_run ? "would have " : "", added, again);
	return EXIT_DONE;
}

static int
reason_row(const struct reason *r, void *arg)
{
	out_field(arg, r->code);
	out_field(arg, r->direction);
	out_field(arg, r->description);
	out_field(arg, r->customer_text);
	out_row_end(arg);
	return 0;
}

static int
cmd_reasons(int argc, char **argv)
{
	static const char *const cols[] = { "code", "direction", "description",
		"customer_text", NULL };
	struct diag d = DIAG_INIT;
	struct store *s;
	struct out *o;
	int added, replaced;

	if (argc == 0) {
		s = open_read();
		o = out_new(stdout, format, cols);
		if (reason_db_each(s, reason_row, o, &d) < 0)
			fail(s, &d);
		out_free(o);
		store_close(s);
		return EXIT_DONE;
	}
	if (strcmp(argv[0], "load") != 0 || argc != 2)
		cli_usage_error("reasons takes nothing, or load FILE");
	s = open_write();
	if (reason_db_load(s, argv[1], &added, &replaced, &d) < 0
	    || audit_record(s, &d, "reasons loaded from %s: %d added, %d "
			    "replaced", argv[1], added, replaced) < 0)
		fail(s, &d);
	finish(s);
	store_close(s);
	fprintf(stderr, "%s: reasons: %s%d added, %d replaced\n", program_name,
		dry_run ? "would have " : "", added, replaced);
	return EXIT_DONE;
}

/* A login as the password database has it: letters, digits, '.', '_', '-',
 * not starting with '-'. */
static int
login_check(const char *s, char *why, size_t whysize)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 32) {
		snprintf(why, whysize, "1 to 32 characters");
		return -1;
	}
	for (i = 0; i < n; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z') && !(s[i] >= 'A' && s[i] <= 'Z')
		    && !(s[i] >= '0' && s[i] <= '9') && !strchr("._-", s[i])) {
			snprintf(why, whysize, "letters, digits, '.', '_' or "
				 "'-' only");
			return -1;
		}
	if (s[0] == '-') {
		snprintf(why, whysize, "must not start with '-'");
		return -1;
	}
	return 0;
}

struct clerk_list {
	struct out *o;
	int64_t default_limit;
};

static int
clerk_row(const struct clerk *c, void *arg)
{
	struct clerk_list *l = arg;

	out_field(l->o, c->login);
	out_field(l->o, c->name);
	out_field(l->o, clerk_role_name(c->supervisor));
	out_money(l->o, c->limit >= 0 ? c->limit : l->default_limit);
	out_field(l->o, c->limit >= 0 ? "own" : "policy");
	out_row_end(l->o);
	return 0;
}

/* "name 'Ann Able', role clerk, limit 250.00" into buf. */
static const char *
clerk_describe(const struct clerk *c, char *buf, size_t size)
{
	char q[128], m[MONEY_BUFSZ];

	snprintf(buf, size, "name '%s', role %s, limit %s",
		 diag_quote(q, sizeof q, c->name),
		 clerk_role_name(c->supervisor),
		 c->limit >= 0 ? money_format(c->limit, m) : "default");
	return buf;
}

static int
cmd_clerks(int argc, char **argv)
{
	enum { OPT_LIMIT = CLI_OPT_FIRST_FREE, OPT_NAME, OPT_ROLE };
	static const struct option add_options[] = {
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "role", required_argument, NULL, OPT_ROLE },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const cols[] = { "login", "name", "role", ">limit",
		"limit_source", NULL };
	const char *name = NULL, *role = NULL, *limit = NULL;
	struct clerk c = CLERK_INIT;
	struct clerk_list l;
	struct diag d = DIAG_INIT;
	char why[128], q[64], what[512];
	struct store *s;
	int opt, supervisor = 0, known;
	int64_t cents = -1;

	if (argc == 0) {
		s = open_read();
		l.o = out_new(stdout, format, cols);
		if (policy_db_get_money(s, "adjust.clerk_limit",
					&l.default_limit, &d) < 0
		    || clerk_db_each(s, clerk_row, &l, &d) < 0)
			fail(s, &d);
		out_free(l.o);
		store_close(s);
		return EXIT_DONE;
	}
	if (strcmp(argv[0], "add") != 0)
		cli_usage_error("clerks takes nothing, or add LOGIN [--limit "
				"AMT|default] [--name N] [--role R]");
	/* add's own options, anywhere after it: a new scan (optind 0) of
	 * argv, whose first element stands for the program in messages */
	argv[0] = (char *) program_name;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "", add_options, NULL)) != -1) {
		switch (opt) {
		case OPT_LIMIT:
			limit = optarg;
			break;
		case OPT_NAME:
			name = optarg;
			break;
		case OPT_ROLE:
			role = optarg;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		cli_usage_error("clerks add needs one LOGIN");
	if (login_check(argv[0], why, sizeof why) < 0)
		cli_usage_error("login '%s': %s",
				diag_quote(q, sizeof q, argv[0]), why);
	if (name && account_text_check(name, why, sizeof why) < 0)
		cli_usage_error("option --name: %s", why);
	if (role && clerk_role_parse(role, &supervisor) < 0)
		cli_usage_error("option --role: '%s': not clerk or supervisor",
				diag_quote(q, sizeof q, role));
	if (limit && strcmp(limit, "default") != 0) {
		cents = cli_money("limit", limit);
		if (cents < 0)
			cli_usage_error("option --limit: '%s': negative",
					limit);
	}

	s = open_write();
	snprintf(what, sizeof what, "clerk %s", argv[0]);
	administer(s, what);
	known = clerk_db_get(s, argv[0], &c, &d);
	if (known < 0)
		fail(s, &d);
	/* an existing clerk keeps what is not given */
	if (name) {
		free(c.name);
		c.name = xstrdup(name);
	}
	if (role)
		c.supervisor = supervisor;
	if (limit)
		c.limit = cents;
	clerk_describe(&c, what, sizeof what);
	if (clerk_db_put(s, &c, &d) < 0
	    || audit_record(s, &d, "clerk %s %s: %s", c.login,
			    known ? "changed" : "added", what) < 0)
		fail(s, &d);
	finish(s);
	store_close(s);
	fprintf(stderr, "%s: clerk %s %s: %s\n", program_name, c.login,
		dry_run ? (known ? "would be changed" : "would be added")
		: known ? "changed" : "added", what);
	clerk_release(&c);
	return EXIT_DONE;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} commands[] = {
		{ "backup", cmd_backup }, { "check", cmd_check },
		{ "clerks", cmd_clerks },
		{ "holidays", cmd_holidays }, { "init", cmd_init },
		{ "migrate", cmd_migrate }, { "policy", cmd_policy },
		{ "reasons", cmd_reasons }, { "restore", cmd_restore },
	};
	size_t i;
	int c;

	set_program_name(argv[0]);
	atexit(close_stdout);

	/* '+': the options end at COMMAND, which may have options of its own */
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
		case CLI_OPT_DATE:
			cli_business_date(optarg);	/* checked, unused */
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

	if (argc < 1)
		cli_usage_error("no command given");
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	cli_usage_error("'%s': no such command", argv[0]);
}
