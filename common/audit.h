/* audit: who did what, when, with which program; in the writer's
 * transaction. */
#ifndef ACCTKIT_AUDIT_H
#define ACCTKIT_AUDIT_H

struct diag;
struct store;

/* The user's login from the password database (or "uid N").  Static. */
const char *audit_login(void);

/* Records what (a short summary, printf-style) with the login, the UTC time
 * and the store's program name.  Call inside store_begin()/store_commit(). */
int audit_record(struct store *s, struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
