/* loop: the input rule of every program that works on accounts.
 *
 * Operands are account numbers, "-" is CSV on standard input; with no
 * operands and standard input not a terminal, CSV on standard input.  From
 * CSV, the 'account' column is found by name. */
#ifndef ACCTKIT_LOOP_H
#define ACCTKIT_LOOP_H

struct diag;
struct csvio_reader;

/* Calls fn(account, row, arg) for each account, in input order; row is the
 * CSV row it came from (NULL for an operand), to pass columns through.
 * fn returns 0 to go on, 1 to go on but end with EXIT_REFUSED (an unknown
 * account, said by fn), -1 to stop (d filled).  Returns the program's
 * status: 0, EXIT_REFUSED, or d->status after an error.  No operands with a
 * terminal on standard input is EXIT_USAGE ("no account given"). */
int loop_accounts(int argc, char **argv,
		  int (*fn)(const char *account, struct csvio_reader *row,
			    void *arg),
		  void *arg, struct diag *d);

#endif
