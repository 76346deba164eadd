#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "diag.h"
#include "error.h"
#include "policy_db.h"
#include "store.h"
#include "store_sql.h"
#include "xalloc.h"

/* common/schema.c, generated from common/schema/NNNN-*.sql */
extern const char *const store_migration_sql[];

struct cached_stmt {
	const char *sql;
	sqlite3_stmt *st;
};

struct store {
	sqlite3 *db;
	char *program;
	struct cached_stmt *stmts;
	size_t nstmts, stmts_alloc;
	int in_transaction;
	char **deferred;	/* CREATE INDEX statements to run again */
	size_t ndeferred;
};

const char *
store_path(const char *opt)
{
	const char *env;

	if (opt)
		return opt;
	env = getenv("ACCTKIT_DB");
	if (env && *env)
		return env;
	return ACCTKIT_DEFAULT_DB;
}

int
store_schema_version(void)
{
	int n = 0;

	while (store_migration_sql[n])
		n++;
	return n;
}

/* The busy timeout in milliseconds from $ACCTKIT_BUSY_TIMEOUT (seconds),
 * default 30 s; -1 and d filled for a bad value. */
static int
busy_timeout_ms(struct diag *d)
{
	const char *env = getenv("ACCTKIT_BUSY_TIMEOUT");
	char *end, q[64];
	long sec;

	if (!env || !*env)
		return 30000;	/* a clerk waits rather than retypes */
	sec = strtol(env, &end, 10);
	if (end == env || *end || sec < 0 || sec > 3600)
		return diag_set(d, EXIT_USAGE, "ACCTKIT_BUSY_TIMEOUT '%s': not "
				"a number of seconds from 0 to 3600",
				diag_quote(q, sizeof q, env));
	return (int) sec * 1000;
}

static int
sql_fail(struct store *s, struct diag *d, int rc, const char *what)
{
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return diag_set(d, EXIT_BUSY,
				"store busy: another program kept it locked past "
				"the timeout; try again");
	return diag_set(d, EXIT_REFUSED, "store: %s: %s", what,
			s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
}

int
store_exec(struct store *s, const char *sql, struct diag *d)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return sql_fail(s, d, rc, "exec");
	return 0;
}

static int
pragma_int(struct store *s, const char *sql, int *value, struct diag *d)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sql_fail(s, d, rc, sql);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_fail(s, d, rc, sql);
	return 0;
}

/* A store, or its directory, that anyone may write is anyone's to change
 * (or to plant a store.db-wal beside), whatever acctkit checks.  Said here,
 * the one place the library speaks, so that every program says it, not
 * only those that remember to ask. */
static void
warn_exposed(const char *path)
{
	struct stat sb;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (stat(path, &sb) == 0 && (sb.st_mode & S_IWOTH))
		error(0, 0, "warning: store '%s' is writable by anyone "
		      "(mode %04o)", path, (unsigned) (sb.st_mode & 07777));
	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (stat(dir, &sb) == 0 && (sb.st_mode & S_IWOTH))
		error(0, 0, "warning: the directory '%s' of store '%s' is "
		      "writable by anyone (mode %04o)", dir, path,
		      (unsigned) (sb.st_mode & 07777));
	free(dir);
}

/* Opens path with SQLite and sets what every connection needs: foreign keys
 * (per connection, before any transaction) and the busy timeout. */
static struct store *
open_db(const char *path, int flags, const char *program, struct diag *d)
{
	static int configured;
	struct store *s;
	int rc, fk = 0, timeout = busy_timeout_ms(d);

	if (timeout < 0)
		return NULL;
	if (!configured) {
		/* one thread a process: no mutexes, no memory statistics */
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = 1;
	}
	s = xzalloc(sizeof *s);
	rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		diag_set(d, EXIT_REFUSED, "store '%s': %s", path,
			 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);	/* a handle is made even on failure */
		free(s);
		return NULL;
	}
	s->program = xstrdup(program);
	warn_exposed(path);
	sqlite3_busy_timeout(s->db, timeout);
	sqlite3_extended_result_codes(s->db, 0);
	if (store_exec(s, "PRAGMA foreign_keys = ON", d) < 0
	    || pragma_int(s, "PRAGMA foreign_keys", &fk, d) < 0)
		goto fail;
	if (!fk) {
		diag_set(d, EXIT_REFUSED, "store '%s': foreign keys cannot be "
			 "enforced by this SQLite", path);
		goto fail;
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

static int
check_wal(struct store *s, const char *path, struct diag *d)
{
	sqlite3_stmt *st;
	int ok;

	if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st,
			       NULL) != SQLITE_OK)
		return sql_fail(s, d, SQLITE_ERROR, "journal mode");
	ok = sqlite3_step(st) == SQLITE_ROW
	     && strcmp((const char *) sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!ok)
		return diag_set(d, EXIT_BUSY, "store '%s': cannot switch to "
				"write-ahead logging (busy?); try again", path);
	return 0;
}

static int
exists(const char *path, struct diag *d)
{
	struct stat sb;

	if (stat(path, &sb) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	return diag_set(d, EXIT_REFUSED, "store '%s': %s", path,
			strerror(errno));
}

struct store *
store_open_any(const char *path, const char *program, int *version,
	       struct diag *d)
{
	struct store *s;
	int e = exists(path, d);

	if (e < 0)
		return NULL;
	if (e == 0) {
		diag_set(d, EXIT_REFUSED, "store '%s': no such file: make one "
			 "with 'acct-db init'", path);
		return NULL;
	}
	s = open_db(path, SQLITE_OPEN_READWRITE, program, d);
	if (!s)
		return NULL;
	if (pragma_int(s, "PRAGMA user_version", version, d) < 0)
		goto fail;
	if (*version > store_schema_version()) {
		diag_set(d, EXIT_REFUSED, "store '%s': schema version %d is "
			 "newer than this acctkit's %d: use a newer acctkit",
			 path, *version, store_schema_version());
		goto fail;
	}
	if (*version < 1) {
		diag_set(d, EXIT_REFUSED, "store '%s': not an acctkit store",
			 path);
		goto fail;
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

struct store *
store_open(const char *path, enum store_mode mode, const char *program,
	   struct diag *d)
{
	struct store *s;
	int version = 0, e = exists(path, d);

	if (e < 0)
		return NULL;
	if (e == 0) {
		diag_set(d, EXIT_REFUSED, "store '%s': no such file: make one "
			 "with 'acct-db init'", path);
		return NULL;
	}
	s = open_db(path, mode == STORE_WRITE ? SQLITE_OPEN_READWRITE
					      : SQLITE_OPEN_READONLY,
		    program, d);
	if (!s)
		return NULL;
	if (pragma_int(s, "PRAGMA user_version", &version, d) < 0)
		goto fail;
	if (version != store_schema_version()) {
		if (version < 1)
			diag_set(d, EXIT_REFUSED, "store '%s': not an acctkit "
				 "store", path);
		else if (version < store_schema_version())
			diag_set(d, EXIT_REFUSED, "store '%s': schema version "
				 "%d, this acctkit needs %d: run 'acct-db "
				 "migrate'", path, version,
				 store_schema_version());
		else
			diag_set(d, EXIT_REFUSED, "store '%s': schema version "
				 "%d is newer than this acctkit's %d", path,
				 version, store_schema_version());
		goto fail;
	}
	if (mode == STORE_WRITE && check_wal(s, path, d) < 0)
		goto fail;
	/* a batch's index pages stay in memory until the commit instead of
	 * spilling to the log: bounded, so memory does not grow with a file */
	if (mode == STORE_WRITE
	    && store_exec(s, "PRAGMA cache_size = -65536", d) < 0)
		goto fail;
	/* A reader sees the store as of one moment: all its statements share
	 * one read transaction, from its first read to store_close(), so that
	 * a batch committed meanwhile is wholly out of what it prints. */
	if (mode == STORE_READ) {
		if (store_exec(s, "BEGIN", d) < 0)
			goto fail;
		s->in_transaction = 1;
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

struct store *
store_open_backup(const char *path, const char *program, int *version,
		  struct diag *d)
{
	struct store *s;
	struct stat sb;

	if (stat(path, &sb) < 0) {
		diag_set(d, EXIT_REFUSED, "backup '%s': %s", path,
			 errno == ENOENT ? "no such file" : strerror(errno));
		return NULL;
	}
	s = open_db(path, SQLITE_OPEN_READONLY, program, d);
	if (!s)
		return NULL;
	if (store_exec(s, "BEGIN", d) < 0)
		goto fail;
	s->in_transaction = 1;
	/* SQLite opens any file; it is read, and judged, here */
	if (pragma_int(s, "PRAGMA user_version", version, d) < 0) {
		if (sqlite3_errcode(s->db) == SQLITE_NOTADB)
			diag_set(d, EXIT_DATAERR, "backup '%s': not an SQLite "
				 "database", path);
		goto fail;
	}
	if (*version < 1) {
		diag_set(d, EXIT_DATAERR, "backup '%s': not an acctkit store",
			 path);
		goto fail;
	}
	if (*version > store_schema_version()) {
		diag_set(d, EXIT_REFUSED, "backup '%s': schema version %d is "
			 "newer than this acctkit's %d: use a newer acctkit",
			 path, *version, store_schema_version());
		goto fail;
	}
	return s;
fail:
	store_close(s);
	return NULL;
}

/* Makes the store's directory and any missing parents (mkdir -p): the
 * parents 0755, the store's own directory 0770, for its group. */
static int
make_parent(const char *path, struct diag *d)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *p;
	int rc = 0;

	if (!slash || slash == dir)
		goto done;
	*slash = '\0';
	for (p = dir + 1; ; p++) {
		int last = *p == '\0';

		if (*p != '/' && !last)
			continue;
		*p = '\0';
		if (mkdir(dir, last ? 0770 : 0755) == 0) {
			if (last)
				chmod(dir, 0770);	/* whatever the umask */
		} else if (errno != EEXIST) {
			rc = diag_set(d, EXIT_REFUSED, "store directory '%s': "
				      "%s", dir, strerror(errno));
			goto done;
		}
		if (last)
			break;
		*p = '/';
	}
done:
	free(dir);
	return rc;
}

/* Applies migrations from+1 .. the last; inside the caller's transaction. */
static int
apply_migrations(struct store *s, int from, struct diag *d)
{
	int v;
	char sql[64];

	for (v = from; store_migration_sql[v]; v++) {
		if (store_exec(s, store_migration_sql[v], d) < 0) {
			diag_prefix(d, "migration %d", v + 1);
			return -1;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
	return store_exec(s, sql, d);
}

struct store *
store_create(const char *path, const char *program, struct diag *d)
{
	struct store *s;
	int fd, e = exists(path, d);

	if (e < 0)
		return NULL;
	if (e) {
		diag_set(d, EXIT_REFUSED, "store '%s': already exists", path);
		return NULL;
	}
	if (make_parent(path, d) < 0)
		return NULL;
	/* Made here so that the mode is 0660 whatever the umask; SQLite gives
	 * the -wal and -shm files the same mode. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0660);
	if (fd < 0) {
		diag_set(d, EXIT_REFUSED, "store '%s': %s", path,
			 strerror(errno));
		return NULL;
	}
	fchmod(fd, 0660);
	close(fd);
	s = open_db(path, SQLITE_OPEN_READWRITE, program, d);
	if (!s)
		goto fail;
	if (check_wal(s, path, d) < 0 || store_begin(s, d) < 0)
		goto fail;
	if (apply_migrations(s, 0, d) < 0 || policy_db_seed(s, d) < 0
	    || store_commit(s, d) < 0) {
		store_rollback(s);
		goto fail;
	}
	return s;
fail:
	store_close(s);
	unlink(path);
	return NULL;
}

int
store_migrate(struct store *s, int *from, int *to, struct diag *d)
{
	if (pragma_int(s, "PRAGMA user_version", from, d) < 0)
		return -1;
	*to = store_schema_version();
	if (*from == *to)
		return 0;
	if (store_begin(s, d) < 0)
		return -1;
	if (apply_migrations(s, *from, d) < 0 || policy_db_seed(s, d) < 0
	    || store_commit(s, d) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_begin(struct store *s, struct diag *d)
{
	int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return sql_fail(s, d, rc, "begin");
	s->in_transaction = 1;
	return 0;
}

int
store_commit(struct store *s, struct diag *d)
{
	int rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return sql_fail(s, d, rc, "commit");
	s->in_transaction = 0;
	return 0;
}

void
store_rollback(struct store *s)
{
	if (s && s->in_transaction) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		s->in_transaction = 0;
	}
}

int
store_index_defer(struct store *s, const char *name, struct diag *d)
{
	static const char sql[] = "SELECT sql FROM sqlite_master "
		"WHERE type = 'index' AND name = ?";
	sqlite3_stmt *st = store_stmt(s, sql, d);
	char drop[128];
	int rc;

	if (!st)
		return -1;
	store_bind_text(st, 1, name);
	rc = store_step(s, st, d);
	if (rc < 0)
		return -1;
	if (rc == SQLITE_DONE || sqlite3_column_type(st, 0) == SQLITE_NULL) {
		sqlite3_reset(st);
		return diag_set(d, EXIT_REFUSED, "store: no index '%s' to "
				"defer", name);
	}
	s->deferred = xreallocarray(s->deferred, s->ndeferred + 1,
				    sizeof *s->deferred);
	s->deferred[s->ndeferred++] = xstrdup(store_col_text(st, 0));
	sqlite3_reset(st);
	/* name comes from the program, never from input */
	snprintf(drop, sizeof drop, "DROP INDEX %s", name);
	return store_exec(s, drop, d);
}

int
store_index_restore(struct store *s, struct diag *d)
{
	while (s->ndeferred > 0) {
		char *sql = s->deferred[s->ndeferred - 1];

		if (store_exec(s, sql, d) < 0)
			return -1;
		free(sql);
		s->ndeferred--;
	}
	return 0;
}

const char *
store_program(const struct store *s)
{
	return s->program;
}

/* Copies the whole of the database of from over that of to, which has no
 * transaction open, with SQLite's online backup API; an SQLite result
 * code.  Stepped with -1, the copy is one write transaction of to:
 * sqlite3_backup_step() opens it at its first call and commits it only as
 * it returns SQLITE_DONE, and sqlite3_backup_finish() rolls back one not
 * done (sqlite.org/c3ref/backup_finish.html), so a failure half-way leaves
 * to as it was.  It goes through to's pager: in WAL mode the pages are
 * appended to the log and count from their commit, as any transaction's.
 * from is only read, in its own read transaction if it has one open. */
static int
copy_db(sqlite3 *to, sqlite3 *from)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	int rc;

	if (!b)
		return sqlite3_errcode(to);
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int
store_backup(struct store *s, const char *dest, struct diag *d)
{
	sqlite3 *out = NULL;
	int fd, rc;

	fd = open(dest, O_WRONLY | O_CREAT | O_EXCL, 0660);
	if (fd < 0)
		return diag_set(d, EXIT_REFUSED, "backup '%s': %s", dest,
				strerror(errno));
	fchmod(fd, 0660);
	close(fd);
	rc = sqlite3_open_v2(dest, &out, SQLITE_OPEN_READWRITE, NULL);
	/* all at once: one consistent snapshot, and the store stays readable */
	if (rc == SQLITE_OK)
		rc = copy_db(out, s->db);
	if (rc != SQLITE_OK) {
		diag_set(d, rc == SQLITE_BUSY ? EXIT_BUSY : EXIT_REFUSED,
			 "backup '%s': %s", dest, sqlite3_errstr(rc));
		sqlite3_close(out);
		unlink(dest);
		return -1;
	}
	sqlite3_close(out);
	return 0;
}

/* Takes the store for this connection alone.  In exclusive locking mode a
 * connection keeps the locks it takes until it closes; in WAL mode the one
 * a write then takes is an exclusive lock on the database file, which
 * every other connection that has read the store holds shared while it is
 * open.  So this waits (the busy timeout) until no other program has the
 * store open, and keeps every other out until store_close(): none is left
 * reading the contents replaced, or writing into them half-way. */
static int
hold(struct store *s, struct diag *d)
{
	if (check_wal(s, sqlite3_db_filename(s->db, "main"), d) < 0
	    || store_exec(s, "PRAGMA locking_mode = EXCLUSIVE", d) < 0)
		return -1;
	if (store_exec(s, "BEGIN EXCLUSIVE", d) < 0) {
		if (d->status == EXIT_BUSY)
			diag_set(d, EXIT_BUSY, "store busy: another program "
				 "kept it open past the timeout, and a restore "
				 "needs it alone; try again");
		return -1;
	}
	return store_exec(s, "COMMIT", d);
}

/* A private copy of backup, for store_restore(): in a temporary database
 * of SQLite's own (kept in memory while it is small, else in a file of
 * $TMPDIR), gone when it is closed. */
static struct store *
stage(struct store *backup, struct diag *d)
{
	struct store *c = xzalloc(sizeof *c);
	int rc = sqlite3_open_v2("", &c->db, SQLITE_OPEN_READWRITE
				 | SQLITE_OPEN_CREATE, NULL);

	c->program = xstrdup(backup->program);
	if (rc == SQLITE_OK)
		rc = copy_db(c->db, backup->db);
	if (rc != SQLITE_OK) {
		diag_set(d, EXIT_REFUSED, "backup '%s': copying it aside: %s",
			 sqlite3_db_filename(backup->db, "main"),
			 sqlite3_errstr(rc));
		store_close(c);
		return NULL;
	}
	return c;
}

int
store_restore(struct store *s, struct store *backup,
	      int (*record)(struct store *, void *, struct diag *), void *arg,
	      struct diag *d)
{
	struct store *copy;
	int from, to, rc;

	/* the backup API cannot change the page size of a store in WAL
	 * mode: said here, before anything is taken or copied */
	if (pragma_int(backup, "PRAGMA page_size", &from, d) < 0
	    || pragma_int(s, "PRAGMA page_size", &to, d) < 0)
		return -1;
	if (from != to)
		return diag_set(d, EXIT_REFUSED, "backup '%s': page size %d, "
				"the store's %d: it cannot be copied into the "
				"store in use (see acct-db(1))",
				sqlite3_db_filename(backup->db, "main"), from,
				to);
	if (hold(s, d) < 0)
		return -1;
	/* The audit line must come in the same transaction as the contents:
	 * the backup API's transaction takes nothing else, so the line is
	 * written into a copy of the backup, and that is what is copied. */
	copy = stage(backup, d);
	if (!copy)
		return -1;
	if (store_begin(copy, d) < 0 || record(copy, arg, d) < 0
	    || store_commit(copy, d) < 0) {
		store_close(copy);
		return -1;
	}
	rc = copy_db(s->db, copy->db);
	store_close(copy);
	if (rc != SQLITE_OK)
		return sql_fail(s, d, rc, "restore");
	return 0;
}

int
store_check(struct store *s, void (*fault)(const char *, void *), void *arg,
	    struct diag *d)
{
	sqlite3_stmt *st;
	char line[512];
	int rc, faults = 0;

	if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st,
			       NULL) != SQLITE_OK)
		return sql_fail(s, d, SQLITE_ERROR, "integrity check");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *) sqlite3_column_text(st, 0);

		if (t && strcmp(t, "ok") != 0) {
			snprintf(line, sizeof line, "integrity: %s", t);
			fault(line, arg);
			faults++;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_fail(s, d, rc, "integrity check");
	if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st,
			       NULL) != SQLITE_OK)
		return sql_fail(s, d, SQLITE_ERROR, "foreign key check");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(line, sizeof line, "foreign key: %s row %lld refers "
			 "to a missing %s row",
			 (const char *) sqlite3_column_text(st, 0),
			 (long long) sqlite3_column_int64(st, 1),
			 (const char *) sqlite3_column_text(st, 2));
		fault(line, arg);
		faults++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_fail(s, d, rc, "foreign key check");
	return faults;
}

void
store_close(struct store *s)
{
	size_t i;

	if (!s)
		return;
	store_rollback(s);
	for (i = 0; i < s->nstmts; i++)
		sqlite3_finalize(s->stmts[i].st);
	free(s->stmts);
	for (i = 0; i < s->ndeferred; i++)
		free(s->deferred[i]);
	free(s->deferred);
	sqlite3_close(s->db);
	free(s->program);
	free(s);
}

sqlite3_stmt *
store_stmt(struct store *s, const char *sql, struct diag *d)
{
	size_t i;
	sqlite3_stmt *st;
	int rc;

	for (i = 0; i < s->nstmts; i++) {
		if (s->stmts[i].sql == sql) {
			st = s->stmts[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
				NULL);
	if (rc != SQLITE_OK) {
		sql_fail(s, d, rc, "prepare");
		return NULL;
	}
	if (s->nstmts == s->stmts_alloc)
		s->stmts = x2nrealloc(s->stmts, &s->stmts_alloc,
				      sizeof *s->stmts);
	s->stmts[s->nstmts].sql = sql;
	s->stmts[s->nstmts].st = st;
	s->nstmts++;
	return st;
}

int
store_row(struct store *s, sqlite3_stmt *st, struct diag *d)
{
	int rc = store_step(s, st, d);

	if (rc < 0)
		return -1;
	return rc == SQLITE_ROW;
}

int
store_int64(struct store *s, sqlite3_stmt *st, int64_t *v, struct diag *d)
{
	int rc = store_step(s, st, d);

	if (rc < 0)
		return -1;
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return diag_set(d, EXIT_REFUSED, "a query for one value "
				"gave none");
	}
	*v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return 0;
}

int
store_next_seq(struct store *s, const char *sql, int year, int64_t *seq,
	       struct diag *d)
{
	sqlite3_stmt *st = store_stmt(s, sql, d);

	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, year);
	return store_int64(s, st, seq, d);
}

int
store_step(struct store *s, sqlite3_stmt *st, struct diag *d)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	sqlite3_reset(st);
	return sql_fail(s, d, rc, "step");
}

void
store_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void
store_bind_text_static(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

void
store_bind_date(sqlite3_stmt *st, int i, int day)
{
	char buf[DATE_BUFSZ];

	if (day == DATE_NONE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, date_format(day, buf), -1,
				  SQLITE_TRANSIENT);
}

void
store_bind_int(sqlite3_stmt *st, int i, int64_t n)
{
	sqlite3_bind_int64(st, i, n);
}

const char *
store_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *) t : "";
}

void
store_col_copy(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	snprintf(buf, size, "%s", store_col_text(st, i));
}

int
store_col_date(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	char why[64];
	int day;

	if (!t || date_parse((const char *) t, &day, why, sizeof why) < 0)
		return DATE_NONE;
	return day;
}

sqlite3 *
store_handle(struct store *s)
{
	return s->db;
}
