#include <config.h>

#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "diag.h"
#include "loop.h"

static int
from_csv(int (*fn)(const char *, struct csvio_reader *, void *), void *arg,
	 int *status, struct diag *d)
{
	struct csvio_reader *r = csvio_open("-", d);
	int col, rc;

	if (!r)
		return -1;
	col = csvio_column(r, "account");
	if (col < 0) {
		csvio_close(r);
		return diag_set(d, EXIT_DATAERR, "stdin:1: no 'account' column");
	}
	while ((rc = csvio_next(r, d)) == 1) {
		const char *account = csvio_field(r, col);

		if (!*account) {
			csvio_fail(r, d, EXIT_DATAERR, col, "empty");
			rc = -1;
			break;
		}
		rc = fn(account, r, arg);
		if (rc < 0)
			break;
		if (rc == 1)
			*status = EXIT_REFUSED;
	}
	csvio_close(r);
	return rc < 0 ? -1 : 0;
}

int
loop_accounts(int argc, char **argv,
	      int (*fn)(const char *, struct csvio_reader *, void *),
	      void *arg, struct diag *d)
{
	int i, rc, status = 0, stdin_done = 0;

	if (argc == 0) {
		if (isatty(STDIN_FILENO)) {
			diag_set(d, EXIT_USAGE, "no account given");
			return EXIT_USAGE;
		}
		return from_csv(fn, arg, &status, d) < 0 ? d->status : status;
	}
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			if (stdin_done++)
				continue;
			rc = from_csv(fn, arg, &status, d);
		} else {
			rc = fn(argv[i], NULL, arg);
			if (rc == 1)
				status = EXIT_REFUSED;
		}
		if (rc < 0)
			return d->status;
	}
	return status;
}
