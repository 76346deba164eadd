/* diag: error text and exit statuses shared by the library and the programs.
 *
 * Library functions never print: they fill a struct diag with a message in the
 * form "where: what" and the exit status a program should end with, and return
 * -1.  The program prints "program: message" and decides how to go on. */
#ifndef ACCTKIT_DIAG_H
#define ACCTKIT_DIAG_H

#include <stddef.h>

/* Exit statuses of every program (acctkit(7)). */
enum {
	EXIT_DONE = 0,
	EXIT_REFUSED = 1,	/* refused or not found */
	EXIT_USAGE = 2,		/* bad options or operands */
	EXIT_DATAERR = 65,	/* bad input data; nothing was written */
	EXIT_BUSY = 75		/* the store stayed busy past the timeout */
};

#define DIAG_MAX 1024

struct diag {
	int status;		/* one of the exit statuses above */
	char msg[DIAG_MAX];
};
#define DIAG_INIT { 0, "" }

/* Sets the message (printf-style) and status; returns -1 for convenience. */
int diag_set(struct diag *d, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Puts "prefix: " in front of the message already set. */
void diag_prefix(struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Copies at most size-1 bytes of s into buf, showing control characters
 * as \xNN and cutting long values with "...", so that a user's value can
 * be quoted in a message safely.  Returns buf. */
char *diag_quote(char *buf, size_t size, const char *s);

/* Whether s is one of words (NULL-ended): 0, or -1 with "not a, b or c"
 * in why. */
int diag_word_check(const char *s, const char *const *words, char *why,
		    size_t whysize);

#endif
