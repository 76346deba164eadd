/* audit: who did what, when, with which program; in the writer's
 * transaction. */
#ifndef ACCTKIT_AUDIT_H
#define ACCTKIT_AUDIT_H

#include <stdint.h>

struct diag;
struct store;

/* The user's login from the password database (or "uid N").  Static. */
const char *audit_login(void);

/* Records what (a short summary, printf-style) with the login, the UTC time
 * and the store's program name.  Call inside store_begin()/store_commit().
 * A line that links nothing (below) is written in the columns the audit
 * table has had since schema version 1, so in a store of any version. */
int audit_record(struct store *s, struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The batch of entries (batches.id) and the document (its number) that
 * the next audit_record() names, so that acct-db check can find the line
 * of every write: the store code that makes a batch or inserts a document
 * calls these; each link is used by one line, then cleared.  A batch of 0,
 * or a NULL document, clears it.  The number is copied. */
void audit_link_batch(int64_t batch);
void audit_link_document(const char *number);

/* Calls fault() with "audit: KIND NUMBER has no audit line" for each batch,
 * receipt, agreement, case, order, notice, bill, affidavit, certificate
 * and held adjustment no audit line names; returns how many, -1 on error. */
int audit_check(struct store *s, void (*fault)(const char *, void *),
		void *arg, struct diag *d);

#endif
