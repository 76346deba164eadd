/* out: a program's rows, as CSV or as an aligned table.
 *
 * CSV (with a header) when standard output is not a terminal, a table when it
 * is; --format csv|table overrides.  A table wider than the terminal is shown
 * one record at a time ("column  value" lines), as psql's expanded mode. */
#ifndef ACCTKIT_OUT_H
#define ACCTKIT_OUT_H

#include <stdio.h>
#include <stdint.h>

enum out_format { OUT_AUTO, OUT_CSV, OUT_TABLE };

/* Parses "csv" or "table"; returns -1 for anything else. */
int out_parse_format(const char *s, enum out_format *f);

struct out;

/* A writer on fp; cols is a NULL-terminated list of column names, a name
 * starting with '>' is a right-aligned (numeric) column, the '>' not shown.
 * Free with out_free(), which writes what a table has buffered. */
struct out *out_new(FILE *fp, enum out_format f, const char *const *cols);

/* True if the writer makes a table (useful for extra human lines). */
int out_is_table(const struct out *o);

/* Fields of the current row, in column order; out_row_end() ends the row. */
void out_field(struct out *o, const char *s);
void out_money(struct out *o, int64_t cents);
void out_int(struct out *o, long long n);
void out_date(struct out *o, int day);	/* DATE_NONE is written empty */
void out_row_end(struct out *o);

/* A line under a table (a total); ignored in CSV. */
void out_footer(struct out *o, const char *line);

/* Writes a buffered table and frees everything. */
void out_free(struct out *o);

#endif
