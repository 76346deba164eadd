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

/* SQLite's integrity and foreign key checks: calls fault() with a line of
 * text for each problem; returns the number of problems, -1 on error. */
int store_check(struct store *s, void (*fault)(const char *, void *),
		void *arg, struct diag *d);

void store_close(struct store *s);

#endif
