/* store: the SQLite store: opening, schema version, migrations, transactions.
 *
 * This is the only module (with the *_db.c files, through store_sql.h) that
 * knows SQLite.  Programs see an opaque struct store. */
#ifndef ACCTKIT_STORE_H
#define ACCTKIT_STORE_H

struct diag;
struct store;

enum store_mode {
	STORE_READ,		/* read only */
	STORE_WRITE		/* read and write; writes inside store_begin() */
};

/* The store's path: opt (from -d/--db) if not NULL, else $ACCTKIT_DB, else
 * the configured default under localstatedir.  Static storage. */
const char *store_path(const char *opt);

/* The schema version this build of acctkit reads and writes. */
int store_schema_version(void);

/* Opens an existing store whose schema version is this build's.  program is
 * the name recorded in the audit trail.  Returns NULL and fills d (status
 * EXIT_REFUSED: missing file, other version; EXIT_BUSY).  Close with
 * store_close(). */
struct store *store_open(const char *path, enum store_mode mode,
			 const char *program, struct diag *d);

/* Makes a new store file at path (mode 0660, creating a missing parent
 * directory 0770), at the current schema version, with the policy defaults.
 * Refuses (EXIT_REFUSED) if the file exists.  Returns the open store. */
struct store *store_create(const char *path, const char *program,
			   struct diag *d);

/* Opens a store of any older version for migration; *version gets its
 * version.  Newer than this build: refused. */
struct store *store_open_any(const char *path, const char *program,
			     int *version, struct diag *d);

/* Applies the migrations after the store's version, in one transaction;
 * *from and *to get the versions. */
int store_migrate(struct store *s, int *from, int *to, struct diag *d);

/* BEGIN IMMEDIATE (waits up to the busy timeout: $ACCTKIT_BUSY_TIMEOUT
 * seconds, default 5; EXIT_BUSY after), COMMIT, ROLLBACK. */
int store_begin(struct store *s, struct diag *d);
int store_commit(struct store *s, struct diag *d);
void store_rollback(struct store *s);

/* Drops the index name inside the current transaction until
 * store_index_restore() makes it again from the same SQL: for a load much
 * bigger than its table, building an index once at the end is several times
 * faster than keeping it up to date row by row.  Readers meanwhile see the
 * store as it was, index and all. */
int store_index_defer(struct store *s, const char *name, struct diag *d);
int store_index_restore(struct store *s, struct diag *d);

/* The program name given to store_open(). */
const char *store_program(const struct store *s);

/* Copies the whole store, consistently, into a new file at dest (0660). */
int store_backup(struct store *s, const char *dest, struct diag *d);

/* Opens the file at path, read-only, as a backup to restore: an acctkit
 * store of this build's schema version or an older one (*version gets it).
 * A missing file is refused (EXIT_REFUSED), never made; a file that is not
 * an SQLite database, or not an acctkit store, is bad input (EXIT_DATAERR);
 * a newer version is refused.  As with STORE_READ, its statements share
 * one read transaction until store_close(), so that what is checked of it
 * is what store_restore() copies.  program names the audit line written
 * by store_restore()'s record().  Close with store_close(). */
struct store *store_open_backup(const char *path, const char *program,
				int *version, struct diag *d);

/* Replaces the whole of the store s (from store_open_any()) with backup
 * (from store_open_backup()), in one transaction of s: a failure at any
 * point leaves s as it was.  First it takes s for itself, waiting up to the
 * busy timeout for every other program to close the store (EXIT_BUSY after,
 * nothing changed), and keeps them out until store_close(s), so that what
 * the caller checks after is what the copy left.  record(copy, arg, d) is
 * called on a private copy of backup inside a write transaction of it, to
 * write the audit line that comes into s with the rest (0, or -1 with d
 * filled).  backup and s must have the same page size (EXIT_REFUSED). */
int store_restore(struct store *s, struct store *backup,
		  int (*record)(struct store *, void *, struct diag *),
		  void *arg, struct diag *d);

/* SQLite's integrity and foreign key checks: calls fault() with a line of
 * text for each problem; returns the number of problems, -1 on error. */
int store_check(struct store *s, void (*fault)(const char *, void *),
		void *arg, struct diag *d);

void store_close(struct store *s);

#endif
