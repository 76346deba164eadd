/* store_sql: what the SQL files of each domain (*_db.c) need from the store.
 * Not for programs. */
#ifndef ACCTKIT_STORE_SQL_H
#define ACCTKIT_STORE_SQL_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

struct diag;
struct store;

/* A prepared statement for sql, cached in the store by the address of sql
 * (pass a string literal), reset and with its bindings cleared.  The store
 * owns it.  NULL and d filled on error. */
sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct diag *d);

/* Steps st; SQLITE_ROW and SQLITE_DONE pass through, anything else fills d
 * (EXIT_BUSY for a busy store, else EXIT_REFUSED with SQLite's words) and
 * gives -1. */
int store_step(struct store *s, sqlite3_stmt *st, struct diag *d);

/* Steps st, its parameters bound, for at most one row: 1 there is one (read
 * it, then sqlite3_reset(st)), 0 there is none, -1 and d filled on error. */
int store_row(struct store *s, sqlite3_stmt *st, struct diag *d);

/* Steps st, its parameters bound, for the one row of an aggregate (COUNT,
 * SUM, MAX ...): its first column in *v, and st reset; -1 and d filled on
 * error. */
int store_int64(struct store *s, sqlite3_stmt *st, int64_t *v,
		struct diag *d);

/* The next number of a series numbered without gaps through each year:
 * sql is the table's "SELECT COALESCE(MAX(seq), 0) + 1 FROM t WHERE year
 * = ?".  Run inside the writer's transaction, which holds the write lock,
 * so that two writers never take the same number and a rollback gives it
 * back. */
int store_next_seq(struct store *s, const char *sql, int year, int64_t *seq,
		   struct diag *d);

/* Runs sql (no parameters, no rows wanted); -1 and d filled on error. */
int store_exec(struct store *s, const char *sql, struct diag *d);

/* Binding helpers: text NULL binds SQL NULL; DATE_NONE binds NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *s);
/* As store_bind_text, without a copy: s must live until the statement's
 * next store_stmt() (fine for a value bound, stepped and done with). */
void store_bind_text_static(sqlite3_stmt *st, int i, const char *s);
void store_bind_date(sqlite3_stmt *st, int i, int day);
void store_bind_int(sqlite3_stmt *st, int i, int64_t n);

/* Column helpers: NULL text gives ""; a NULL or bad date gives DATE_NONE. */
const char *store_col_text(sqlite3_stmt *st, int i);
/* Copies column i's text ("" for NULL) into buf, cut to size - 1 bytes. */
void store_col_copy(sqlite3_stmt *st, int i, char *buf, size_t size);
int store_col_date(sqlite3_stmt *st, int i);

sqlite3 *store_handle(struct store *s);

#endif
